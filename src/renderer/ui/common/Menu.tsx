import { createPortal } from 'react-dom'
import { useEffect, useRef, type CSSProperties, type JSX, type KeyboardEvent, type ReactNode } from 'react'

/** One command in a menu. */
export interface MenuItem {
  key: string
  label: ReactNode
  /** Shown at the right: the command's keys. */
  keys?: string
  disabled?: boolean
  onSelect: () => void
  /** Keep the text's selection: a mouse-down on the item would otherwise take focus from it. */
  keepSelection?: boolean
}

/**
 * A menu of commands (`role=menu`): ↑ and ↓ move, Home and End jump, Enter or a click runs
 * one, Escape or a click elsewhere closes it and focus goes back to `returnTo` (or where it was).
 * Placed by the caller (`style`).
 */
export function Menu({
  items,
  label,
  onClose,
  style,
  className = '',
  returnTo
}: {
  items: readonly MenuItem[]
  label: string
  onClose: () => void
  style?: CSSProperties
  className?: string
  returnTo?: HTMLElement | null
}): JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  const opener = useRef<Element | null>(document.activeElement)
  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>('[role=menuitem]:not(:disabled)')
    ;(first ?? box.current)?.focus({ preventScroll: true })
    // Escape closes it wherever focus is (every item may be disabled).
    const escape = (e: globalThis.KeyboardEvent): void => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      onClose()
    }
    window.addEventListener('keydown', escape, true)
    const away = (e: MouseEvent): void => {
      if (box.current && !box.current.contains(e.target as Node)) onClose()
    }
    const blur = (): void => onClose()
    window.addEventListener('mousedown', away, true)
    window.addEventListener('blur', blur)
    const back = opener.current
    return () => {
      window.removeEventListener('keydown', escape, true)
      window.removeEventListener('mousedown', away, true)
      window.removeEventListener('blur', blur)
      const to = returnTo ?? back
      // Only when focus was left nowhere: a command may have put it somewhere (the text, a dialog).
      const lost = !document.activeElement || document.activeElement === document.body
      if (lost && to instanceof HTMLElement && to.isConnected) to.focus()
    }
  }, [onClose, returnTo])
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const all = [...(box.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]:not(:disabled)') ?? [])]
    const at = all.indexOf(document.activeElement as HTMLButtonElement)
    let to: number | null = null
    if (e.key === 'ArrowDown') to = (at + 1) % all.length
    else if (e.key === 'ArrowUp') to = (at - 1 + all.length) % all.length
    else if (e.key === 'Home') to = 0
    else if (e.key === 'End') to = all.length - 1
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault()
      e.stopPropagation()
      onClose()
      return
    }
    if (to === null || !all.length) return
    e.preventDefault()
    all[to].focus({ preventScroll: true })
  }
  // In the body, so nothing with its own stacking (the sticky top bar, the drawer) covers it.
  return createPortal(
    <div ref={box} className={`menu ${className}`} role="menu" aria-label={label} style={style} tabIndex={-1} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          tabIndex={-1}
          disabled={item.disabled}
          onMouseDown={item.keepSelection ? (e) => e.preventDefault() : undefined}
          onClick={() => {
            // Focus goes back first, so what the command opens (a dialog) returns it there.
            const to = returnTo ?? opener.current
            if (to instanceof HTMLElement && to.isConnected) to.focus()
            onClose()
            item.onSelect()
          }}
        >
          <span>{item.label}</span>
          {item.keys && <kbd>{item.keys}</kbd>}
        </button>
      ))}
    </div>,
    document.body
  )
}
