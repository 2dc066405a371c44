import search from 'approx-string-match'
import type { TextAnchor } from '../domain'

/**
 * Where an anchor was found again, and how; or that it could not be found (`unsearched` when
 * the approximate search was skipped because its budget could not pay for it).
 */
export type Reanchored = { start: number; end: number; how: 'exact' | 'fuzzy' } | { how: 'orphaned'; unsearched?: true }

/**
 * Work the approximate searches of one batch (an import's annotations) may still do, in
 * steps of the bit-parallel matcher: one step is one character of text against 32 of the
 * quote (~7 ns here). An approximate search costs time in proportion to the text's length
 * times the quote's, so 200 quotes absent from a 1 MB article took 15.9 s unbounded; with a
 * budget, the searches it cannot pay for are skipped and reported, and the batch ends.
 */
export class FuzzyBudget {
  private left: number

  constructor(steps: number) {
    this.left = steps
  }

  /** Spends `steps` when that many are left; false (and nothing spent) when not. */
  take(steps: number): boolean {
    if (steps > this.left) return false
    this.left -= steps
    return true
  }

  /** Spends what a search already did, even past what was left (the next `take` then fails). */
  charge(steps: number): void {
    this.left -= steps
  }
}

/** A batch's default budget: about a second and a half of approximate searching here. */
export const FUZZY_BUDGET_STEPS = 200_000_000

export interface ReanchorOptions {
  /** Only accept matches inside this part of the text (used to revive an annotation in place). */
  within?: { start: number; end: number }
  /** Try an approximate match when there is no exact one (default true). */
  fuzzy?: boolean
  /**
   * A likely shift of the quote since it was anchored (e.g. how far the previous annotation
   * in the text moved): an exact quote there is taken without searching.
   */
  shift?: number
  /** Bounds the approximate search (shared across a batch); unbounded when absent. */
  budget?: FuzzyBudget
}

interface Candidate {
  start: number
  end: number
  errors: number
}

/** Longest quotes are searched with at most this many errors, as Hypothesis does, to bound the cost. */
const MAX_ERRORS = 256

// Weights as in Hypothesis's match-quote.ts: the quote counts most, context next, the old
// position only breaks ties.
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2

/**
 * Finds an anchor's text again in a text that may have changed since the anchor was made:
 * the stored position when the text there is still the exact quote; else the exact quote
 * elsewhere, preferring the occurrence whose context and position fit best; else an
 * approximate match with at most a quarter of the quote's length in errors; else orphaned.
 */
export function reanchor(text: string, anchor: TextAnchor, options: ReanchorOptions = {}): Reanchored {
  const { exact } = anchor
  if (exact.length === 0) return { how: 'orphaned' }
  const lo = Math.max(0, options.within?.start ?? 0)
  const hi = Math.min(text.length, options.within?.end ?? text.length)
  if (hi - lo < 1) return { how: 'orphaned' }

  if (anchor.start >= lo && anchor.end <= hi && text.slice(anchor.start, anchor.end) === exact) {
    return { start: anchor.start, end: anchor.end, how: 'exact' }
  }

  // Most texts changed elsewhere only shifted this quote: try the caller's guess first.
  const shifted = options.shift ? anchor.start + options.shift : -1
  if (shifted >= lo && shifted + exact.length <= hi && text.startsWith(exact, shifted)) {
    return { start: shifted, end: shifted + exact.length, how: 'exact' }
  }

  const exactMatches: Candidate[] = []
  for (let at = text.indexOf(exact, lo); at !== -1 && at + exact.length <= hi; at = text.indexOf(exact, at + 1)) {
    exactMatches.push({ start: at, end: at + exact.length, errors: 0 })
  }
  if (exactMatches.length > 0) return { ...best(text, anchor, exactMatches, sameContext), how: 'exact' }

  if (options.fuzzy === false) return { how: 'orphaned' }
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length / 4))
  if (maxErrors < 1) return { how: 'orphaned' }
  // Search near where the quote was first: a fuzzy search costs time in proportion to the
  // text searched, and the quote rarely moved far. Then the whole text (or window).
  const expected = anchor.start + (options.shift ?? 0)
  const nearLo = Math.max(lo, expected - NEARBY)
  const nearHi = Math.min(hi, expected + exact.length + NEARBY)
  const { budget } = options
  const near = nearLo > lo || nearHi < hi ? fuzzyIn(text, exact, maxErrors, nearLo, nearHi, budget) : []
  if (near === null) return { how: 'orphaned', unsearched: true }
  const fuzzyMatches = near.length > 0 ? near : fuzzyIn(text, exact, maxErrors, lo, hi, budget)
  if (fuzzyMatches === null) return { how: 'orphaned', unsearched: true }
  if (fuzzyMatches.length === 0) return { how: 'orphaned' }
  const candidates = fuzzyMatches.length > MAX_CANDIDATES ? nearest(fuzzyMatches, expected) : fuzzyMatches
  budget?.charge(candidates.length * (anchor.prefix.length + anchor.suffix.length) * 7)
  return { ...best(text, anchor, candidates, similarity), how: 'fuzzy' }
}

/** Characters either side of the old position searched first for an approximate match. */
const NEARBY = 2_000

/** Text searched at a time under a budget, which is checked between pieces. */
const PIECE = 65_536

/** Approximate matches scored against the context at most (those nearest the old position). */
const MAX_CANDIDATES = 1_000

function nearest(candidates: Candidate[], expected: number): Candidate[] {
  return [...candidates].sort((a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected)).slice(0, MAX_CANDIDATES)
}

/**
 * The best approximate matches of `exact` in text[lo, hi); null when the budget ran out.
 * Under a budget the text is searched in overlapping pieces (a match is never longer than
 * the quote plus its errors), each paid for before it is searched, and the matches found
 * paid for after (reading back to where each starts costs the quote's length again).
 */
function fuzzyIn(text: string, exact: string, maxErrors: number, lo: number, hi: number, budget?: FuzzyBudget): Candidate[] | null {
  if (hi - lo < exact.length - maxErrors) return []
  if (!budget) return search(text.slice(lo, hi), exact, maxErrors).map((m) => ({ start: m.start + lo, end: m.end + lo, errors: m.errors }))
  const words = Math.ceil(exact.length / 32)
  const overlap = exact.length + maxErrors
  let found: Candidate[] = []
  for (let from = lo; from < hi; from += PIECE) {
    const to = Math.min(hi, from + PIECE + overlap)
    if (!budget.take((to - from) * words)) return null
    const matches = search(text.slice(from, to), exact, maxErrors)
    budget.charge(matches.length * overlap * words)
    for (const m of matches) found.push({ start: m.start + from, end: m.end + from, errors: m.errors })
    if (to === hi) break
  }
  // Each piece keeps its own best; across pieces only the fewest errors count, once each.
  let fewest = Infinity
  for (const c of found) if (c.errors < fewest) fewest = c.errors
  const seen = new Set<string>()
  found = found.filter((c) => {
    const key = `${c.start}:${c.end}`
    if (c.errors !== fewest || seen.has(key)) return false
    seen.add(key)
    return true
  })
  return found
}

type Similarity = (actual: string, expected: string, fromEnd: boolean) => number

function best(
  text: string,
  anchor: TextAnchor,
  candidates: Candidate[],
  similar: Similarity
): { start: number; end: number } {
  if (candidates.length === 1) return { start: candidates[0].start, end: candidates[0].end }
  let top = candidates[0]
  let topScore = -Infinity
  for (const c of candidates) {
    const s = score(text, anchor, c, similar)
    if (s > topScore) {
      top = c
      topScore = s
    }
  }
  return { start: top.start, end: top.end }
}

function score(text: string, anchor: TextAnchor, c: Candidate, similar: Similarity): number {
  const quote = 1 - c.errors / anchor.exact.length
  const prefix = anchor.prefix
    ? similar(text.slice(Math.max(0, c.start - anchor.prefix.length), c.start), anchor.prefix, true)
    : 1
  const suffix = anchor.suffix
    ? similar(text.slice(c.end, c.end + anchor.suffix.length), anchor.suffix, false)
    : 1
  const position = text.length > 0 ? 1 - Math.abs(c.start - anchor.start) / text.length : 1
  return QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position
}

/**
 * Cheap context score for exact candidates, which can be many (a common phrase): the share
 * of the context that is identical next to the quote (counted outwards from it).
 */
function sameContext(actual: string, expected: string, fromEnd: boolean): number {
  const n = Math.min(actual.length, expected.length)
  let same = 0
  if (fromEnd) {
    while (same < n && actual[actual.length - 1 - same] === expected[expected.length - 1 - same]) same++
  } else {
    while (same < n && actual[same] === expected[same]) same++
  }
  return same / expected.length
}

/** 1 when `actual` is `expected`, falling towards 0 with the edit distance between them. */
function similarity(actual: string, expected: string): number {
  if (actual.length === 0 || expected.length === 0) return 0
  if (actual === expected) return 1
  const [match] = search(actual, expected, expected.length)
  return match ? 1 - match.errors / expected.length : 0
}
