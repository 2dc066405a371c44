import type { ClaimStatus, Evidence } from '../domain'

/**
 * Search over the whole library: what a query asks for and what comes back. The store's index
 * (main/core/search) answers; the app, the command line and the Claims view show the same.
 */

/** What a result is: an article (its details or its text), an annotation, or a comment on one. */
export const RESULT_KINDS = ['article', 'claim', 'quote', 'attribution', 'comment'] as const
export type ResultKind = (typeof RESULT_KINDS)[number]

/**
 * Where the words were found, as an editor names it: an article's headline, byline, outlet,
 * link or text; an annotation's words, explanation (or check note), evidence, named speaker or
 * source, or verdict; a comment's text.
 */
export const MATCHED_FIELDS = ['headline', 'byline', 'outlet', 'link', 'text', 'explanation', 'evidence', 'name', 'verdict'] as const
export type MatchedField = (typeof MATCHED_FIELDS)[number]

/** The filters a query may carry (`kind:claim status:false speaker:"Putin"` …); each narrows. */
export interface SearchFilters {
  kinds: ResultKind[]
  statuses: ClaimStatus[]
  /** A speaker's or source's name: quotes, attributions and claims linked to or naming them. */
  speakers: string[]
  outlets: string[]
  bylines: string[]
  checkers: string[]
  /** The article's date (published, else the day it was added) is before this day (YYYY-MM-DD). */
  before: string | null
  /** The article's date is on or after this day (YYYY-MM-DD). */
  from: string | null
}

/** One word or quoted phrase of a query: its words, folded as the index folds them. */
export interface SearchTerm {
  words: string[]
  /** Whether the last word matches any word it begins ("ordin" finds "ordinance"). */
  prefix: boolean
}

export interface ParsedQuery {
  terms: SearchTerm[]
  filters: SearchFilters
}

/** A run of a snippet: the words found are `hit`. */
export interface SnippetPart {
  text: string
  hit: boolean
}

export interface SearchHit {
  kind: ResultKind
  matched: MatchedField | null
  articleId: number
  headline: string
  outlet: string
  byline: string
  /** The article's published date as it is stored ('' when unknown). */
  publishedAt: string
  /** The claim, quote or attribution; for a comment, the annotation it is on. */
  annotationId: string | null
  commentId: string | null
  /** A claim's status (for a comment on a claim, that claim's). */
  status: ClaimStatus | null
  /** A quote's speaker, an attribution's source, a claim's source, a comment's author. */
  name: string
  /** The annotation's words (for a comment, those of the annotation it is on), clipped; '' for an article. */
  words: string
  snippet: SnippetPart[]
  /** Where the first word found is in the article's text, when it was found there. */
  at: { start: number; end: number } | null
}

export interface SearchPage {
  hits: SearchHit[]
  /** Pass back as `cursor` for the next page; null when this is the last. */
  next: string | null
}

export interface SearchInput {
  query: string
  /** Results per page (default SEARCH_PAGE). */
  limit?: number
  /** From the previous page's `next`. */
  cursor?: string
  /** Results to skip (instead of a cursor). */
  offset?: number
}

/** Results per page when a request names no limit, and the most one may ask for. */
export const SEARCH_PAGE = 20
export const MAX_SEARCH_PAGE = 200

/** An earlier claim of the desk that says the same as the one being checked. */
export interface CheckedBeforeMatch {
  annotationId: string
  articleId: number
  headline: string
  outlet: string
  publishedAt: string
  /** The earlier claim's words. */
  text: string
  status: ClaimStatus
  explanation: string
  evidence: Evidence[]
  /** When the earlier claim was last changed (its verdict's date, as near as the store knows). */
  checkedAt: string
  /** 0–1: how alike the two claims read once numbers and names agree. */
  score: number
}

export interface CheckedBeforeInput {
  /** The new claim's words. */
  text: string
  /** The claim itself, left out of its own matches. */
  annotationId?: string
  /** Most matches (default 3). */
  limit?: number
}
