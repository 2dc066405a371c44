import type { Database } from 'better-sqlite3'
import { anchorFor, CONTEXT_LENGTH } from '../../../shared/anchor/quote'
import type { AnnotationChanges, AnnotationShift } from '../../../shared/contract'
import type { Annotation } from '../../../shared/domain'
import { CopydeskError } from '../../../shared/errors'
import { checkAnnotations } from '../annotations'
import { annotationRows, historyRows, toAnnotation, type AnnotationRow, type AnnotationValues, type HistoryValues } from './rows'

/**
 * A save of what changed in an article's annotations (see AnnotationChanges), planned against
 * the store as it is at the save's revision and then written: the annotations sent are checked
 * and upserted, those removed deleted, and those the text moved shifted in place by one
 * statement. Only the stored annotations whose words or context an edit could have touched
 * are read and checked; the rest lie in text that is the same before and after the edit, and
 * that they sit there is what the shifts say, which is checked without reading them.
 */

/** Everything the write does, worked out before it takes the lock. */
export interface ChangePlan {
  /** The article's revision the plan was made against. */
  revision: number
  upsert: AnnotationValues[]
  removed: string[]
  /** Shifts as [from, to, by] over the stored starts, those by 0 left out. */
  shifts: [number, number, number][]
  /** Ids neither shifted nor kept as they are (sent whole or removed), as JSON. */
  named: string
  /** Moved annotations whose context the edit changed: [prefix, suffix, id]. */
  context: [string, string, string][]
  history: HistoryValues[]
}

/** Context either side an anchor reads, and the character after it (a surrogate pair is never cut). */
const REACH = CONTEXT_LENGTH + 1

/** Plans a save of `changes` from `oldText` to `newText`; run it in a read transaction, so it sees one revision. */
export function planChanges(db: Database, articleId: number, changes: AnnotationChanges, oldText: string, newText: string): ChangePlan {
  const revision = (db.prepare(`SELECT revision FROM articles WHERE id = ? AND deleted_at IS NULL`).get(articleId) as { revision: number } | undefined)?.revision
  if (revision === undefined) throw new CopydeskError('not_found', `There is no article number ${articleId}.`)
  const { upsert, removed } = changes
  const sent = new Set(upsert.map((a) => a.id))
  for (const id of removed) if (sent.has(id)) throw new CopydeskError('invalid_input', `Annotation ${id} appears twice.`)
  const named = JSON.stringify([...sent, ...removed])
  const before = (db.prepare(`SELECT * FROM annotations WHERE article_id = ? AND id IN (SELECT value FROM json_each(?))`).all(articleId, named) as AnnotationRow[]).map(toAnnotation)
  const elsewhere = db.prepare(`SELECT id FROM annotations WHERE article_id != ? AND id IN (SELECT value FROM json_each(?))`).get(articleId, JSON.stringify([...sent])) as { id: string } | undefined
  if (elsewhere) throw new CopydeskError('invalid_input', `Annotation ${elsewhere.id} is already used by another article.`)
  // Links may point at stored annotations, not at those removed.
  const kept = (id: string): boolean => !sent.has(id) && !removed.includes(id)
  checkAnnotations(upsert, newText, storedKinds(db, articleId, upsert, kept))
  checkNoLinkTo(db, articleId, changes, kept)
  const shifts = spans(changes.shifts, oldText.length)
  return {
    revision,
    upsert: annotationRows(upsert),
    removed,
    shifts: shifts.filter((s) => s[2] !== 0),
    named,
    context: touched(db, articleId, shifts, oldText, newText, new Set([...sent, ...removed])),
    history: historyRows(before, upsert)
  }
}

/** Writes a plan (inside the write that saves the article, its revision already checked). */
export function writeChanges(db: Database, articleId: number, plan: ChangePlan, who: string, at: string): void {
  const history = db.prepare(`INSERT INTO annotation_history (annotation_id, article_id, at, who, action, changes) VALUES (?, ?, ?, ?, ?, ?)`)
  for (const [annotationId, action, json] of plan.history) history.run(annotationId, articleId, at, who, action, json)
  if (plan.removed.length) {
    db.prepare(`DELETE FROM annotations WHERE article_id = ? AND id IN (SELECT value FROM json_each(?))`).run(articleId, JSON.stringify(plan.removed))
  }
  if (plan.shifts.length) {
    // One statement: each row is moved once, by the shift its stored start falls in.
    db.prepare(
      `UPDATE annotations AS a SET start = a.start + s.by, end = a.end + s.by
       FROM (SELECT value ->> 0 AS lo, value ->> 1 AS hi, value ->> 2 AS by FROM json_each(?)) AS s
       WHERE a.article_id = ? AND a.placement = 'anchored' AND a.start >= s.lo AND a.start < s.hi
         AND a.id NOT IN (SELECT value FROM json_each(?))`
    ).run(JSON.stringify(plan.shifts), articleId, plan.named)
  }
  const context = db.prepare(`UPDATE annotations SET prefix = ?, suffix = ? WHERE id = ?`)
  for (const [prefix, suffix, id] of plan.context) context.run(prefix, suffix, id)
  const upsert = db.prepare(
    `INSERT INTO annotations (id, article_id, kind, start, end, exact, prefix, suffix, fields, origin, placement, created_by, created_at, updated_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, start = excluded.start, end = excluded.end, exact = excluded.exact,
       prefix = excluded.prefix, suffix = excluded.suffix, fields = excluded.fields, origin = excluded.origin,
       placement = excluded.placement, created_by = excluded.created_by, created_at = excluded.created_at,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at
     WHERE annotations.article_id = excluded.article_id`
  )
  for (const [id, ...rest] of plan.upsert) upsert.run(id, articleId, ...rest)
}

/** The shifts as [from, to, by] spans covering every start, the one before the first by 0. */
function spans(shifts: AnnotationShift[], oldLength: number): [number, number, number][] {
  const out: [number, number, number][] = []
  let from = 0
  let by = 0
  for (const s of shifts) {
    if (s.from > from) out.push([from, s.from, by])
    from = s.from
    by = s.by
  }
  out.push([from, oldLength + 1, by])
  return out
}

/**
 * Checks the stored annotations (not sent, not removed) that the edit could have touched, at
 * their shifted places, and gives the new context of those whose context changed. Text before
 * the first difference and after the last is the same in both texts: an annotation there, its
 * context with it, needs no look if its shift is none (before) or the change in length (after).
 */
function touched(db: Database, articleId: number, shifts: [number, number, number][], oldText: string, newText: string, named: Set<string>): [string, string, string][] {
  const limit = Math.min(oldText.length, newText.length)
  let same = 0
  while (same < limit && oldText.charCodeAt(same) === newText.charCodeAt(same)) same++
  let tail = 0
  while (tail < limit - same && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++
  const grew = newText.length - oldText.length
  // Starts below `low` keep their place; starts from `high` on move by `grew`.
  let low = Math.max(0, same - REACH)
  let high = oldText.length - tail + REACH
  for (const [from, to, by] of shifts) {
    if (by !== 0) low = Math.min(low, from)
    if (by !== grew && to > high) high = to
  }
  const endsBefore = same - REACH
  const rows = db
    .prepare(
      `SELECT * FROM annotations WHERE article_id = ? AND placement = 'anchored' AND start < ? AND (start >= ? OR end > ?)`
    )
    .all(articleId, high, low, endsBefore) as AnnotationRow[]
  const out: [string, string, string][] = []
  for (const row of rows) {
    if (named.has(row.id)) continue
    const by = shifts.find(([from, to]) => row.start >= from && row.start < to)?.[2] ?? 0
    const start = row.start + by
    const end = row.end + by
    if (start < 0 || end > newText.length || newText.slice(start, end) !== row.exact) {
      throw new CopydeskError(
        'conflict',
        `This save does not fit the article as it is stored (the ${row.kind} "${row.exact.slice(0, 40)}" would not be on its words), so nothing was saved. Reopen the article to see the stored version.`
      )
    }
    const anchor = anchorFor(newText, start, end)
    if (anchor.prefix !== row.prefix || anchor.suffix !== row.suffix) out.push([anchor.prefix, anchor.suffix, row.id])
  }
  return out
}

/** The kinds of stored annotations that annotations sent link to (and do not send themselves). */
function storedKinds(db: Database, articleId: number, upsert: Annotation[], kept: (id: string) => boolean): Map<string, string> {
  const links = new Set<string>()
  for (const a of upsert) {
    const link = a.kind === 'quote' ? a.fields.speakerId : a.kind === 'claim' ? a.fields.sourceId : null
    if (link && kept(link)) links.add(link)
  }
  if (!links.size) return new Map()
  const rows = db
    .prepare(`SELECT id, kind FROM annotations WHERE article_id = ? AND id IN (SELECT value FROM json_each(?))`)
    .all(articleId, JSON.stringify([...links])) as { id: string; kind: string }[]
  return new Map(rows.map((r) => [r.id, r.kind]))
}

/** Refuses a save that removes (or retags) an attribution a stored quote or claim still links to. */
function checkNoLinkTo(db: Database, articleId: number, changes: AnnotationChanges, kept: (id: string) => boolean): void {
  const gone = [...changes.removed, ...changes.upsert.filter((a) => a.kind !== 'attribution').map((a) => a.id)]
  if (!gone.length) return
  const row = db
    .prepare(
      `SELECT id, kind, exact, coalesce(fields ->> '$.speakerId', fields ->> '$.sourceId') AS link FROM annotations
       WHERE article_id = ? AND coalesce(fields ->> '$.speakerId', fields ->> '$.sourceId') IN (SELECT value FROM json_each(?))`
    )
    .all(articleId, JSON.stringify(gone)) as { id: string; kind: string; exact: string; link: string }[]
  const dangling = row.find((r) => kept(r.id))
  if (dangling) {
    throw new CopydeskError('invalid_input', `The ${dangling.kind} "${dangling.exact.slice(0, 40)}" is linked to ${dangling.link}, which is not an attribution in this article.`)
  }
}
