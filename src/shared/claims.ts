import type { ClaimStatus, Signoff } from './domain'

/**
 * The Claims view's vocabulary: the filters a desk narrows every claim of every article
 * with, one row of the answer, and the named filter sets it keeps. The same shapes cross
 * every door (the app's view, `copydesk claims`).
 */

/** How the rows are ordered: last change newest or oldest first, or soonest due first. */
export const CLAIM_SORTS = ['changed', 'oldest', 'due'] as const
export type ClaimSort = (typeof CLAIM_SORTS)[number]

export const CLAIM_SORT_LABELS: Record<ClaimSort, string> = {
  changed: 'Last change, newest first',
  oldest: 'Last change, oldest first',
  due: 'Due soonest first'
}

/** A checker or reviewer filter that matches claims with nobody assigned. */
export const NOBODY = 'none'

export interface ClaimFilters {
  /** Any of these statuses (verdicts included); all when absent. */
  statuses?: ClaimStatus[]
  /** Any of these sign-offs. */
  signoffs?: Signoff[]
  /** A roster person's id, or NOBODY for claims with no checker. */
  checkerId?: string
  reviewerId?: string
  articleId?: number
  /** Last changed on or after this day (YYYY-MM-DD). */
  changedFrom?: string
  /** Last changed on or before this day (YYYY-MM-DD). */
  changedTo?: string
  /** Claims the user (Preferences.userId) checks or reviews. */
  mine?: boolean
  /** Verdicts proposed and waiting for an editor. */
  needsReview?: boolean
  sort?: ClaimSort
}

/** One page of the claims: `cursor` is the `nextCursor` of the page before. */
export interface ClaimQuery extends ClaimFilters {
  limit?: number
  cursor?: string
}

/** A roster person as a row names them. */
export interface PersonRef {
  id: string
  name: string
  initials: string
}

/** One claim as the Claims view and `copydesk claims` show it. */
export interface ClaimRow {
  articleId: number
  headline: string
  annotationId: string
  /** The claim's words. */
  text: string
  /** The rest of its sentence, before and after the words ('' when the claim is the sentence). */
  before: string
  after: string
  placement: 'anchored' | 'orphaned'
  status: ClaimStatus
  signoff: Signoff
  signedOffBy: PersonRef | null
  signedOffAt: string
  checker: PersonRef | null
  reviewer: PersonRef | null
  due: string
  updatedAt: string
  updatedBy: string
}

export interface ClaimPage {
  rows: ClaimRow[]
  /** Where the next page starts, or null when this is the last. */
  nextCursor: string | null
}

/** A named set of filters, remembered in the library. */
export interface ClaimView {
  id: string
  name: string
  filters: ClaimFilters
}

/** The rows a page holds unless asked otherwise, and the most it may hold. */
export const CLAIM_PAGE = 100
export const MAX_CLAIM_PAGE = 500

/** How bad a verdict is, for "the worst verdict": false is worst. */
export const VERDICT_SEVERITY: Partial<Record<ClaimStatus, number>> = {
  false: 5,
  misleading: 4,
  unverifiable: 3,
  mostly_true: 2,
  true: 1
}

/** The status of a severity (see VERDICT_SEVERITY), or null for none. */
export function verdictOfSeverity(severity: number | null): ClaimStatus | null {
  if (!severity) return null
  const found = Object.entries(VERDICT_SEVERITY).find(([, n]) => n === severity)
  return found ? (found[0] as ClaimStatus) : null
}

/**
 * The sentence around text[start, end): the words of the sentence before and after it,
 * bounded by a sentence's end (. ! ? and a space), a paragraph break, or `max` characters
 * either side (cut at a space, with an ellipsis).
 */
export function sentenceAround(text: string, start: number, end: number, max = 240): { before: string; after: string } {
  let from = start
  const floor = Math.max(0, start - max)
  while (from > floor) {
    const c = text[from - 1]
    if (c === '\n') break
    if (/\s/.test(c) && /[.!?]["”’')\]]*$/.test(text.slice(Math.max(0, from - 4), from - 1))) break
    from--
  }
  let to = end
  // A claim that ends its sentence has nothing after it in that sentence.
  const endsSentence = /[.!?]["”’')\]]*$/.test(text.slice(Math.max(start, end - 4), end))
  const ceiling = endsSentence ? end : Math.min(text.length, end + max)
  while (to < ceiling) {
    const c = text[to]
    if (c === '\n') break
    to++
    if (/[.!?]/.test(c) && (to >= text.length || /[\s"”’')\]]/.test(text[to]))) {
      while (to < text.length && /["”’')\]]/.test(text[to])) to++
      break
    }
  }
  let before = text.slice(from, start)
  let after = text.slice(end, to)
  if (from === floor && from > 0 && text[from - 1] !== '\n') before = `…${before.replace(/^\S*\s/, '')}`
  if (!endsSentence && to === ceiling && to < text.length && text[to] !== '\n') after = `${after.replace(/\s\S*$/, '')}…`
  return { before: before.replace(/^\s+/, ''), after: after.replace(/\s+$/, '') }
}
