import type { Database } from 'better-sqlite3'
import { VERDICT_SEVERITY, verdictOfSeverity } from '../../../shared/claims'
import type { ClaimStatus } from '../../../shared/domain'
import { openThreadCounts } from './threads'

/** What the library shows of each article's claims: how many, how many approved, the worst verdict. */
export interface ClaimCounts {
  claimCount: number
  approvedCount: number
  worstVerdict: ClaimStatus | null
}

/** Everything the library shows of an article's desk work (ArticleSummary's desk columns). */
export interface DeskCounts extends ClaimCounts {
  /** Comment threads on its annotations not yet resolved. */
  openThreads: number
}

const NONE: ClaimCounts = { claimCount: 0, approvedCount: 0, worstVerdict: null }

/**
 * The desk columns of each of `ids`: its claims (counts and worst verdict) and its open
 * threads, read here so every door's library shows them.
 */
export function deskCounts(db: Database, ids: readonly number[]): Map<number, DeskCounts> {
  const claims = claimCounts(db, ids)
  const threads = openThreadCounts(db, ids)
  return new Map(ids.map((id) => [id, { ...(claims.get(id) ?? NONE), openThreads: threads.get(id) ?? 0 }]))
}

const SEVERITY_SQL = `CASE n.claim_status ${Object.entries(VERDICT_SEVERITY)
  .map(([status, n]) => `WHEN '${status}' THEN ${n}`)
  .join(' ')} ELSE 0 END`

/** The claim counts of each of `ids`, in one read (each article's annotations from its index). */
export function claimCounts(db: Database, ids: readonly number[]): Map<number, ClaimCounts> {
  const out = new Map<number, ClaimCounts>()
  if (!ids.length) return out
  const rows = db
    .prepare(
      `SELECT n.article_id AS id, count(*) AS claims, sum(n.claim_signoff = 'approved') AS approved, max(${SEVERITY_SQL}) AS worst
       FROM annotations n WHERE n.article_id IN (SELECT value FROM json_each(?)) AND n.kind = 'claim' GROUP BY n.article_id`
    )
    .all(JSON.stringify(ids)) as { id: number; claims: number; approved: number; worst: number }[]
  for (const id of ids) out.set(id, NONE)
  for (const r of rows) out.set(r.id, { claimCount: r.claims, approvedCount: r.approved, worstVerdict: verdictOfSeverity(r.worst) })
  return out
}
