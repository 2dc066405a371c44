import { memo, useSyncExternalStore, type JSX } from 'react'
import type { SaveStatus } from '../autosave'
import { afterNextFrame } from '../editor/frame'

const LABELS: Record<SaveStatus, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Not saved'
}
/** The same, where the top bar is short of room (a narrow window, a large zoom). */
const SHORT: Record<SaveStatus, string> = { saved: 'Saved', unsaved: 'Unsaved', saving: 'Saving…', error: 'Not saved' }

export interface SaveSnapshot {
  status: SaveStatus
  error: string | null
  /** Moves each time a save completes (the history in the details reloads then). */
  saves: number
}

/**
 * The save state, held outside React: the indicator and the history subscribe to it, so a
 * status change re-renders those two and not the whole article page.
 *
 * "Unsaved" comes from the key or click that made the change, so it is told once that input's
 * frame is painted, like the side panel: the first key after a save used to re-render the
 * indicator in its own task, before its frame. Every other status comes from the save and is
 * told at once.
 */
export class SaveState {
  private snapshot: SaveSnapshot = { status: 'saved', error: null, saves: 0 }
  private readonly listeners = new Set<() => void>()
  /** Whether the listeners have been told of the current snapshot. */
  private told = true

  /** `afterFrame` runs its callback once the next frame is painted (injected in tests). */
  constructor(private readonly afterFrame: (run: () => void) => void = afterNextFrame) {}

  set(status: SaveStatus, error?: Error): void {
    const prev = this.snapshot
    const next: SaveSnapshot = {
      status,
      error: status === 'error' ? (error?.message ?? 'Saving failed') : null,
      saves: prev.saves + (status === 'saved' && prev.status !== 'saved' ? 1 : 0)
    }
    if (next.status === prev.status && next.error === prev.error && next.saves === prev.saves) return
    this.snapshot = next
    if (status !== 'unsaved') return this.tell()
    this.told = false
    this.afterFrame(() => {
      if (!this.told) this.tell()
    })
  }

  private tell(): void {
    this.told = true
    for (const l of this.listeners) l()
  }

  get = (): SaveSnapshot => this.snapshot

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }
}

export function useSaveState(state: SaveState): SaveSnapshot {
  return useSyncExternalStore(state.subscribe, state.get)
}

/** Always says whether the editor's work is safe in the store. */
export const SaveIndicator = memo(function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }): JSX.Element {
  const { status, error } = useSaveState(state)
  return (
    <div className={`save-state save-${status}`} role="status" aria-live="polite" data-testid="save-state" data-status={status} title={error ?? undefined}>
      <span className="save-long">{LABELS[status]}</span>
      <span className="save-short">{SHORT[status]}</span>
      {status === 'error' && (
        <>
          {/* The reason, for screen readers and on hover: in full it would push the toolbar's commands into "More". */}
          <span className="visually-hidden">{error}</span>
          <button type="button" title={error ?? undefined} onClick={onRetry}>
            Try again
          </button>
        </>
      )}
    </div>
  )
})
