import type { JSX } from 'react'
import { useId, useState } from 'react'
import { call } from '../api'
import { Modal } from './common/modal'

/** "Paste as new article": the first line becomes the headline, as with a text file. */
export function PasteDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }): JSX.Element {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const ids = useId()

  async function create(): Promise<void> {
    setBusy(true)
    try {
      onCreated((await call('importText', { text })).id)
    } catch (err) {
      setError((err as Error).message)
      setBusy(false)
    }
  }

  return (
    <Modal title="Paste as new article" titleId={`${ids}-title`} onClose={onClose} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void create()
        }}
      >
        <p className="muted small" id={`${ids}-hint`}>
          The first line becomes the headline; a “By …” line below it becomes the byline.
        </p>
        <textarea autoFocus aria-label="Article text" aria-describedby={`${ids}-hint`} rows={14} value={text} onChange={(e) => setText(e.target.value)} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !text.trim()}>
            Create article
          </button>
        </div>
      </form>
    </Modal>
  )
}
