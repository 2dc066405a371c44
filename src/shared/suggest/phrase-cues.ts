/**
 * Cues that are no verb of a clause: "according to SOURCE", "In a new CNN poll, ...", "To
 * Sexton, ...", a sentence-opening "Asked whether ...", and "Name: words" at the start of a line.
 */
import { quoteAfter, quoteBefore, trim } from './attribution-content'
import type { Ctx, FoundAttribution } from './attribution-types'
import { SOURCE_NOUNS, TITLES } from './lexicon'
import type { Token } from './tokens'
import { colonSource, FINDINGS_HEAD, sourceAfter, withFindingsTail, type TokenRange } from './sources'

/**
 * "Asked whether ..., she said": a question put to the sentence's speaker, opening the
 * sentence. The cue is "Asked" (with "about"); the content is the question, up to its comma;
 * a source is named only by "asked by".
 */
export function fromAsked(c: Ctx, i: number): FoundAttribution | null {
  const { text, toks, sent } = c
  let j = i + 1
  let source: TokenRange | null = null
  if (toks[j]?.lower === 'by') {
    source = sourceAfter(toks, j + 1, sent.to)
    if (!source) return null
    j = source.to
  }
  const cueTo = toks[i + 1]?.lower === 'about' ? i + 2 : i + 1
  if (cueTo > j) j = cueTo
  let k = j
  while (k < sent.to && toks[k].text !== ',') k++
  if (k >= sent.to || k === j) return null
  const content = trim(text, toks[j].start, toks[k - 1].end)
  if (!content) return null
  return { cueStart: toks[i].start, cueEnd: toks[cueTo - 1].end, source, content, quotes: [], score: 0.6 }
}

/** Looks for "according to SOURCE" at token `i` (the word "according"). */
export function fromAccordingTo(c: Ctx, i: number): FoundAttribution | null {
  const { text, toks, sent } = c
  const cueStart = toks[i].start
  const cueEnd = toks[i + 1].end
  const opens = i === sent.from || (i === sent.from + 1 && /^(?:but|and)$/.test(toks[sent.from].lower))
  const found = sourceAfter(toks, i + 2, sent.to)
  const source = accordingSource(toks, i + 2, sent.to, opens) ?? (found && withFindingsTail(toks, found, sent.to))
  const srcEnd = source ? toks[source.to - 1].end : cueEnd
  const quotes: number[] = []
  let content: { start: number; end: number } | null = null
  const qb = quoteBefore(c, cueStart)
  if (qb >= 0) {
    quotes.push(qb)
    content = { start: c.quotes[qb].start, end: c.quotes[qb].end }
  } else if (opens) {
    // "According to X, ..." : the rest of the sentence, after the source's comma.
    const comma = text.indexOf(',', srcEnd)
    if (comma >= 0 && comma < sent.end) content = trim(text, comma + 1, sent.end)
  } else {
    content = trim(text, sent.start, cueStart)
  }
  return { cueStart, cueEnd, source, content, quotes, score: source ? 0.9 : 0.6 }
}

const MAX_ACCORDING = 24

const FINITE = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|does|do|did)$/

/**
 * Does the stretch after a comma at `k` describe the source ("a pollster", "director of the
 * survey", "which monitors extremists") rather than go on with the sentence ("Mexico's network
 * censured him", "the rise in deficits will slow")? A name, a figure or a verb says it goes on.
 */
function describes(toks: Token[], k: number, end: number): boolean {
  const first = toks[k]
  if (/^(?:who|whose|which)$/.test(first.lower)) return true
  // A party label or a title: "Jo Hale, R-Ohio", "Jo Hale, Republican pollster".
  if (/^\p{Lu}/u.test(first.text)) return /^[RDI]-\p{Lu}/u.test(first.text) || TITLES.has(first.lower)
  const determined = /^(?:a|an|the|another|one)$/.test(first.lower)
  // A bare common noun is a role only with its complement: "director of the survey".
  if (!determined && !TITLES.has(first.lower) && !SOURCE_NOUNS.has(first.lower) && !/^(?:of|at|for)$/.test(toks[k + 1]?.lower ?? '')) return false
  for (let j = k + 1; j < end && toks[j].text !== ',' && !/^(?:who|which|that)$/.test(toks[j].lower); j++) {
    if (FINITE.test(toks[j].lower) || (/^\p{Ll}+ed$/u.test(toks[j].text) && !/^(?:a|an|the)$/.test(toks[j - 1].lower))) return false
  }
  return true
}

/**
 * The whole phrase after "according to": "a count by The Associated Press", "early results of
 * exit polls conducted for the networks", "Bill McInturff, a Republican pollster". Opening the
 * sentence it ends at its comma; else it runs to the sentence end, through an aside that names
 * or describes (", a pollster", ", the group's director") but not through a new clause.
 * Null when it starts with no word or runs long.
 */
function accordingSource(toks: Token[], from: number, end: number, opens: boolean): TokenRange | null {
  if (from >= end || !/^[\p{L}\d]/u.test(toks[from].text)) return null
  let j = from
  while (j < end && j - from <= MAX_ACCORDING) {
    const t = toks[j]
    if (/^(?:[;:()\u2014\u2013"\u201C\u201D]|''|\.|\?|!|--)$/.test(t.text) || (t.text === '-' && toks[j - 1].end < t.start)) break
    if (t.text === ',') {
      const next = toks[j + 1]
      if (opens || !next || j + 1 >= end) break
      if (!describes(toks, j + 1, end)) break
    }
    j++
  }
  if (j - from > MAX_ACCORDING) return null
  while (j > from && /^[,\-]$/.test(toks[j - 1].text)) j--
  return j > from ? { from, to: j } : null
}

/**
 * "Name: words" at the start of a line: a headline or transcript attribution
 * ("Rubio: We will win Florida", "SMITH: Thank you."). The cue is the colon.
 */
export function fromColon(c: Ctx, i: number): FoundAttribution | null {
  const { text, toks, sent } = c
  const source = colonSource(text, toks, sent.from, i)
  if (!source) return null
  const colon = toks[i]
  let content: { start: number; end: number } | null = null
  const quotes: number[] = []
  const qa = quoteAfter(c, colon.end)
  const lineEnd = text.indexOf('\n', colon.end)
  if (qa >= 0 && (lineEnd < 0 || c.quotes[qa].open < lineEnd)) {
    quotes.push(qa)
    content = { start: c.quotes[qa].start, end: c.quotes[qa].end }
  } else if (i + 1 < sent.to) {
    // The rest of the line (the sentence splitter stops at line ends).
    content = trim(text, colon.end, lineEnd < 0 ? text.length : lineEnd)
  }
  // "Clinton: 1,769." is a tally, not words: a line of figures reports nothing.
  if (!content || (quotes.length === 0 && /^[\d$\u20AC\u00A3]/u.test(text.slice(content.start, content.end)))) return null
  return { cueStart: colon.start, cueEnd: colon.end, source, content, quotes, score: 0.7 }
}

/**
 * "In a Quinnipiac poll released Tuesday, Trump leads ...": "in" before a poll or a study names
 * it as the source. The content is the rest of the sentence when the phrase opens it, else the
 * clause before "in" ("Sanders leads among young voters in a CNN poll").
 */
export function fromInFindings(c: Ctx, i: number): FoundAttribution | null {
  const { text, toks, sent } = c
  const det = toks[i + 1]
  if (!det || !/^(?:a|an|the|this|that|its|their|his|her|one|another)$/.test(det.lower)) return null
  let h = i + 2
  while (h < sent.to && h < i + 8 && !FINDINGS_HEAD.test(toks[h].lower) && /^[\p{L}\d][\p{L}\d.'’/&-]*$/u.test(toks[h].text)) h++
  if (h >= sent.to || !FINDINGS_HEAD.test(toks[h].lower) || toks[h + 1]?.lower === 'that' || toks[h + 1]?.lower === 'of') return null
  const source = withFindingsTail(toks, { from: i + 1, to: h + 1 }, sent.to)
  const opens = i === sent.from || (i === sent.from + 1 && /^(?:but|and)$/.test(toks[sent.from].lower))
  let content: { start: number; end: number } | null = null
  if (opens) {
    const comma = text.indexOf(',', toks[source.to - 1].end)
    if (comma >= 0 && comma < sent.end) content = trim(text, comma + 1, sent.end)
  } else if (i > sent.from && toks[i - 1].text !== ',') content = trim(text, sent.start, toks[i].start)
  if (!content) return null
  return { cueStart: toks[i].start, cueEnd: toks[i].end, source, content, quotes: [], score: 0.6 }
}

// Plural nouns for groups of people whose view a "For ...," phrase gives.
const PEOPLE = /^(?:voters|republicans|democrats|conservatives|liberals|progressives|independents|supporters|critics|activists|americans|many|some|others|officials|leaders|residents|workers|women|men|economists|analysts|experts|evangelicals|donors|delegates|members|advocates|opponents)$/

// Words that open a "For ...," phrase of time or measure, not of viewpoint: "For years, ...".
const NOT_A_VIEWER = /^(?:years?|months?|weeks?|days?|decades?|now|example|instance|once|starters|the|a|an|this|that|all|more|most|much|many|some|his|her|their|its|our|my|your|one|two|three|first|second|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/

/**
 * "To Sexton, the answer is obvious." / "But for Republicans, it is a smoking gun.": a phrase
 * opening the sentence that names whose view the rest is. The cue is "To" or "For"; the source
 * a person, a name or a group of people, up to the comma; the content the rest of the sentence.
 */
export function fromViewpoint(c: Ctx, i: number): FoundAttribution | null {
  const { text, toks, sent } = c
  if (!(i === sent.from || (i === sent.from + 1 && /^(?:but|and|yet)$/.test(toks[sent.from].lower)))) return null
  const first = toks[i + 1]
  if (!first || NOT_A_VIEWER.test(first.lower)) return null
  const source = sourceAfter(toks, i + 1, sent.to)
  if (!source || toks[source.to]?.text !== ',' || source.to + 1 >= sent.to) return null
  const head = toks[source.to - 1]
  // A person or a group of people: a capitalised name, a pronoun-free group noun ("voters").
  const named = toks.slice(source.from, source.to).every((t) => /^\p{Lu}/u.test(t.text) || /^(?:of|the|and|&|-)$/.test(t.lower))
  // "For Clinton, the stakes are high" is about her, not her view: "for" takes only a group of people.
  if (toks[i].lower === 'for' ? !PEOPLE.test(head.lower) : !named && !PEOPLE.test(head.lower)) return null
  if (toks.slice(source.from, source.to).some((t) => /\d/.test(t.text))) return null
  const content = trim(text, toks[source.to].end, sent.end)
  if (!content) return null
  return { cueStart: toks[i].start, cueEnd: toks[i].end, source, content, quotes: [], score: 0.6 }
}
