import { useEffect, useRef } from 'react'
import { redo, undo } from 'prosemirror-history'
import type { EditorHandle } from '../../editor/react'

export interface ArticleKeyActions {
  find: () => void
  print: () => void
  /** Escape outside dialogs, menus and the text's own uses of it. */
  escape: () => void
  /** Shift+F10 or the menu key in the text: the text's menu at the caret. */
  menu: () => void
}

/**
 * Whether an element edits text of its own (a field), where Ctrl/⌘+Z undoes its typing. A
 * details field with no typing of its own to undo says so (`data-article-undo`): there the
 * browser's undo would reach back into another field's typing.
 */
function editsText(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement) || el.dataset.articleUndo === 'true') return false
  if (el instanceof HTMLTextAreaElement) return true
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'range', 'button', 'submit', 'color', 'file'].includes(el.type)
  return false
}

/**
 * Undo (or redo) as an editor expects wherever focus is: a text field undoes its own typing
 * (the browser's command), anything else the article's last change.
 */
export function undoWherever(handle: EditorHandle, again: boolean): void {
  const view = handle.view
  const focused = document.activeElement
  if (editsText(focused) || !view) {
    document.execCommand(again ? 'redo' : 'undo')
    return
  }
  ;(again ? redo : undo)(view.state, view.dispatch)
}

/** A key with Ctrl (Cmd on macOS) and nothing else but maybe Shift. */
function mod(e: KeyboardEvent): boolean {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform)
  return (mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey) && !e.altKey
}

/**
 * The article page's keys that work wherever focus is: Ctrl/⌘+F finds, Ctrl/⌘+P prints,
 * Ctrl/⌘+Z and Shift+Ctrl/⌘+Z (or Ctrl+Y) undo and redo the article's changes from the side
 * panel too (a field keeps its own undo while the editor types in it), Escape closes what is
 * open. Dialogs handle their own keys.
 */
export function useArticleKeys(handle: EditorHandle, actions: ArticleKeyActions): void {
  const latest = useRef(actions)
  latest.current = actions
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // ProseMirror marks Escape handled in the text (to keep it from the browser); it is ours.
      if ((e.defaultPrevented && e.key !== 'Escape') || document.querySelector('[role=dialog]')) return
      const key = e.key.toLowerCase()
      if (mod(e) && key === 'f' && !e.shiftKey) {
        e.preventDefault()
        latest.current.find()
      } else if (mod(e) && key === 'p' && !e.shiftKey) {
        e.preventDefault()
        latest.current.print()
      } else if (mod(e) && (key === 'z' || key === 'y')) {
        const view = handle.view
        // In the text ProseMirror's own keymap does it; in a text field, the field does.
        if (!view || view.dom.contains(e.target as Node) || editsText(e.target)) return
        e.preventDefault()
        undoWherever(handle, key === 'y' || e.shiftKey)
      } else if (e.key === 'Escape' && !document.querySelector('[role=menu]')) {
        latest.current.escape()
      } else if ((e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) && handle.view?.dom.contains(e.target as Node)) {
        // The browser's own handling scrolls the page to the top of the text first.
        e.preventDefault()
        latest.current.menu()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [handle])
}
