import { useEffect, useRef, useState, type JSX, type ReactNode, type RefObject } from 'react'

/**
 * Keeps Tab inside an open dialog, closes it on Escape, and gives focus back to whatever
 * opened it. Listens on the window so Escape works even while focus sits on a disabled button.
 */
export function useModalKeys(dialog: RefObject<HTMLElement | null>, onEscape: () => void): void {
  const escape = useRef(onEscape)
  escape.current = onEscape
  // Read while rendering: by the time effects run, autoFocus has moved focus into the dialog.
  const [opener] = useState(() => document.activeElement as HTMLElement | null)
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        escape.current()
        return
      }
      const root = dialog.current
      if (e.key !== 'Tab' || !root) return
      const focusable = [...root.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])')].filter(
        (el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null
      )
      // A radio group is one Tab stop: only its checked radio (or the first) takes focus.
      const stops = focusable.filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked))
      if (!stops.length) {
        e.preventDefault()
        return
      }
      const first = stops[0]
      const last = stops[stops.length - 1]
      const inside = root.contains(document.activeElement)
      if (e.shiftKey && (document.activeElement === first || !inside)) {
        e.preventDefault()
        last.focus()
      } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
        e.preventDefault()
        first.focus()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      if (opener?.isConnected) opener.focus()
    }
  }, [dialog, opener])
}

/**
 * A modal dialog: a labelled `role=dialog` box over a dimmed window, focus kept inside,
 * Escape (or a click on the dimmed window, when `closeOnBackdrop`) closes it, and focus goes
 * back where it was. `children` is the dialog's content; put a form inside it, not around it.
 */
export function Modal({
  title,
  titleId,
  onClose,
  children,
  closeOnBackdrop = false,
  wide = false
}: {
  title: string
  titleId: string
  onClose: () => void
  children: ReactNode
  closeOnBackdrop?: boolean
  wide?: boolean
}): JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  useModalKeys(box, onClose)
  useEffect(() => {
    // Focus the first field, or the dialog itself, unless a child took focus already.
    const root = box.current
    if (!root || root.contains(document.activeElement)) return
    const first = root.querySelector<HTMLElement>('[autofocus], input, textarea, select, button:not(:disabled)')
    ;(first ?? root).focus()
  }, [])
  return (
    <div className="modal-backdrop" onMouseDown={(e) => closeOnBackdrop && e.target === e.currentTarget && onClose()}>
      <div ref={box} className={`modal${wide ? ' modal-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  )
}
