/** A stretch of the article's text: JavaScript string indices, `end` exclusive. */
export interface Span {
  start: number
  end: number
  text: string
}

export type SuggestionKind = 'quote' | 'attribution' | 'claim'

/** Someone's words in quotation marks; the span holds the words without the marks. */
export interface QuoteSuggestion {
  kind: 'quote'
  start: number
  end: number
  text: string
  score: number
  /** Who said it: a named source when one can be found (a pronoun is resolved to a name). */
  speaker: Span | null
  /** The cue that attributes the quote ("said", "according to"), when there is one. */
  cue: Span | null
}

/** Who said or showed something: the span covers the source and the cue. */
export interface AttributionSuggestion {
  kind: 'attribution'
  start: number
  end: number
  text: string
  score: number
  /** The source phrase as written ("he", "a White House official"); null when none is given. */
  source: Span | null
  cue: Span
  /** What is attributed: the quoted words or the reported speech ("said that ..."). */
  content: Span | null
  /**
   * Only with `SuggestOptions.names`: who the source is by name, a pronoun resolved as for a
   * quote's speaker ("who" → "Mayor Jo Hale"); the source itself when it is not a pronoun.
   */
  named?: Span | null
}

/** A sentence or clause worth checking, with why. */
export interface ClaimSuggestion {
  kind: 'claim'
  start: number
  end: number
  text: string
  score: number
  reasons: string[]
}

export type Suggestion = QuoteSuggestion | AttributionSuggestion | ClaimSuggestion

export interface SuggestOptions {
  /** Which kinds to look for; all of them when absent. */
  kinds?: SuggestionKind[]
  /** Also give each attribution its source by name (`named`), for the editor's list. */
  names?: boolean
}

/** Makes a span of `text` from `start` to `end`. */
export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) }
}
