import { describe, expect, it } from 'vitest'
import { Slice } from 'prosemirror-model'
import { TextSelection, type EditorState } from 'prosemirror-state'
import { closeHistory } from 'prosemirror-history'
import { addAnnotation, getAnnotation, selectAnnotation, selectedAnnotationId, updateAnnotationFields } from '../../src/renderer/editor/annotations'
import { apply, doc, editor, posOf, redoOf, run, tag, textOf, undoOf } from './helpers'

const story = doc(
  'The council voted 7-2 to raise the property tax rate by 6.8% on Monday.',
  'The mayor called it the largest increase since 1998.',
  'Residents will see the change in January.'
)

/** What ProseMirror's drop handler does with a dragged selection: delete it, insert the dragged copy where the mouse is. */
function drop(state: EditorState, from: number, to: number, at: number): EditorState {
  const slice = state.doc.slice(from, to)
  const tr = state.tr.setSelection(TextSelection.create(state.doc, from, to))
  tr.deleteSelection()
  const pos = tr.mapping.map(at)
  tr.replaceRange(pos, pos, slice)
  tr.setMeta('uiEvent', 'drop')
  return apply(state, closeHistory(tr))
}

/** A paste of `slice` over [from, to), as ProseMirror's paste handler makes it. */
function paste(state: EditorState, from: number, to: number, slice: Slice): EditorState {
  const tr = state.tr.setSelection(TextSelection.create(state.doc, from, to)).replaceSelection(slice).setMeta('uiEvent', 'paste')
  return apply(state, closeHistory(tr))
}

function range(state: EditorState, text: string): [number, number] {
  const from = posOf(state, text)
  return [from, from + text.length]
}

describe('dragging annotated words', () => {
  it('dropped onto themselves, the words keep every annotation on and around them; undo and redo too', () => {
    let { state, id: claim } = tag(editor(story), 'raise the property tax rate by 6.8%', 'claim', addAnnotation)
    const quoted = tag(state, 'property tax', 'quote', addAnnotation)
    state = quoted.state
    // The claim's first words: ProseMirror deletes them and inserts them back at the claim's
    // edge, where mapping alone would have left them outside it.
    const [from, to] = range(state, 'raise the property')
    const dropped = drop(state, from, to, from + 3)
    expect(dropped.doc.eq(state.doc)).toBe(true)
    expect(textOf(dropped, claim)).toBe('raise the property tax rate by 6.8%')
    expect(textOf(dropped, quoted.id)).toBe('property tax')
    expect(getAnnotation(dropped, claim)).toEqual(getAnnotation(state, claim))
    const undone = undoOf(dropped)
    expect(textOf(undone, claim)).toBe('raise the property tax rate by 6.8%')
    expect(textOf(undone, quoted.id)).toBe('property tax')
    const redone = redoOf(undone)
    expect(textOf(redone, claim)).toBe('raise the property tax rate by 6.8%')
    expect(textOf(redone, quoted.id)).toBe('property tax')
  })

  it('dropped elsewhere, the words take their annotations with them, fields and all; undo puts them back', () => {
    let { state, id } = tag(editor(story), 'the largest increase since 1998', 'claim', addAnnotation)
    state = run(state, updateAnnotationFields(id, { status: 'in_review', checkerId: 'p-rosa' }))
    state = run(state, selectAnnotation(id))
    const [from, to] = range(state, 'the largest increase since 1998')
    const moved = drop(state, from, to, posOf(state, 'in January'))
    expect(moved.doc.textContent).toContain('see the change the largest increase since 1998in January')
    expect(textOf(moved, id)).toBe('the largest increase since 1998')
    expect(getAnnotation(moved, id)!.from).toBeGreaterThan(posOf(moved, 'Residents'))
    expect(getAnnotation(moved, id)!.fields).toMatchObject({ status: 'in_review', checkerId: 'p-rosa' })
    expect(selectedAnnotationId(moved)).toBe(id)
    const undone = undoOf(moved)
    expect(undone.doc.eq(state.doc)).toBe(true)
    expect(getAnnotation(undone, id)!.from).toBe(from)
    expect(textOf(undone, id)).toBe('the largest increase since 1998')
    const redone = redoOf(undone)
    expect(textOf(redone, id)).toBe('the largest increase since 1998')
    expect(getAnnotation(redone, id)!.from).toBe(getAnnotation(moved, id)!.from)
  })

  it('dragged across paragraphs, an annotation that spans them goes with its words', () => {
    const start = editor(story)
    const from = posOf(start, 'on Monday.')
    const state = run(start, addAnnotation('quote', { id: 'q', range: { from, to: posOf(start, 'called it') + 'called it'.length } }))
    expect(textOf(state, 'q')).toBe('on Monday.\n\nThe mayor called it')
    const moved = drop(state, posOf(state, 'by 6.8%'), posOf(state, 'the largest'), posOf(state, 'Residents'))
    expect(moved.doc.textContent).toContain('Residents')
    expect(textOf(moved, 'q')).toBe('on Monday.\n\nThe mayor called it')
    expect(getAnnotation(moved, 'q')!.from).toBeGreaterThan(getAnnotation(state, 'q')!.from)
    expect(textOf(undoOf(moved), 'q')).toBe('on Monday.\n\nThe mayor called it')
  })

  it('an annotation only partly in the dragged words keeps the words that stayed', () => {
    const { state, id } = tag(editor(story), 'the largest increase since 1998', 'claim', addAnnotation)
    const [from, to] = range(state, 'since 1998')
    const moved = drop(state, from, to, posOf(state, 'in January'))
    expect(textOf(moved, id)!.trim()).toBe('the largest increase')
    expect(textOf(undoOf(moved), id)).toBe('the largest increase since 1998')
  })
})

describe('pasting the same words over themselves', () => {
  it('keeps the annotations on them, and in the undo history', () => {
    const { state, id } = tag(editor(story), 'the largest increase since 1998', 'claim', addAnnotation)
    const [from, to] = range(state, 'The mayor called it the largest increase')
    const pasted = paste(state, from, to, state.doc.slice(from, to))
    expect(textOf(pasted, id)).toBe('the largest increase since 1998')
    expect(textOf(undoOf(pasted), id)).toBe('the largest increase since 1998')
    expect(textOf(redoOf(undoOf(pasted)), id)).toBe('the largest increase since 1998')
  })

  it('typing a letter over the same selected letter keeps the annotation whole', () => {
    const { state, id } = tag(editor(story), 'the largest increase', 'claim', addAnnotation)
    const at = posOf(state, 'largest')
    const typed = apply(state, state.tr.insertText('l', at, at + 1))
    expect(textOf(typed, id)).toBe('the largest increase')
  })

  it('other words pasted over all of an annotation become its words, as typing over them does; undo gives the old ones back', () => {
    const { state, id } = tag(editor(story), 'the largest increase', 'claim', addAnnotation)
    const [from, to] = range(state, 'the largest increase')
    const other = doc('a big rise')
    const pasted = paste(state, from, to, other.slice(1, other.content.size - 1))
    expect(textOf(pasted, id)).toBe('a big rise')
    expect(textOf(undoOf(pasted), id)).toBe('the largest increase')
  })
})

describe('undo puts annotations back exactly, even after quick edits grouped into one undo step', () => {
  it('a tag, then a drop and a deletion of the dropped words a moment later: one undo brings back the words and their claim, redo takes them away again', () => {
    let { state, id } = tag(editor(story), 'the largest increase since 1998', 'claim', addAnnotation)
    const [from, to] = range(state, 'the largest increase since 1998')
    // No closeHistory: the drop and the deletion are quick enough to be one undo step.
    const slice = state.doc.slice(from, to)
    let tr = state.tr.setSelection(TextSelection.create(state.doc, from, to))
    tr.deleteSelection()
    const at = tr.mapping.map(posOf(state, 'in January'))
    tr.replaceRange(at, at, slice)
    state = apply(state, tr)
    expect(textOf(state, id)).toBe('the largest increase since 1998')
    const moved = getAnnotation(state, id)!
    state = apply(state, state.tr.delete(moved.from, moved.to))
    expect(textOf(state, id)).toBeNull()
    const undone = undoOf(state)
    expect(undone.doc.eq(story)).toBe(true)
    expect(getAnnotation(undone, id)).toMatchObject({ from, to })
    expect(textOf(undone, id)).toBe('the largest increase since 1998')
    const redone = redoOf(undone)
    expect(textOf(redone, id)).toBeNull()
    expect(textOf(undoOf(redone), id)).toBe('the largest increase since 1998')
    // And the tag itself is the undo step before.
    expect(textOf(undoOf(undone), id)).toBeNull()
  })
})

