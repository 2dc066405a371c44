import type { Database } from 'better-sqlite3'
import { CLAIM_PAGE, NOBODY, sentenceAround, type ClaimPage, type ClaimQuery, type ClaimRow, type PersonRef } from '../../../shared/claims'
import { CLAIM_STATUSES, SIGNOFFS, type ClaimFields, type ClaimStatus, type Signoff } from '../../../shared/domain'
import { CopydeskError } from '../../../shared/errors'

/**
 * Every claim of every article, a page at a time, for the Claims view and `copydesk claims`.
 * A page is read from an index in the order of its sort and stops at its last row (keyset
 * paging: the cursor is the last row's sort key and id), so the first page of a million
 * annotations costs what a page of a hundred does. The filter most likely to narrow the
 * claims drives the read: its index (migration 4) holds them already in order; a filter on
 * several values reads one ordered run per value and merges the runs' first rows.
 */

interface Sort {
  /** The columns in order, as the arms' SELECT names them. */
  order: string
  /** The keyset condition after (key, id). */
  after: string
  /** The sort key of a row. */
  key: (r: RawRow) => string
  /** The index with every claim in this order. */
  index: string
}

const SORTS: Record<NonNullable<ClaimQuery['sort']>, Sort> = {
  changed: { order: 'updated_at DESC, id DESC', after: '(n.updated_at, n.id) < (?, ?)', key: (r) => r.updated_at, index: 'claims_changed' },
  oldest: { order: 'updated_at ASC, id ASC', after: '(n.updated_at, n.id) > (?, ?)', key: (r) => r.updated_at, index: 'claims_changed' },
  due: { order: 'due_key ASC, id ASC', after: '(n.claim_due, n.id) > (?, ?)', key: (r) => r.due_key, index: 'claims_due' }
}

interface RawRow {
  id: string
  article_id: number
  exact: string
  prefix: string
  suffix: string
  placement: string
  fields: string
  updated_at: string
  updated_by: string
  due_key: string
}

/** One ordered run the page is read from: an index and the equality it reads. */
interface Arm {
  index: string
  where: string
  params: unknown[]
}

const COLUMNS = `n.id, n.article_id, n.exact, n.prefix, n.suffix, n.placement, n.fields, n.updated_at, n.updated_by, n.claim_due AS due_key`

function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url')
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]]
  } catch {
    // falls through to the refusal
  }
  throw new CopydeskError('invalid_input', 'This list lost its place (the cursor is not one Copydesk gave). Start again from the first page.')
}

/** The day after YYYY-MM-DD, as the first instant not in a "to" day. */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** The values of a set filter, or null when it keeps everything (absent, or every value). */
function narrowing<T extends string>(values: T[] | undefined, all: readonly T[]): T[] | null {
  if (!values) return null
  const set = [...new Set(values)]
  return set.length >= all.length ? null : set
}

function personCondition(column: string, id: string): [string, unknown[]] {
  return id === NOBODY ? [`${column} IS NULL`, []] : [`${column} = ?`, [id]]
}

/** A page of claims; `me` is the user's roster id ('' when unset) for "assigned to me". */
export function listClaims(db: Database, q: ClaimQuery, me: string): ClaimPage {
  const sort = SORTS[q.sort ?? 'changed']
  const limit = q.limit ?? CLAIM_PAGE
  const statuses = narrowing<ClaimStatus>(q.statuses, CLAIM_STATUSES)
  let signoffs = narrowing<Signoff>(q.signoffs, SIGNOFFS)
  if (q.needsReview) signoffs = signoffs ? signoffs.filter((s) => s === 'proposed') : ['proposed']
  if (q.mine && !me) {
    throw new CopydeskError('invalid_input', 'Say who you are first to see the claims assigned to you: choose yourself on the desk roster in Preferences (or copydesk config set userId <your name>).')
  }
  if (statuses?.length === 0 || signoffs?.length === 0) return { rows: [], nextCursor: null }

  // What every arm checks besides its own equality.
  const residual: string[] = []
  const params: unknown[] = []
  const add = (sql: string, ...values: unknown[]): void => {
    residual.push(sql)
    params.push(...values)
  }
  const inList = (column: string, values: string[]): void => add(`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(values))

  // The driving filter: the one most likely to narrow the claims, read from its own index.
  let arms: Arm[]
  const sortedByChange = sort.index === 'claims_changed'
  const byPerson = (index: string, column: string, id: string): Arm[] => {
    const [where, values] = personCondition(column, id)
    return [{ index, where, params: values }]
  }
  let driver: 'article' | 'checker' | 'reviewer' | 'mine' | 'signoff' | 'status' | null = null
  if (q.articleId !== undefined) {
    driver = 'article'
    arms = [{ index: 'annotations_article', where: 'n.article_id = ?', params: [q.articleId] }]
  } else if (q.checkerId !== undefined) {
    driver = 'checker'
    arms = byPerson('claims_checker', 'n.claim_checker', q.checkerId)
  } else if (q.reviewerId !== undefined) {
    driver = 'reviewer'
    arms = byPerson('claims_reviewer', 'n.claim_reviewer', q.reviewerId)
  } else if (q.mine) {
    driver = 'mine'
    arms = [
      { index: 'claims_checker', where: 'n.claim_checker = ?', params: [me] },
      { index: 'claims_reviewer', where: 'n.claim_reviewer = ?', params: [me] }
    ]
  } else if (signoffs && sortedByChange) {
    driver = 'signoff'
    arms = signoffs.map((s) => ({ index: 'claims_signoff', where: 'n.claim_signoff = ?', params: [s] }))
  } else if (statuses && sortedByChange) {
    driver = 'status'
    arms = statuses.map((s) => ({ index: 'claims_status', where: 'n.claim_status = ?', params: [s] }))
  } else arms = [{ index: sort.index, where: '1', params: [] }]

  if (driver !== 'article' && q.articleId !== undefined) add('n.article_id = ?', q.articleId)
  const addPerson = (column: string, id: string): void => {
    const [where, values] = personCondition(column, id)
    add(where, ...values)
  }
  if (driver !== 'checker' && q.checkerId !== undefined) addPerson('n.claim_checker', q.checkerId)
  if (driver !== 'reviewer' && q.reviewerId !== undefined) addPerson('n.claim_reviewer', q.reviewerId)
  if (driver !== 'mine' && q.mine) add('(n.claim_checker = ? OR n.claim_reviewer = ?)', me, me)
  if (driver !== 'signoff' && signoffs) inList('n.claim_signoff', signoffs)
  if (driver !== 'status' && statuses) inList('n.claim_status', statuses)
  if (q.changedFrom) add('n.updated_at >= ?', q.changedFrom)
  if (q.changedTo) add('n.updated_at < ?', dayAfter(q.changedTo))
  if (q.cursor) add(sort.after, ...decodeCursor(q.cursor))

  // Deleted articles' claims are skipped by a lookup per row read: as EXISTS, SQLite built a
  // Bloom filter over every article for each page (93-184 ms at 20,000 articles, against
  // 0.1-0.3 ms so).
  const armSql = (arm: Arm): string =>
    `SELECT ${COLUMNS} FROM annotations n INDEXED BY ${arm.index}
     WHERE n.kind = 'claim' AND ${arm.where}${residual.length ? ` AND ${residual.join(' AND ')}` : ''}
       AND (SELECT a.deleted_at FROM articles a WHERE a.id = n.article_id) IS NULL
     ORDER BY ${sort.order.replace('due_key', 'n.claim_due').replace(/\b(updated_at|id)\b/g, 'n.$1')} LIMIT ?`
  const sql =
    arms.length === 1
      ? armSql(arms[0])
      : `${arms.map((a) => `SELECT * FROM (${armSql(a)})`).join(' UNION ')} ORDER BY ${sort.order} LIMIT ?`
  const allParams = arms.flatMap((a) => [...a.params, ...params, limit + 1])
  if (arms.length > 1) allParams.push(limit + 1)
  const raw = db.prepare(sql).all(...allParams) as RawRow[]
  const more = raw.length > limit
  const page = more ? raw.slice(0, limit) : raw
  const last = page[page.length - 1]
  return { rows: describeRows(db, page), nextCursor: more && last ? encodeCursor(sort.key(last), last.id) : null }
}

/** How much of the article around a claim is read to find its sentence. */
const AROUND = 300

/** The page's rows with their article's headline, their sentence and their people's names. */
function describeRows(db: Database, page: RawRow[]): ClaimRow[] {
  if (!page.length) return []
  const ids = JSON.stringify(page.map((r) => r.id))
  const around = new Map(
    (
      db
        .prepare(
          `SELECT n.id, a.headline, min(n.start, ${AROUND}) AS at,
             substr(a.text, max(0, n.start - ${AROUND}) + 1, n.end - n.start + ${2 * AROUND}) AS excerpt
           FROM annotations n JOIN articles a ON a.id = n.article_id WHERE n.id IN (SELECT value FROM json_each(?))`
        )
        .all(ids) as { id: string; headline: string; at: number; excerpt: string }[]
    ).map((r) => [r.id, r])
  )
  const fields = page.map((r) => JSON.parse(r.fields) as ClaimFields)
  const personIds = new Set<string>()
  for (const f of fields) for (const id of [f.checkerId, f.reviewerId, f.signedOffBy]) if (id) personIds.add(id)
  const people = new Map(
    (db.prepare(`SELECT id, name, initials FROM people WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...personIds])) as PersonRef[]).map((p) => [p.id, p])
  )
  const ref = (id: string | null): PersonRef | null => (id ? (people.get(id) ?? { id, name: 'someone not on the roster', initials: '?' }) : null)
  return page.map((r, i) => {
    const f = fields[i]
    const a = around.get(r.id)
    const { before, after } = sentenceOf(r, a && r.placement === 'anchored' ? a : null)
    return {
      articleId: r.article_id,
      headline: a?.headline ?? '',
      annotationId: r.id,
      text: r.exact,
      before,
      after,
      placement: r.placement as ClaimRow['placement'],
      status: f.status,
      signoff: f.signoff,
      signedOffBy: ref(f.signedOffBy),
      signedOffAt: f.signedOffAt,
      checker: ref(f.checkerId),
      reviewer: ref(f.reviewerId),
      due: f.due,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by
    }
  })
}

/**
 * The claim's sentence from the text read around it: the claim is where its offsets say
 * (SQLite counts characters, JavaScript UTF-16 units: an emoji before it shifts it, so it is
 * looked for nearby), else the stored context either side stands in.
 */
function sentenceOf(r: RawRow, around: { at: number; excerpt: string } | null): { before: string; after: string } {
  if (around?.excerpt) {
    const { excerpt } = around
    const expected = Math.min(around.at, excerpt.length)
    let at = excerpt.startsWith(r.exact, expected) ? expected : -1
    if (at < 0) {
      const left = excerpt.lastIndexOf(r.exact, expected)
      const right = excerpt.indexOf(r.exact, expected)
      at = left < 0 ? right : right < 0 ? left : expected - left <= right - expected ? left : right
    }
    if (at >= 0) return sentenceAround(excerpt, at, at + r.exact.length)
  }
  const context = `${r.prefix}${r.exact}${r.suffix}`
  return sentenceAround(context, r.prefix.length, r.prefix.length + r.exact.length)
}
