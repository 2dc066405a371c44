import { useState, type JSX } from 'react'
import { PERSON_ROLES, type Person, type PersonRole } from '../../../shared/domain'
import { call } from '../../api'
import { keepPerson, useRoster } from './roster'

const ROLE_LABELS: Record<PersonRole, string> = { checker: 'Checker', editor: 'Editor' }

/**
 * The desk roster in Preferences: add someone, rename them, change their role, archive them
 * (archived people stay named on the claims they worked, but are no longer offered). Each
 * change is kept at once; a refusal (a name already taken) is said beside the roster.
 */
export function RosterEditor(): JSX.Element {
  const { people, loaded } = useRoster()
  const [name, setName] = useState('')
  const [role, setRole] = useState<PersonRole>('checker')
  const [error, setError] = useState<string | null>(null)
  const [showArchived, setShowArchived] = useState(false)

  const act = async (fn: () => Promise<Person>): Promise<boolean> => {
    setError(null)
    try {
      keepPerson(await fn())
      return true
    } catch (e) {
      setError((e as Error).message)
      return false
    }
  }
  const add = async (): Promise<void> => {
    if (!name.trim()) return setError('A person on the desk needs a name.')
    if (await act(() => call('addPerson', { name, role }))) setName('')
  }
  const shown = people.filter((p) => showArchived || !p.archived)
  return (
    <fieldset className="roster">
      <legend>Desk roster</legend>
      <p className="muted small">Who checks claims and who signs verdicts off. A claim’s checker and reviewer are picked from here.</p>
      {!loaded ? (
        <p className="muted">Loading…</p>
      ) : shown.length === 0 ? (
        <p className="muted small">No one yet.</p>
      ) : (
        <ul className="roster-list" aria-label="Desk roster">
          {shown.map((p) => (
            <RosterRow key={p.id} person={p} onChange={(u) => void act(() => call('updatePerson', { id: p.id, ...u }))} />
          ))}
        </ul>
      )}
      {people.some((p) => p.archived) && (
        <label className="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          Show archived people
        </label>
      )}
      <div className="roster-add">
        <input
          aria-label="New person’s name"
          placeholder="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              void add()
            }
          }}
        />
        <select aria-label="New person’s role" value={role} onChange={(e) => setRole(e.target.value as PersonRole)}>
          {PERSON_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void add()}>
          Add to roster
        </button>
      </div>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}

function RosterRow({ person, onChange }: { person: Person; onChange: (u: { name?: string; role?: PersonRole; archived?: boolean }) => void }): JSX.Element {
  const [name, setName] = useState(person.name)
  const commit = (): void => {
    if (name.trim() && name.trim() !== person.name) onChange({ name })
    else setName(person.name)
  }
  return (
    <li className={person.archived ? 'archived' : undefined}>
      <span className="initials" aria-hidden="true">
        {person.initials}
      </span>
      <input
        aria-label={`Name of ${person.name}`}
        value={name}
        disabled={person.archived}
        onChange={(e) => setName(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit()
          }
        }}
      />
      <select aria-label={`Role of ${person.name}`} value={person.role} disabled={person.archived} onChange={(e) => onChange({ role: e.target.value as PersonRole })}>
        {PERSON_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <button type="button" className="quiet" aria-label={`${person.archived ? 'Bring back' : 'Archive'} ${person.name}`} onClick={() => onChange({ archived: !person.archived })}>
        {person.archived ? 'Bring back' : 'Archive'}
      </button>
    </li>
  )
}
