import { useEffect, useRef, type JSX } from 'react'
import { SHORTCUTS } from './labels'
import { shortcut } from './shortcuts'

/** The keyboard shortcuts sheet (? outside the text, or Ctrl/⌘+/ anywhere). */
export function ShortcutsSheet({ onClose }: { onClose: () => void }): JSX.Element {
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => close.current?.focus(), [])
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()} onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="keys-title">
        <h2 id="keys-title">Keyboard shortcuts</h2>
        <table className="keys">
          <tbody>
            {Object.entries(SHORTCUTS).map(([name, s]) => (
              <tr key={name}>
                <td>
                  <kbd>{shortcut(s.keys)}</kbd>
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
            <tr>
              <td>
                <kbd>Esc</kbd>
              </td>
              <td>Close the details or this sheet</td>
            </tr>
          </tbody>
        </table>
        <div className="modal-actions">
          <button ref={close} type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
