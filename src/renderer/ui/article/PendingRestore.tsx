import { useState, type JSX } from 'react'
import type { SaveArticleInput } from '../../../shared/contract'
import { call } from '../../api'
import { dropPending, type PendingSave } from '../../pending'

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
}

/**
 * Changes that never reached the library (the app or `copydesk serve` stopped before it
 * confirmed them), offered back: Restore sends them as they were made, on the revision they
 * were made on. If the article has changed since, they are not applied over it: the editor is
 * told, and they stay kept until discarded.
 */
export function PendingRestore({ save, onDone, onRestored }: { save: PendingSave; onDone: () => void; onRestored: () => void }): JSX.Element {
  const [busy, setBusy] = useState(false)
  const [conflict, setConflict] = useState<string | null>(null)
  async function restore(): Promise<void> {
    setBusy(true)
    try {
      const input = JSON.parse(await save.request.text()) as SaveArticleInput
      await call('saveArticle', input)
      await dropPending(save.key)
      onDone()
      onRestored()
    } catch (err) {
      const e = err as Error & { code?: string }
      setConflict(
        e.code === 'conflict'
          ? 'The article has been changed since these changes were made, so they were not applied over it. They stay kept here until you discard them.'
          : `They could not be restored: ${e.message}`
      )
      setBusy(false)
    }
  }
  return (
    <section className="pending-restore" role="alert" aria-label="Unsaved changes">
      <p>
        <strong>Changes you made on {when(save.at)} were not saved:</strong> Copydesk stopped before the library confirmed them. They were kept in
        this browser.
      </p>
      {conflict && <p className="error">{conflict}</p>}
      <div className="pending-actions">
        {!conflict && (
          <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
            {busy ? 'Restoring…' : 'Restore them'}
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            void dropPending(save.key)
            onDone()
          }}
        >
          Discard them
        </button>
      </div>
    </section>
  )
}
