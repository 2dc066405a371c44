import { useId, type JSX } from 'react'
import { Modal } from './common/modal'
import { SHORTCUTS } from './labels'
import { shortcut } from './shortcuts'

/** The keyboard shortcuts sheet (? outside the text, or Ctrl/⌘+/ anywhere). */
export function ShortcutsSheet({ onClose }: { onClose: () => void }): JSX.Element {
  const ids = useId()
  return (
    <Modal title="Keyboard shortcuts" titleId={`${ids}-title`} onClose={onClose} closeOnBackdrop wide>
      <table className="keys">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
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
              <kbd>A</kbd> <kbd>D</kbd> <kbd>N</kbd> <kbd>P</kbd>
            </td>
            <td>In the suggestions queue: accept, dismiss, next, previous</td>
          </tr>
          <tr>
            <td>
              <kbd>Esc</kbd>
            </td>
            <td>Close the details, the find bar or this sheet</td>
          </tr>
        </tbody>
      </table>
      <div className="modal-actions">
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}
