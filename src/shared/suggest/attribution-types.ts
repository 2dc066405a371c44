/**
 * The shapes shared by the attribution finders: what an attribution is, and what a finder
 * knows about the sentence it is reading.
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
