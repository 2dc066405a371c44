import { describe, expect, it } from 'vitest'
import { TextSelection } from 'prosemirror-state'
import { Step } from 'prosemirror-transform'
import { articleSchema } from '../../src/shared/schema'
import { undoDepth } from 'prosemirror-history'
import {
  addAnnotation,
  annotationsFromStored,
  annotationsToStored,
  getAnnotation,
  getAnnotations,
  getOrphans,
  reattachAnnotation,
  removeAnnotation,
  retagAnnotation,
  selectAnnotation,
  selectedAnnotationId,
  updateAnnotationFields,
  AnnotationStep
} from '../../src/renderer/editor/annotations'
import { defaultFields, type Annotation } from '../../src/shared/domain'
import { covered, doc, editor, redoOf, refuses, run, select, tag, textOf, undoOf } from './helpers'

const story = doc(
  'The minister said unemployment fell by 12 per cent last year.',
  '"We have never seen numbers like these," she told reporters.'
)

describe('tagging a selection', () => {
  it('tags the selection as a claim, and undo and redo take it away and back', () => {
    const start = select(editor(story), 'unemployment fell by 12 per cent')
    const tagged = run(start, addAnnotation('claim'))
    const [claim] = getAnnotations(tagged)
    expect(claim).toMatchObject({
      kind: 'claim',
      placement: 'anchored',
      origin: 'manual',
      createdBy: 'Ada',
      exact: 'unemployment fell by 12 per cent',
      prefix: 'The minister said ',
      fields: { status: 'unchecked', evidence: [] }
    })
    expect(covered(tagged)).toEqual(['unemployment fell by 12 per cent'])

    const undone = undoOf(tagged)
    expect(getAnnotations(undone)).toEqual([])
    expect(undone.doc.eq(story)).toBe(true)

    const redone = redoOf(undone)
    expect(getAnnotations(redone)).toEqual([claim])
  })

  it('tags quotes and attributions with their own fields', () => {
    let { state } = tag(editor(story), 'We have never seen numbers like these', 'quote', addAnnotation)
    ;({ state } = tag(state, 'she told', 'attribution', addAnnotation))
    expect(getAnnotations(state).map((a) => [a.kind, a.fields])).toEqual([
      ['quote', { speakerId: null, speakerName: '', checked: false, checkedNote: '' }],
      ['attribution', { sourceName: '', sourceType: 'person', cue: '' }]
    ])
  })

  it('refuses an empty or blank selection', () => {
    const state = editor(doc('Some text', '   ', 'More'))
    refuses(state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3))), addAnnotation('claim'))
    refuses(state.apply(state.tr.setSelection(TextSelection.create(state.doc, 12, 15))), addAnnotation('claim'))
  })

  it('leaves white space at either end of the selection out of the annotation', () => {
    const state = select(editor(story), ' said unemployment ')
    const tagged = run(state, addAnnotation('claim'))
    expect(covered(tagged)).toEqual(['said unemployment'])
  })

  it('refuses to tag exactly the same text with the same kind twice, but allows another kind', () => {
    const { state } = tag(editor(story), 'unemployment fell', 'claim', addAnnotation)
    refuses(select(state, 'unemployment fell'), addAnnotation('claim'))
    const both = run(select(state, 'unemployment fell'), addAnnotation('quote'))
    expect(getAnnotations(both).map((a) => a.kind)).toEqual(['claim', 'quote'])
  })

  it('tags a given range (accepting a suggestion) with its fields and origin', () => {
    const state = editor(story)
    const tagged = run(
      state,
      addAnnotation('claim', { range: { from: 1, to: 13 }, origin: 'suggested', fields: { explanation: 'check' }, by: 'Bot' })
    )
    expect(getAnnotations(tagged)[0]).toMatchObject({ exact: 'The minister', origin: 'suggested', createdBy: 'Bot' })
    expect(getAnnotations(tagged)[0].fields).toMatchObject({ status: 'unchecked', explanation: 'check' })
  })

  it('tags and selects the new annotation in one transaction (the tag keys); undo takes both back', () => {
    let state = select(editor(story), 'unemployment fell')
    const before = state
    let transactions = 0
    addAnnotation('claim', { id: 'k1', select: true })(state, (tr) => {
      transactions++
      state = state.apply(tr)
    })
    expect(transactions).toBe(1)
    expect(selectedAnnotationId(state)).toBe('k1')
    expect(getAnnotation(state, 'k1')?.exact).toBe('unemployment fell')
    const undone = undoOf(state)
    expect(getAnnotations(undone)).toEqual(getAnnotations(before))
    expect(selectedAnnotationId(undone)).toBeNull()
  })

  it('tags across two paragraphs', () => {
    const { state } = tag(editor(story), 'year.', 'claim', addAnnotation)
    const from = getAnnotations(state)[0].from
    const to = from + 'year.'.length + 2 + '"We'.length
    const both = run(state, addAnnotation('quote', { range: { from, to } }))
    // Document order: the outer (longer) annotation first.
    expect(covered(both)).toEqual(['year.\n\n"We', 'year.'])
  })
})

describe('untagging', () => {
  it('removes an annotation; undo brings it back with its fields, redo removes it again', () => {
    let { state, id } = tag(editor(story), 'fell by 12 per cent', 'claim', addAnnotation)
    state = run(state, updateAnnotationFields(id, { status: 'false' }))
    const kept = getAnnotation(state, id)
    const removed = run(state, removeAnnotation(id))
    expect(getAnnotations(removed)).toEqual([])
    const back = undoOf(removed)
    expect(getAnnotation(back, id)).toEqual(kept)
    expect(getAnnotations(redoOf(back))).toEqual([])
  })

  it('refuses an unknown id', () => {
    refuses(editor(story), removeAnnotation('nope'))
  })
})

describe('retagging', () => {
  it('turns a claim into a quote with fresh fields and the same id (its thread hangs on the id); undo restores the claim with its verdict', () => {
    let { state, id } = tag(editor(story), 'We have never seen numbers like these', 'claim', addAnnotation)
    state = run(state, updateAnnotationFields(id, { status: 'misleading', explanation: 'desk: look again' }))
    const retagged = run(state, retagAnnotation(id, 'quote'))
    expect(getAnnotation(retagged, id)).toMatchObject({
      kind: 'quote',
      fields: { speakerId: null, speakerName: '', checked: false, checkedNote: '' },
      updatedBy: 'Ada'
    })
    const undone = undoOf(retagged)
    expect(getAnnotation(undone, id)).toMatchObject({ kind: 'claim', fields: { status: 'misleading', explanation: 'desk: look again' } })
    expect(getAnnotation(redoOf(undone), id)?.kind).toBe('quote')
  })

  it('refuses to retag as the same kind', () => {
    const { state, id } = tag(editor(story), 'she told', 'attribution', addAnnotation)
    refuses(state, retagAnnotation(id, 'attribution'))
  })
})

describe('editing details', () => {
  it('sets a claim verdict and explanation; undo and redo step through the edits', () => {
    let { state, id } = tag(editor(story), 'fell by 12 per cent', 'claim', addAnnotation)
    state = run(state, updateAnnotationFields(id, { status: 'in_review', checkerId: 'p-ben' }, { by: 'Ben', at: 'T1' }))
    state = run(state, updateAnnotationFields(id, { status: 'false', explanation: 'It fell by 2 per cent.' }))
    expect(getAnnotation(state, id)?.fields).toMatchObject({ status: 'false', checkerId: 'p-ben' })

    const once = undoOf(state)
    expect(getAnnotation(once, id)).toMatchObject({ fields: { status: 'in_review', explanation: '' }, updatedBy: 'Ben', updatedAt: 'T1' })
    const twice = undoOf(once)
    expect(getAnnotation(twice, id)?.fields).toMatchObject({ status: 'unchecked', checkerId: null })
    expect(getAnnotation(redoOf(redoOf(twice)), id)?.fields).toMatchObject({ status: 'false' })
  })

  it('adds evidence links to a claim', () => {
    let { state, id } = tag(editor(story), 'fell by 12 per cent', 'claim', addAnnotation)
    state = run(state, updateAnnotationFields(id, { evidence: [{ url: 'https://ons.gov.uk', note: 'ONS series' }] }))
    expect(getAnnotation(state, id)?.fields).toMatchObject({ evidence: [{ url: 'https://ons.gov.uk' }] })
  })

  it('does not fill the undo history with edits that change nothing', () => {
    const { state, id } = tag(editor(story), 'fell by 12 per cent', 'claim', addAnnotation)
    refuses(state, updateAnnotationFields(id, { status: 'unchecked' }))
    expect(undoDepth(state)).toBe(1)
  })

  it('rejects a field the kind does not have, with a clear message', () => {
    const { state, id } = tag(editor(story), 'she told', 'attribution', addAnnotation)
    expect(() => updateAnnotationFields(id, { status: 'false' })(state)).toThrow('An attribution has no field "status"')
  })
})

describe('orphaned annotations', () => {
  const stored: Annotation = {
    id: 'lost',
    kind: 'claim',
    anchor: { start: 0, end: 22, exact: 'inflation hit 9 percent', prefix: '', suffix: '' },
    fields: { ...defaultFields('claim'), status: 'in_review' },
    origin: 'manual',
    placement: 'anchored',
    createdBy: 'Ada',
    createdAt: 'T0',
    updatedBy: 'Ada',
    updatedAt: 'T0'
  }

  it('re-attaches an orphan to the selection; undo makes it an orphan again', () => {
    const records = annotationsFromStored(story, [stored])
    const state = editor(story, records)
    expect(getOrphans(state).map((a) => a.id)).toEqual(['lost'])
    expect(getAnnotations(state)).toEqual([])

    const attached = run(select(state, 'unemployment fell by 12 per cent'), reattachAnnotation('lost'))
    expect(getOrphans(attached)).toEqual([])
    expect(getAnnotation(attached, 'lost')).toMatchObject({ placement: 'anchored', exact: 'unemployment fell by 12 per cent', fields: { status: 'in_review' } })
    expect(annotationsToStored(attached)[0]).toMatchObject({ placement: 'anchored', anchor: { exact: 'unemployment fell by 12 per cent' } })

    const undone = undoOf(attached)
    expect(getOrphans(undone).map((a) => a.id)).toEqual(['lost'])
    expect(getAnnotations(undone)).toEqual([])
    expect(getAnnotations(redoOf(undone)).map((a) => a.id)).toEqual(['lost'])
  })

  it('refuses to re-attach an anchored annotation or to an empty selection', () => {
    const { state, id } = tag(editor(story), 'she told', 'attribution', addAnnotation)
    refuses(state, reattachAnnotation(id))
    const orphaned = editor(story, annotationsFromStored(story, [stored]))
    refuses(orphaned, reattachAnnotation('lost'))
  })

  it('untags an orphan, undoably', () => {
    const state = editor(story, annotationsFromStored(story, [stored]))
    const removed = run(state, removeAnnotation('lost'))
    expect(getOrphans(removed)).toEqual([])
    expect(getOrphans(undoOf(removed)).map((a) => a.id)).toEqual(['lost'])
  })
})

describe('selecting an annotation', () => {
  it('selects and deselects without entering the undo history', () => {
    const { state, id } = tag(editor(story), 'she told', 'attribution', addAnnotation)
    const selected = run(state, selectAnnotation(id))
    expect(selectedAnnotationId(selected)).toBe(id)
    expect(undoDepth(selected)).toBe(1)
    refuses(selected, selectAnnotation(id))
    // Undo undoes the tagging, not the selection, and the selection goes with the annotation.
    const undone = undoOf(selected)
    expect(getAnnotations(undone)).toEqual([])
    expect(selectedAnnotationId(undone)).toBe(null)
    expect(selectedAnnotationId(run(selected, selectAnnotation(null)))).toBe(null)
  })

  it('reveals the selected annotation by moving the cursor to it', () => {
    const { state, id } = tag(editor(story), 'she told', 'attribution', addAnnotation)
    const moved = run(state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1))), selectAnnotation(id, { reveal: true }))
    expect(moved.selection.from).toBe(getAnnotation(moved, id)!.from)
  })

  it('refuses an unknown id', () => {
    refuses(editor(story), selectAnnotation('nope'))
  })
})

describe('annotation changes as steps', () => {
  it('survive a round trip through JSON, as collaboration or a saved history would send them', () => {
    let change: Step | null = null
    const state = select(editor(story), 'she told')
    addAnnotation('attribution')(state, (tr) => (change = tr.steps[0]))
    const again = Step.fromJSON(articleSchema, change!.toJSON())
    expect(again).toBeInstanceOf(AnnotationStep)
    expect(again).toEqual(change)
    expect(() => Step.fromJSON(articleSchema, { stepType: 'copydesk.annotation', before: 1 })).toThrow('Invalid input')
  })
})
