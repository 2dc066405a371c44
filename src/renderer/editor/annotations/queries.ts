import { isHistoryTransaction } from 'prosemirror-history'
import type { EditorState, Transaction } from 'prosemirror-state'
import { textBetween } from './quote'
import { annotationSet } from './plugin'
import type { AnnotationRecord } from './types'

/** The annotations with text in the document, in document order (outer before nested). */
export function getAnnotations(state: EditorState): readonly AnnotationRecord[] {
  return annotationSet(state).list()
}

/** One annotation by id, anchored or orphaned; undefined when unknown or its text was deleted. */
export function getAnnotation(state: EditorState, id: string): AnnotationRecord | undefined {
  const set = annotationSet(state)
  return set.live.get(id) ?? set.orphans.get(id)
}

/** Annotations whose range touches `pos`, innermost (shortest) first: [0] is what a click there means. */
export function annotationsAt(state: EditorState, pos: number): AnnotationRecord[] {
  const found: AnnotationRecord[] = []
  for (const r of annotationSet(state).live.values()) if (r.from <= pos && pos <= r.to) found.push(r)
  return found.sort((a, b) => a.to - a.from - (b.to - b.from) || a.from - b.from)
}

/** Annotations whose stored anchor was not found in the text, in their old text order. */
export function getOrphans(state: EditorState): AnnotationRecord[] {
  const orphans = [...annotationSet(state).orphans.values()]
  return orphans.sort((a, b) => (a.orphanAnchor?.start ?? 0) - (b.orphanAnchor?.start ?? 0))
}

/** The selected annotation's id, or null. */
export function selectedAnnotationId(state: EditorState): string | null {
  return annotationSet(state).selectedId
}

/**
 * A number that changes exactly when the annotations (not only their positions) change:
 * a cheap, stable snapshot for React's `useSyncExternalStore`.
 */
export function annotationsVersion(state: EditorState): number {
  return annotationSet(state).version
}

/** The text an annotation covers now ('' for an orphan). */
export function annotationText(state: EditorState, record: AnnotationRecord): string {
  return record.placement === 'orphaned' ? '' : textBetween(state.doc, record.from, record.to)
}

/** What one transaction did to the annotations, as the user would put it. */
export interface AnnotationEvents {
  /** Tagged, or accepted from a suggestion. */
  added: AnnotationRecord[]
  /** Untagged, or hidden because every one of its words was deleted: as they were before. */
  removed: AnnotationRecord[]
  /** Tagged as another kind: each as it was before. */
  retagged: AnnotationRecord[]
}

const NO_EVENTS: AnnotationEvents = { added: [], removed: [], retagged: [] }

/**
 * The annotations a transaction added or removed, for notices and announcements. Undo and
 * redo are left out: the user asked for what they do and sees it.
 */
export function annotationEvents(tr: Transaction, before: EditorState, after: EditorState): AnnotationEvents {
  const was = annotationSet(before)
  const now = annotationSet(after)
  if (was === now || was.version === now.version || isHistoryTransaction(tr)) return NO_EVENTS
  const added: AnnotationRecord[] = []
  const removed: AnnotationRecord[] = []
  const retagged: AnnotationRecord[] = []
  for (const id of now.touched) {
    const then = was.live.get(id) ?? was.orphans.get(id)
    const present = now.live.get(id) ?? now.orphans.get(id)
    if (then && !present) removed.push(then)
    else if (!then && present && !was.zombies.has(id)) added.push(present)
    else if (then && present && then.kind !== present.kind) retagged.push(then)
  }
  return added.length || removed.length || retagged.length ? { added, removed, retagged } : NO_EVENTS
}
