import { useEffect, useState, type JSX } from 'react'

/**
 * What a screen reader should hear about something that happened out of its sight (an
 * annotation tagged, removed, accepted, dismissed): one polite live region for the window.
 */
type Listener = (text: string) => void
const listeners = new Set<Listener>()

/** Says `text` to assistive technology (politely: after what it is reading). */
export function announce(text: string): void {
  for (const l of listeners) l(text)
}

/** The live region; mount it once, at the root. */
export function LiveRegion(): JSX.Element {
  const [text, setText] = useState('')
  useEffect(() => {
    let n = 0
    // The same sentence twice in a row must still be read: alternate an invisible mark.
    const l: Listener = (t) => setText(`${t}${n++ % 2 ? '\u00a0' : ''}`)
    listeners.add(l)
    return () => {
      listeners.delete(l)
    }
  }, [])
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  )
}
