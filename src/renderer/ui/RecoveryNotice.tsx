import { useEffect, useState, type JSX } from 'react'
import type { DatabaseHealth, RestoreResult } from '../../shared/contract'
import { call } from '../api'

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/**
 * Tells the user when the library is damaged or can only be read, and offers a damaged one's
 * newest good backup, saying which day it holds and that later changes are not in it. Shows
 * nothing when the library is in good order. `onRestored` lets the screen read the library again.
 */
export function RecoveryNotice({ onRestored }: { onRestored?: () => void }): JSX.Element | null {
  const [health, setHealth] = useState<DatabaseHealth | null>(null)
  const [restoring, setRestoring] = useState(false)
  const [outcome, setOutcome] = useState<{ tone: 'done' | 'failed'; message: string } | null>(null)

  useEffect(() => {
    let live = true
    call('databaseHealth', {}).then(
      (h) => live && setHealth(h),
      () => {} // a door that cannot answer says so elsewhere; this notice has nothing to add
    )
    return () => {
      live = false
    }
  }, [])

  async function restore(name: string): Promise<void> {
    setRestoring(true)
    try {
      const result: RestoreResult = await call('restoreBackup', { name })
      setOutcome({ tone: 'done', message: result.message })
      setHealth(await call('databaseHealth', {}))
      onRestored?.()
    } catch (err) {
      setOutcome({ tone: 'failed', message: (err as Error).message })
    } finally {
      setRestoring(false)
    }
  }

  if (outcome?.tone === 'done') {
    return (
      <div className="recovery-notice restored" role="status">
        <p>{outcome.message}</p>
      </div>
    )
  }
  if (!health || health.status === 'ok') return null
  if (health.status === 'read_only') {
    return (
      <div className="recovery-notice read-only" role="status">
        <p>{health.message}</p>
      </div>
    )
  }
  const backup = health.newestGoodBackup
  return (
    <div className="recovery-notice damaged" role="alert">
      <p>{health.message}</p>
      {backup && (
        <>
          <p>
            The newest good backup is from {formatWhen(backup.takenAt)}. Restoring it brings the library back as it was then: changes made
            after that are not in it. The damaged library is kept in the backups folder.
          </p>
          <button type="button" className="primary" disabled={restoring} onClick={() => void restore(backup.name)}>
            {restoring ? 'Restoring…' : `Restore the backup from ${formatWhen(backup.takenAt)}`}
          </button>
        </>
      )}
      {outcome?.tone === 'failed' && <p className="error">{outcome.message}</p>}
    </div>
  )
}
