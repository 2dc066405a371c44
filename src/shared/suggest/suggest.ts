/** The suggestion engine: quotes, attributions and check-worthy claims in an article's text. */
import { findAttributions, type FoundAttribution } from './attributions'
import { claimScore } from './claims'
import { quoteSuggestions } from './quote-score'
import { findQuotes } from './quotes'
import { fitsPronoun, isPronoun, sourceBefore, type TokenRange } from './sources'
import { sentences, tokenize, type Token } from './tokens'
import { span, type Span, type Suggestion, type SuggestOptions, type SuggestionKind } from './types'

const ALL: SuggestionKind[] = ['quote', 'attribution', 'claim']
// How far back (in characters) a pronoun looks for the name it stands for.
const RESOLVE_WINDOW = 3000

function rangeSpan(text: string, toks: Token[], r: TokenRange): Span {
  return span(text, toks[r.from].start, toks[r.to - 1].end)
}

/**
 * The named source a pronoun source stands for: "who" is the name before its comma, "he",
 * "she", "they" the nearest earlier named source that fits, else the phrase itself.
 */
function resolve(text: string, toks: Token[], found: FoundAttribution[], k: number): Span | null {
  const a = found[k]
  if (!a.source) return null
  if (!isPronoun(toks, a.source)) return rangeSpan(text, toks, a.source)
  const i = a.source.from
  const pronoun = toks[i].lower
  if (pronoun === 'who' || pronoun === 'which' || pronoun === 'that') {
    let j = i - 1
    if (toks[j]?.text === ',') j--
    const r = j >= 0 ? sourceBefore(toks, j, Math.max(0, j - 8)) : null
    return r && !isPronoun(toks, r) ? rangeSpan(text, toks, r) : rangeSpan(text, toks, a.source)
  }
  if (pronoun === 'i' || pronoun === 'you') return rangeSpan(text, toks, a.source)
  const at = toks[i].start
  for (let m = k - 1; m >= 0; m--) {
    const b = found[m]
    if (!b.source) continue
    const bStart = toks[b.source.from].start
    if (at - bStart > RESOLVE_WINDOW) break
    if (!isPronoun(toks, b.source) && fitsPronoun(toks, b.source, pronoun)) return rangeSpan(text, toks, b.source)
  }
  // No earlier source fits: take the nearest earlier capitalised name of two words or more.
  for (let j = i - 1; j > 0 && at - toks[j].start < RESOLVE_WINDOW; j--) {
    const r = sourceBefore(toks, j, Math.max(0, j - 6))
    if (r && r.to - r.from >= 2 && !isPronoun(toks, r) && fitsPronoun(toks, r, pronoun) && /^\p{Lu}/u.test(toks[r.from].text)) {
      return rangeSpan(text, toks, r)
    }
  }
  return rangeSpan(text, toks, a.source)
}

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
        ...(options.names ? { named: resolve(text, toks, found, k) } : {})
      })
    })
  }

  if (kinds.has('quote')) {
    out.push(...quoteSuggestions({ text, toks, sents, quotes, found, speakerOf: (k) => resolve(text, toks, found, k) }))
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
