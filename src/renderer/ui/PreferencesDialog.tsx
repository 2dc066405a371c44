import { useEffect, useId, useState, type JSX } from 'react'
import type { Preferences } from '../../shared/domain'
import { call } from '../api'
import { Modal } from './common/modal'

/** Preferences: the name recorded on every change, and the organisation public fact-checks carry. */
export function PreferencesDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (p: Preferences) => void }): JSX.Element {
  const [prefs, setPrefs] = useState<Preferences | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ids = useId()
  useEffect(() => {
    call('getPreferences', {}).then(setPrefs, (e: Error) => setError(e.message))
  }, [])
  async function save(): Promise<void> {
    if (!prefs) return
    try {
      onSaved(await call('setPreferences', prefs))
      onClose()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  return (
    <Modal title="Preferences" titleId={`${ids}-title`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {prefs ? (
          <>
            <label className="field">
              <span>Your name</span>
              <input autoFocus aria-describedby={`${ids}-name`} value={prefs.userName} onChange={(e) => setPrefs({ ...prefs, userName: e.target.value })} />
            </label>
            <p className="muted small" id={`${ids}-name`}>
              Recorded on every annotation you make or change.
            </p>
            <label className="field">
              <span>Organisation</span>
              <input value={prefs.organisation} onChange={(e) => setPrefs({ ...prefs, organisation: e.target.value })} />
            </label>
            <label className="field">
              <span>Organisation website</span>
              <input type="url" value={prefs.organisationUrl} onChange={(e) => setPrefs({ ...prefs, organisationUrl: e.target.value })} />
            </label>
          </>
        ) : (
          !error && <p className="muted">Loading…</p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!prefs}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  )
}
