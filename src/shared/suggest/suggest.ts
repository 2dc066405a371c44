/** The suggestion engine: quotes, attributions and check-worthy claims in an article's text. */
import { findAttributions } from './attributions'
import { claimScore } from './claims'
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
  const found = kinds.has('attribution') || kinds.has('quote') || kinds.has('claim') ? findAttributions(text, toks, sents, quotes) : []

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

  if (kinds.has('claim')) {
    for (const s of sents) {
      const sentenceText = text.slice(s.start, s.end)
      const { score, reasons } = claimScore(sentenceText)
      if (score < 0.5) continue
      // A claim attributed by reported speech is the reported clause, with the source as a reason.
      const reported = found.find((a) => a.content && a.quotes.length === 0 && a.content.start >= s.start && a.content.end <= s.end)
      const at = reported?.content ?? { start: s.start, end: s.end }
      out.push({
        kind: 'claim',
        ...span(text, at.start, at.end),
        score,
        reasons: reported ? [...reasons, 'attributed to a source'] : reasons
      })
    }
  }

  return out.sort((x, y) => x.start - y.start || y.end - x.end)
}
