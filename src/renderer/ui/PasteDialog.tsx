import type { JSX } from 'react'
import { useEffect, useRef, useState } from 'react'
import { call } from '../api'

/** "Paste as new article": the first line becomes the headline, as with a text file. */
export function PasteDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }): JSX.Element {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const area = useRef<HTMLTextAreaElement>(null)
  useEffect(() => area.current?.focus(), [])

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
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="paste-title">
        <h2 id="paste-title">Paste as new article</h2>
        <p className="muted small">The first line becomes the headline; a “By …” line below it becomes the byline.</p>
        <textarea ref={area} aria-label="Article text" rows={14} value={text} onChange={(e) => setText(e.target.value)} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void create()}>
            Create article
          </button>
        </div>
      </div>
    </div>
  )
}
