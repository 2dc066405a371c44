import { useState, type JSX } from 'react'

/**
 * Shown when the article was changed elsewhere (another window, the command line) after it was
 * opened here: the editor's changes cannot be saved over it. Nothing is lost either way: the
 * editor's version can be saved as a new article, or left for the latest one (after saying so).
 */
export function ConflictBanner({ onCopy, onReopen }: { onCopy: () => Promise<void>; onReopen: () => void }): JSX.Element {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  return (
    <section className="pending-restore conflict" role="alert" aria-label="Changed elsewhere">
      <p>
        <strong>This article was changed elsewhere</strong> (in another window or from the command line) after you opened it, so your changes here
        cannot be saved over it. They are kept in this browser until you choose.
      </p>
      {error && <p className="error">{error}</p>}
      <div className="pending-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true)
            onCopy().catch((err: Error) => {
              setError(`The copy could not be saved: ${err.message}`)
              setBusy(false)
            })
          }}
        >
          {busy ? 'Saving a copy…' : 'Save my version as a copy'}
        </button>
        {confirming ? (
          <>
            <button type="button" className="danger" disabled={busy} onClick={onReopen}>
              Discard my changes and open the latest version
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </>
        ) : (
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            Open the latest version…
          </button>
        )}
      </div>
    </section>
  )
}
