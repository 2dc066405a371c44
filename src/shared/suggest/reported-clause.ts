/**
 * The whole reported clause of a sentence, when it has one, for a claim's span. Two shapes
 * count, and nothing else (anything else is claimed as the whole sentence):
 *
 * - after the cue: the attribution is the sentence's main clause (at most a conjunction or an
 *   opening phrase such as "On Tuesday," before its source) and its content runs from just
 *   after the cue to the sentence's end. Between cue and content may stand a listener and a
 *   setting ("told reporters in Kyiv") and "that"; a stance verb ("described", "called"), a
 *   phrase cue ("made it clear") or a stance adjective ("is confident") needs the "that",
 *   since without it what follows is an object ("described the plan as ..."), not a clause.
 *   "According to X, ...", "To X, ...", "In a new poll, ..." and "Name: ..." give the clause
 *   after their comma or colon.
 * - before the cue: the content runs from the sentence's start to a comma right before the
 *   attribution ("Costs rose 12 percent, officials said"; "..., according to the census"),
 *   and after the attribution only a short setting is left ("said Monday in Kyiv.").
 *
 * So "in what the department described as the largest increase since 1998" is not a clause
 * (the description does not open its sentence), nor is "the meeting" of "the meeting was first
 * reported by Politico", nor "Most of it" of "Most of it, the filing said, was spent".
 */
import { attributionWords, type FoundAttribution } from './attribution-types'
import { CUE_PHRASES, CUE_VERBS } from './lexicon'
import type { Token } from './tokens'

interface Bounds {
  start: number
  end: number
}

// Words that may open a sentence before its main clause's subject: a conjunction or adverb
// alone ("But", "Still,"), or the first word of an opening phrase ending in a comma ("On Tuesday,").
const CONJUNCTION = /^\s*(?:but|and|yet|so|still|now|then|also|however|meanwhile|instead|separately|later|earlier|previously|overnight|today|yesterday)\s*,?\s*$/i
const OPENING_PHRASE =
  /^\s*(?:(?:but|and|yet|so)\s+)?(?:in|on|at|after|before|during|since|from|with|without|under|amid|despite|following|speaking|asked|overnight|last|this|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|meanwhile|separately|still|however|instead|for|by)\b[^,;:"\u201C\u201D]{0,80},\s*$/i
// A reported content that is an object or an infinitive, not a clause: "to hire", "as the largest".
// A relative clause ("told a woman who suggested ...") or a participle phrase ("[poll], conducted in
// May, ...") is not one either.
const NOT_A_CLAUSE = /^(?:to|as|for|of|about|on|with|by|at|into|from|over|against|who|whom|whose|which)\b|^\p{Ll}+(?:ed|ing)\b/iu
// What may follow a clause up to its sentence's end: closing marks and punctuation.
const CLAUSE_END = /^[\s.,;:!?"'\u201D\u2019\u00BB)\]\u2014\u2013-]*$/
const RELATIVE = /^(?:who|which|that|whom|whose)$/i
const BE = /\b(?:is|are|was|were|be|been|being)\b/i
// A stance adjective's cue ("is confident", "remained sure") reports only with "that".
const LINKING = /\b(?:is|are|was|were|be|been|remain\w*|seem\w*|feel\w*|felt)\b/i

/** The cue's verb strength: 1 a verb of saying, less a verb of stance or belief, null a cue with no verb. */
function cueStrength(toks: readonly Token[], a: FoundAttribution): number | null {
  let strength: number | null = null
  for (const t of tokensIn(toks, a.cueStart, a.cueEnd)) {
    const v = CUE_VERBS.get(t.lower)
    if (v) strength = v.strength
    else if (strength === null && CUE_PHRASES.has(t.lower)) strength = 0.6
  }
  return strength
}

/** The tokens from `start` to `end` (found by bisection: the cue is a few tokens long). */
function tokensIn(toks: readonly Token[], start: number, end: number): Token[] {
  let lo = 0
  let hi = toks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (toks[mid].end <= start) lo = mid + 1
    else hi = mid
  }
  const out: Token[] = []
  for (let i = lo; i < toks.length && toks[i].start < end; i++) out.push(toks[i])
  return out
}

/** Is the content of `a` the whole clause after its cue, in a sentence that `a` opens? */
function clauseAfter(text: string, toks: readonly Token[], sentence: Bounds, a: FoundAttribution, content: Bounds): boolean {
  const at = attributionWords(toks, a)
  if (content.start < at.end || !CLAUSE_END.test(text.slice(content.end, sentence.end))) return false
  const opener = text.slice(sentence.start, at.start)
  if (!(opener.trim() === '' || CONJUNCTION.test(opener) || OPENING_PHRASE.test(opener))) return false
  if (a.source && a.source.to - a.source.from === 1 && RELATIVE.test(toks[a.source.from].text)) return false
  // The source stands right before its verb group: "Hale, the mayor, has said", not "Hale confirmed
  // the date but said" (a second verb whose subject is borrowed from the first).
  if (a.source && toks[a.source.to - 1].end <= a.cueStart && !/^[\s,]*(?:\p{L}+\s+){0,3}$/u.test(text.slice(toks[a.source.to - 1].end, a.cueStart) + ' ')) return false
  if (NOT_A_CLAUSE.test(text.slice(content.start, content.end))) return false
  const bridge = text.slice(at.end, content.start)
  if (/\bthat\s*,?\s*$/i.test(bridge)) return true
  const strength = cueStrength(toks, a)
  // "According to X, ...", "To X, ...", "Name: ...": the clause after the comma or colon.
  if (strength === null) return /^\s*[,:]\s*$/.test(bridge) && !LINKING.test(text.slice(a.cueStart, a.cueEnd))
  // "said the city ...", "told reporters in Kyiv the city ...": a verb that takes a clause without "that".
  // Others take an object there: "confirmed the date", "announced a plan".
  return strength !== null && ZERO_THAT.has(cueBase(toks, a)) && /^[^,;:"\u201C\u201D]*$/.test(bridge) && bridge.trim().split(/\s+/).length <= 10
}

// Verbs of saying and thinking whose clause often goes without "that": "said the city had", "argues it
// will". Others mostly take an object there ("wrote a memoir", "believed the polls", "confirmed the date").
const ZERO_THAT = new Set(
  `say tell argue insist contend assert predict swear testify think reckon`.split(/\s+/)
)

/** The base of the cue's verb ("told" → "tell"), or '' when the cue has none. */
function cueBase(toks: readonly Token[], a: FoundAttribution): string {
  let base = ''
  for (const t of tokensIn(toks, a.cueStart, a.cueEnd)) base = CUE_VERBS.get(t.lower)?.base ?? base
  return base
}

/** Is the content of `a` the whole clause before it ("Costs rose, officials said")? */
function clauseBefore(text: string, toks: readonly Token[], sentence: Bounds, a: FoundAttribution, content: Bounds): boolean {
  const at = attributionWords(toks, a)
  if (content.end > at.start) return false
  // Said by someone ("..., officials said"; "..., according to the census"): a verb of stance or
  // belief after a comma is seldom an attribution, and a passive's subject ("Calls for X, were
  // rejected by the council") is what was done, not what was said.
  const strength = cueStrength(toks, a)
  if ((strength !== null && strength < 1) || BE.test(text.slice(a.cueStart, a.cueEnd))) return false
  if (content.start > sentence.start && !/^[\s"'\u201C\u2018\u00AB(]*$/.test(text.slice(sentence.start, content.start))) return false
  const bridge = text.slice(content.end, at.start)
  // A verb cue needs its comma ("..., officials said"); "... according to X" and "... in a new poll" may go without.
  const comma = /^\s*,\s*$/.test(bridge)
  if (!comma && !(/^\s*$/.test(bridge) && strength === null)) return false
  const tail = text.slice(at.end, sentence.end).replace(/[\s.!?"'\u201D\u2019\u00BB)]+$/, '')
  return /^[^,;:"\u201C\u201D]*$/.test(tail) && (tail.trim() === '' || tail.trim().split(/\s+/).length <= 8)
}

/**
 * The whole reported clause of the sentence within `sentence` (the sentence's bounds, a
 * dateline left out), from the attributions whose cue lies in it; the longest when several
 * qualify; null when none is a whole clause.
 */
export function reportedClause(text: string, toks: readonly Token[], sentence: Bounds, attributions: readonly FoundAttribution[]): Bounds | null {
  let best: Bounds | null = null
  for (const a of attributions) {
    if (!a.content || a.quotes.length > 0) continue
    const content = { start: Math.max(a.content.start, sentence.start), end: a.content.end }
    if (content.end > sentence.end || content.end <= content.start) continue
    if (clauseAfter(text, toks, sentence, a, content)) {
      // A clause that ends in a quotation keeps its closing mark: "... called “small but real.”"
      if (/["\u201D\u2019\u00BB]/.test(text.slice(content.end, sentence.end))) content.end = sentence.end
    } else if (!clauseBefore(text, toks, sentence, a, content)) continue
    if (!best || content.end - content.start > best.end - best.start) best = content
  }
  return best
}
