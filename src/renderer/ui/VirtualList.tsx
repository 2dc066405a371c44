import { useEffect, useLayoutEffect, useRef, useState, type JSX, type ReactNode } from 'react'
import { afterNextFrame } from '../editor/frame'

/** Rows drawn beyond each edge of the view, so a short scroll shows rows already there. */
const OVERSCAN = 5

/**
 * A list that renders only the rows in view: an article's 2,000 annotations cost the same
 * to show as twenty. Rows have one fixed height; `scrollTo` keeps a row visible.
 *
 * The rows cover the window's height, not the list's (the panel never grows past the
 * window), so opening the details above the list, which shrinks it, re-renders nothing. A
 * jump to a row out of view sets the scroll position and the rows to draw together, without
 * waiting for the scroll event to draw them a frame later.
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

  useEffect(() => {
    const resized = (): void => setHeight(window.innerHeight || 900)
    window.addEventListener('resize', resized)
    return () => window.removeEventListener('resize', resized)
  }, [])

  // Brings the row asked for into view, a frame later: the change that asked for it (the
  // details opening above the list, after a click in it) is painted first. Set here, in the
  // commit, the scroll would force style and layout of the whole page in the middle of that
  // frame, and again at its end (~2.5 ms of the click's first frame on the bench). Read then,
  // the list's scroll position and height are already laid out by the frame.
  useLayoutEffect(() => {
    const el = box.current
    if (!el || scrollTo === undefined || scrollTo < 0) return
    let live = true
    afterNextFrame(() => {
      if (!live) return
      const y = scrollTo * rowHeight
      const shown = el.scrollTop
      const visible = Math.min(el.clientHeight || height, height)
      if (y >= shown && y + rowHeight <= shown + visible) return
      const target = Math.max(0, Math.min(y - visible / 2, items.length * rowHeight - visible))
      el.scrollTop = target
      setTop(target)
    })
    return () => {
      live = false
    }
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
