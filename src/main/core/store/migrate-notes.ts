import type { Database } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'

interface NotedRow {
  id: string
  article_id: number
  note: string
  created_by: string
  created_at: string
}

/**
 * Migration 5's data step: every annotation's internal note becomes the first comment of its
 * thread, written by the annotation's author (the roster, when there is one, gives the id),
 * dated when the history last saw the note change (else when the annotation was made); the
 * `note` field leaves the annotation's fields. Nothing else changes: no history entry is
 * added, and annotations without a note keep their fields as they were.
 */
export function notesToComments(db: Database): void {
  const noted = db
    .prepare(
      `SELECT id, article_id, json_extract(fields, '$.note') AS note, created_by, created_at FROM annotations
       WHERE json_type(fields, '$.note') IS NOT NULL`
    )
    .all() as NotedRow[]
  if (noted.length === 0) return
  const lastNoteChange = db.prepare(
    `SELECT at FROM annotation_history
     WHERE article_id = ? AND annotation_id = ? AND json_type(changes, '$.note') IS NOT NULL
     ORDER BY id DESC LIMIT 1`
  )
  const hasPeople = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'people'`).get() !== undefined
  // The roster (migration 4, when it is there) names the author by id.
  const personNamed = hasPeople ? db.prepare(`SELECT id FROM people WHERE name = ? COLLATE NOCASE AND archived_at IS NULL LIMIT 1`) : null
  const comment = db.prepare(
    `INSERT INTO comments (id, article_id, annotation_id, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  const thread = db.prepare(`INSERT OR IGNORE INTO threads (annotation_id, article_id) VALUES (?, ?)`)
  for (const r of noted) {
    const body = typeof r.note === 'string' ? r.note.trim() : ''
    if (!body) continue
    const at = (lastNoteChange.get(r.article_id, r.id) as { at: string } | undefined)?.at ?? r.created_at
    const authorId = r.created_by ? ((personNamed?.get(r.created_by) as { id: string } | undefined)?.id ?? null) : null
    comment.run(`c-${randomUUID()}`, r.article_id, r.id, authorId, r.created_by, body, at)
    thread.run(r.id, r.article_id)
  }
  db.prepare(`UPDATE annotations SET fields = json_remove(fields, '$.note') WHERE json_type(fields, '$.note') IS NOT NULL`).run()
}
