/**
 * The decorations painter with a first-frame painter: a just-tagged annotation waits for its
 * span (the first-frame painter shows it meanwhile) until the painter's flush; undo and redo,
 * and many annotations made at once, are drawn at once; nothing waits forever.
 */
import { describe, expect, it } from 'vitest'
import { EditorState } from 'prosemirror-state'
import {
  addAnnotation,
  annotationDecorationSet,
  firstFrameHooks,
  removeAnnotation,
  retagAnnotation,
  selectAnnotation,
  setAnnotationWindow
} from '../../src/renderer/editor/annotations'
import { apply, doc, editor, redoOf, run, tag, undoOf } from './helpers'

const story = doc(
  'The council approved the budget on Tuesday.',
  'Spending on roads rises 12 percent, the treasurer said.',
  'Critics called the plan "a gift to developers."'
)

function painter(firstFrame: boolean): EditorState {
  // The first-frame painter itself is not used without a view: only its presence turns waiting on.
  return editor(story, [], { windowed: true, firstFrame: firstFrame ? () => ({}) : undefined })
}

function drawn(state: EditorState): string[] {
  return annotationDecorationSet(state)
    .find()
    .map((d) => state.doc.textBetween(d.from, d.to))
}

const pending = (state: EditorState): string[] => [...firstFrameHooks.pending(state)]
const flush = (state: EditorState): EditorState => apply(state, firstFrameHooks.flush(state.tr))

describe('the first frame of a tag', () => {
  it('a tag waits for its span until the flush, which is not an edit to undo', () => {
    let state = tag(painter(true), 'approved the budget', 'claim', addAnnotation).state
    expect(drawn(state)).toEqual([])
    expect(pending(state)).toEqual(['a1'])
    state = flush(state)
    expect(drawn(state)).toEqual(['approved the budget'])
    expect(pending(state)).toEqual([])
    // Undo takes back the tag, not the flush.
    expect(drawn(undoOf(state))).toEqual([])
  })

  it('without a first-frame painter, a tag is drawn at once', () => {
    const state = tag(painter(false), 'approved the budget', 'claim', addAnnotation).state
    expect(drawn(state)).toEqual(['approved the budget'])
    expect(pending(state)).toEqual([])
  })

  it('undo and redo draw at once: the annotation comes back whole, not as a new tag', () => {
    let state = flush(tag(painter(true), 'approved the budget', 'claim', addAnnotation).state)
    state = run(state, removeAnnotation('a1'))
    expect(drawn(state)).toEqual([])
    state = undoOf(state)
    expect(drawn(state)).toEqual(['approved the budget'])
    expect(pending(state)).toEqual([])
    state = redoOf(undoOf(flush(tag(painter(true), 'rises 12 percent', 'claim', addAnnotation).state)))
    expect(drawn(state)).toEqual(['rises 12 percent'])
  })

  it('many annotations made in one step (accepting suggestions) are drawn at once', () => {
    let state = painter(true)
    const tr = state.tr
    const phrases = ['The council', 'approved', 'the budget', 'on Tuesday', 'Spending on roads']
    for (const [i, phrase] of phrases.entries()) {
      let pos = -1
      state.doc.descendants((node, p) => {
        if (pos < 0 && node.isText && node.text!.includes(phrase)) pos = p + node.text!.indexOf(phrase)
      })
      expect(pos).toBeGreaterThanOrEqual(0)
      addAnnotation('claim', { id: `m${i}`, range: { from: pos, to: pos + phrase.length } })(state.apply(tr), (t) => {
        for (const step of t.steps) tr.step(step)
      })
    }
    state = apply(state, tr)
    expect(pending(state)).toEqual([])
    expect(drawn(state).sort()).toEqual([...phrases].sort())
  })

  it('a tag changed or removed before the flush is drawn as it is then, or not at all', () => {
    let state = tag(painter(true), 'approved the budget', 'claim', addAnnotation).state
    state = run(state, retagAnnotation('a1', 'quote'))
    expect(drawn(state)).toEqual([])
    state = flush(state)
    const classes = annotationDecorationSet(state)
      .find()
      .map((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class)
    expect(classes).toHaveLength(1)
    expect(classes[0]).toContain('cd-ann-quote')
    let removed = tag(painter(true), 'rises 12 percent', 'claim', addAnnotation).state
    removed = run(removed, removeAnnotation('a1'))
    expect(drawn(flush(removed))).toEqual([])
  })

  it('a window move draws the waiting tags with the rest', () => {
    let state = tag(painter(true), 'approved the budget', 'claim', addAnnotation).state
    state = apply(state, setAnnotationWindow(state.tr, { from: 0, to: state.doc.content.size }))
    expect(drawn(state)).toEqual(['approved the budget'])
    expect(pending(state)).toEqual([])
  })
})

describe('the first frame of a selection', () => {
  const classesOf = (state: EditorState): Record<string, string> =>
    Object.fromEntries(
      annotationDecorationSet(state)
        .find()
        .map((d) => [state.doc.textBetween(d.from, d.to), (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class])
    )

  function twoTags(firstFrame: boolean): EditorState {
    let state = tag(painter(firstFrame), 'approved the budget', 'claim', addAnnotation).state
    state = tag(state, 'rises 12 percent', 'claim', addAnnotation).state
    return flush(state)
  }

  it('moving the selection between annotations restyles their spans at the flush', () => {
    let state = run(twoTags(true), selectAnnotation('a1'))
    expect(classesOf(state)['approved the budget']).not.toContain('cd-ann-selected')
    expect(firstFrameHooks.waiting(state)).toBe(true)
    state = flush(state)
    expect(classesOf(state)['approved the budget']).toContain('cd-ann-selected')
    state = run(state, selectAnnotation('a2'))
    expect(classesOf(state)['approved the budget']).toContain('cd-ann-selected')
    state = flush(state)
    expect(classesOf(state)['approved the budget']).not.toContain('cd-ann-selected')
    expect(classesOf(state)['rises 12 percent']).toContain('cd-ann-selected')
    expect(firstFrameHooks.waiting(state)).toBe(false)
  })

  it('a change to a waiting annotation draws it at once, with its look', () => {
    let state = run(twoTags(true), selectAnnotation('a1'))
    state = run(state, retagAnnotation('a1', 'quote'))
    expect(classesOf(state)['approved the budget']).toContain('cd-ann-quote')
    expect(classesOf(state)['approved the budget']).toContain('cd-ann-selected')
  })

  it('without a first-frame painter, the selection restyles at once', () => {
    const state = run(twoTags(false), selectAnnotation('a1'))
    expect(classesOf(state)['approved the budget']).toContain('cd-ann-selected')
  })
})
