import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, type ClaimStatus } from '../domain'
import { RESULT_KINDS, type ParsedQuery, type ResultKind, type SearchFilters, type SearchTerm } from './types'
import { queryWords } from './words'

/**
 * The search box's language: words (each matching words it begins, from three letters),
 * "quoted phrases", and filters written `name:value` or `name:"two words"`:
 *
 *   kind:claim  status:false  speaker:"Putin"  outlet:Reuters  byline:Okafor  checker:Rosa
 *   before:2026-01-01  after:2025-06
 *
 * A filter given twice (or with commas: `kind:claim,quote`) takes either value. Dates are a
 * day, a month or a year; `before` is before its start, `after` after its end.
 */

/** A query the user must change, in their words. */
export class QueryError extends Error {}

const FILTERS: Record<string, keyof SearchFilters> = {
  kind: 'kinds',
  kinds: 'kinds',
  type: 'kinds',
  status: 'statuses',
  verdict: 'statuses',
  speaker: 'speakers',
  source: 'speakers',
  outlet: 'outlets',
  byline: 'bylines',
  author: 'bylines',
  checker: 'checkers',
  before: 'before',
  after: 'from'
}

/** The filters, for help texts: name, what it takes. */
export const FILTER_HELP: [string, string][] = [
  ['kind:', 'article, claim, quote, attribution or comment'],
  ['status:', 'a claim\u2019s status: unchecked, in-review, true, mostly-true, misleading, false, unverifiable'],
  ['speaker:', 'who is quoted or named as the source (also source:)'],
  ['outlet:', 'the article\u2019s outlet'],
  ['byline:', 'the article\u2019s byline (also author:)'],
  ['checker:', 'who checks the claim'],
  ['before:', 'articles dated before a day, month or year: 2026-01-01, 2026-01, 2026'],
  ['after:', 'articles dated after a day, month or year']
]

/** Words shorter than this match only themselves; longer ones match words they begin. */
const PREFIX_FROM = 3

function kindOf(value: string): ResultKind {
  const v = value.toLowerCase().replace(/s$/, '')
  const kind = RESULT_KINDS.find((k) => k === v)
  if (!kind) throw new QueryError(`There is no kind “${value}”. Use kind: with ${RESULT_KINDS.join(', ')}.`)
  return kind
}

function statusOf(value: string): ClaimStatus {
  const v = value.toLowerCase().replace(/[\s-]+/g, '_')
  const status = CLAIM_STATUSES.find((s) => s === v || CLAIM_STATUS_LABELS[s].toLowerCase().replace(/\s+/g, '_') === v) ?? (v === 'review' ? 'in_review' : undefined)
  if (!status) throw new QueryError(`There is no status “${value}”. Use status: with ${CLAIM_STATUSES.map((s) => s.replace(/_/g, '-')).join(', ')}.`)
  return status
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The first and last day a date names (2026 → 2026-01-01…2026-12-31). */
function period(name: string, value: string): { first: string; last: string } {
  const m = value.match(/^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/)
  const year = m ? Number(m[1]) : NaN
  const month = m?.[2] ? Number(m[2]) : null
  const day = m?.[3] ? Number(m[3]) : null
  const bad = !m || (month !== null && (month < 1 || month > 12)) || (day !== null && month !== null && (day < 1 || day > daysIn(year, month)))
  if (bad) throw new QueryError(`“${name}:${value}” is not a date Copydesk reads. Write a day, a month or a year: ${name}:2026-01-31, ${name}:2026-01 or ${name}:2026.`)
  const pad = (n: number): string => String(n).padStart(2, '0')
  const y = String(year).padStart(4, '0')
  if (month === null) return { first: `${y}-01-01`, last: `${y}-12-31` }
  if (day === null) return { first: `${y}-${pad(month)}-01`, last: `${y}-${pad(month)}-${pad(daysIn(year, month))}` }
  return { first: `${y}-${pad(month)}-${pad(day)}`, last: `${y}-${pad(month)}-${pad(day)}` }
}

/** The day after `day` (YYYY-MM-DD). */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

function addFilter(filters: SearchFilters, key: keyof SearchFilters, name: string, raw: string): void {
  const values = key === 'before' || key === 'from' || key === 'speakers' || key === 'outlets' || key === 'bylines' || key === 'checkers' ? [raw] : raw.split(',')
  for (const value of values.map((v) => v.trim()).filter(Boolean)) {
    if (key === 'kinds') filters.kinds.push(kindOf(value))
    else if (key === 'statuses') filters.statuses.push(statusOf(value))
    else if (key === 'before') {
      const day = period(name, value).first
      filters.before = filters.before && filters.before < day ? filters.before : day
    } else if (key === 'from') {
      const day = nextDay(period(name, value).last)
      filters.from = filters.from && filters.from > day ? filters.from : day
    } else filters[key].push(value)
  }
}

/** A filter name is letters only, so "10:30" stays words (and "https://…" is kept so below). */
const PIECE = /([A-Za-z]+):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+)/g

/** Reads a query into its terms and filters, or throws a QueryError saying what to change. */
export function parseQuery(query: string): ParsedQuery {
  const filters: SearchFilters = { kinds: [], statuses: [], speakers: [], outlets: [], bylines: [], checkers: [], before: null, from: null }
  const terms: SearchTerm[] = []
  PIECE.lastIndex = 0
  for (let m = PIECE.exec(query); m; m = PIECE.exec(query)) {
    const [, name, quotedValue, value, phrase, word] = m
    if (name !== undefined && value?.startsWith('//')) {
      // A link ("https://…") is words to find, not a filter.
      const words = queryWords(m[0])
      if (words.length) terms.push({ words, prefix: false })
    } else if (name !== undefined) {
      const key = FILTERS[name.toLowerCase()]
      if (!key) {
        throw new QueryError(`Copydesk has no filter “${name}:”. The filters are ${FILTER_HELP.map(([name]) => name).join(' ')}`)
      }
      const v = quotedValue ?? value ?? ''
      if (!v.trim()) throw new QueryError(`“${name}:” needs something after it, for example ${exampleOf(name.toLowerCase())}.`)
      addFilter(filters, key, name.toLowerCase(), v)
    } else if (phrase !== undefined) {
      const words = queryWords(phrase)
      if (words.length) terms.push({ words, prefix: false })
    } else if (word !== undefined) {
      const words = queryWords(word)
      if (words.length) terms.push({ words, prefix: words[words.length - 1].length >= PREFIX_FROM })
    }
  }
  for (const k of ['kinds', 'statuses'] as const) (filters[k] as string[]) = [...new Set(filters[k] as string[])]
  return { terms, filters }
}

function exampleOf(name: string): string {
  const examples: Record<string, string> = { kind: 'kind:claim', status: 'status:false', speaker: 'speaker:"Lena Park"', outlet: 'outlet:Reuters', before: 'before:2026-01-01', after: 'after:2025-12' }
  return examples[name] ?? `${name}:"a name"`
}

/** True when the query asks for nothing at all (no words, no filters). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  const f = q.filters
  return q.terms.length === 0 && !f.kinds.length && !f.statuses.length && !f.speakers.length && !f.outlets.length && !f.bylines.length && !f.checkers.length && !f.before && !f.from
}
