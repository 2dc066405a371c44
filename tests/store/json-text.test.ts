import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDispatch } from '../../src/main/core/dispatch'
import { createServices } from '../../src/main/core/services'
import { openStore } from '../../src/main/core/store'
import { fromWire, JsonText, resultBody, toWire } from '../../src/shared/json-text'
import { annotationOn, newArticle } from '../helpers/articles'
import { useTempDir } from '../helpers/tmp'

/** An article whose annotations hold every awkward kind of text JSON has to carry. */
function awkwardLibrary(file: string) {
  const store = openStore(file)
  const a = store.insertArticle(newArticle(['The council said “it will cost $4.2 billion” — 🚧 a "record" \\ sum.', 'Rain later.']))
  const claim = annotationOn(a.text, '$4.2 billion', 'claim', 'c1', {
    status: 'false',
    explanation: 'Line one\nline "two" \\ tab\there, emoji 🧾, nul-free',
    evidence: [{ url: 'https://example.org/a?b=1&c="x"', title: 'Budget “book”', note: '' }]
  } as never)
  const quote = annotationOn(a.text, 'it will cost $4.2 billion', 'quote', 'q1', { speakerName: 'Ana Ruiz' } as never)
  const lost = { ...annotationOn(a.text, 'Rain later.', 'attribution', 'a1', { sourceName: 'The council' } as never), placement: 'orphaned' as const }
  store.saveArticle({ id: a.id, baseRevision: 1, annotations: [claim, quote, lost], who: 'Test' })
  return { store, id: a.id }
}

describe('JSON text written by the store', () => {
  const dir = useTempDir()

  it('an article’s annotations as JSON text are the same values as listAnnotations, in the same order', () => {
    const { store, id } = awkwardLibrary(join(dir(), 'a.db'))
    const listed = store.listAnnotations(id)
    expect(listed.map((x) => x.id)).toEqual(['q1', 'c1', 'a1']) // by start, the wider first
    expect(JSON.parse(store.listAnnotationsJson(id))).toEqual(listed)
    store.close()
  })

  it('an article with no annotations is an empty array, not null', () => {
    const store = openStore(join(dir(), 'b.db'))
    const a = store.insertArticle(newArticle())
    expect(store.listAnnotationsJson(a.id)).toBe('[]')
    store.close()
  })

  it('an article as JSON text is getArticle’s value, body included', () => {
    const { store, id } = awkwardLibrary(join(dir(), 'c.db'))
    expect(JSON.parse(store.getArticleJson(id))).toEqual(store.getArticle(id))
    expect(() => store.getArticleJson(9999)).toThrow(/no article number 9999/)
    store.close()
  })

  it('the shared entry point gives values unless a door asks for the text, and the wire carries either', async () => {
    const { store, id } = awkwardLibrary(join(dir(), 'd.db'))
    const dispatch = createDispatch(createServices(store))
    const asValue = await dispatch('listAnnotations', { articleId: id })
    expect(asValue).toEqual({ ok: true, value: store.listAnnotations(id) })
    const asText = await dispatch('listAnnotations', { articleId: id }, { jsonText: true })
    expect(asText.ok && asText.value instanceof JsonText).toBe(true)
    // Over IPC: text one side, the same value the other.
    expect(fromWire(toWire(asText))).toEqual(asValue)
    // Over HTTP: the body parses to what JSON.stringify of the value would have sent.
    expect(JSON.parse(resultBody(asText))).toEqual(JSON.parse(JSON.stringify(asValue)))
    // Errors cross unchanged.
    const missing = await dispatch('getArticle', { id: 9999 }, { jsonText: true })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(fromWire(toWire(missing))).toEqual(missing)
    expect(JSON.parse(resultBody(missing))).toEqual(missing)
    store.close()
  })
})
