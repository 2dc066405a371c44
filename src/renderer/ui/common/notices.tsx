import { createContext, useCallback, useContext, useEffect, useRef, useState, type JSX, type ReactNode } from 'react'
import { announce } from './announce'

/**
 * Messages for the editor: what just happened, with Undo where it can be undone (an
 * annotation removed, a suggestion dismissed), and errors in words. A message stays 10 s,
 * longer while the pointer or focus is on it; an error stays until it is dismissed, so none
 * is missed. They sit in the window's bottom-left corner, in a stack of their own.
 */
export interface Notice {
  id: number
  tone: 'info' | 'error'
  message: string
  /** Lines under the message: one per file that could not be imported, say. */
  details?: string[]
  action?: { label: string; run: () => void }
}

export type NoticeInput = Omit<Notice, 'id'>
type Notify = (n: NoticeInput) => number

interface NoticesApi {
  notify: Notify
  dismiss: (id: number) => void
}

const NoticesContext = createContext<NoticesApi>({ notify: () => 0, dismiss: () => {} })

/** Shows a notice; returns its id (to dismiss it early). */
export function useNotify(): Notify {
  return useContext(NoticesContext).notify
}

export function useNotices(): NoticesApi {
  return useContext(NoticesContext)
}

/** How long an informative notice stays. */
const INFO_MS = 10_000
/** The most informative notices shown at once (errors are all kept). */
const MAX_INFO = 3

export function NoticeProvider({ children }: { children: ReactNode }): JSX.Element {
  const [notices, setNotices] = useState<Notice[]>([])
  const next = useRef(1)
  const held = useRef(false)
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>())
  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id))
    timers.current.delete(id)
    setNotices((ns) => ns.filter((n) => n.id !== id))
  }, [])
  const expire = useCallback(
    (id: number): void => {
      timers.current.set(
        id,
        setTimeout(() => (held.current ? expire(id) : dismiss(id)), INFO_MS)
      )
    },
    [dismiss]
  )
  const notify = useCallback<Notify>(
    (n) => {
      const id = next.current++
      setNotices((ns) => {
        const infos = ns.filter((x) => x.tone === 'info')
        const drop = new Set(n.tone === 'info' ? infos.slice(0, Math.max(0, infos.length - (MAX_INFO - 1))).map((x) => x.id) : [])
        return [...ns.filter((x) => !drop.has(x.id)), { ...n, id }]
      })
      if (n.tone === 'info') {
        expire(id)
        announce(n.action ? `${n.message} ${n.action.label} is available.` : n.message)
      }
      return id
    },
    [expire]
  )
  useEffect(() => {
    const all = timers.current
    return () => all.forEach((t) => clearTimeout(t))
  }, [])
  const errors = notices.filter((n) => n.tone === 'error')
  return (
    <NoticesContext.Provider value={{ notify, dismiss }}>
      {children}
      {notices.length > 0 && (
        <section
          className="notices"
          aria-label="Notifications"
          onMouseEnter={() => (held.current = true)}
          onMouseLeave={() => (held.current = false)}
          onFocus={() => (held.current = true)}
          onBlur={() => (held.current = false)}
        >
          {errors.length > 1 && (
            <div className="notices-head">
              <span>{errors.length} problems</span>
              <button type="button" className="quiet" onClick={() => errors.forEach((e) => dismiss(e.id))}>
                Dismiss all
              </button>
            </div>
          )}
          {notices.map((n) => (
            <div key={n.id} className={`notice-card notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : undefined}>
              <div className="notice-text">
                <p>{n.message}</p>
                {n.details && n.details.length > 0 && (
                  <ul>
                    {n.details.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                )}
              </div>
              {n.action && (
                <button
                  type="button"
                  onClick={() => {
                    n.action!.run()
                    dismiss(n.id)
                  }}
                >
                  {n.action.label}
                </button>
              )}
              <button type="button" className="notice-close" aria-label={`Dismiss: ${n.message}`} onClick={() => dismiss(n.id)}>
                ×
              </button>
            </div>
          ))}
        </section>
      )}
    </NoticesContext.Provider>
  )
}
