import { describe as group, expect, it } from 'vitest'
import type { Annotation, Article, Thread } from '../../src/shared/domain'
import { exportHtml } from '../../src/shared/interchange/html'
import { annotations, article, history, make, threads } from '../fixtures/interchange/article'
import { byClass, elements, parse, textOf } from './dom'

const SCRIPT = '<script>alert(1)</script>'
const BREAKOUT = '"><img src=x onerror=alert(2)>'

/** The fixture with hostile text in every user-written place an export shows. */
function hostile(): { article: Article; annotations: Annotation[]; threads: Thread[] } {
  const body = structuredClone(article.body)
  const lastPara = body.content[body.content.length - 1]
  lastPara.content![1].marks = [{ type: 'link', attrs: { href: 'javascript:alert(3)' } }]
  const hostileArticle: Article = {
    ...article,
    headline: `Bridge ${SCRIPT}`,
    byline: BREAKOUT,
    url: 'javascript:alert(4)',
    body
  }
  const claim = make('claim', 'c-hostile', 'Steel: up 40% since 2021', {
    status: 'false',
    explanation: `Wrong ${SCRIPT}`,
    evidence: [
      { url: 'javascript:alert(5)', note: BREAKOUT },
      { url: `https://example.org/"onmouseover="alert(6)`, note: 'quoted url' }
    ],
    checkerId: 'p-hostile'
  })
  const speaker = make('attribution', 'a-hostile', 'Opposition members called it', {
    sourceName: SCRIPT,
    cue: BREAKOUT
  })
  const said = (annotationId: string, authorName: string, body: string) => ({
    articleId: article.id,
    annotationId,
    comments: [{ id: `c-${annotationId}`, articleId: article.id, annotationId, authorId: null, authorName, body, createdAt: '2024-06-05T11:05:00.000Z', editedAt: null, deletedAt: null }],
    resolvedAt: '2024-06-05T12:00:00.000Z',
    resolvedBy: null,
    resolvedByName: SCRIPT
  })
  return {
    article: hostileArticle,
    annotations: [...annotations.filter((a) => a.id !== 'c-steel' && a.id !== 'a-opposition'), claim, speaker],
    threads: [said('c-hostile', BREAKOUT, SCRIPT), said('a-hostile', SCRIPT, BREAKOUT)]
  }
}

group('the HTML annotated copy', () => {
  it('is self-contained: no script, no event handler, no remote resource, a strict policy', () => {
    const html = exportHtml(article, annotations, { includeInternal: true, history })
    const doc = parse(html)
    const tags = new Set(elements(doc).map((e) => e.name))
    for (const banned of ['script', 'iframe', 'object', 'embed', 'link', 'img', 'form', 'base', 'svg']) {
      expect(tags.has(banned), banned).toBe(false)
    }
    for (const el of elements(doc)) {
      for (const [name, value] of Object.entries(el.attribs)) {
        expect(name.startsWith('on'), `${el.name} ${name}`).toBe(false)
        expect(name).not.toBe('src')
        if (name === 'href') expect(value).toMatch(/^(#|https?:\/\/)/)
      }
    }
    const style = textOf(elements(doc).find((e) => e.name === 'style')!)
    expect(style).not.toMatch(/url\(|@import/)
    expect(style).toContain('@media print')
    const csp = elements(doc).find((e) => e.attribs['http-equiv'] === 'Content-Security-Policy')
    expect(csp?.attribs.content).toContain("default-src 'none'")
  })

  it('escapes markup and script in every user-written string and links only to http(s)', () => {
    const { article: a, annotations: list, threads: talk } = hostile()
    const html = exportHtml(a, list, { includeInternal: true, threads: talk, people: { 'p-hostile': BREAKOUT } })
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    const doc = parse(html)
    expect(elements(doc).some((e) => ['script', 'img'].includes(e.name))).toBe(false)
    for (const el of elements(doc)) {
      for (const [name, value] of Object.entries(el.attribs)) {
        expect(name.startsWith('on'), name).toBe(false)
        expect(value).not.toMatch(/javascript:/i)
      }
    }
    // The hostile strings are still there, as text a reader can see.
    const visible = textOf(doc)
    expect(visible).toContain(`Bridge ${SCRIPT}`)
    expect(visible).toContain(`Wrong ${SCRIPT}`)
    expect(visible).toContain(BREAKOUT)
    const evidenceLinks = elements(doc).filter((e) => e.name === 'a' && e.attribs.href?.startsWith('https://example.org'))
    expect(evidenceLinks.map((e) => e.attribs.href)).toEqual([`https://example.org/"onmouseover="alert(6)`])
  })

  it('keeps the article text and structure: heading, block quote, list, emphasis, link, line break', () => {
    const doc = parse(exportHtml(article, annotations))
    const body = byClass(doc, 'body')[0]
    const blocks = elements(body).filter((e) => /^(p|h[2-6])$/.test(e.name))
    expect(blocks.map((e) => e.name)).toEqual(['p', 'h3', 'p', 'p', 'p', 'p', 'p', 'p', 'p'])
    // The reference numbers aside, the blocks hold exactly the article's text.
    expect(blocks.map((e) => textOf(e, ['sup'])).join('\n\n')).toBe(article.text)
    expect(elements(body).some((e) => e.name === 'blockquote')).toBe(true)
    expect(elements(body).filter((e) => e.name === 'li')).toHaveLength(2)
    expect(elements(body).some((e) => e.name === 'br')).toBe(true)
    expect(textOf(elements(body).find((e) => e.name === 'em')!)).toBe('less than a third')
    const link = elements(body).find((e) => e.name === 'a' && !e.attribs.href.startsWith('#'))!
    expect(link.attribs.href).toBe('https://council.example.org/bridge-report')
    expect(link.attribs.rel).toBe('noopener noreferrer')
  })

  it('highlights each annotation by kind, and overlapping ones segment by segment', () => {
    const doc = parse(exportHtml(article, annotations))
    const marks = byClass(byClass(doc, 'body')[0], 'hl')
    const notesOf = (text: string) =>
      marks.filter((m) => textOf(m).includes(text)).map((m) => [m.attribs.class, m.attribs['data-notes']])
    // Claims 7 and 8 overlap on "£12 million in March"; 7 alone before, 8 alone after.
    expect(notesOf('reserves stood at')).toEqual([['hl hl-claim', '7']])
    expect(notesOf('£12 million in March')).toEqual([['hl hl-claim hl-overlap', '7 8']])
    expect(notesOf('less than a third')).toEqual([['hl hl-claim', '8']])
    expect(notesOf('Nobody’s council tax')).toEqual([['hl hl-quote', '5']])
    expect(notesOf('said Councillor Amara Osei')).toEqual([['hl hl-attribution', '4']])
    // Every annotation has one reference number where it ends, leading to its note.
    const refs = elements(doc).filter((e) => e.name === 'sup')
    expect(refs.map((r) => textOf(r))).toEqual(annotations.map((_, i) => String(i + 1)))
    for (const r of refs) expect(elements(r)[0].attribs.href).toBe(`#note-${textOf(r)}`)
  })

  it('puts the reference of an annotation ending inside a link after the link', () => {
    const claim = make('claim', 'c-link', 'on the council website')
    const doc = parse(exportHtml(article, [claim]))
    const link = elements(doc).find((e) => e.name === 'a' && e.attribs.href.startsWith('https://council'))!
    expect(elements(link).some((e) => e.name === 'sup')).toBe(false)
    expect(textOf(link)).toBe('council website')
    const sup = elements(doc).find((e) => e.name === 'sup')!
    expect(sup.prev).toBe(link)
  })

  it('nests one highlight per kind when a quote sits inside a claim', () => {
    const inner = make('quote', 'q-inner', '£48 million')
    const doc = parse(exportHtml(article, [annotations[0], inner]))
    const claimMark = byClass(doc, 'hl-claim').find((m) => textOf(m) === '£48 million')!
    expect(claimMark).toBeDefined()
    const quoteMark = elements(claimMark).find((e) => e.name === 'mark')!
    expect(quoteMark.attribs.class).toBe('hl hl-quote')
    expect(quoteMark.attribs['data-notes']).toBe('2')
    expect(claimMark.attribs['data-notes']).toBe('1')
  })

  it('has a legend and numbered notes with verdict, explanation, evidence, speaker and source', () => {
    const doc = parse(exportHtml(article, annotations))
    const legend = textOf(byClass(doc, 'legend')[0])
    expect(legend).toMatch(/Claim\s*5/)
    expect(legend).toMatch(/Quote\s*3/)
    expect(legend).toMatch(/Attribution\s*4/)
    const notes = byClass(doc, 'note')
    expect(notes.map((n) => n.attribs.id)).toEqual(annotations.map((_, i) => `note-${i + 1}`))
    const first = textOf(notes[0])
    expect(first).toContain('Misleading')
    expect(first).toContain('the cost rose by 55%')
    expect(first).toContain('2022 capital budget, page 14')
    expect(first).toContain('Source')
    expect(first).toContain('Millbrook City Council')
    const evidence = elements(notes[0]).find((e) => e.name === 'a' && e.attribs.href.startsWith('https://'))
    expect(evidence?.attribs.href).toBe('https://council.example.org/budget-2022.pdf')
    expect(textOf(notes[2])).toContain('Amara Osei')
    expect(elements(notes[2]).some((e) => e.attribs.href === '#note-4')).toBe(true)
  })

  it('leaves the desk’s threads, check notes and history out of a public copy and puts them in an internal one', () => {
    const publicCopy = exportHtml(article, annotations, { history, threads })
    expect(publicCopy).not.toContain('Desk to decide')
    expect(publicCopy).not.toContain('Quote runs over')
    expect(publicCopy).not.toContain('Matches the meeting webcast')
    expect(publicCopy).not.toContain('In review → Misleading')
    expect(publicCopy).toContain('Public copy.')
    const internal = exportHtml(article, annotations, { includeInternal: true, history, threads })
    expect(internal).toContain('<dt>Comment</dt><dd>Dana Reyes, 2024-06-05 11:05: Desk to decide between misleading and false.</dd>')
    expect(internal).toContain('<dd>Lee Park, 2024-06-05 12:40 (edited 2024-06-05 12:44): Misleading: the £48m is right,\nonly “doubled” is wrong.</dd>')
    expect(internal).toContain('<dt>Thread</dt><dd>Resolved by Lee Park, 2024-06-05 13:00</dd>')
    expect(internal).toContain('Internal copy: includes the desk’s comments and history.')
    expect(internal).toContain('Matches the meeting webcast at 1:12:40.')
    expect(internal).toContain('status: In review → Misleading')
  })

  it('exports only the chosen kinds and claim statuses', () => {
    const doc = parse(exportHtml(article, annotations, { kinds: ['claim'], statuses: ['true', 'false'] }))
    const notes = byClass(doc, 'note')
    expect(notes.map((n) => n.attribs.class)).toEqual(['note note-claim', 'note note-claim'])
    expect(byClass(doc, 'hl-quote')).toHaveLength(0)
    expect(textOf(notes[0])).toContain('reserves stood at £12 million in March')
    // A claim's source that is not exported is not named as a note.
    expect(elements(notes[0]).some((e) => e.attribs.href?.startsWith('#note-') && e.attribs.href !== '#ref-1')).toBe(false)
  })

  it('lists an orphaned annotation in the notes without highlighting it', () => {
    const orphan: Annotation = { ...make('claim', 'c-gone', 'Who pays'), placement: 'orphaned' }
    const doc = parse(exportHtml(article, [annotations[0], orphan]))
    const notes = byClass(doc, 'note')
    expect(notes).toHaveLength(2)
    expect(textOf(notes[1])).toContain('Not found in the text')
    expect(byClass(byClass(doc, 'body')[0], 'hl-claim').every((m) => m.attribs['data-notes'] === '1')).toBe(true)
  })
})

group('a public copy and the sign-off (desk-claims)', () => {
  const verdicts = annotations.filter((a) => a.kind === 'claim' && a.fields.status !== 'in_review' && a.fields.status !== 'unchecked')

  it('publishes only approved verdicts when asked to, and says how many it left out', () => {
    const approved = annotations.map((a) =>
      a.id === 'c-reserves' && a.kind === 'claim' ? { ...a, fields: { ...a.fields, signoff: 'approved' as const, signedOffBy: 'p-lee', signedOffAt: '2024-06-06T10:00:00.000Z' } } : a
    )
    const doc = parse(exportHtml(article, approved, { approvedOnly: true }))
    const notes = byClass(doc, 'approval-note')
    expect(notes).toHaveLength(1)
    expect(textOf(notes[0])).toBe(`Only verdicts approved by an editor are published here: ${verdicts.length - 1} claims whose verdicts are not approved yet were left out.`)
    // The approved verdict's explanation is published; an unapproved one's is not.
    const text = textOf(doc)
    expect(text).toContain('The March treasury report lists general reserves of £12.1 million.')
    expect(text).not.toContain('No traffic count since 2019 has been published.')
  })

  it('says so when it includes verdicts not approved', () => {
    const doc = parse(exportHtml(article, annotations))
    expect(textOf(byClass(doc, 'approval-note')[0])).toBe(`${verdicts.length} verdicts here are not approved by an editor yet.`)
  })
})
