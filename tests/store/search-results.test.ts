import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../src/shared/domain'
import { openStore, type Store } from '../../src/main/core/store'
import { annotationOn, newArticle } from '../helpers/articles'
import { useTempDir } from '../helpers/tmp'

/** A small desk's library: three articles from two outlets, claims, quotes and attributions. */
function library(store: Store): { pension: number; bridge: number; wire: number } {
  const pensionText = [
    'Pension costs will rise to $212 million next year, the finance department said.',
    '“We cannot keep borrowing for pensions,” said Councillor Dana Whitfield.',
    'The pension fund is 61% funded, according to the state comptroller.'
  ]
  const pension = store.insertArticle({ ...newArticle(pensionText, 'Pension bill climbs again'), byline: 'Marisol Okafor', outlet: 'The Riverton Ledger', publishedAt: '2026-11-03' })
  const t = pension.text
  const attribution = annotationOn(t, 'said Councillor Dana Whitfield', 'attribution', 'a-whitfield', { sourceName: 'Dana Whitfield' })
  const quote = annotationOn(t, 'We cannot keep borrowing for pensions', 'quote', 'q-whitfield', { speakerId: 'a-whitfield' })
  const claimFalse = annotationOn(t, 'Pension costs will rise to $212 million next year', 'claim', 'c-212', {
    status: 'false',
    explanation: 'The adopted budget shows $198 million.',
    evidence: [{ url: 'https://riverton.example/budget-2027.pdf', note: 'Budget book, pensions table' }],
    checkerId: store.personFor('Rosa Lind', 'checker').id
  })
  const claimTrue = annotationOn(t, 'The pension fund is 61% funded', 'claim', 'c-61', { status: 'true', checkerId: store.personFor('Sam Ortiz', 'checker').id })
  store.saveArticle({ id: pension.id, baseRevision: 1, annotations: [attribution, quote, claimFalse, claimTrue] as Annotation[], who: '' })

  const bridgeText = ['The Harbor Street bridge will close for nine months of repairs.', 'Pension money will not be used, the mayor said.']
  const bridge = store.insertArticle({ ...newArticle(bridgeText, 'Harbor Street bridge to close'), byline: 'Ken Adeyemi', outlet: 'The Riverton Ledger', publishedAt: '2025-04-18' })

  const wireText = ['Ministers met in Geneva on Tuesday to discuss grain exports.', '“The corridor stays open,” the minister told reporters.']
  const wire = store.insertArticle({ ...newArticle(wireText, 'Grain corridor talks resume'), byline: 'Staff', outlet: 'Meridian Wire Service', publishedAt: '2026-02-10' })
  return { pension: pension.id, bridge: bridge.id, wire: wire.id }
}

describe('search results', () => {
  const dir = useTempDir()

  it('rank a word in a headline above the same word in a paragraph, and fold an article’s own matches into one result', () => {
    const store = openStore(join(dir(), 'rank.db'))
    const ids = library(store)
    const hits = store.search({ query: 'pension' }).hits
    // The article whose headline says it first; the other article's paragraph after; each article once.
    const articles = hits.filter((h) => h.kind === 'article')
    expect(articles.map((h) => [h.articleId, h.matched])).toEqual([
      [ids.pension, 'headline'],
      [ids.bridge, 'text']
    ])
    expect(hits.findIndex((h) => h.articleId === ids.pension)).toBeLessThan(hits.findIndex((h) => h.articleId === ids.bridge))
    // The claims that say it are found on their own.
    expect(hits.filter((h) => h.kind === 'claim').map((h) => h.annotationId).sort()).toEqual(['c-212', 'c-61'])
    const text = hits.find((h) => h.articleId === ids.bridge)!
    expect(text.at).toEqual({ start: store.getArticle(ids.bridge).text.indexOf('Pension'), end: store.getArticle(ids.bridge).text.indexOf('Pension') + 7 })
    store.close()
  })

  it('filter by kind, status, speaker (named or linked), outlet, byline, checker and date', () => {
    const store = openStore(join(dir(), 'filters.db'))
    const ids = library(store)
    const refs = (query: string): (string | number)[] => store.search({ query }).hits.map((h) => h.annotationId ?? h.articleId)
    expect(refs('kind:claim status:false')).toEqual(['c-212'])
    expect(refs('pension kind:claim status:true,false').sort()).toEqual(['c-212', 'c-61'])
    // The quote is linked to the attribution that names her; the attribution names her itself.
    expect(refs('speaker:Whitfield').sort()).toEqual(['a-whitfield', 'q-whitfield'])
    expect(refs('borrowing speaker:"Dana Whitfield"')).toEqual(['q-whitfield'])
    expect(refs('kind:article outlet:"meridian wire"')).toEqual([ids.wire])
    expect(refs('kind:article byline:adeyemi')).toEqual([ids.bridge])
    expect(refs('checker:rosa')).toEqual(['c-212'])
    expect(refs('kind:article before:2026')).toEqual([ids.bridge])
    expect(refs('kind:article after:2026-01 before:2026-06')).toEqual([ids.wire])
    expect(refs('pension outlet:"Meridian"')).toEqual([])
    store.close()
  })

  it('page with a cursor: every result once, in order, and a cursor is only good for its own query', () => {
    const store = openStore(join(dir(), 'pages.db'))
    for (let i = 0; i < 25; i++) store.insertArticle(newArticle([`Levy report number ${i} on the ordinance.`], `Levy ${i}`))
    const all = store.search({ query: 'levy', limit: 200 }).hits.map((h) => h.articleId)
    expect(all).toHaveLength(25)
    const seen: number[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = store.search({ query: 'levy', limit: 10, cursor })
      seen.push(...page.hits.map((h) => h.articleId))
      cursor = page.next ?? undefined
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual(all)
    const second = store.search({ query: 'levy', limit: 10 }).next!
    expect(() => store.search({ query: 'ordinance', cursor: second })).toThrow(/belongs to another search/)
    expect(() => store.search({ query: 'levy', cursor: 'nonsense' })).toThrow(/not one Copydesk gave/)
    store.close()
  })

  it('finds a weakly ranked result behind hundreds of stronger ones its filters leave out', () => {
    const store = openStore(join(dir(), 'deep.db'))
    for (let i = 0; i < 260; i++) store.insertArticle(newArticle([`Levy ${i}.`], `Levy ${i}`))
    const long = newArticle([`${'The council met again on Tuesday evening to talk. '.repeat(40)}It set a levy of 2%.`], 'Council meeting')
    const a = store.insertArticle(long)
    store.saveArticle({ id: a.id, baseRevision: 1, annotations: [annotationOn(a.text, 'It set a levy of 2%', 'claim', 'c-levy', { status: 'false' })], who: '' })
    expect(store.search({ query: 'levy kind:claim' }).hits.map((h) => h.annotationId)).toEqual(['c-levy'])
    expect(store.search({ query: 'levy status:false', limit: 5 }).hits.map((h) => h.annotationId)).toEqual(['c-levy'])
    const all = store.search({ query: 'levy', limit: 200 })
    expect(all.hits).toHaveLength(200)
    expect(store.search({ query: 'levy', limit: 200, cursor: all.next! }).hits).toHaveLength(62)
    store.close()
  })

  it('finds the articles holding every word when no one field holds them all, and only those', () => {
    const store = openStore(join(dir(), 'spread.db'))
    const ids = library(store)
    // "Riverton" is only in two outlets, "repairs" only in the bridge story's text, "Okafor" only in a byline.
    expect(store.search({ query: 'riverton repairs' }).hits.map((h) => [h.kind, h.articleId])).toEqual([['article', ids.bridge]])
    expect(store.search({ query: 'okafor pension' }).hits.map((h) => h.articleId)).toEqual([ids.pension])
    expect(store.search({ query: 'riverton geneva' }).hits).toEqual([])
    // A filter still applies: the bridge story is from 2025.
    expect(store.search({ query: 'riverton repairs after:2026' }).hits).toEqual([])
    store.close()
  })

  it('a query Copydesk cannot read is refused in words; punctuation alone finds nothing', () => {
    const store = openStore(join(dir(), 'bad.db'))
    library(store)
    expect(() => store.search({ query: 'status:maybe' })).toThrow(/no status “maybe”/)
    expect(store.search({ query: '"); DROP TABLE articles; --' }).hits).toEqual([])
    expect(store.listArticles()).toHaveLength(3)
    store.close()
  })

  it('finds comments, and keeps them current as they are edited and deleted', () => {
    const store = openStore(join(dir(), 'comments.db'))
    const ids = library(store)
    store.db.prepare(`INSERT INTO comments (id, article_id, annotation_id, author_name, body, created_at) VALUES ('k1', ?, 'c-212', 'Rosa Lind', 'Called the actuary: the valuation is due in March.', 't')`).run(ids.pension)
    expect(store.search({ query: 'actuary' }).hits.map((h) => [h.kind, h.commentId, h.annotationId, h.status, h.name])).toEqual([['comment', 'k1', 'c-212', 'false', 'Rosa Lind']])
    store.db.prepare(`UPDATE comments SET body = 'Valuation moved to April.' WHERE id = 'k1'`).run()
    expect(store.search({ query: 'actuary' }).hits).toEqual([])
    expect(store.search({ query: 'april kind:comment' }).hits).toHaveLength(1)
    store.db.prepare(`UPDATE comments SET deleted_at = 't2' WHERE id = 'k1'`).run()
    expect(store.search({ query: 'april' }).hits).toEqual([])
    store.close()
  })
})
