import { useState, type JSX } from 'react'
import type { SaveArticleInput } from '../../../shared/contract'
import { call } from '../../api'
import { dropPending, type PendingSave } from '../../pending'
import { openArticle } from '../App'
import { isWhole, saveAsCopy } from './copy'

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
}

/**
 * Changes that never reached the library (the app or `copydesk serve` stopped before it
 * confirmed them, or the article was changed elsewhere), offered back: Restore sends them as
 * they were made, on the revision they were made on. If the article has changed since, they
 * are not applied over it: the editor is told, and can save them as a new article when they
 * hold the whole article, or discard them.
 */
export function PendingRestore({ save, onDone, onRestored }: { save: PendingSave; onDone: () => void; onRestored: () => void }): JSX.Element {
  const [busy, setBusy] = useState(false)
  const [conflict, setConflict] = useState<string | null>(null)
  const [whole, setWhole] = useState<SaveArticleInput | null>(null)
  async function copy(): Promise<void> {
    if (!whole || !isWhole(whole)) return
    setBusy(true)
    try {
      const copied = await saveAsCopy({ meta: whole.meta, body: whole.body, annotations: whole.annotations }, new Date(save.at))
      await dropPending(save.key)
      onDone()
      openArticle(copied)
    } catch (err) {
      setConflict(`The copy could not be saved: ${(err as Error).message}`)
      setBusy(false)
    }
  }
  async function restore(): Promise<void> {
    setBusy(true)
    try {
      const input = JSON.parse(await save.request.text()) as SaveArticleInput
      setWhole(input)
      await call('saveArticle', input)
      await dropPending(save.key)
      onDone()
      onRestored()
    } catch (err) {
      const e = err as Error & { code?: string }
      setConflict(
        e.code === 'conflict'
          ? 'The article has been changed since these changes were made, so they were not applied over it. They stay kept here until you save them as a copy or discard them.'
          : `They could not be restored: ${e.message}`
      )
      setBusy(false)
    }
  }
  return (
    <section className="pending-restore" role="alert" aria-label="Unsaved changes">
      <p>
        <strong>Changes you made on {when(save.at)} are not in the library.</strong> Copydesk kept them in this browser.
      </p>
      {conflict && <p className="error">{conflict}</p>}
      <div className="pending-actions">
        {!conflict && (
          <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
            {busy ? 'Restoring…' : 'Restore them'}
          </button>
        )}
        {conflict && whole && isWhole(whole) && (
          <button type="button" className="primary" disabled={busy} onClick={() => void copy()}>
            Save them as a copy
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
