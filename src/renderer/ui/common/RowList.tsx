import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type JSX, type KeyboardEvent, type ReactNode } from 'react'

/**
 * A list that draws only the rows in view, each as tall as its text needs (measured once
 * drawn, @tanstack/react-virtual): an article's 2,000 annotations cost the same to show as
 * twenty, and a long claim or speaker name is never cut off. ↑ and ↓ move between rows (one
 * Tab stop for the whole list); `scrollTo` keeps a row in view.
 */
export function RowList<T>({
  items,
  keyOf,
  render,
  label,
  scrollTo,
  estimate = 72,
  className = ''
}: {
  items: readonly T[]
  keyOf: (item: T) => string
  /** Draws one row; give its focusable element `tabIndex` and `data-row` from the arguments. */
  render: (item: T, index: number, rowProps: { tabIndex: number; 'data-row': number }) => ReactNode
  label: string
  /** Index of a row to keep in view (the selected one), or undefined. */
  scrollTo?: number
  /** A row's height before it is measured. */
  estimate?: number
  className?: string
}): JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  const focusRow = useRef(0)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => box.current,
    estimateSize: () => estimate,
    overscan: 6,
    getItemKey: (i) => keyOf(items[i])
  })
  useEffect(() => {
    if (scrollTo === undefined || scrollTo < 0 || scrollTo >= items.length) return
    focusRow.current = scrollTo
    virtualizer.scrollToIndex(scrollTo, { align: 'auto' })
  }, [scrollTo, items.length, virtualizer])

  // The Tab stop: the row last moved to, kept within the list.
  const stop = Math.min(focusRow.current, Math.max(0, items.length - 1))
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const from = Number((e.target as HTMLElement).closest<HTMLElement>('[data-row]')?.dataset.row ?? stop)
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : Math.max(0, Math.min(items.length - 1, from + (e.key === 'ArrowDown' ? 1 : -1)))
    e.preventDefault()
    focusRow.current = to
    virtualizer.scrollToIndex(to, { align: 'auto' })
    // The row may only be drawn after the scroll: look for it a frame later.
    requestAnimationFrame(() => box.current?.querySelector<HTMLElement>(`[data-row="${to}"]`)?.focus())
  }

  return (
    <div ref={box} className={`row-list ${className}`} onKeyDown={onKeyDown}>
      <ol aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => (
          <li
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
          >
            {render(items[v.index], v.index, { tabIndex: v.index === stop ? 0 : -1, 'data-row': v.index })}
          </li>
        ))}
      </ol>
    </div>
  )
}
