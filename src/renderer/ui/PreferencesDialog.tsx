import { useEffect, useId, useState, type JSX } from 'react'
import type { Preferences } from '../../shared/domain'
import { call } from '../api'
import { Modal } from './common/modal'
import { RosterEditor } from './desk/RosterEditor'
import { setMe, useRoster } from './desk/roster'

/** Preferences: the name recorded on every change, who you are on the desk roster (and the roster), and the organisation public fact-checks carry. */
export function PreferencesDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (p: Preferences) => void }): JSX.Element {
  const [prefs, setPrefs] = useState<Preferences | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ids = useId()
  const { people } = useRoster()
  useEffect(() => {
    call('getPreferences', {}).then(setPrefs, (e: Error) => setError(e.message))
  }, [])
  async function save(): Promise<void> {
    if (!prefs) return
    try {
      const saved = await call('setPreferences', prefs)
      setMe(saved.userId)
      onSaved(saved)
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
              <span>You on the desk roster</span>
              <select aria-describedby={`${ids}-me`} value={prefs.userId} onChange={(e) => setPrefs({ ...prefs, userId: e.target.value })}>
                <option value="">— not chosen —</option>
                {people
                  .filter((p) => !p.archived || p.id === prefs.userId)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.role === 'editor' ? 'editor' : 'checker'})
                    </option>
                  ))}
              </select>
            </label>
            <p className="muted small" id={`${ids}-me`}>
              Claims assigned to you, and verdicts you may approve as an editor.
            </p>
            <label className="field">
              <span>Organisation</span>
              <input value={prefs.organisation} onChange={(e) => setPrefs({ ...prefs, organisation: e.target.value })} />
            </label>
            <label className="field">
              <span>Organisation website</span>
              <input type="url" value={prefs.organisationUrl} onChange={(e) => setPrefs({ ...prefs, organisationUrl: e.target.value })} />
            </label>
            <RosterEditor />
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
