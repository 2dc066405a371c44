import type { Me } from '../../shared/threads'
import type { Store } from './store'

/**
 * Who "me" is for threads: the name set in Preferences. (The roster's person id goes in `id`
 * once the roster is there; until then comments carry the name only.)
 */
export function currentPerson(store: Store): Me {
  return { id: null, name: store.getPreferences().userName }
}
