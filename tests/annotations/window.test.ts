/**
 * The windowed decorations painter, as a state: only annotations touching the window are
 * drawn; the window moves with a transaction (what the view does as it scrolls) and with
 * edits; tagging, changing and removing annotations outside it draw nothing.
 */
import { describe, expect, it } from 'vitest'
import { EditorState } from 'prosemirror-state'
import {
  addAnnotation,
  annotationDecorationSet,
  annotationWindow,
  removeAnnotation,
  selectAnnotation,
  setAnnotationWindow,
  updateAnnotationFields
} from '../../src/renderer/editor/annotations'
import { apply, doc, editor, posOf, run, tag, typeAt, undoOf } from './helpers'

const story = doc(
  'The council approved the budget on Tuesday.',
  'Spending on roads rises 12 percent, the treasurer said.',
  'Critics called the plan "a gift to developers."',
  'The mayor said the vote was "a good day for the city."'
)

function windowed(): EditorState {
  return editor(story)
}

function drawn(state: EditorState): string[] {
  return annotationDecorationSet(state)
    .find()
    .map((d) => state.doc.textBetween(d.from, d.to))
}

/** The window over the paragraph holding `needle`. */
function windowAt(state: EditorState, needle: string): { from: number; to: number } {
  const $pos = state.doc.resolve(posOf(state, needle))
  return { from: $pos.before(), to: $pos.after() }
}

function tagAll(): EditorState {
  let state = windowed()
  state = tag(state, 'approved the budget', 'claim', addAnnotation).state
  state = tag(state, 'rises 12 percent', 'claim', addAnnotation).state
  state = tag(state, 'a gift to developers.', 'quote', addAnnotation).state
  return tag(state, 'a good day for the city.', 'quote', addAnnotation).state
}

describe('the windowed painter', () => {
  it('starts with the first stretch of the article, so a short one is drawn whole before any view measures', () => {
    const state = tagAll()
    expect(annotationWindow(state)).toEqual({ from: 0, to: state.doc.content.size })
    expect(drawn(state)).toHaveLength(4)
  })

  it('draws only the annotations touching the window, and follows the window when it moves', () => {
    let state = tagAll()
    state = apply(state, setAnnotationWindow(state.tr, windowAt(state, 'Spending')))
    expect(drawn(state)).toEqual(['rises 12 percent'])
    state = apply(state, setAnnotationWindow(state.tr, { from: windowAt(state, 'Critics').from, to: state.doc.content.size }))
    expect(drawn(state)).toEqual(['a gift to developers.', 'a good day for the city.'])
  })

  it('keeps moving the window out of the undo history', () => {
    let state = tagAll()
    state = apply(state, setAnnotationWindow(state.tr, windowAt(state, 'Spending')))
    // Undo takes back the last tag, not the window move.
    expect(drawn(undoOf(state))).toEqual(['rises 12 percent'])
    expect(annotationWindow(undoOf(state))).toEqual(annotationWindow(state))
  })

  it('tags, changes, selects and removes annotations outside the window without drawing them', () => {
    let state = tagAll()
    state = apply(state, setAnnotationWindow(state.tr, windowAt(state, 'Spending')))
    const tagged = tag(state, 'The mayor said', 'attribution', addAnnotation)
    state = tagged.state
    expect(drawn(state)).toEqual(['rises 12 percent'])
    state = run(state, selectAnnotation(tagged.id))
    state = run(state, updateAnnotationFields(tagged.id, { sourceName: 'the mayor' }))
    expect(drawn(state)).toEqual(['rises 12 percent'])
    state = run(state, removeAnnotation(tagged.id))
    expect(drawn(state)).toEqual(['rises 12 percent'])
    // Inside the window, the same steps draw and undraw.
    const inside = tag(state, 'the treasurer said', 'attribution', addAnnotation)
    expect(drawn(inside.state)).toEqual(['rises 12 percent', 'the treasurer said'])
    expect(drawn(run(inside.state, removeAnnotation(inside.id)))).toEqual(['rises 12 percent'])
  })

  it('moves and stretches the window with edits, so the same text stays drawn', () => {
    let state = tagAll()
    state = apply(state, setAnnotationWindow(state.tr, windowAt(state, 'Critics')))
    const before = annotationWindow(state)!
    state = typeAt(state, posOf(state, 'council'), 'city ')
    expect(annotationWindow(state)).toEqual({ from: before.from + 5, to: before.to + 5 })
    expect(drawn(state)).toEqual(['a gift to developers.'])
    state = typeAt(state, posOf(state, 'developers'), 'property ')
    expect(annotationWindow(state)).toEqual({ from: before.from + 5, to: before.to + 14 })
    expect(drawn(state)).toEqual(['a gift to property developers.'])
  })
})
