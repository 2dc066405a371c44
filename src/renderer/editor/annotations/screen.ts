import type { EditorState, Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { readPendingDomChanges } from '../dom-sync'

/** A span of document positions, inclusive. */
export interface Region {
  from: number
  to: number
}

/** Whether an annotation (or any span) shares a position with a region. */
export function touches(span: { from: number; to: number }, region: Region): boolean {
  return span.from <= region.to && span.to >= region.from
}

/** Whether `outer` covers all of `inner`. */
export function covers(outer: Region, inner: Region): boolean {
  return inner.from > inner.to || (outer.from <= inner.from && inner.to <= outer.to)
}

/**
 * The document positions on screen, widened by `margin` screens above and below, found by a
 * binary search over the editor's top-level blocks (no hit test, so overlays such as a
 * sticky toolbar do not matter). An editor out of view gets an empty region (from > to).
 * Reads layout: call it where the frame needs layout anyway (an animation frame).
 */
export function screenRegion(view: EditorView, margin: number): Region {
  const blocks = view.dom.children
  const n = blocks.length
  const size = view.state.doc.content.size
  const screen = window.innerHeight || 1000
  const top = -screen * margin
  const bottom = (1 + margin) * screen
  if (n === 0) return { from: 0, to: size }
  // The first block ending below `top`, and the last starting above `bottom`.
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (blocks[mid].getBoundingClientRect().bottom < top) lo = mid + 1
    else hi = mid
  }
  const first = lo
  lo = first
  hi = n - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (blocks[mid].getBoundingClientRect().top > bottom) hi = mid - 1
    else lo = mid
  }
  const last = lo
  if (blocks[first].getBoundingClientRect().top > bottom || blocks[last].getBoundingClientRect().bottom < top) return { from: 1, to: 0 }
  try {
    return {
      from: Math.max(0, view.posAtDOM(blocks[first], 0) - 1),
      to: Math.min(size, view.posAtDOM(blocks[last], blocks[last].childNodes.length) + 1)
    }
  } catch {
    return { from: 0, to: size }
  }
}

/** A measurement that runs at most once a frame: after any scroll (of the page or a box in it), a resize, or `schedule()`. */
export interface ScreenFollower {
  schedule(): void
  stop(): void
}

export function followScreen(measure: () => void): ScreenFollower {
  let frame = 0
  const schedule = (): void => {
    if (frame) return
    frame = requestAnimationFrame(() => {
      frame = 0
      measure()
    })
  }
  window.addEventListener('scroll', schedule, { capture: true, passive: true })
  window.addEventListener('resize', schedule, { passive: true })
  return {
    schedule,
    stop: () => {
      if (frame) cancelAnimationFrame(frame)
      window.removeEventListener('scroll', schedule, { capture: true })
      window.removeEventListener('resize', schedule)
    }
  }
}

/** The stretch a windowed painter draws before the view has measured the screen: about two screens of text. */
export const FIRST_WINDOW = 8_000

/** The window a windowed painter starts with: the start of the document. */
export function firstWindow(doc: EditorState['doc']): Region {
  return { from: 0, to: Math.min(doc.content.size, FIRST_WINDOW) }
}

/**
 * Keeps a windowed painter's window (the part of the document it draws) around what is on
 * screen. The window reaches a screen past the view on either side and moves (one
 * transaction from `moveTo`, kept out of the undo history) only when the view comes within a
 * quarter screen of its edge, or after an edit big enough to bring new text into view;
 * measured at most once a frame. A plugin's view: give it `update` and `destroy`.
 */
export class WindowFollower {
  /** Redraw the window even if it still covers the view (after a big edit). */
  private redraw = false
  private readonly follower = followScreen(() => this.measure())

  constructor(
    private readonly view: EditorView,
    private readonly windowOf: (state: EditorState) => Region | null,
    private readonly moveTo: (tr: Transaction, window: Region) => Transaction
  ) {
    this.follower.schedule()
  }

  update(view: EditorView, prev: EditorState): void {
    if (view.state.doc === prev.doc) return
    // A big paste or deletion can bring text, and things not drawn, into the window.
    if (Math.abs(view.state.doc.content.size - prev.doc.content.size) > 200) {
      this.redraw = true
      this.follower.schedule()
    }
  }

  destroy(): void {
    this.follower.stop()
  }

  private measure(): void {
    const view = this.view
    if (view.isDestroyed) return
    const win = this.windowOf(view.state)
    if (!win || (!this.redraw && covers(win, screenRegion(view, 0.25)))) return
    this.redraw = false
    readPendingDomChanges(view)
    view.dispatch(this.moveTo(view.state.tr, screenRegion(view, 1)))
  }
}
