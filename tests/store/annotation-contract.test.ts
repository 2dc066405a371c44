import { proposePatch } from '../../src/shared/signoff'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../src/main/core/dispatch'
import { createServices } from '../../src/main/core/services'
import { openStore, type Store } from '../../src/main/core/store'
import { anchorFor } from '../../src/shared/anchor'
import { annotationOn, BUDGET_PARAGRAPHS, docOf, newArticle } from '../helpers/articles'
import { useTempDir } from '../helpers/tmp'

describe('saving annotations through the contract', () => {
  const dir = useTempDir()
  let store: Store
  let dispatch: Dispatch
  let text: string
  beforeEach(() => {
    store = openStore(join(dir(), 'c.db'))
    dispatch = createDispatch(createServices(store))
    text = store.insertArticle(newArticle()).text
    return () => store.close()
  })

  const save = (annotations: unknown[], id = 1): ReturnType<Dispatch> => dispatch('saveArticle', { id, baseRevision: 1, annotations })

  it('keeps a claim, a quote and the attribution it is linked to', async () => {
    const attribution = annotationOn(text, 'said Mayor Lena Park', 'attribution', 'a1', { sourceName: 'Lena Park', cue: 'said' })
    const quote = annotationOn(text, 'This is a budget for every neighbourhood,', 'quote', 'q1', { speakerId: 'a1' })
    const claim = annotationOn(text, 'the largest in the city’s history', 'claim', 'c1', { status: 'in_review' })
    expect(await save([attribution, quote, claim])).toMatchObject({ ok: true, value: { revision: 2, annotationCount: 3 } })
    const listed = await dispatch('listAnnotations', { articleId: 1 })
    expect(listed.ok && listed.value).toEqual([claim, quote, attribution].sort((a, b) => a.anchor.start - b.anchor.start))
  })

  const good = (): ReturnType<typeof annotationOn> => annotationOn(text, '$4.2 billion', 'claim', 'c1')
  const cases: [string, () => unknown, RegExp][] = [
    ['a kind Copydesk does not know', () => ({ ...good(), kind: 'rumour' }), /kind/],
    ['a negative start', () => ({ ...good(), anchor: { ...good().anchor, start: -3 } }), /anchor\.start/],
    ['a range that ends before it starts', () => ({ ...good(), anchor: { ...good().anchor, start: 30, end: 20 } }), /must end after it starts/],
    ['a range past the end of the text', () => ({ ...good(), anchor: { ...good().anchor, start: 5000, end: 5010 } }), /runs past the end/],
    ['words that are not at that place in the text', () => ({ ...good(), anchor: { ...good().anchor, exact: 'something else' } }), /does not match the article text/],
    ['an oversized explanation', () => ({ ...good(), fields: { ...good().fields, explanation: 'x'.repeat(20_001) } }), /at most 20000 characters/],
    ['the internal note threads replaced (an older client’s save)', () => ({ ...good(), fields: { ...good().fields, note: 'desk note' } }), /note/],
    ['a claim status that does not exist', () => ({ ...good(), fields: { ...good().fields, status: 'pants_on_fire' } }), /status/],
    ['a quote linked to something that is not an attribution', () => annotationOn(text, 'This is a budget', 'quote', 'q9', { speakerId: 'nobody' }), /not an attribution in this article/]
  ]
  it.each(cases)('refuses %s with a clear error and writes nothing', async (_, make, message) => {
    const r = await save([make()])
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input')
      expect(r.error.message).toMatch(message)
    }
    expect(store.listAnnotations(1)).toEqual([])
    expect(store.getArticle(1).revision).toBe(1)
  })

  it('refuses annotations for an article that does not exist', async () => {
    const r = await save([good()], 99)
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('lists annotations, history and dismissals only for an article that exists and is not deleted', async () => {
    expect(await dispatch('listAnnotations', { articleId: 1 })).toMatchObject({ ok: true, value: [] })
    for (const id of [99, 1]) {
      if (id === 1) store.softDeleteArticle(1)
      for (const [name, input] of [
        ['listAnnotations', { articleId: id }],
        ['annotationHistory', { articleId: id }],
        ['listDismissals', { articleId: id }],
        ['setDismissals', { articleId: id, keys: ['k'], dismissed: true }]
      ] as const) {
        expect(await dispatch(name, input)).toMatchObject({ ok: false, error: { code: 'not_found', message: `There is no article number ${id}.` } })
      }
    }
  })

  describe('annotations saved as moved', () => {
    // The claim and the quote are saved whole; then a word is typed at the top of the article.
    const edited = ['Late news: ' + BUDGET_PARAGRAPHS[0], BUDGET_PARAGRAPHS[1]]
    const shift = 'Late news: '.length
    let claim: ReturnType<typeof annotationOn>
    let quote: ReturnType<typeof annotationOn>
    beforeEach(async () => {
      claim = annotationOn(text, '$4.2 billion', 'claim', 'c1', { status: 'in_review', explanation: 'Budget book p. 3' })
      quote = annotationOn(text, 'This is a budget for every neighbourhood,', 'quote', 'q1')
      expect(await save([claim, quote])).toMatchObject({ ok: true })
    })
    const saveEdited = (input: Record<string, unknown>): ReturnType<Dispatch> =>
      dispatch('saveArticle', { id: 1, baseRevision: 2, body: docOf(edited), ...input })

    it('keeps everything about them but their place, takes their context from the new text, and records no change', async () => {
      const newText = edited.join('\n\n')
      const at = (a: typeof claim): { id: string; start: number; end: number } => ({ id: a.id, start: a.anchor.start + shift, end: a.anchor.end + shift })
      expect(await saveEdited({ annotations: [], moved: [at(claim), at(quote)] })).toMatchObject({ ok: true, value: { revision: 3, annotationCount: 2 } })
      const listed = store.listAnnotations(1)
      expect(listed).toEqual([
        { ...claim, anchor: anchorFor(newText, claim.anchor.start + shift, claim.anchor.end + shift) },
        { ...quote, anchor: anchorFor(newText, quote.anchor.start + shift, quote.anchor.end + shift) }
      ])
      expect(listed[0].anchor.prefix).toMatch(/news: The council approved a $/)
      expect(store.annotationHistory(1).map((h) => h.action)).toEqual(['created', 'created'])
    })

    it('deletes what neither list names, and takes changes from the annotations sent whole', async () => {
      const newText = edited.join('\n\n')
      const checked = { ...annotationOn(newText, '$4.2 billion', 'claim', 'c1', { status: 'false', ...proposePatch(null, '2026-11-28T09:00:00.000Z') }), updatedAt: '2026-11-28T09:00:00.000Z' }
      expect(await saveEdited({ annotations: [checked], moved: [] })).toMatchObject({ ok: true, value: { annotationCount: 1 } })
      expect(store.listAnnotations(1)).toEqual([checked])
      expect(store.annotationHistory(1).map((h) => h.action)).toEqual(['created', 'created', 'updated', 'deleted'])
    })

    const refused: [string, () => Record<string, unknown>, RegExp][] = [
      ['an annotation the article does not have', () => ({ annotations: [], moved: [{ id: 'c9', start: 11, end: 23 }] }), /c9 was saved as moved, but this article has no such annotation/],
      ['a place where the text is not its words', () => ({ annotations: [], moved: [{ id: 'c1', start: claim.anchor.start, end: claim.anchor.end }] }), /the article text there is different/],
      ['a place past the end of the text', () => ({ annotations: [], moved: [{ id: 'c1', start: 900, end: 912 }] }), /the article text there is different/],
      ['a range that ends before it starts', () => ({ annotations: [], moved: [{ id: 'c1', start: 40, end: 30 }] }), /must end after it starts/],
      [
        'more annotations than an article can have',
        () => ({ annotations: [claim], moved: Array.from({ length: 50_000 }, (_, i) => ({ id: `m${i}`, start: 0, end: 1 })) }),
        /at most 50000 annotations/
      ],
      ['moved annotations without the others', () => ({ moved: [{ id: 'c1', start: claim.anchor.start + shift, end: claim.anchor.end + shift }] }), /come with the others/],
      [
        'an annotation both moved and sent whole',
        () => ({ annotations: [annotationOn(edited.join('\n\n'), '$4.2 billion', 'claim', 'c1')], moved: [{ id: 'c1', start: claim.anchor.start + shift, end: claim.anchor.end + shift }] }),
        /c1 appears twice/
      ]
    ]
    it.each(refused)('refuses %s with a clear error and writes nothing', async (_, input, message) => {
      const r = await saveEdited(input())
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      if (!r.ok) expect(r.error.message).toMatch(message)
      expect(store.getArticle(1).revision).toBe(2)
      expect(store.getArticle(1).text).toBe(text)
      expect(store.listAnnotations(1)).toEqual([claim, quote].sort((a, b) => a.anchor.start - b.anchor.start))
    })
  })
})
