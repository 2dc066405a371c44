import { useEffect, useId, useState, type JSX } from 'react'
import type { PersonRole } from '../../../shared/domain'
import { personForName, useRoster } from './roster'

/**
 * Picks a roster person for a claim (its checker or reviewer): the roster is offered as the
 * user types, and a name not on it adds that person with `role`. Empty means nobody.
 */
export function PersonPicker({
  label,
  value,
  role,
  onPick,
  placeholder
}: {
  label: string
  value: string | null
  role: PersonRole
  onPick: (id: string | null) => void
  placeholder?: string
}): JSX.Element {
  const { people } = useRoster()
  const listId = useId()
  const current = value ? people.find((p) => p.id === value) : undefined
  const shown = value ? (current?.name ?? '') : ''
  const [draft, setDraft] = useState(shown)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setDraft(shown), [shown])

  const commit = async (): Promise<void> => {
    const name = draft.trim()
    if (name === shown) return
    setError(null)
    if (!name) return onPick(null)
    try {
      const person = await personForName(name, role)
      if (person.id !== value) onPick(person.id)
      setDraft(person.name)
    } catch (e) {
      setError((e as Error).message)
    }
  }
  const offered = people.filter((p) => !p.archived)
  return (
    <label className="field person-picker">
      <span>{label}</span>
      <input
        aria-label={label}
        list={listId}
        value={draft}
        placeholder={placeholder}
        data-article-undo={draft === shown ? 'true' : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            void commit()
          }
        }}
      />
      <datalist id={listId}>
        {offered.map((p) => (
          <option key={p.id} value={p.name}>
            {p.role === 'editor' ? 'Editor' : 'Checker'}
          </option>
        ))}
      </datalist>
      {value && !current && <span className="muted small">Someone no longer on the roster</span>}
      {current?.archived && <span className="muted small">Archived on the roster</span>}
      {error && (
        <span className="error small" role="alert">
          {error}
        </span>
      )}
    </label>
  )
}
