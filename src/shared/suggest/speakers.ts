/**
 * Who an attribution names: its source phrase, or, for a pronoun, the name it stands for
 * ("who" → the name before its comma; "he", "she", "they" → the nearest earlier named source
 * that fits). Quote suggestions take their speaker from here, and so does tagging by hand.
 */
import type { FoundAttribution } from './attribution-types'
import { fitsPronoun, isPronoun, sourceBefore, type TokenRange } from './sources'
import type { Token } from './tokens'
import { span, type Span } from './types'

/** How far back (in characters) a pronoun looks for the name it stands for. */
export const RESOLVE_WINDOW = 3000

/** The span of a token range in the text. */
export function rangeSpan(text: string, toks: Token[], r: TokenRange): Span {
  return span(text, toks[r.from].start, toks[r.to - 1].end)
}

/**
 * The named source attribution `k` of `found` stands for: "who" is the name before its comma,
 * "he", "she", "they" the nearest earlier named source that fits, else the phrase itself.
 */
export function namedSource(text: string, toks: Token[], found: FoundAttribution[], k: number): Span | null {
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
