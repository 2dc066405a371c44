import type { EditorView } from 'prosemirror-view'

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
