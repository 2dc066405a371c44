import { useEffect, useLayoutEffect, useRef, useState, type JSX, type ReactNode } from 'react'

/** Rows drawn beyond each edge of the view, so a short scroll shows rows already there. */
const OVERSCAN = 5

/**
 * A list that renders only the rows in view: an article's 2,000 annotations cost the same
 * to show as twenty. Rows have one fixed height; `scrollTo` keeps a row visible.
 *
 * Two things keep a change to one frame. The rows cover the window's height, not the list's
 * (the panel never grows past the window), so opening the details above the list, which
 * shrinks it, re-renders nothing. And a jump to a row out of view sets the scroll position
 * and the rows to draw in the same commit, before the browser paints, instead of waiting for
 * the scroll event to draw them one frame later.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  render,
  keyOf,
  scrollTo,
  label
}: {
  items: readonly T[]
  rowHeight: number
  render: (item: T, index: number) => ReactNode
  keyOf: (item: T) => string
  scrollTo?: number
  label: string
}): JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  const [top, setTop] = useState(0)
  const [height, setHeight] = useState(() => window.innerHeight || 900)

  // The list's own height, as last laid out: kept, not rendered with, so that the details
  // opening above the list (which shrinks it) re-render nothing.
  const tall = useRef(0)
  useEffect(() => {
    const el = box.current
    if (!el) return
    const resized = (): void => setHeight(window.innerHeight || 900)
    window.addEventListener('resize', resized)
    const ro = new ResizeObserver(() => (tall.current = el.clientHeight))
    ro.observe(el)
    return () => {
      window.removeEventListener('resize', resized)
      ro.disconnect()
    }
  }, [])

  // From the scroll position and height already known (onScroll, ResizeObserver): reading
  // them from the element here would force style and layout in the middle of every commit.
  const view = useRef(top)
  view.current = top
  useLayoutEffect(() => {
    const el = box.current
    if (!el || scrollTo === undefined || scrollTo < 0) return
    const y = scrollTo * rowHeight
    const shown = view.current
    const visible = Math.min(tall.current || height, height)
    if (y >= shown && y + rowHeight <= shown + visible) return
    const target = Math.max(0, Math.min(y - visible / 2, items.length * rowHeight - visible))
    el.scrollTop = target
    setTop(target)
  }, [scrollTo, rowHeight, height, items.length])

  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN)
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + OVERSCAN)
  return (
    <div ref={box} className="virtual-list" onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
      <ol aria-label={label} style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => (
          <li key={keyOf(item)} style={{ position: 'absolute', top: (first + i) * rowHeight, left: 0, right: 0, height: rowHeight }}>
            {render(item, first + i)}
          </li>
        ))}
      </ol>
    </div>
  )
}
