/** The suggestion engine: quotes, attributions and check-worthy claims in an article's text. */
import { findAttributions } from './attributions'
import { claimSuggestions } from './claim-spans'
import { quoteSuggestions } from './quote-score'
import { findQuotes } from './quotes'
import { namedSource, rangeSpan } from './speakers'
import { sentences, tokenize } from './tokens'
import { span, type QuoteSuggestion, type Suggestion, type SuggestOptions, type SuggestionKind } from './types'

const ALL: SuggestionKind[] = ['quote', 'attribution', 'claim']

/** A quotation from this score up is taken for someone's words (below: a title, a name, scare quotes). */
const SPEECH_THRESHOLD = 0.5

/** Proposes quotes, attributions and claims in `text`, sorted by where they start. */
export function suggest(text: string, options: SuggestOptions = {}): Suggestion[] {
  const kinds = new Set(options.kinds ?? ALL)
  const out: Suggestion[] = []
  if (kinds.size === 0) return out
  const toks = tokenize(text)
  const sents = sentences(text, toks)
  const quotes = findQuotes(text)
  const found = findAttributions(text, toks, sents, quotes)

  if (kinds.has('attribution')) {
    found.forEach((a, k) => {
      const source = a.source ? rangeSpan(text, toks, a.source) : null
      const start = Math.min(a.cueStart, source ? source.start : a.cueStart)
      const end = Math.max(a.cueEnd, source ? source.end : a.cueEnd)
      out.push({
        kind: 'attribution',
        ...span(text, start, end),
        score: a.score,
        source,
        cue: span(text, a.cueStart, a.cueEnd),
        content: a.content ? span(text, a.content.start, a.content.end) : null,
        ...(options.names ? { named: namedSource(text, toks, found, k) } : {})
      })
    })
  }

  let quoted: QuoteSuggestion[] = []
  if (kinds.has('quote') || kinds.has('claim')) {
    // Claims need only the scores; the speakers are worked out when quotes are asked for.
    const speakerOf = kinds.has('quote') ? (k: number) => namedSource(text, toks, found, k) : () => null
    quoted = quoteSuggestions({ text, toks, sents, quotes, found, speakerOf })
    if (kinds.has('quote')) out.push(...quoted)
  }

  if (kinds.has('claim')) {
    const speech = quotes.filter((_, n) => quoted[n].score >= SPEECH_THRESHOLD)
    out.push(...claimSuggestions({ text, toks, sents, found, speech }))
  }

  return out.sort((x, y) => x.start - y.start || y.end - x.end)
}
