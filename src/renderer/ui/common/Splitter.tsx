import { useRef, type JSX, type KeyboardEvent, type PointerEvent } from 'react'

/**
 * The handle between the article and the side panel: drag it, or focus it and use ← and →
 * (Home and End for the narrowest and widest), to give the panel the width it needs; a
 * double click goes back to the default. `width` is the panel's; the panel is on the right.
 */
export function Splitter({
  width,
  min,
  max,
  onResize,
  onDone,
  onReset
}: {
  width: number
  min: number
  max: number
  /** While dragging or at each key: the new width, already within bounds. */
  onResize: (width: number) => void
  /** Once a drag or key ends: keep the width. */
  onDone: (width: number) => void
  onReset: () => void
}): JSX.Element {
  const drag = useRef<{ x: number; width: number } | null>(null)
  const clamp = (w: number): number => Math.round(Math.max(min, Math.min(max, w)))
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return
    e.preventDefault()
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { x: e.clientX, width }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (!drag.current) return
    onResize(clamp(drag.current.width + drag.current.x - e.clientX))
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>): void => {
    if (!drag.current) return
    const w = clamp(drag.current.width + drag.current.x - e.clientX)
    drag.current = null
    onDone(w)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.shiftKey ? 80 : 24
    const next = e.key === 'ArrowLeft' ? width + step : e.key === 'ArrowRight' ? width - step : e.key === 'Home' ? min : e.key === 'End' ? max : null
    if (next === null) return
    e.preventDefault()
    const w = clamp(next)
    onResize(w)
    onDone(w)
  }
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Side panel width"
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      title="Drag to resize the side panel (double-click for the default width)"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={onKeyDown}
      onDoubleClick={onReset}
    />
  )
}
