import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../src/shared/domain'
import { openStore, type Store } from '../../src/main/core/store'
import { migrate, schemaVersion } from '../../src/main/core/store/migrations'
import { readArticleFile } from '../../src/main/core/import'
import { passagesOf } from '../../src/main/core/search/passages'
import { annotationOn, docOf, newArticle } from '../helpers/articles'
import { ROOT } from '../helpers/cli'
import { useTempDir } from '../helpers/tmp'

/** The ids of an article's indexed passages, in id order. */
function passageIds(store: Store, articleId: number): number[] {
  return store.db.prepare(`SELECT id FROM search_docs WHERE article_id = ? AND kind = 'passage' ORDER BY id`).pluck().all(articleId) as number[]
}

/** What each hit is, as "kind:article headline" (enough to tell results apart). */
function found(store: Store, query: string): string[] {
  return store.search({ query }).hits.map((h) => `${h.kind}:${h.headline}`)
}

describe('migration 6: the search index', () => {
  const dir = useTempDir()

  it('indexes a library written before it: details, text, annotations and their evidence', () => {
    const file = join(dir(), 'm6.db')
    const db = new Database(file)
    migrate(db, 3)
    db.prepare(
      `INSERT INTO articles (headline, byline, outlet, url, published_at, body, text, source_name, source_format, created_at, updated_at)
       VALUES ('Council raises parking fines', 'Marisol Okafor', 'The Riverton Ledger', 'https://ledger.example/fines', '2026-10-02', '{}', ?, 'f.txt', 'txt', 't', 't')`
    ).run('The council doubled parking fines downtown.\n\nMeters will run until 10pm, said Councillor Ames.')
    db.prepare(
      `INSERT INTO annotations (id, article_id, kind, start, end, exact, prefix, suffix, fields, origin, placement, created_by, created_at, updated_by, updated_at)
       VALUES ('c1', 1, 'claim', 0, 43, 'The council doubled parking fines downtown', '', '', ?, 'manual', 'anchored', 'Rosa', 't', 'Rosa', 't')`
    ).run(JSON.stringify({ status: 'mostly_true', explanation: 'Fines rose from $40 to $75.', evidence: [{ url: 'https://city.example/ord-2026-14', note: 'Parking ordinance 2026-14, section 3' }], checker: 'Rosa', sourceId: null, note: '' }))
    db.close()

    const store = openStore(file)
    expect(schemaVersion(store.db)).toBeGreaterThanOrEqual(6)
    // The article, its text and the claim as they were, and each found by its own words.
    expect(store.listArticles().map((a) => a.headline)).toEqual(['Council raises parking fines'])
    expect(store.listAnnotations(1)).toHaveLength(1)
    // The claim as it was (its note gone into its thread), read as not linked to an earlier check.
    const claimFields = store.listAnnotations(1)[0].fields
    expect(claimFields).toMatchObject({ status: 'mostly_true', explanation: 'Fines rose from $40 to $75.', evidence: [{ url: 'https://city.example/ord-2026-14', note: 'Parking ordinance 2026-14, section 3' }], sourceId: null, sameAs: null })
    expect(claimFields).not.toHaveProperty('note')
    // Its checker, typed as a name then, is a person on the desk's roster (migration 4).
    expect(store.listPeople().find((p) => p.id === (claimFields as { checkerId: string }).checkerId)?.name).toBe('Rosa')
    expect(found(store, 'Okafor')).toEqual(['article:Council raises parking fines'])
    expect(store.search({ query: 'Okafor' }).hits[0].matched).toBe('byline')
    expect(store.search({ query: 'meters' }).hits[0]).toMatchObject({ kind: 'article', matched: 'text' })
    expect(store.search({ query: 'ordinance' }).hits[0]).toMatchObject({ kind: 'claim', matched: 'evidence', annotationId: 'c1', status: 'mostly_true' })
    expect(store.search({ query: 'mostly true' }).hits[0]).toMatchObject({ kind: 'claim', matched: 'verdict' })
    // The old whole-text index is gone with its triggers.
    expect(store.db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name LIKE 'articles_fts%'`).pluck().get()).toBe(0)
    store.close()
  })

  it('a save re-indexes only the passage whose words changed', () => {
    const store = openStore(join(dir(), 'save.db'))
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says the levy funds road number ${i * 7}.`)
    const a = store.insertArticle(newArticle(paragraphs, 'Roads levy'))
    const before = passageIds(store, a.id)
    expect(before).toHaveLength(40)
    const edited = [...paragraphs]
    edited[17] = edited[17].replace('levy', 'surcharge')
    store.saveArticle({ id: a.id, baseRevision: 1, body: docOf(edited), text: edited.join('\n\n'), who: '' })
    const after = passageIds(store, a.id)
    expect(after.filter((id) => !before.includes(id))).toHaveLength(1)
    expect(before.filter((id) => !after.includes(id))).toHaveLength(1)
    expect(found(store, 'surcharge')).toEqual(['article:Roads levy'])
    // The old words of that passage are gone; those of the others stay.
    expect(store.search({ query: '"paragraph 17 says the levy"' }).hits).toEqual([])
    expect(store.search({ query: '"paragraph 16 says the levy"' }).hits).toHaveLength(1)
    store.close()
  })

  it('cuts a long paragraph into passages at sentences, so an edit in it moves no other cut', () => {
    const sentences = Array.from({ length: 300 }, (_, i) => `Witness ${i} told the court the shipment left port ${i} days late.`)
    const block = sentences.join(' ')
    const before = passagesOf(block)
    expect(before.length).toBeGreaterThan(5)
    expect(before.map((p) => p.text).join('')).toBe(block)
    const edited = block.replace('Witness 150 told', 'Witness 150 informed')
    const after = passagesOf(edited)
    const keys = new Set(before.map((p) => p.text))
    expect(after.filter((p) => !keys.has(p.text))).toHaveLength(1)
  })

  it('keeps annotations current as they are added, changed and removed, and not when they only move', () => {
    const store = openStore(join(dir(), 'ann.db'))
    const a = store.insertArticle(newArticle())
    const claim = annotationOn(a.text, '$4.2 billion', 'claim', 'c1', { explanation: 'Budget book, page 12' })
    const quote = annotationOn(a.text, 'This is a budget for every neighbourhood', 'quote', 'q1', { speakerName: 'Lena Park' })
    store.saveArticle({ id: a.id, baseRevision: 1, annotations: [claim, quote], who: '' })
    expect(store.search({ query: 'speaker:"Lena Park"' }).hits.map((h) => h.annotationId)).toEqual(['q1'])
    expect(store.search({ query: 'budget book' }).hits.map((h) => [h.kind, h.matched])).toEqual([['claim', 'explanation']])
    const docId = store.db.prepare(`SELECT id FROM search_docs WHERE ref = 'c1'`).pluck().get()

    // Moving (text added before it) leaves its index row alone.
    const text = `Updated. ${a.text}`
    const moved = { ...claim, anchor: { ...claim.anchor, start: claim.anchor.start + 9, end: claim.anchor.end + 9 } }
    const movedQuote = { ...quote, anchor: { ...quote.anchor, start: quote.anchor.start + 9, end: quote.anchor.end + 9 } }
    store.saveArticle({ id: a.id, baseRevision: 2, body: docOf(text.split('\n\n')), text, annotations: [moved, movedQuote], who: '' })
    expect(store.db.prepare(`SELECT id FROM search_docs WHERE ref = 'c1'`).pluck().get()).toBe(docId)

    // A changed explanation is found by its new words, not its old.
    const changed = { ...moved, fields: { ...moved.fields, explanation: 'Comptroller report, table 4' } } as Annotation
    store.saveArticle({ id: a.id, baseRevision: 3, annotations: [changed, movedQuote], who: '' })
    expect(store.search({ query: 'comptroller' }).hits.map((h) => h.annotationId)).toEqual(['c1'])
    expect(store.search({ query: 'budget book' }).hits).toEqual([])

    // Removed, it is gone from the index.
    store.saveArticle({ id: a.id, baseRevision: 4, annotations: [movedQuote], who: '' })
    expect(store.search({ query: 'comptroller' }).hits).toEqual([])
    expect(store.db.prepare(`SELECT count(*) FROM search_docs WHERE kind = 'claim'`).pluck().get()).toBe(0)
    store.close()
  })

  it('an annotation id already used by another article is refused, and neither article changes', () => {
    const store = openStore(join(dir(), 'ids.db'))
    const a = store.insertArticle(newArticle())
    const b = store.insertArticle(newArticle(['Another $4.2 billion story.'], 'Another'))
    store.saveArticle({ id: a.id, baseRevision: 1, annotations: [annotationOn(a.text, '$4.2 billion', 'claim', 'same')], who: '' })
    expect(() => store.saveArticle({ id: b.id, baseRevision: 1, annotations: [annotationOn(b.text, '$4.2 billion', 'claim', 'same')], who: '' })).toThrow(
      /already used by another article/
    )
    expect(store.listAnnotations(a.id).map((n) => n.id)).toEqual(['same'])
    expect(store.listAnnotations(b.id)).toEqual([])
    expect(store.getArticle(b.id).revision).toBe(1)
    store.close()
  })

  it('a deleted article is not found until it is restored, and a purged one leaves nothing in the index', () => {
    const store = openStore(join(dir(), 'del.db'))
    const a = store.insertArticle(newArticle())
    store.softDeleteArticle(a.id)
    expect(store.search({ query: 'neighbourhood' }).hits).toEqual([])
    expect(store.listArticles('neighbourhood')).toEqual([])
    store.restoreArticle(a.id)
    expect(store.search({ query: 'neighbourhood' }).hits).toHaveLength(1)
    store.softDeleteArticle(a.id)
    store.db.prepare(`UPDATE articles SET deleted_at = '2000-01-01T00:00:00.000Z'`).run()
    expect(store.purgeDeleted(30)).toBe(1)
    expect(store.db.prepare(`SELECT count(*) FROM search_docs`).pluck().get()).toBe(0)
    expect(store.db.prepare(`SELECT count(*) FROM search_fts`).pluck().get()).toBe(0)
    store.close()
  })

  it('an imported sample is found by its byline, its outlet and the evidence of a claim on it', async () => {
    const store = openStore(join(dir(), 'samples.db'))
    const bytes = readFileSync(join(ROOT, 'samples', 'city-budget.txt'))
    const a = store.insertArticle(await readArticleFile('city-budget.txt', bytes))
    store.insertArticle(await readArticleFile('wire-ukraine-talks.txt', readFileSync(join(ROOT, 'samples', 'wire-ukraine-talks.txt'))))
    const claim = annotationOn(a.text, 'raising the property tax rate by 6.8%', 'claim', 'c-rate', {
      status: 'true',
      evidence: [{ url: 'https://riverton.example/council/ordinance-2026-41', note: 'Tax levy ordinance 2026-41, adopted November 2' }]
    })
    store.saveArticle({ id: a.id, baseRevision: 1, annotations: [claim], who: '' })
    const headline = a.headline
    expect(store.search({ query: 'Okafor' }).hits.map((h) => [h.kind, h.matched, h.headline])).toEqual([['article', 'byline', headline]])
    expect(store.search({ query: 'Riverton Ledger' }).hits[0]).toMatchObject({ articleId: a.id, kind: 'article', matched: 'outlet' })
    expect(store.search({ query: '"Riverton Ledger"' }).hits[0]).toMatchObject({ articleId: a.id, matched: 'outlet' })
    const ordinance = store.search({ query: 'ordinance' }).hits
    expect(ordinance.map((h) => [h.kind, h.matched, h.articleId, h.annotationId])).toEqual([['claim', 'evidence', a.id, 'c-rate']])
    expect(ordinance[0].snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['ordinance', 'ordinance'])
    store.close()
  })
})
