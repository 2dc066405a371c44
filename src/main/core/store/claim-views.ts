import type { Database } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { ClaimFilters, ClaimView } from '../../../shared/claims'
import { CopydeskError } from '../../../shared/errors'
import { cleanName } from '../../../shared/people'

/** The Claims view's saved views: named filter sets, kept in the library, one per name. */

type Writing = <T>(fn: () => T) => T

interface ViewRow {
  id: string
  name: string
  filters: string
}

function toView(r: ViewRow): ClaimView {
  return { id: r.id, name: r.name, filters: JSON.parse(r.filters) as ClaimFilters }
}

/** Every saved view, by name. */
export function listClaimViews(db: Database): ClaimView[] {
  return (db.prepare(`SELECT id, name, filters FROM claim_views ORDER BY name COLLATE NOCASE, id`).all() as ViewRow[]).map(toView)
}

/** Saves `filters` under `name`, replacing the view of that name (in any case) if there is one. */
export function saveClaimView(db: Database, writing: Writing, name: string, filters: ClaimFilters): ClaimView {
  const clean = cleanName(name)
  if (!clean) throw new CopydeskError('invalid_input', 'A saved view needs a name.')
  const json = JSON.stringify(filters)
  const at = new Date().toISOString()
  return writing(() => {
    const existing = db.prepare(`SELECT id FROM claim_views WHERE name = ? COLLATE NOCASE`).get(clean) as { id: string } | undefined
    const id = existing?.id ?? `v-${randomUUID()}`
    if (existing) db.prepare(`UPDATE claim_views SET name = ?, filters = ?, updated_at = ? WHERE id = ?`).run(clean, json, at, id)
    else db.prepare(`INSERT INTO claim_views (id, name, filters, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`).run(id, clean, json, at, at)
    return { id, name: clean, filters }
  })
}

/** Forgets a saved view; returns it, so it can be saved again (undo). */
export function deleteClaimView(db: Database, writing: Writing, id: string): ClaimView {
  return writing(() => {
    const r = db.prepare(`SELECT id, name, filters FROM claim_views WHERE id = ?`).get(id) as ViewRow | undefined
    if (!r) throw new CopydeskError('not_found', 'That saved view is not there any more.')
    db.prepare(`DELETE FROM claim_views WHERE id = ?`).run(id)
    return toView(r)
  })
}
