import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import {
  addAnnotation,
  annotationsFromStored,
  annotationsToStored,
  getAnnotations,
  getOrphans,
  updateAnnotationFields
} from '../../src/renderer/editor/annotations'
import { anchorFor } from '../../src/shared/anchor'
import { FuzzyBudget } from '../../src/shared/anchor/reanchor'
import { defaultFields, type Annotation, type AnnotationKind } from '../../src/shared/domain'
import { articleSchema as s } from '../../src/shared/schema'
import { annotationChanges, bodyChange } from '../../src/shared/save-request'
import { docText, textLength } from '../../src/shared/text'
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

describe('saving only what changed in the annotations', () => {
  it('names those edited, new or removed, and tells how the others moved as one shift', () => {
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
    const changes = annotationChanges(now, new Map(saved.map((a) => [a.id, a])))
    // Cllr Jones only moved, but the words deleted after it changed its context: sent whole.
    expect(changes.upsert.map((a) => a.anchor.exact).sort()).toEqual(['Cllr Jones', 'Critics disagreed', 'The mayor'])
    expect(changes.removed).toEqual(['it was rushed'])
    // Everything from the first annotation on moved by the words typed before it.
    expect(changes.shifts).toEqual([{ from: saved[0].anchor.start, by: 'Late news: '.length }])
    // Saving what was just saved sends nothing.
    expect(annotationChanges(now, new Map(now.map((a) => [a.id, a])))).toEqual({ upsert: [], removed: [], shifts: [] })
  })

  it('sends whole an annotation whose details changed though its fields object was copied', () => {
    const d = doc('Sales rose 4% in May.')
    const a = stored(docText(d), 'rose 4%')
    const copy = { ...a, fields: { ...a.fields } } as Annotation
    expect(annotationChanges([copy], new Map([[a.id, a]]))).toEqual({ upsert: [], removed: [], shifts: [] })
    const edited = { ...a, fields: { ...a.fields, explanation: 'see the report' } } as Annotation
    expect(annotationChanges([edited], new Map([[a.id, a]])).upsert).toEqual([edited])
  })

  it('starts a shift where the move changes, and sends whole one that cannot share its place\'s shift', () => {
    const text = 'aaaa bbbb cccc dddd eeee'
    const [x, y, z] = ['bbbb', 'cccc', 'dddd'].map((w) => stored(text, w))
    const at = (a: Annotation, by: number, end = by): Annotation => ({ ...a, anchor: { ...a.anchor, start: a.anchor.start + by, end: a.anchor.end + end } })
    const twin = { ...stored(text, 'cccc'), id: 'twin' }
    const saved = new Map([x, y, twin, z].map((a) => [a.id, a]))
    const changes = annotationChanges([at(x, 0), at(y, 3), at(twin, 0), at(z, 5)], saved)
    expect(changes.shifts).toEqual([{ from: y.anchor.start, by: 3 }, { from: z.anchor.start, by: 5 }])
    // The twin starts where y does and did not move with it; a stretched one is sent whole too.
    expect(changes.upsert.map((a) => a.id)).toEqual(['twin'])
    expect(annotationChanges([at(x, 2, 4)], new Map([[x.id, x]])).upsert).toHaveLength(1)
  })
})

describe('saving only the blocks that changed', () => {
  it('sends the blocks between the ones left as they were, and nothing when none changed', () => {
    const before = richDoc()
    let state = editor(before, [])
    state = typeAt(state, posOf(state, 'Critics'), 'Loud ')
    const change = bodyChange(before, state.doc, docText(state.doc).length)
    expect(change).toMatchObject({ from: 1, remove: 1, textLength: docText(before).length + 'Loud '.length })
    expect(change.blocks).toEqual([state.doc.child(1).toJSON()])
    expect(bodyChange(state.doc, state.doc, 0)).toMatchObject({ from: 4, remove: 0, blocks: [] })
    // A block copied rather than shared is still the same block.
    expect(bodyChange(before, s.nodeFromJSON(before.toJSON()), 0)).toMatchObject({ from: 4, remove: 0, blocks: [] })
  })

  it('counts the text as the projection does', () => {
    for (const d of [richDoc(), doc('One.'), doc('', 'Two', '')]) expect(textLength(d)).toBe(docText(d).length)
  })
})
