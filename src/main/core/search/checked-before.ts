import type { Database } from 'better-sqlite3'
import type { ClaimStatus, Evidence } from '../../../shared/domain'
import { claimSimilarity, readClaim, searchStems } from '../../../shared/search/similar'
import type { CheckedBeforeInput, CheckedBeforeMatch } from '../../../shared/search/types'
import { matchAny } from './fts'
import { FTS_WEIGHTS } from './schema'

/**
 * "Checked before": the desk's earlier claims that say what a new one says. The index gives
 * candidates (bm25 over the claims' own words, any of the new claim's word stems), then each
 * is read against the new claim (claimSimilarity: figures and names must agree) and the best
 * few that are alike enough are returned.
 */

/** Candidates read closely per request. */
const CANDIDATES = 40
/** How alike (0–1) two claims must read to be offered; chosen on the labelled set (see tests/fixtures/checked-before). */
export const SAME_CLAIM_FROM = 0.2

interface Row {
  id: string
  exact: string
  fields: string
  updated_at: string
  article_id: number
  headline: string
  outlet: string
  published_at: string
}

/** The earlier claims most like `input.text`, best first. */
export function checkedBefore(db: Database, input: CheckedBeforeInput): CheckedBeforeMatch[] {
  const reading = readClaim(input.text)
  const stems = searchStems(reading)
  if (!stems.length) return []
  const match = matchAny(
    stems.map((s) => ({ words: [s], prefix: s.length >= 4 })),
    'claim'
  )
  const rows = db
    .prepare(
      `WITH m AS MATERIALIZED (SELECT rowid AS id, rank FROM search_fts WHERE search_fts MATCH @match AND rank MATCH @rank ORDER BY rank LIMIT @k)
       SELECT n.id, n.exact, n.fields, n.updated_at, a.id AS article_id, a.headline, a.outlet, a.published_at
       FROM m JOIN search_docs d ON d.id = m.id AND d.kind = 'claim'
       JOIN annotations n ON n.id = d.ref
       JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
       WHERE n.id <> @own
       ORDER BY m.rank`
    )
    .all({ match, rank: `bm25(${FTS_WEIGHTS.join(', ')})`, k: CANDIDATES * 3, own: input.annotationId ?? '' }) as Row[]
  const scored: CheckedBeforeMatch[] = []
  for (const r of rows.slice(0, CANDIDATES)) {
    const score = claimSimilarity(reading, readClaim(r.exact))
    if (score < SAME_CLAIM_FROM) continue
    const f = JSON.parse(r.fields) as { status: ClaimStatus; explanation?: string; evidence?: Evidence[] }
    scored.push({
      annotationId: r.id,
      articleId: r.article_id,
      headline: r.headline,
      outlet: r.outlet,
      publishedAt: r.published_at,
      text: r.exact,
      status: f.status,
      explanation: f.explanation ?? '',
      evidence: f.evidence ?? [],
      checkedAt: r.updated_at,
      score: Math.round(score * 1000) / 1000
    })
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, input.limit ?? 3)
}
