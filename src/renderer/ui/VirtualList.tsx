import { useEffect, useRef, useState, type JSX, type ReactNode } from 'react'

/**
 * A list that renders only the rows in view: an article's 2,000 annotations cost the same
 * to show as twenty. Rows have one fixed height; `scrollTo` keeps a row visible.
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
  const [height, setHeight] = useState(600)

  useEffect(() => {
    const el = box.current
    if (!el) return
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 600))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  // From the scroll position and height already known (onScroll, ResizeObserver): reading
  // them from the element here would force style and layout in the middle of every commit.
  const view = useRef({ top, height })
  view.current = { top, height }
  useEffect(() => {
    const el = box.current
    if (!el || scrollTo === undefined || scrollTo < 0) return
    const y = scrollTo * rowHeight
    const { top: shown, height: tall } = view.current
    if (y < shown || y + rowHeight > shown + tall) el.scrollTop = Math.max(0, y - tall / 2)
  }, [scrollTo, rowHeight])

  const first = Math.max(0, Math.floor(top / rowHeight) - 5)
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + 5)
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
