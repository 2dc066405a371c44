import type { Database } from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { CopydeskError } from '../../../shared/errors'
import { isEmptyQuery, parseQuery, QueryError } from '../../../shared/search/query'
import { MAX_SEARCH_PAGE, SEARCH_PAGE, type ParsedQuery, type SearchFilters, type SearchInput, type SearchPage } from '../../../shared/search/types'
import { matchAll, matchName } from './fts'
import { buildHits, type FoundDoc } from './hits'
import { FTS_WEIGHTS } from './schema'

/**
 * Runs a search: the index's documents matching every term, ranked by bm25 with the column
 * weights of schema.ts, filtered, an article's own documents (its details and its passages)
 * folded into its best one, a page at a time.
 */

/** The ranking FTS5 sorts by (`rank MATCH`): bm25 with the column weights. */
const BM25_RANK = `bm25(${FTS_WEIGHTS.join(', ')})`

/** The article's date a filter compares: its published day, else the day it was added. */
const ARTICLE_DAY = `coalesce(nullif(substr(a.published_at, 1, 10), ''), substr(a.created_at, 1, 10))`

function like(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function hasTable(db: Database, name: string): boolean {
  return !!db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name)
}

/** The WHERE conditions of the filters, their values added to `params`. */
function filterConditions(db: Database, f: SearchFilters, params: Record<string, unknown>): string[] {
  const where: string[] = []
  let n = 0
  const param = (value: unknown): string => {
    const name = `p${n++}`
    params[name] = value
    return `@${name}`
  }
  const anyOf = (values: string[], one: (p: string) => string): void => {
    if (values.length) where.push(`(${values.map((v) => one(param(v))).join(' OR ')})`)
  }
  if (f.kinds.length) {
    const kinds = f.kinds.flatMap((k) => (k === 'article' ? ['article', 'passage'] : [k]))
    where.push(`d.kind IN (${kinds.map((k) => param(k)).join(', ')})`)
  }
  if (f.statuses.length) where.push(`d.kind = 'claim' AND d.status IN (${f.statuses.map((s) => param(s)).join(', ')})`)
  anyOf(f.outlets.map(like), (p) => `a.outlet LIKE ${p} ESCAPE '\\'`)
  anyOf(f.bylines.map(like), (p) => `a.byline LIKE ${p} ESCAPE '\\'`)
  if (f.checkers.length) {
    // Once claims name a person of the desk's roster (people), their names match too.
    const people = hasTable(db, 'people')
    anyOf(
      f.checkers.map(like),
      (p) => `(d.kind = 'claim' AND (d.checker LIKE ${p} ESCAPE '\\'${people ? ` OR d.checker IN (SELECT id FROM people WHERE name LIKE ${p} ESCAPE '\\')` : ''}))`
    )
  }
  if (f.speakers.length) {
    const names = f.speakers.map(matchName).filter((m): m is string => m !== null)
    // A quote or attribution naming them, or a quote or claim linked to an attribution that does.
    anyOf(
      names,
      (p) => `(d.kind IN ('claim', 'quote', 'attribution') AND (d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${p})
        OR d.link IN (SELECT s.ref FROM search_docs s WHERE s.kind = 'attribution' AND s.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${p}))))`
    )
  }
  if (f.before) where.push(`${ARTICLE_DAY} < ${param(f.before)}`)
  if (f.from) where.push(`${ARTICLE_DAY} >= ${param(f.from)}`)
  // A comment whose annotation is gone (removed, perhaps to come back with an undo) is not shown.
  where.push(`(d.kind <> 'comment' OR EXISTS (SELECT 1 FROM annotations n WHERE n.id = d.link))`)
  return where
}

/** The page of documents for a parsed query. */
export function findDocs(db: Database, q: ParsedQuery, limit: number, offset: number): FoundDoc[] {
  const params: Record<string, unknown> = { limit, offset }
  const where = ['a.deleted_at IS NULL', ...filterConditions(db, q.filters, params)]
  const columns = `d.id, d.kind, d.ref, d.link, d.article_id AS articleId`
  if (q.terms.length) {
    params.match = matchAll(q.terms)
    params.rank = BM25_RANK
    // The best-ranked documents first, as FTS5 sorts them itself, and only as many as the page
    // needs: a result's score is its best document's, so once the top `k` documents make
    // `offset + limit` results, those are the right ones in the right order. Too few (many
    // filtered out, or folded into one article), and `k` grows until every match is seen.
    const sql = db.prepare(
      `WITH m AS MATERIALIZED (SELECT rowid AS id, rank AS score FROM search_fts WHERE search_fts MATCH @match AND rank MATCH @rank ORDER BY rank LIMIT @k)
       SELECT ${columns}, min(m.score) AS score, (SELECT count(*) FROM m) AS seen FROM m
       JOIN search_docs d ON d.id = m.id
       JOIN articles a ON a.id = d.article_id
       WHERE ${where.join(' AND ')}
       GROUP BY CASE WHEN d.kind IN ('article', 'passage') THEN -d.article_id ELSE d.id END
       ORDER BY score, d.id
       LIMIT @limit OFFSET @offset`
    )
    for (let k = Math.max(200, (offset + limit) * 8); ; k *= 4) {
      const rows = sql.all({ ...params, k }) as (FoundDoc & { seen: number })[]
      if (rows.length === limit || k > 10_000_000) return rows
      // An empty page says nothing of how many were seen: count them to know whether to go on.
      const seen = rows.length ? rows[0].seen : (db.prepare(`SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH @match LIMIT @k)`).pluck().get({ match: params.match, k }) as number)
      if (seen < k) return rows
    }
  }
  // Filters alone: the articles' own documents and annotations, most recently indexed (added
  // or changed) first, read down the index's own key, so a page stops when it is full instead
  // of sorting every match (ordering by the article's last edit took 0.9 s for kind:attribution
  // over 490,000 annotations).
  return db
    .prepare(
      `SELECT ${columns} FROM search_docs d JOIN articles a ON a.id = d.article_id
       WHERE d.kind <> 'passage' AND ${where.join(' AND ')}
       ORDER BY d.id DESC
       LIMIT @limit OFFSET @offset`
    )
    .all(params) as FoundDoc[]
}

/**
 * When no one field holds every word ("riverton council": Riverton only in the outlet, council
 * only in the text), the articles that hold each word somewhere (details, text, annotations or
 * comments), most recently edited first: what an editor means by searching for them. One page.
 */
function articlesWithEveryTerm(db: Database, q: ParsedQuery, limit: number): FoundDoc[] {
  if (q.terms.length < 2) return []
  const params: Record<string, unknown> = { limit }
  const where = ['a.deleted_at IS NULL', ...filterConditions(db, q.filters, params)]
  const each = q.terms.map((t, i) => {
    params[`t${i}`] = matchAll([t])
    return `SELECT s.article_id FROM search_docs s WHERE s.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH @t${i})`
  })
  return db
    .prepare(
      `SELECT d.id, d.kind, d.ref, d.link, d.article_id AS articleId FROM search_docs d JOIN articles a ON a.id = d.article_id
       WHERE d.kind = 'article' AND d.article_id IN (${each.join(' INTERSECT ')}) AND ${where.join(' AND ')}
       ORDER BY a.updated_at DESC, a.id DESC
       LIMIT @limit`
    )
    .all(params) as FoundDoc[]
}

/** A cursor names the query it pages (so it is not used with another) and where the next page starts. */
function queryTag(query: string): string {
  return createHash('sha256').update(query).digest('base64url').slice(0, 10)
}

function encodeCursor(query: string, offset: number): string {
  return Buffer.from(JSON.stringify({ q: queryTag(query), o: offset })).toString('base64url')
}

function decodeCursor(query: string, cursor: string): number {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = null
  }
  const v = value as { q?: unknown; o?: unknown } | null
  if (!v || typeof v.o !== 'number' || !Number.isInteger(v.o) || v.o < 0 || typeof v.q !== 'string') {
    throw new CopydeskError('invalid_input', 'That cursor is not one Copydesk gave. Use the one printed after the page before, or search again without it.')
  }
  if (v.q !== queryTag(query)) throw new CopydeskError('invalid_input', 'That cursor belongs to another search. Search again with the words it was given for, or without a cursor.')
  return v.o
}

/** Reads the search box's words, or says in an editor's words what to change. */
export function readQuery(query: string): ParsedQuery {
  try {
    return parseQuery(query)
  } catch (err) {
    if (err instanceof QueryError) throw new CopydeskError('invalid_input', err.message)
    throw err
  }
}

/** One page of results for a query, and the cursor of the next. */
export function search(db: Database, input: SearchInput): SearchPage {
  const q = readQuery(input.query)
  if (isEmptyQuery(q)) return { hits: [], next: null }
  const limit = Math.min(Math.max(1, input.limit ?? SEARCH_PAGE), MAX_SEARCH_PAGE)
  if (input.cursor && input.offset !== undefined) throw new CopydeskError('invalid_input', 'Give either a cursor or an offset, not both.')
  const offset = input.cursor ? decodeCursor(input.query, input.cursor) : (input.offset ?? 0)
  let docs = findDocs(db, q, limit + 1, offset)
  if (docs.length === 0 && offset === 0) docs = articlesWithEveryTerm(db, q, limit)
  const more = docs.length > limit
  return { hits: buildHits(db, docs.slice(0, limit), q.terms), next: more ? encodeCursor(input.query, offset + limit) : null }
}

/** The ids of the articles whose details or text hold every word of `query` (the library's own filter). */
export function articlesMatching(db: Database, query: string): number[] {
  const filter = articleFilter(query)
  if (!filter) return []
  return db.prepare(`SELECT DISTINCT article_id FROM (${filter.sql})`).pluck().all(filter.param) as number[]
}

/**
 * The articles whose details or text hold every word of a query, as a subquery of article ids
 * and its one parameter (null when the query has no words), for lists that filter by it.
 */
export function articleFilter(query: string): { sql: string; param: string } | null {
  const q = readQuery(query)
  if (!q.terms.length) return null
  return {
    sql: `SELECT d.article_id FROM search_docs d
       WHERE d.kind IN ('article', 'passage') AND d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)`,
    param: matchAll(q.terms)
  }
}
