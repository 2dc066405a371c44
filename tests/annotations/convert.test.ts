import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import {
  addAnnotation,
  annotationsFromStored,
  annotationsToStored,
  getAnnotations,
  getOrphans,
  splitMoved,
  updateAnnotationFields
} from '../../src/renderer/editor/annotations'
import { anchorFor } from '../../src/shared/anchor'
import { FuzzyBudget } from '../../src/shared/anchor/reanchor'
import { defaultFields, type Annotation, type AnnotationKind } from '../../src/shared/domain'
import { articleSchema as s } from '../../src/shared/schema'
import { docText } from '../../src/shared/text'
import { covered, deleteRange, doc, editor, posOf, run, tag, typeAt } from './helpers'

/** A richer article: heading, emphasis, a hard break, a block quote and a list. */
function richDoc(): Node {
  return s.node('doc', null, [
    s.node('heading', { level: 1 }, [s.text('Council passes budget')]),
    s.node('paragraph', null, [
      s.text('The mayor said the budget would '),
      s.text('cut waste', [s.mark('em')]),
      s.text(' by 15 per cent.'),
      s.node('hard_break'),
      s.text('Critics disagreed.')
    ]),
    s.node('blockquote', null, [s.node('paragraph', null, [s.text('"It was rushed," said Cllr Jones.')])]),
    s.node('bullet_list', null, [
      s.node('list_item', null, [s.node('paragraph', null, [s.text('Spending: £2.1bn')])]),
      s.node('list_item', null, [s.node('paragraph', null, [s.text('Savings: £300m')])])
    ])
  ])
}

function stored(text: string, quote: string, kind: AnnotationKind = 'claim', id = quote): Annotation {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`no "${quote}"`)
  return {
    id,
    kind,
    anchor: anchorFor(text, start, start + quote.length),
    fields: defaultFields(kind),
    origin: 'manual',
    placement: 'anchored',
    createdBy: 'Ada',
    createdAt: 'T0',
    updatedBy: 'Ada',
    updatedAt: 'T0'
  } as Annotation
}

describe('saving and reopening annotations', () => {
  it('reopens saved annotations at the same offsets, across marks, breaks, quotes and lists', () => {
    const d = richDoc()
    const text = docText(d)
    const saved = [
      stored(text, 'budget would cut waste by 15 per cent'),
      stored(text, 'cut waste', 'quote'),
      stored(text, '15 per cent.\nCritics', 'claim', 'across-break'),
      stored(text, 'rushed," said Cllr Jones.\n\nSpending: £2.1bn', 'claim', 'across-blocks'),
      stored(text, 'Cllr Jones', 'attribution'),
      stored(text, 'Savings: £300m')
    ]
    const records = annotationsFromStored(d, saved)
    const state = editor(d, records)
    expect(covered(state)).toContain('cut waste')
    const again = annotationsToStored(state)
    const byId = new Map(again.map((a) => [a.id, a]))
    for (const a of saved) expect(byId.get(a.id)).toEqual(a)
    expect(again.map((a) => a.anchor.start)).toEqual([...again.map((a) => a.anchor.start)].sort((x, y) => x - y))
  })

  it('looks for changed quotes approximately only within a budget as the article opens; the rest wait, their anchors kept', () => {
    const before = doc('The harbour board said fees rose 12% in May.', 'Ferry fares will double next spring, the operator said.')
    const text = docText(before)
    const saved = [stored(text, 'fees rose 12% in May'), stored(text, 'Ferry fares will double next spring')]
    // The first quote changed a little; the second is still there as it was.
    const after = doc('The harbour board said fees rose 13% in May.', 'Ferry fares will double next spring, the operator said.')
    const placed = annotationsFromStored(after, saved)
    expect(placed.map((r) => r.placement)).toEqual(['anchored', 'anchored'])
    expect(placed[0].exact).toBe('fees rose 13% in May')
    // With nothing left to spend, the changed one is not found this time; the exact one still is.
    const spent = annotationsFromStored(after, saved, undefined, new FuzzyBudget(0))
    expect(spent.map((r) => r.placement)).toEqual(['orphaned', 'anchored'])
    expect(spent[0].orphanAnchor).toEqual(saved[0].anchor)
    // Looked for again at the next open, with a budget: found.
    expect(annotationsFromStored(after, [{ ...saved[0], placement: 'orphaned' }])[0].placement).toBe('anchored')
  })

  it('saves tags, details and new offsets made in the editor', () => {
    let { state, id } = tag(editor(doc('Sales rose 4% in May.')), 'rose 4%', 'claim', addAnnotation)
    state = run(state, updateAnnotationFields(id, { status: 'true' }))
    const [a] = annotationsToStored(state)
    expect(a).toMatchObject({
      id,
      kind: 'claim',
      placement: 'anchored',
      anchor: { start: 6, end: 13, exact: 'rose 4%', prefix: 'Sales ', suffix: ' in May.' },
      fields: { status: 'true' }
    })
    const reopened = editor(state.doc, annotationsFromStored(state.doc, [a]))
    expect(annotationsToStored(reopened)).toEqual([a])
  })

  it('finds annotations again when the article was edited outside the editor', () => {
    const before = doc('The mayor said the budget would cut waste by 15 per cent.', 'Critics disagreed.')
    const saved = [stored(docText(before), 'cut waste by 15 per cent'), stored(docText(before), 'Critics disagreed')]
    const after = doc('Yesterday the mayor said the budget would cut wastage by 15 per cent.', 'Critics disagreed.')
    const records = annotationsFromStored(after, saved, 'T1')
    const state = editor(after, records)
    expect(covered(state)).toEqual(['cut wastage by 15 per cent', 'Critics disagreed'])
    expect(records.map((r) => r.updatedAt)).toEqual(['T1', 'T1'])
    const [fuzzy] = annotationsToStored(state)
    expect(fuzzy.anchor.exact).toBe('cut wastage by 15 per cent')
  })

  it('keeps an annotation whose text is gone as an orphan, saved with its old anchor', () => {
    const before = doc('The mayor said the budget would cut waste by 15 per cent.', 'Critics disagreed.')
    const saved = [stored(docText(before), 'Critics disagreed'), stored(docText(before), 'cut waste')]
    const after = doc('The mayor said the budget would cut waste by 15 per cent.')
    const state = editor(after, annotationsFromStored(after, saved, 'T1'))
    expect(getOrphans(state).map((o) => o.exact)).toEqual(['Critics disagreed'])
    expect(getAnnotations(state).map((a) => a.exact)).toEqual(['cut waste'])
    const out = annotationsToStored(state)
    expect(out[1]).toEqual({ ...saved[0], placement: 'orphaned', updatedAt: 'T1' })
  })

  it('places an orphan again when its text comes back', () => {
    const text = docText(doc('Critics disagreed.'))
    const orphan = { ...stored(text, 'Critics disagreed'), placement: 'orphaned' as const }
    const state = editor(doc('Intro.', 'Critics disagreed.'), annotationsFromStored(doc('Intro.', 'Critics disagreed.'), [orphan]))
    expect(getOrphans(state)).toEqual([])
    expect(annotationsToStored(state)[0]).toMatchObject({ placement: 'anchored', anchor: { start: 8, exact: 'Critics disagreed' } })
  })

  it('refuses records listed twice or outside the document', () => {
    const d = doc('Short.')
    const [r] = annotationsFromStored(d, [stored(docText(d), 'Short')])
    expect(() => editor(d, [r, r])).toThrow('listed twice')
    expect(() => editor(d, [{ ...r, to: 99 }])).toThrow('outside a document')
  })
})

describe('saving only the places of annotations that merely moved', () => {
  it('sends as moved those unchanged but for their place, and whole those edited, new, or lost from the text', () => {
    const before = doc('The mayor said the budget would cut waste by 15 per cent.', 'Critics disagreed. Cllr Jones said it was rushed.')
    const text = docText(before)
    const saved = [
      stored(text, 'cut waste by 15 per cent'),
      stored(text, 'Critics disagreed'),
      stored(text, 'Cllr Jones', 'attribution'),
      stored(text, 'it was rushed', 'quote')
    ]
    let state = editor(before, annotationsFromStored(before, saved))
    state = typeAt(state, 1, 'Late news: ')
    state = run(state, updateAnnotationFields('Critics disagreed', { status: 'false' }))
    state = deleteRange(state, posOf(state, 'it was rushed'), posOf(state, 'it was rushed') + 'it was rushed'.length)
    ;({ state } = tag(state, 'The mayor', 'attribution', addAnnotation))
    const now = annotationsToStored(state)
    const { whole, moved } = splitMoved(now, new Map(saved.map((a) => [a.id, a])))
    const shift = 'Late news: '.length
    expect(moved).toEqual([
      { id: 'cut waste by 15 per cent', start: saved[0].anchor.start + shift, end: saved[0].anchor.end + shift },
      { id: 'Cllr Jones', start: saved[2].anchor.start + shift, end: saved[2].anchor.end + shift }
    ])
    expect(whole.map((a) => a.anchor.exact)).toEqual(['The mayor', 'Critics disagreed'])
    // Saving what was just saved moves nothing and sends nothing whole.
    const again = splitMoved(now, new Map(now.map((a) => [a.id, a])))
    expect(again.whole).toEqual([])
    expect(again.moved.map((m) => m.id)).toEqual(now.map((a) => a.id))
  })

  it('sends whole an annotation whose details changed though its fields object was copied', () => {
    const d = doc('Sales rose 4% in May.')
    const a = stored(docText(d), 'rose 4%')
    const copy = { ...a, fields: { ...a.fields } } as Annotation
    expect(splitMoved([copy], new Map([[a.id, a]])).moved).toHaveLength(1)
    const edited = { ...a, fields: { ...a.fields, explanation: 'see the report' } } as Annotation
    expect(splitMoved([edited], new Map([[a.id, a]])).whole).toEqual([edited])
  })
})
