import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../src/main/core/dispatch'
import { bodyText } from '../../src/main/core/import/body'
import { createServices } from '../../src/main/core/services'
import { openStore, type Store } from '../../src/main/core/store'
import type { PlacementCounts } from '../../src/shared/contract'
import type { AnnotationChange } from '../../src/shared/domain'
import { annotationOn, docOf, newArticle } from '../helpers/articles'
import { absentAnnotations, longArticleText } from '../helpers/hostile-files'
import { useTempDir } from '../helpers/tmp'

/** For each test, a fresh database, its store and the dispatch the doors use (with the test article when `seeded`). */
function useDispatch(seeded: boolean): { store: () => Store; dispatch: Dispatch } {
  const dir = useTempDir()
  let store: Store
  let dispatch: Dispatch
  beforeEach(() => {
    store = openStore(join(dir(), 'c.db'))
    dispatch = createDispatch(createServices(store))
    if (seeded) store.insertArticle(newArticle())
    return () => store.close()
  })
  return { store: () => store, dispatch: (op, input) => dispatch(op, input) }
}

describe('the store and the contract hold every article to the same limits (issue 18, 4 and 11)', () => {
  const { store, dispatch } = useDispatch(true)

  const unchanged = (): void => {
    expect(store().getArticle(1).revision).toBe(1)
    expect(store().getArticle(1).text).toBe(newArticle().text)
  }

  it('refuses a save of more than 5 million characters with a plain message, and keeps the article as it was', async () => {
    const paragraph = 'x'.repeat(100_000)
    const r = await dispatch('saveArticle', { id: 1, baseRevision: 1, body: docOf(Array.from({ length: 51 }, () => paragraph)) })
    expect(r).toMatchObject({ ok: false, error: { code: 'file_too_large', message: expect.stringContaining('Copydesk keeps articles of up to 5,000,000 characters') } })
    unchanged()
  })

  it('refuses a save of more than 100,000 paragraphs', async () => {
    const r = await dispatch('saveArticle', { id: 1, baseRevision: 1, body: docOf(Array.from({ length: 100_001 }, () => 'a')) })
    expect(r).toMatchObject({ ok: false, error: { code: 'file_too_large', message: expect.stringContaining('more than 100,000 paragraphs') } })
    unchanged()
  })

  it('refuses a body nested 100,000 levels deep in words, with no stack overflow', async () => {
    // With a character the contract's edge replaces, so the request is copied on its way in too.
    let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'deep\uffff' }] }
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] }
    const r = await dispatch('saveArticle', { id: 1, baseRevision: 1, body: { type: 'doc', content: [node] } })
    expect(r).toMatchObject({ ok: false, error: { code: 'file_too_large', message: expect.stringContaining('nested more than 40 levels deep') } })
    unchanged()
  })

  it('the store itself refuses an article text over the limit', () => {
    const text = 'y'.repeat(5_000_001)
    expect(() => store().insertArticle({ ...newArticle(), body: docOf([text]), text })).toThrow(/up to 5,000,000 characters of text, and this one has 5,000,001/)
    expect(() => store().saveArticle({ id: 1, baseRevision: 1, body: docOf([text]), text, who: '' })).toThrow(/5,000,000/)
    unchanged()
  })

  it('pasted text is held to the same limits as a file', async () => {
    const r = await dispatch('importText', { text: 'Headline\n\n' + '\u200b\n\n'.repeat(100_001) })
    expect(r).toMatchObject({ ok: false, error: { code: 'file_too_large', message: expect.stringContaining('more than 100,000 paragraphs') } })
  })
})

describe('lone surrogates and noncharacters are replaced at the contract’s edge (issue 18, 8)', () => {
  const { store, dispatch } = useDispatch(false)

  it('a save with them stores the text its body projects to, offsets kept, every field cleaned', async () => {
    const created = await dispatch('importText', { text: 'Odd text\n\nA plain first paragraph.' })
    expect(created.ok).toBe(true)
    const paragraphs = ['Fees \ud800rise\uffff by 8%, the port \udc00said\ufffe.', 'A lone \u{1FFFF} plane-one noncharacter.']
    const text = paragraphs.join('\n\n')
    const claim = annotationOn(text, 'by 8%', 'claim', 'c1', { explanation: 'checked \ud83d against \uffff minutes' })
    const r = await dispatch('saveArticle', { id: 1, baseRevision: 1, meta: { headline: 'Fees \uffffrise' }, body: docOf(paragraphs), annotations: [claim] })
    expect(r).toMatchObject({ ok: true })
    const stored = store().getArticle(1)
    expect(stored.text).toBe('Fees \ufffdrise\ufffd by 8%, the port \ufffdsaid\ufffd.\n\nA lone \ufffd\ufffd plane-one noncharacter.')
    expect(stored.text).toBe(bodyText(stored.body))
    expect(stored.text.length).toBe(text.length)
    expect(stored.headline).toBe('Fees \ufffdrise')
    const [saved] = store().listAnnotations(1)
    expect(saved.anchor).toMatchObject({ start: claim.anchor.start, exact: 'by 8%' })
    expect(saved.fields).toMatchObject({ explanation: 'checked \ufffd against \ufffd minutes' })
  })

  it('an imported file’s text is cleaned as a request is', async () => {
    const bytes = Buffer.from('Headline\n\nA \uffff in a file.')
    const r = await dispatch('importFile', { fileName: 'odd.txt', dataBase64: bytes.toString('base64') })
    expect(r).toMatchObject({ ok: true, value: { text: 'A \ufffd in a file.' } })
  })
})

describe('annotation files in an editor’s words, and placement bounded in time (issue 18, 6 and 11)', () => {
  const { store, dispatch } = useDispatch(true)

  it('says a JSON file of another shape is not an annotation file, instead of "0 placed, 0 not found"', async () => {
    for (const content of ['[{"name": "Lee", "age": 4}]', '{"hello": 1}', '"just a string"', '[1, 2, 3]']) {
      const r = await dispatch('importAnnotations', { articleId: 1, fileName: 'people.json', content })
      expect(r, content).toEqual({
        ok: false,
        error: { code: 'corrupt_file', message: expect.stringMatching(/^"people\.json" is not an annotation file: Copydesk reads W3C Web Annotations/) }
      })
    }
    expect(await dispatch('importAnnotations', { articleId: 1, fileName: 'empty.json', content: '[]' })).toEqual({
      ok: false,
      error: { code: 'empty_file', message: '"empty.json" holds no annotations.' }
    })
    expect(store().getArticle(1).revision).toBe(1)
  })

  it('places 200 annotations absent from a 1 MB article in seconds, and says how many were looked for only word for word', async () => {
    const text = longArticleText(1_000_000)
    const created = await dispatch('importText', { text })
    expect(created.ok).toBe(true)
    const t0 = performance.now()
    const r = await dispatch('importAnnotations', { articleId: 2, fileName: 'absent.jsonld', content: absentAnnotations(200) })
    const ms = performance.now() - t0
    expect(r.ok).toBe(true)
    const counts = (r as { value: PlacementCounts }).value
    expect(counts).toMatchObject({ exact: 0, fuzzy: 0, orphaned: 200 })
    expect(counts.unsearched).toBeGreaterThan(0)
    expect(counts.unsearched).toBeLessThan(200)
    expect(ms).toBeLessThan(6000)
  })
})

describe('annotation history comes in pages (issue 18, 4)', () => {
  const { store, dispatch } = useDispatch(true)

  it('answers the newest 100 entries by default, older ones page by page, oldest first within a page', async () => {
    const text = store().getArticle(1).text
    let revision = 1
    for (let i = 0; i < 130; i++) {
      const claim = annotationOn(text, '$4.2 billion', 'claim', 'c1', { explanation: `take ${i}` })
      const r = await dispatch('saveArticle', { id: 1, baseRevision: revision, annotations: [claim] })
      expect(r.ok).toBe(true)
      revision++
    }
    const page = async (input: Record<string, unknown>): Promise<AnnotationChange[]> => {
      const r = await dispatch('annotationHistory', { articleId: 1, annotationId: 'c1', ...input })
      if (!r.ok) throw new Error(r.error.message)
      return r.value as AnnotationChange[]
    }
    const first = await page({})
    expect(first).toHaveLength(100)
    expect(first[99].changes.explanation?.[1]).toBe('take 129')
    expect(first.map((h) => h.id)).toEqual([...first.map((h) => h.id)].sort((a, b) => a - b))
    const older = await page({ before: first[0].id })
    expect(older).toHaveLength(30)
    expect(older[0].action).toBe('created')
    expect(older[29].id).toBeLessThan(first[0].id)
    expect(await page({ limit: 5 })).toEqual(first.slice(95))
    expect(await dispatch('annotationHistory', { articleId: 1, limit: 5000 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
