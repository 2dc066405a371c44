import type { Me } from '../../shared/threads'
import { currentPerson } from './desk'
import type { Store } from './store'

/**
 * Who "me" is for threads: the roster person chosen in Preferences (their id, so a comment
 * stays theirs when they are renamed), or else the name set there.
 */
export function currentAuthor(store: Store): Me {
  const person = currentPerson(store)
  return person ? { id: person.id, name: person.name } : { id: null, name: store.getPreferences().userName }
}
