import type { JSX } from 'react'
import type { SaveStatus } from '../autosave'

const LABELS: Record<SaveStatus, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Not saved'
}

/** Always says whether the editor's work is safe in the store. */
export function SaveIndicator({ status, error, onRetry }: { status: SaveStatus; error: string | null; onRetry: () => void }): JSX.Element {
  return (
    <div className={`save-state save-${status}`} role="status" aria-live="polite" data-testid="save-state" data-status={status}>
      <span>{LABELS[status]}</span>
      {status === 'error' && (
        <>
          <span className="small">{error}</span>
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </>
      )}
    </div>
  )
}
