import { useSyncExternalStore } from 'react'
import type { Person, PersonRole } from '../../../shared/domain'
import { cleanName, nameKey } from '../../../shared/people'
import { call } from '../../api'

/**
 * The desk roster as the renderer holds it: read once from the store, shared by every
 * picker and the Preferences dialog, and told when the user (who "me" is) changes. A name
 * typed where a person is picked adds them, so the pickers never hold free text.
 */

interface RosterState {
  /** Everyone, archived people too (a claim may still name them). */
  people: Person[]
  /** Preferences.userId: who "me" is ('' when unset). */
  me: string
  loaded: boolean
}

let state: RosterState = { people: [], me: '', loaded: false }
const listeners = new Set<() => void>()
let loading: Promise<void> | null = null

function set(next: Partial<RosterState>): void {
  state = { ...state, ...next }
  for (const l of listeners) l()
}

function subscribe(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** Reads the roster from the store (again). */
export function reloadRoster(): Promise<void> {
  loading = call('listPeople', { includeArchived: true }).then(
    (people) => set({ people, loaded: true }),
    () => set({ loaded: true })
  )
  return loading
}

/** The roster, read the first time it is asked for. */
export function useRoster(): RosterState {
  if (!loading) void reloadRoster()
  return useSyncExternalStore(subscribe, () => state)
}

/** Who "me" is, from the preferences just read or saved. */
export function setMe(userId: string): void {
  if (userId !== state.me) set({ me: userId })
}

/** The user's roster id, or null when they have not said who they are. */
export function myId(): string | null {
  return state.me || null
}

/** A person by id, from the roster as read. */
export function personById(id: string | null): Person | undefined {
  return id ? state.people.find((p) => p.id === id) : undefined
}

/** Names being added to the roster now, so a name committed twice (Enter, then leaving the field) is added once. */
const adding = new Map<string, Promise<Person>>()

/** The current person with this name (any case), or the one added for it with `role`. */
export async function personForName(name: string, role: PersonRole): Promise<Person> {
  const clean = cleanName(name)
  const key = nameKey(clean)
  const known = state.people.find((p) => !p.archived && nameKey(p.name) === key)
  if (known) return known
  const pending = adding.get(key)
  if (pending) return pending
  const add = call('addPerson', { name: clean, role })
    .then((added) => {
      set({ people: [...state.people, added] })
      return added
    })
    .finally(() => adding.delete(key))
  adding.set(key, add)
  return add
}

/** Keeps a person the store changed (renamed, archived ...). */
export function keepPerson(p: Person): void {
  set({ people: state.people.some((x) => x.id === p.id) ? state.people.map((x) => (x.id === p.id ? p : x)) : [...state.people, p] })
}
