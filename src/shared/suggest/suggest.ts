/** The suggestion engine: quotes, attributions and check-worthy claims in an article's text. */
import { findAttributions } from './attributions'
import { claimSuggestions } from './claim-spans'
import { quoteSuggestions } from './quote-score'
import { findQuotes } from './quotes'
import { namedSource, rangeSpan } from './speakers'
import { sentences, tokenize } from './tokens'
import { span, type Suggestion, type SuggestOptions, type SuggestionKind } from './types'

const ALL: SuggestionKind[] = ['quote', 'attribution', 'claim']

/** Proposes quotes, attributions and claims in `text`, sorted by where they start. */
export function suggest(text: string, options: SuggestOptions = {}): Suggestion[] {
  const kinds = new Set(options.kinds ?? ALL)
  const out: Suggestion[] = []
  const toks = tokenize(text)
  const sents = sentences(text, toks)
  const quotes = findQuotes(text)
  const found = kinds.size > 0 ? findAttributions(text, toks, sents, quotes) : []

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

  if (kinds.has('quote')) {
    out.push(...quoteSuggestions({ text, toks, sents, quotes, found, speakerOf: (k) => namedSource(text, toks, found, k) }))
  }

  if (kinds.has('claim')) out.push(...claimSuggestions({ text, toks, sents, found }))

  return out.sort((x, y) => x.start - y.start || y.end - x.end)
}
