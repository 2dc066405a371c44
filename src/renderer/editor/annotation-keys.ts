import { keymap } from 'prosemirror-keymap'
import { TextSelection, type Command, type EditorState, type Plugin } from 'prosemirror-state'
import type { AnnotationKind } from '../../shared/domain'
import { SHORTCUTS } from '../ui/labels'
import { readPendingDomChanges } from './dom-sync'
import { addAnnotation, getAnnotation, getAnnotations, removeAnnotation, selectAnnotation, selectedAnnotationId, updateAnnotationFields } from './annotations'
import { fieldsFromText } from './hand-tagging'

/** Moves to the next (1) or previous (-1) annotation after the cursor, selecting it; `shown` leaves out hidden kinds. */
export function stepAnnotation(dir: 1 | -1, shown?: () => ReadonlySet<AnnotationKind>): Command {
  return (state, dispatch) => {
    const kinds = shown?.()
    const list = kinds ? getAnnotations(state).filter((a) => kinds.has(a.kind)) : getAnnotations(state)
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

/**
 * Tags the selection and selects the new annotation so its details open. An attribution gets
 * the source and cue the suggestion engine reads in its words, a quote the speaker an
 * attribution next to it names, in the same step (one undo takes it all back).
 */
export function tagSelection(kind: AnnotationKind, tell?: (message: string) => void): Command {
  return (state, dispatch, view) => {
    // Keys can come faster than the browser's selectionchange: read a selection it has just
    // moved (Shift+End a moment before) so the tag covers what the editor sees selected.
    if (dispatch && view) {
      readPendingDomChanges(view)
      state = view.state
    }
    if (dispatch && tell && !addAnnotation(kind)(state)) {
      tell(whyNotTagged(state, kind))
      return false
    }
    const id = crypto.randomUUID()
    const start = state
    return addAnnotation(kind, { id, select: true })(state, dispatch && ((tr) => {
      const tagged = start.apply(tr)
      const made = getAnnotation(tagged, id)
      const fields = made ? fieldsFromText(tagged, kind, made.from, made.to) : null
      if (fields) updateAnnotationFields(id, fields)(tagged, (more) => more.steps.forEach((step) => tr.step(step)))
      // The caret after the tagged words, not them still selected: a drag across them to select
      // them again would otherwise start on a selection, which browsers take for moving text.
      if (made) tr.setSelection(TextSelection.create(tr.doc, made.to))
      dispatch(tr)
    }))
  }
}

/** Why the selection cannot be tagged as `kind`, in the editor's words. */
export function whyNotTagged(state: EditorState, kind: AnnotationKind): string {
  const { from, to } = state.selection
  if (!/\S/.test(state.doc.textBetween(from, to, ' ', ' '))) return `Select the words to tag as ${KIND_ARTICLE[kind]} first.`
  return `These words are already tagged as ${KIND_ARTICLE[kind]}.`
}

const KIND_ARTICLE: Record<AnnotationKind, string> = { claim: 'a claim', quote: 'a quote', attribution: 'an attribution' }

/** Removes the selected annotation. */
export const untagSelected: Command = (state, dispatch) => {
  const id = selectedAnnotationId(state)
  return id ? removeAnnotation(id)(state, dispatch) : false
}

/**
 * The annotation keys (see SHORTCUTS). `shown` gives the kinds the keys that step may stop at;
 * `tell` says why a tag key did nothing (no words selected, already tagged).
 */
export function annotationKeymap(shown?: () => ReadonlySet<AnnotationKind>, tell?: (message: string) => void): Plugin {
  // A refused tag key is still the desk's: told, not passed on to the browser.
  const tag = (kind: AnnotationKind): Command => (state, dispatch, view) => tagSelection(kind, tell)(state, dispatch, view) || (!!tell && !!dispatch)
  return keymap({
    [SHORTCUTS.claim.keys]: tag('claim'),
    [SHORTCUTS.quote.keys]: tag('quote'),
    [SHORTCUTS.attribution.keys]: tag('attribution'),
    [SHORTCUTS.untag.keys]: untagSelected,
    [SHORTCUTS.next.keys]: stepAnnotation(1, shown),
    [SHORTCUTS.previous.keys]: stepAnnotation(-1, shown)
  })
}
