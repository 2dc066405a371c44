import type { EditorState, Transaction } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react'

/**
 * The seam between React and the editor: the EditorView is imperative and owns its state;
 * React reads from it through these few hooks, so a keystroke never re-renders the page.
 */
export class EditorHandle {
  view: EditorView | null = null
  private listeners = new Set<() => void>()
  private version = 0

  constructor(private readonly onTransaction: (tr: Transaction, state: EditorState) => void) {}

  /** Mounts the view; the first mount wins (StrictMode mounts twice). */
  mount(place: HTMLElement, state: EditorState, props: Partial<ConstructorParameters<typeof EditorView>[1]> = {}): void {
    if (this.view) return
    this.view = new EditorView(place, {
      ...props,
      state,
      dispatchTransaction: (tr) => {
        const view = this.view!
        const next = view.state.apply(tr)
        view.updateState(next)
        this.onTransaction(tr, next)
        this.version++
        for (const l of this.listeners) l()
      }
    })
    hideFromReactSelectionRestore(this.view.dom)
  }

  destroy(): void {
    this.view?.destroy()
    this.view = null
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }

  getVersion = (): number => this.version
}

/**
 * Before every commit, React saves the selection of the focused element when it "has
 * selection capabilities" (an input, a textarea, or `contentEditable === 'true'`) by walking
 * that element's whole DOM counting characters, and puts it back afterwards: 2–3 ms a render
 * in a 20,000-word article, for a selection ProseMirror owns and React never moves. The
 * attribute stays `true` (the browser edits by it); only the property React reads says
 * otherwise. ProseMirror compares this property with "false" only, on other nodes.
 */
function hideFromReactSelectionRestore(dom: HTMLElement): void {
  Object.defineProperty(dom, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => (value === 'inherit' ? dom.removeAttribute('contenteditable') : dom.setAttribute('contenteditable', value))
  })
}

/** Creates one EditorHandle for the component's life. Use it where the editor is mounted. */
export function useEditorHandle(onTransaction: (tr: Transaction, state: EditorState) => void): EditorHandle {
  const cb = useRef(onTransaction)
  cb.current = onTransaction
  const [handle] = useState(() => new EditorHandle((tr, s) => cb.current(tr, s)))
  useEffect(() => () => handle.destroy(), [handle])
  return handle
}

/** Mounts the view into a div once the state is ready. */
export function useMountEditor(handle: EditorHandle, place: RefObject<HTMLDivElement | null>, state: EditorState | null): void {
  useEffect(() => {
    if (state && place.current) handle.mount(place.current, state)
  }, [handle, place, state])
}

/**
 * Re-renders the caller when the editor state changes and returns a value derived from it.
 * Keep `select` cheap, and return a stable value when nothing relevant changed (it is
 * compared with Object.is).
 */
export function useEditorSelector<T>(handle: EditorHandle, select: (state: EditorState) => T, fallback: T): T {
  const last = useRef<{ version: number; value: T } | null>(null)
  return useSyncExternalStore(handle.subscribe, () => {
    const v = handle.getVersion()
    if (last.current && last.current.version === v) return last.current.value
    const value = handle.view ? select(handle.view.state) : fallback
    if (last.current && Object.is(last.current.value, value)) {
      last.current.version = v
      return last.current.value
    }
    last.current = { version: v, value }
    return value
  })
}
