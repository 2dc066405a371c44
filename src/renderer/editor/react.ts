import type { EditorState, Transaction } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react'
import { afterNextFrame } from './frame'

/** What React components read the editor through: its view, and a version that moves on change. */
export interface EditorSource {
  readonly view: EditorView | null
  subscribe: (listener: () => void) => () => void
  getVersion: () => number
}

/**
 * The seam between React and the editor: the EditorView is imperative and owns its state;
 * React reads from it through these few hooks, so a keystroke never re-renders the page.
 */
export class EditorHandle implements EditorSource {
  view: EditorView | null = null
  private listeners = new Set<() => void>()
  private version = 0

  constructor(private readonly onTransaction: (tr: Transaction, state: EditorState, before: EditorState) => void) {}

  /** Mounts the view; the first mount wins (StrictMode mounts twice). */
  mount(place: HTMLElement, state: EditorState, props: Partial<ConstructorParameters<typeof EditorView>[1]> = {}): void {
    if (this.view) return
    this.view = new EditorView(place, {
      ...props,
      state,
      dispatchTransaction: (tr) => {
        const view = this.view!
        const before = view.state
        const next = before.apply(tr)
        view.updateState(next)
        this.onTransaction(tr, next, before)
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

  /** The editor as the side panel follows it: see AfterPaint. (After `subscribe`, which it uses.) */
  readonly afterPaint: EditorSource = new AfterPaint(this)
}

/**
 * The editor, seen a frame late while the user works in the text. Tagging with a key, or
 * clicking an annotation in the text, changes both the text and the side panel; done in one
 * frame, the browser lays out and paints both, and works out the editor's whole text again
 * for the input method, before the user sees anything (35–50 ms a tag in a 20,000-word
 * article). Here the panel hears of a change once the browser has painted the text: two
 * frames, each about half the work, and the tag shows at once. When the change comes from
 * anywhere else (a field or button in the panel, a menu), the panel hears of it at once,
 * so a control the user just changed never shows its old value for a frame.
 */
export class AfterPaint implements EditorSource {
  private listeners = new Set<() => void>()
  private version = 0
  private waiting = false
  private ticket = 0

  /** `afterFrame` runs its callback once the next frame is painted (injected in tests). */
  constructor(
    private readonly editor: EditorSource,
    private readonly afterFrame: (run: () => void) => void = afterNextFrame
  ) {
    editor.subscribe(() => (editor.view?.hasFocus() ? this.later() : this.now()))
  }

  get view(): EditorView | null {
    return this.editor.view
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }

  getVersion = (): number => this.version

  private later(): void {
    if (this.waiting) return
    this.waiting = true
    const ticket = ++this.ticket
    this.afterFrame(() => {
      if (this.waiting && this.ticket === ticket) this.now()
    })
  }

  private now(): void {
    this.waiting = false
    this.version++
    for (const l of this.listeners) l()
  }
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
export function useEditorHandle(onTransaction: (tr: Transaction, state: EditorState, before: EditorState) => void): EditorHandle {
  const cb = useRef(onTransaction)
  cb.current = onTransaction
  const [handle] = useState(() => new EditorHandle((tr, s, before) => cb.current(tr, s, before)))
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
 * compared with Object.is). `key` names what else `select` reads (an annotation's id, say):
 * when it changes, the value is read again even if the editor did not change.
 */
export function useEditorSelector<T>(handle: EditorSource, select: (state: EditorState) => T, fallback: T, key?: unknown): T {
  const last = useRef<{ version: number; key: unknown; value: T } | null>(null)
  return useSyncExternalStore(handle.subscribe, () => {
    const v = handle.getVersion()
    if (last.current && last.current.version === v && Object.is(last.current.key, key)) return last.current.value
    const value = handle.view ? select(handle.view.state) : fallback
    if (last.current && Object.is(last.current.value, value)) {
      last.current.version = v
      last.current.key = key
      return last.current.value
    }
    last.current = { version: v, key, value }
    return value
  })
}
