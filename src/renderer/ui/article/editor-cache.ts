import type { EditorState } from 'prosemirror-state'

/**
 * Editor states of the articles visited in this window, so that going to the library and back
 * keeps an article's undo history (and caret). A state is only used again when the store
 * still has the article at the revision it was saved at: anything changed elsewhere since
 * (an import of annotations, another window) means a fresh start from the store.
 */
const kept = new Map<number, { state: EditorState; revision: () => number }>()

/** The most articles kept (each holds its text and history). */
const MAX_KEPT = 8

/** Keeps an article's editor state; `revision` is read when it is asked for again (a save may still finish). */
export function keepEditorState(articleId: number, state: EditorState, revision: () => number): void {
  kept.delete(articleId)
  kept.set(articleId, { state, revision })
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as number)
}

/** The kept state of an article the store has at `revision`, if any (taken out: the caller owns it now). */
export function takeEditorState(articleId: number, revision: number): EditorState | null {
  const entry = kept.get(articleId)
  kept.delete(articleId)
  return entry && entry.revision() === revision ? entry.state : null
}

/** Forgets an article's kept state (it was deleted, or replaced from elsewhere). */
export function forgetEditorState(articleId: number): void {
  kept.delete(articleId)
}
