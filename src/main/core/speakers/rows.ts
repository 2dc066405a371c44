import type { Database } from 'better-sqlite3'
import type { ClaimStatus } from '../../../shared/domain'
import { retryWhileBusy } from '../store/sqlite-errors'
import type { MentionInput, SpeakerDecisions } from './derive'

/**
 * The speaker tables' rows (migration 7): the mentions the triggers keep from the annotations,
 * the claims linked to them, and the user's decisions. Deleted articles are left out.
 */

/** Every quote and attribution naming someone; a quote linked to an attribution takes its name. */
export function readMentions(db: Database): MentionInput[] {
  const rows = db
    .prepare(
      `SELECT m.annotation_id, m.article_id, m.kind,
         CASE WHEN l.name IS NOT NULL AND l.name <> '' THEN l.name ELSE m.name END AS name,
         CASE WHEN l.name IS NOT NULL AND l.name <> '' THEN l.source_type ELSE m.source_type END AS source_type
       FROM speaker_mentions m
       JOIN articles ar ON ar.id = m.article_id AND ar.deleted_at IS NULL
       LEFT JOIN speaker_mentions l ON m.kind = 'quote' AND l.annotation_id = m.link_id AND l.kind = 'attribution'
       WHERE m.kind IN ('quote', 'attribution')
       ORDER BY m.article_id, m.annotation_id`
    )
    .all() as { annotation_id: string; article_id: number; kind: 'quote' | 'attribution'; name: string; source_type: string }[]
  return rows.map((r) => ({ annotationId: r.annotation_id, articleId: r.article_id, kind: r.kind, name: r.name, sourceType: r.source_type }))
}

/** Claim ids with the mention (attribution, or quote around them) that makes them someone's. */
export function readClaimLinks(db: Database): { claimId: string; mentionId: string }[] {
  const linked = db
    .prepare(
      `SELECT c.annotation_id AS claimId, c.link_id AS mentionId FROM speaker_mentions c
       JOIN articles ar ON ar.id = c.article_id AND ar.deleted_at IS NULL
       WHERE c.kind = 'claim'`
    )
    .all() as { claimId: string; mentionId: string }[]
  // A claim inside a quote is the speaker's claim.
  const inside = db
    .prepare(
      `SELECT c.id AS claimId, q.id AS mentionId FROM speaker_mentions m
       JOIN articles ar ON ar.id = m.article_id AND ar.deleted_at IS NULL
       JOIN annotations q ON q.id = m.annotation_id
       JOIN annotations c ON c.article_id = q.article_id AND c.kind = 'claim' AND c.start >= q.start AND c.start < q.end AND c.end <= q.end
       WHERE m.kind = 'quote'`
    )
    .all() as { claimId: string; mentionId: string }[]
  return [...linked, ...inside]
}

export interface ItemRow {
  id: string
  kind: 'quote' | 'claim' | 'attribution'
  article_id: number
  exact: string
  fields: string
  created_at: string
  headline: string
  outlet: string
  published_at: string
}

/** The annotations named, with their article's headline, outlet and date. */
export function readItems(db: Database, ids: string[]): ItemRow[] {
  const out: ItemRow[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    out.push(
      ...(db
        .prepare(
          `SELECT a.id, a.kind, a.article_id, a.exact, a.fields, a.created_at, ar.headline, ar.outlet, ar.published_at
           FROM annotations a JOIN articles ar ON ar.id = a.article_id AND ar.deleted_at IS NULL
           WHERE a.id IN (${chunk.map(() => '?').join(',')})`
        )
        .all(...chunk) as ItemRow[])
    )
  }
  return out
}

/** Each article's headline and date, for the parts of a person and the dates of the list. */
export function readArticles(db: Database): Map<number, { headline: string; date: string }> {
  const rows = db
    .prepare(
      `SELECT ar.id, ar.headline, CASE WHEN ar.published_at <> '' THEN ar.published_at ELSE ar.created_at END AS date
       FROM articles ar WHERE ar.deleted_at IS NULL AND ar.id IN (SELECT article_id FROM speaker_mentions)`
    )
    .all() as { id: number; headline: string; date: string }[]
  return new Map(rows.map((r) => [r.id, { headline: r.headline, date: r.date }]))
}

/** A claim's status from its fields' JSON. */
export function statusOf(fields: string): ClaimStatus | null {
  return (JSON.parse(fields) as { status?: ClaimStatus }).status ?? null
}

/** The user's merges and splits, oldest first. */
export function readDecisions(db: Database): SpeakerDecisions {
  const rows = db.prepare(`SELECT action, a, b FROM speaker_decisions ORDER BY id`).all() as { action: 'merge' | 'split'; a: string; b: string }[]
  return {
    merges: rows.filter((r) => r.action === 'merge').map((r) => [r.a, r.b]),
    splits: rows.filter((r) => r.action === 'split').map((r) => r.a)
  }
}

/** Records a merge or a split, and takes back merges (a split of what the user merged). */
export function writeDecision(db: Database, d: { add?: { action: 'merge' | 'split'; a: string; b?: string }; unmerge?: string; who: string }): void {
  const at = new Date().toISOString()
  retryWhileBusy(() =>
    db
      .transaction(() => {
        if (d.unmerge) db.prepare(`DELETE FROM speaker_decisions WHERE action = 'merge' AND (a = ? OR b = ?)`).run(d.unmerge, d.unmerge)
        if (d.add) {
          db.prepare(`INSERT OR IGNORE INTO speaker_decisions (action, a, b, who, at) VALUES (?, ?, ?, ?, ?)`).run(d.add.action, d.add.a, d.add.b ?? '', d.who, at)
        }
      })
      .immediate()
  )
}
