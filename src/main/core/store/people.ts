import type { Database } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { NewPersonInput, PersonUpdate } from '../../../shared/contract'
import type { Person, PersonRole } from '../../../shared/domain'
import { CopydeskError } from '../../../shared/errors'
import { cleanName, initialsOf, nameKey } from '../../../shared/people'

/**
 * The desk roster in the store: who checks claims and who signs verdicts off. People are
 * archived, never deleted, so every claim and history entry that names one still can; a
 * name is taken once among those not archived (in any case).
 */

interface PersonRow {
  id: string
  name: string
  initials: string
  role: string
  archived_at: string | null
}

/** What `writing` runs a change in (see Store.writing). */
type Writing = <T>(fn: () => T) => T

function toPerson(r: PersonRow): Person {
  return { id: r.id, name: r.name, initials: r.initials, role: r.role as PersonRole, archived: r.archived_at !== null }
}

/** The roster, current people first, by name; archived ones only when asked. */
export function listPeople(db: Database, includeArchived = false): Person[] {
  const rows = db
    .prepare(
      `SELECT id, name, initials, role, archived_at FROM people ${includeArchived ? '' : 'WHERE archived_at IS NULL'}
       ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE, id`
    )
    .all() as PersonRow[]
  return rows.map(toPerson)
}

/** One person by id (archived or not), or undefined. */
export function findPerson(db: Database, id: string): Person | undefined {
  const r = db.prepare(`SELECT id, name, initials, role, archived_at FROM people WHERE id = ?`).get(id) as PersonRow | undefined
  return r && toPerson(r)
}

/** The person not archived with this name (in any case or spacing), or undefined. */
export function personNamed(db: Database, name: string): Person | undefined {
  const key = nameKey(name)
  // The roster is a desk's people, tens not thousands: compared here, in full Unicode.
  const rows = db.prepare(`SELECT id, name, initials, role, archived_at FROM people WHERE archived_at IS NULL`).all() as PersonRow[]
  const r = rows.find((p) => nameKey(p.name) === key)
  return r && toPerson(r)
}

/** A person by id or name, as an editor types them: a current person's name, else any id. */
export function personByIdOrName(db: Database, idOrName: string): Person | undefined {
  return personNamed(db, idOrName) ?? findPerson(db, idOrName.trim())
}

function taken(db: Database, name: string, except?: string): CopydeskError | null {
  const other = personNamed(db, name)
  if (!other || other.id === except) return null
  return new CopydeskError('invalid_input', `${other.name} is already on the desk roster (as ${other.role === 'editor' ? 'an editor' : 'a checker'}). Choose another name, or use that person.`)
}

/** Adds someone to the roster; refuses a name already taken. */
export function addPerson(db: Database, writing: Writing, input: NewPersonInput): Person {
  const name = cleanName(input.name)
  if (!name) throw new CopydeskError('invalid_input', 'A person on the desk needs a name.')
  const initials = cleanName(input.initials ?? '') || initialsOf(name)
  const id = `p-${randomUUID()}`
  return writing(() => {
    const clash = taken(db, name)
    if (clash) throw clash
    db.prepare(`INSERT INTO people (id, name, initials, role, created_at) VALUES (?, ?, ?, ?, ?)`).run(id, name, initials, input.role, new Date().toISOString())
    return { id, name, initials, role: input.role, archived: false }
  })
}

/** Renames, re-initials, changes the role of, archives or brings back one person. */
export function updatePerson(db: Database, writing: Writing, u: PersonUpdate): Person {
  return writing(() => {
    const was = findPerson(db, u.id)
    if (!was) throw new CopydeskError('not_found', `There is no one with the id ${u.id} on the desk roster.`)
    const name = u.name === undefined ? was.name : cleanName(u.name)
    if (!name) throw new CopydeskError('invalid_input', 'A person on the desk needs a name.')
    const archived = u.archived ?? was.archived
    if (!archived) {
      const clash = taken(db, name, was.id)
      if (clash) throw clash
    }
    const initials = u.initials === undefined ? was.initials : cleanName(u.initials) || initialsOf(name)
    const role = u.role ?? was.role
    db.prepare(
      `UPDATE people SET name = ?, initials = ?, role = ?, archived_at = CASE WHEN ? THEN coalesce(archived_at, ?) ELSE NULL END WHERE id = ?`
    ).run(name, initials, role, archived ? 1 : 0, new Date().toISOString(), was.id)
    return { id: was.id, name, initials, role, archived }
  })
}

/**
 * The person with this name, added (with `role`) when there is none: a name typed where a
 * checker or reviewer is picked, or read from an imported file.
 */
export function personFor(db: Database, writing: Writing, name: string, role: PersonRole): Person {
  return personNamed(db, name) ?? addPerson(db, writing, { name, role })
}

/** The ids among `ids` that are no one on the roster (archived people count: they were). */
export function unknownPeople(db: Database, ids: Iterable<string>): string[] {
  const list = [...new Set(ids)]
  if (!list.length) return []
  const known = new Set(
    (db.prepare(`SELECT id FROM people WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(list)) as { id: string }[]).map((r) => r.id)
  )
  return list.filter((id) => !known.has(id))
}
