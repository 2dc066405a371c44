/**
 * Attributions: a cue ("said", "told", "according to"), its source phrase before or after
 * it, and what it attributes: a neighbouring quotation or the reported speech of the
 * sentence ("said that ...", "..., officials said").
 */
import { AUXILIARIES, CUE_VERBS, NOUN_LIKE, SOURCE_NOUNS, TITLES, type CueVerb } from './lexicon'
import type { FoundQuote } from './quotes'
import { ASIDE_OPENER, appositiveBefore, colonSource, skipTime, sourceAfter, sourceBefore, type TokenRange } from './sources'
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

// Verbs whose object names the listener, skipped before the reported speech: "told reporters".
const LISTENER_VERBS = new Set(['tell', 'ask', 'urge', 'remind', 'warn', 'assure', 'inform', 'promise'])
const CLOSE_MARK = /^(?:["\u201D\u2019'\u00BB]|'')$/
const TRAIL = /[\s.,;:!?"\u201D\u2019'\u00BB)\]\u2014\u2013-]+$/
const LEAD = /^[\s,;:\u2014\u2013"\u201C\u2018(\[-]+/

interface Ctx {
  text: string
  toks: Token[]
  sent: Sentence
  quotes: FoundQuote[]
  /** The last attribution found earlier in the same sentence, for "..., saying" and "and added". */
  last: FoundAttribution | null
}

/** The quotation that ends just before `pos` (only spaces and commas between), if any. */
function quoteBefore(c: Ctx, pos: number): number {
  for (let k = c.quotes.length - 1; k >= 0; k--) {
    const q = c.quotes[k]
    if (q.closeEnd > pos) continue
    return /^[\s,]*$/.test(c.text.slice(q.closeEnd, pos)) ? k : -1
  }
  return -1
}

/** The quotation that opens just after `pos` (only spaces, a comma or a colon between). */
function quoteAfter(c: Ctx, pos: number): number {
  for (let k = 0; k < c.quotes.length; k++) {
    const q = c.quotes[k]
    if (q.open < pos) continue
    return /^[\s,:\u2014-]*$/.test(c.text.slice(pos, q.open)) ? k : -1
  }
  return -1
}

/** Trims spaces and punctuation off both ends of [start, end). */
function trim(text: string, start: number, end: number): { start: number; end: number } | null {
  const s = text.slice(start, end)
  const lead = LEAD.exec(s)?.[0].length ?? 0
  const trail = TRAIL.exec(s)?.[0].length ?? 0
  const a = start + lead
  const b = end - trail
  return b > a ? { start: a, end: b } : null
}

/** Content reported after the cue: skips a listener ("told reporters") and "that". */
function reportedAfter(c: Ctx, i: number, verb: CueVerb | null): { start: number; end: number } | null {
  const { toks, sent } = c
  let j = i
  if (verb && LISTENER_VERBS.has(verb.base)) {
    const listener = sourceAfter(toks, j, sent.to)
    if (listener) j = listener.to
  }
  while (j < sent.to && /^(?:on|in|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|night|morning|recently|repeatedly|earlier|later|again|publicly|privately|flatly)$/.test(toks[j].lower) && toks[j].lower !== 'in') j++
  if (j < sent.to && toks[j].lower === 'that') j++
  if (j < sent.to && toks[j].text === ',') return null
  if (j >= sent.to) return null
  return trim(c.text, toks[j].start, sent.end)
}

/** Finds the verb group around cue verb `i`: auxiliaries and adverbs before it. */
function verbGroupStart(toks: Token[], i: number, floor: number): number {
  let j = i - 1
  while (j >= floor && (AUXILIARIES.has(toks[j].lower) || /^\p{Ll}+ly$/u.test(toks[j].text))) j--
  return j + 1
}

/** An inverted source keeps its aside to the end of the sentence: "said Jane Roe, a pollster". */
function withAside(toks: Token[], r: TokenRange, sent: Sentence): TokenRange {
  const next = toks[r.to]
  const after = toks[r.to + 1]
  if (!next || next.text !== ',' || !after || r.to + 1 >= sent.to) return r
  if (!/^(?:[\p{Ll}\d]|(?:The|A|An)$)/u.test(after.text) && !TITLES.has(after.lower)) return r
  if (ASIDE_OPENER.test(after.lower) || /^\p{Ll}+(?:ing|ly)$/u.test(after.text)) return r
  let to = r.to + 1
  while (to < sent.to && !/^(?:["\u201C\u201D\u2018\u2019]|''|\.|;|:|\?|!)$/.test(toks[to].text)) {
    // A clause after the description is not part of the source: ", who ...", ", referring to ...".
    if (toks[to].text === ',' && toks[to + 1] && (ASIDE_OPENER.test(toks[to + 1].lower) || /^\p{Ll}+ing$/u.test(toks[to + 1].text) || CUE_VERBS.has(toks[to + 1].lower))) break
    to++
  }
  while (to > r.to && /^[,\u2014\u2013-]$/.test(toks[to - 1].text)) to--
  return { from: r.from, to }
}

const PARTICLE: Record<string, string[]> = { call: ['for', 'on'], point: ['to', 'out'], push: ['for'], argue: ['for', 'against'] }
const MEDIUM = /^(?:statement|email|e-mail|tweet|post|speech|letter|memo|release|op-ed|essay|video|podcast|conversation|call|report)$/

/** Where a cue ends: "said in a statement", "said:" and "said of" keep their tail. */
function cueTail(toks: Token[], j: number, end: number, verb: CueVerb): number {
  const t = toks[j]
  if (!t || j >= end) return j
  // Phrasal cues: "called for", "called on", "pointed to".
  if (PARTICLE[verb.base] !== undefined && PARTICLE[verb.base].includes(t.lower)) return j + 1
  if (t.text === ':') return j + 1
  if (t.lower === 'in' && toks[j + 1] && /^(?:a|an|the)$/.test(toks[j + 1].lower)) {
    for (let k = j + 2; k < Math.min(end, j + 5); k++) {
      if (MEDIUM.test(toks[k].lower)) return toks[k + 1]?.text === ':' ? k + 2 : k + 1
    }
  }
  return j
}

const DISCOURSE = /^(?:however|though|too|meanwhile|instead|nonetheless|nevertheless|moreover|likewise|similarly|alone|themselves|herself|himself|itself)$/
// Subjects that take a verb's base form: "they say", "experts predict", "most voters want".
const PLURAL_SUBJECT = /^(?:they|we|i|you|who|that|which|people|some|many|most|others|few|both|all|none)$/
// Verbs whose complement "to ..." is what is attributed: "he wants to", "she plans to".
const TAKES_TO = new Set([
  'want', 'plan', 'hope', 'expect', 'intend', 'decide', 'promise', 'vow', 'pledge', 'threaten', 'refuse',
  'decline', 'urge', 'ask', 'tell', 'agree', 'seek', 'offer', 'prefer', 'wish', 'seem', 'appear', 'claim',
  'determine', 'call', 'propose', 'demand', 'fear', 'forget', 'remember'
])
// Cues that only attribute when a quotation sits right beside them: "he continued: ...".
const QUOTE_ONLY = new Set(['continue', 'begin', 'start', 'conclude', 'explain', 'recall'])

function isPlural(toks: Token[], r: TokenRange): boolean {
  // The head noun: before "there" / "themselves" and before a complement ("organizers in Ohio").
  let h = r.to - 1
  while (h > r.from && /^(?:there|here|themselves|alone)$/.test(toks[h].lower)) h--
  for (let k = r.from + 1; k < h; k++) {
    if (/^(?:in|of|at|for|from|with|on|by|close|familiar|inside|within|near|across|around|among)$/.test(toks[k].lower)) {
      h = k - 1
      break
    }
  }
  const last = toks[h].lower
  if (PLURAL_SUBJECT.test(last)) return true
  if (/^(?:\d[\d.,]*|%|percent|majority|minority|half|third|quarter|plurality)$/.test(last)) return true
  if (toks.slice(r.from, h).some((t) => t.lower === 'and')) return true
  return /[^s']s$/.test(last) && (SOURCE_NOUNS.has(last) || /^\p{Lu}/u.test(toks[h].text) || /^[\p{Ll}]+s$/u.test(last))
}

/** Is the noun-like verb form at `i` ("claims", "calls", "plans") used as a verb here? */
function nounLikeIsVerb(toks: Token[], i: number, c0: number, floor: number): boolean {
  if (c0 < i) return true
  const prev = toks[i - 1]
  if (!prev || i - 1 < floor) return false
  if (/^(?:he|she|it|who|that|which)$/.test(prev.lower)) return true
  // A name just before: "Trump claims", but not "his claims", "the Trump plan".
  if (/[\u2019']s$/.test(prev.lower) || /^(?:s|\u2019s|'s)$/.test(prev.lower)) return false
  if (/^\p{Lu}/u.test(prev.text) && !/^(?:his|her|their|its|the|a|an|our|my|your|this|that|these|those)$/.test(prev.lower)) {
    const pp = toks[i - 2]
    return !pp || !/^(?:the|a|an|his|her|their|its|our|my|your)$/.test(pp.lower) || /^\p{Lu}/u.test(pp.text)
  }
  // "The report claims", "a new study finds".
  return SOURCE_NOUNS.has(prev.lower) && !/s$/.test(prev.lower) && i - 2 >= floor && /^(?:the|a|an|this|that)$/.test(toks[i - 2].lower)
}

/** Looks for an attribution whose cue verb is token `i`. */
function fromVerb(c: Ctx, i: number, verb: CueVerb): FoundAttribution | null {
  const { text, toks, sent } = c
  const c0 = verbGroupStart(toks, i, sent.from)
  const prev = toks[c0 - 1]
  const before = toks[i - 1]
  if (prev && prev.lower === 'to') return null
  // A noun-like form after a determiner or possessive is a noun: "his claims", "the plan".
  if (before && /^(?:the|a|an|his|her|their|its|our|my|your|this|these|those|of|for|in|on|with|no|any|every|each)$/.test(before.lower)) return null
  if (NOUN_LIKE.has(verb.base) && verb.base !== 'show' && verb.base !== 'find' && (verb.form === 'third' || verb.form === 'base') && !nounLikeIsVerb(toks, i, c0, sent.from)) return null
  let source: TokenRange | null = null
  let inverted = false
  let p = skipTime(toks, c0 - 1, sent.from)
  // "Carter, however, said" / "Carter however said": the aside is neither source nor cue.
  if (p > sent.from && DISCOURSE.test(toks[p].lower)) {
    p--
    if (toks[p]?.text === ',' && p > sent.from) p--
  }
  if (p >= sent.from) source = sourceBefore(toks, p, sent.from)
  if (verb.form === 'base') {
    // A bare base form needs a helper ("did not say") or a plural subject ("experts say").
    if (c0 === i && !(source && isPlural(toks, source))) return null
    if (c0 < i && !source) return null
  }
  const afterComma = prev !== undefined && (prev.text === ',' || CLOSE_MARK.test(prev.text))
  if (!source && prev && prev.text === ',') source = appositiveBefore(toks, c0 - 1, sent.from)
  if (!source && afterComma && c0 === i && (verb.form === 'past' || verb.form === 'third') && !LISTENER_VERBS.has(verb.base)) {
    source = sourceAfter(toks, i + 1, sent.to)
    if (source) source = withAside(toks, source, sent)
    inverted = source !== null
  }
  const coordinated = prev !== undefined && (prev.lower === 'and' || prev.lower === 'but' || prev.lower === 'then')
  const participle = verb.form === 'ing' && prev !== undefined && (prev.text === ',' || /^(?:and|by|while|when|before|after|in|\u2014)$/.test(prev.lower))
  if (!source && (participle || (coordinated && verb.form !== 'base'))) {
    // "He apologized the next day, saying ...": the one who spoke earlier in the sentence speaks.
    if (c.last && c.last.source && c.last.cueEnd <= toks[i].start) source = c.last.source
    else {
      let k = sent.from
      while (k < i && /^(?:but|and|so|yet|then|["\u201C\u2018]|'')$/.test(toks[k].lower)) k++
      const subj = sourceAfter(toks, k, i)
      if (subj && subj.to - subj.from <= 6 && !CUE_VERBS.has(toks[subj.to - 1].lower)) source = subj
    }
  }
  if (!source) return null
  const cueStart = toks[c0].start
  const cueTo = cueTail(toks, i + 1, sent.to, verb)
  const cueEnd = toks[cueTo - 1].end
  const first = Math.min(cueStart, toks[source.from].start)
  const last = inverted ? toks[source.to - 1].end : cueEnd
  const quotes: number[] = []
  let content: { start: number; end: number } | null = null
  const qb = quoteBefore(c, first)
  const qa = quoteAfter(c, last)
  if (qb >= 0) {
    quotes.push(qb)
    content = { start: c.quotes[qb].start, end: c.quotes[qb].end }
    // "“A,” he said. “B.”": the quote right after the attribution carries on the same words.
    const next = c.quotes[qb + 1]
    if (next && /^[\s,.:;]*$/.test(text.slice(last, next.open)) && !/\n/.test(text.slice(last, next.open))) quotes.push(qb + 1)
  } else if (qa >= 0) {
    quotes.push(qa)
    content = { start: c.quotes[qa].start, end: c.quotes[qa].end }
  } else if (QUOTE_ONLY.has(verb.base)) {
    return null
  } else if (!inverted) {
    content = reportedAfter(c, cueTo, verb)
    if (content && verb.strength < 1 && /^to\b/.test(text.slice(content.start, content.start + 3)) && !TAKES_TO.has(verb.base)) content = null
  }
  if (!content) {
    // "..., officials said." : the content is the sentence before the attribution.
    const tail = text.slice(last, sent.end)
    if (/^[\s.,!?"\u201D\u2019]*$/.test(tail) || /^\s*(?:on|in|last|this)\b[^,]{0,30}[.!?]?$/.test(tail)) {
      const before = text.slice(sent.start, first)
      const comma = before.lastIndexOf(',')
      if (comma > 0) content = trim(text, sent.start, sent.start + comma)
    }
  }
  if (verb.strength < 1 && !content) return null
  let score = 0.45 + 0.35 * verb.strength
  if (quotes.length > 0) score += 0.15
  return {
    cueStart,
    cueEnd,
    source,
    content,
    quotes,
    score: Math.min(1, Math.round(score * 100) / 100)
  }
}

/** Looks for "according to SOURCE" at token `i` (the word "according"). */
function fromAccordingTo(c: Ctx, i: number): FoundAttribution | null {
  const { text, toks, sent } = c
  const cueStart = toks[i].start
  const cueEnd = toks[i + 1].end
  const source = sourceAfter(toks, i + 2, sent.to)
  const srcEnd = source ? toks[source.to - 1].end : cueEnd
  const quotes: number[] = []
  let content: { start: number; end: number } | null = null
  const qb = quoteBefore(c, cueStart)
  if (qb >= 0) {
    quotes.push(qb)
    content = { start: c.quotes[qb].start, end: c.quotes[qb].end }
  } else if (i === sent.from || (i === sent.from + 1 && /^(?:but|and)$/.test(toks[sent.from].lower))) {
    // "According to X, ..." : the rest of the sentence, after the source's comma.
    const comma = text.indexOf(',', srcEnd)
    if (comma >= 0 && comma < sent.end) content = trim(text, comma + 1, sent.end)
  } else {
    content = trim(text, sent.start, cueStart)
  }
  return { cueStart, cueEnd, source, content, quotes, score: source ? 0.9 : 0.6 }
}

/**
 * "Name: words" at the start of a line: a headline or transcript attribution
 * ("Rubio: We will win Florida", "SMITH: Thank you."). The cue is the colon.
 */
function fromColon(c: Ctx, i: number): FoundAttribution | null {
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
  if (!content) return null
  return { cueStart: colon.start, cueEnd: colon.end, source, content, quotes, score: 0.7 }
}

/** Which tokens sit inside a quotation (longer than a few words): cues there are the speaker's own words. */
function insideQuotes(toks: Token[], quotes: FoundQuote[], text: string): Uint8Array {
  const inside = new Uint8Array(toks.length)
  let q = 0
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]
    while (q < quotes.length && quotes[q].end <= t.start) q++
    const cur = quotes[q]
    if (cur && cur.start <= t.start && t.end <= cur.end && cur.end - cur.start > 40 && /\s\S+\s\S+\s/.test(text.slice(cur.start, cur.end))) inside[i] = 1
  }
  return inside
}

/** Finds the attributions in each sentence. */
export function findAttributions(text: string, toks: Token[], sents: Sentence[], quotes: FoundQuote[]): FoundAttribution[] {
  const out: FoundAttribution[] = []
  const inside = insideQuotes(toks, quotes, text)
  for (const sent of sents) {
    const c: Ctx = { text, toks, sent, quotes, last: null }
    for (let i = sent.from; i < sent.to; i++) {
      if (inside[i]) continue
      const t = toks[i]
      let found: FoundAttribution | null = null
      if (t.lower === 'according' && toks[i + 1]?.lower === 'to' && i + 1 < sent.to) found = fromAccordingTo(c, i)
      else if (t.text === ':' && i - sent.from <= 6) found = fromColon(c, i)
      else {
        const verb = t.text === t.lower ? CUE_VERBS.get(t.lower) : undefined
        if (verb) found = fromVerb(c, i, verb)
      }
      if (found) {
        out.push(found)
        c.last = found
      }
    }
  }
  return out
}
