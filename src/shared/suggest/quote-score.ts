/**
 * Quote suggestions: each quotation found, scored by how likely it is someone's words (a
 * quote an attribution covers, one inside reported speech, or a few words in marks that
 * are more often a title, a nickname or scare quotes), with its speaker and cue.
 */
import { lastAtOrBefore } from '../bsearch'
import type { FoundAttribution } from './attributions'
import type { FoundQuote } from './quotes'
import type { Sentence, Token } from './tokens'
import { span, type QuoteSuggestion, type Span } from './types'

export interface QuoteContext {
  text: string
  toks: Token[]
  sents: Sentence[]
  quotes: FoundQuote[]
  found: FoundAttribution[]
  /** The named speaker of attribution `k` (a pronoun resolved to a name). */
  speakerOf: (k: number) => Span | null
}

/** One suggestion for every quotation, in the order of `c.quotes`. */
export function quoteSuggestions(c: QuoteContext): QuoteSuggestion[] {
  const { text, sents, quotes, found } = c
  // The sentence a character falls in.
  const sentenceOf = (pos: number): number => lastAtOrBefore(sents, (x) => x.start, pos)
  const owner = new Map<number, number>()
  found.forEach((a, k) => a.quotes.forEach((q) => owner.has(q) || owner.set(q, k)))
  return quotes.map((q, n) => {
    const k = owner.get(n)
    const a = k === undefined ? undefined : found[k]
    const words = text.slice(q.start, q.end).trim().split(/\s+/).length
    let score = q.single ? 0.6 : 0.75
    // A quote inside reported speech ("she said the plan was “a disaster”") is someone's words.
    const within = a ? undefined : found.find((f) => (f.content && f.content.start <= q.open && q.closeEnd <= f.content.end + 1) || sentenceOf(f.cueStart) === sentenceOf(q.start))
    if (a) score = 0.95
    else if (within) score = words <= 3 ? 0.7 : 0.85
    // A few words in marks, said by no one, are often a title, a nickname or scare quotes:
    // offered, but ranked below 0.5.
    else if (words <= 3) score = 0.35
    return {
      kind: 'quote',
      ...span(text, q.start, q.end),
      score: Math.round(score * 100) / 100,
      speaker: k === undefined ? null : c.speakerOf(k),
      cue: a ? span(text, a.cueStart, a.cueEnd) : null
    }
  })
}
