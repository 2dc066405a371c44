/**
 * The shapes shared by the attribution finders: what an attribution is, where its words lie,
 * and what a finder knows about the sentence it is reading.
 */
import type { FoundQuote } from './quotes'
import type { TokenRange } from './sources'
import type { Sentence, Token } from './tokens'

export interface FoundAttribution {
  cueStart: number
  cueEnd: number
  source: TokenRange | null
  content: { start: number; end: number } | null
  /** Indices into the quote list of the quotations this attribution covers. */
  quotes: number[]
  score: number
}

export interface Ctx {
  text: string
  toks: Token[]
  sent: Sentence
  quotes: FoundQuote[]
  /** The last attribution found earlier in the same sentence, for "..., saying" and "and added". */
  last: FoundAttribution | null
}

/** Where the attribution's own words (its source and its cue) start and end in the text. */
export function attributionWords(toks: readonly Token[], a: FoundAttribution): { start: number; end: number } {
  if (!a.source) return { start: a.cueStart, end: a.cueEnd }
  return { start: Math.min(toks[a.source.from].start, a.cueStart), end: Math.max(toks[a.source.to - 1].end, a.cueEnd) }
}
