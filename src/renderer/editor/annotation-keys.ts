import { keymap } from 'prosemirror-keymap'
import type { Command, Plugin } from 'prosemirror-state'
import type { AnnotationKind } from '../../shared/domain'
import { SHORTCUTS } from '../ui/labels'
import { readPendingDomChanges } from './dom-sync'
import { addAnnotation, getAnnotations, removeAnnotation, selectAnnotation, selectedAnnotationId } from './annotations'

/** Moves to the next (1) or previous (-1) annotation after the cursor, selecting it. */
export function stepAnnotation(dir: 1 | -1): Command {
  return (state, dispatch) => {
    const list = getAnnotations(state)
    if (!list.length) return false
    const current = selectedAnnotationId(state)
    const i = current ? list.findIndex((a) => a.id === current) : -1
    let next
    if (i >= 0) next = list[(i + dir + list.length) % list.length]
    else {
      const pos = state.selection.from
      next = dir === 1 ? (list.find((a) => a.from > pos) ?? list[0]) : ([...list].reverse().find((a) => a.from < pos) ?? list[list.length - 1])
    }
    return selectAnnotation(next.id, { reveal: true })(state, dispatch)
  }
}

/** Tags the selection and selects the new annotation so its details open. */
export function tagSelection(kind: AnnotationKind): Command {
  return (state, dispatch, view) => {
    // Keys can come faster than the browser's selectionchange: read a selection it has just
    // moved (Shift+End a moment before) so the tag covers what the editor sees selected.
    if (dispatch && view) {
      readPendingDomChanges(view)
      state = view.state
    }
    return addAnnotation(kind, { id: crypto.randomUUID(), select: true })(state, dispatch)
  }
}

/** Removes the selected annotation. */
export const untagSelected: Command = (state, dispatch) => {
  const id = selectedAnnotationId(state)
  return id ? removeAnnotation(id)(state, dispatch) : false
}

/** The annotation keys (see SHORTCUTS). */
export function annotationKeymap(): Plugin {
  return keymap({
    [SHORTCUTS.claim.keys]: tagSelection('claim'),
    [SHORTCUTS.quote.keys]: tagSelection('quote'),
    [SHORTCUTS.attribution.keys]: tagSelection('attribution'),
    [SHORTCUTS.untag.keys]: untagSelected,
    [SHORTCUTS.next.keys]: stepAnnotation(1),
    [SHORTCUTS.previous.keys]: stepAnnotation(-1)
  })
}
