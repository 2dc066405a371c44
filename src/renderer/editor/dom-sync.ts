import type { EditorView } from 'prosemirror-view'

/**
 * Makes the editor read what the browser has changed and it has not read yet: ProseMirror
 * reads a click's or a Shift+End's new selection only at the next `selectionchange` event.
 * Call it before dispatching from outside ProseMirror's own event handling (a click handler
 * of ours, an animation frame): an update that redraws any of the text before then puts the
 * old selection back, and the next key acts on the wrong words. ProseMirror does this itself
 * before its own updates; the observer it uses is not in its typed API.
 */
export function readPendingDomChanges(view: EditorView): void {
  ;(view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush()
}
