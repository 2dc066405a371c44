/**
 * Attributions: a cue ("said", "told", "according to"), its source phrase before or after
 * it, and what it attributes: a neighbouring quotation or the reported speech of the
 * sentence ("said that ...", "..., officials said").
 */
import { CHAIN_HEAD, CUE_PHRASES, CUE_VERBS, isAuxiliary, isBareParticiple, NOUN_LIKE, PARTICLE, PARTICLE_ONLY, SOURCE_NOUNS, STOP_WORDS, type CuePhrase, type CueVerb, type VerbForm } from './lexicon'
import type { FoundQuote } from './quotes'
import { appositiveBefore, bareNounBefore, colonSource, skipTime, sourceAfter, sourceBefore, withAside, withRestrictive, type TokenRange } from './sources'
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
// A left mark counts too: typists sometimes close with “ by mistake.
const CLOSE_MARK = /^(?:["\u201C\u201D\u2019'\u00BB]|'')$/
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

// Words after a cue that give its setting, not a report: "said in an interview", "told ITV on Monday".
const SETTING = /^(?:in|on|at|during|after|before|last|this|when|while|to|of|about|from|with|for|through|via|as|later|earlier|recently|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)$/

/**
 * Does the attribution spanning [first, last) speak the quotation `qb` that ends just before it?
 * Not when a paragraph break parts them, when a colon points to the quotation after
 * ("He added: “...”"), or when the quotation closed its own sentence and the cue goes on to
 * report something else ("“...” / Clinton says Obama had a super PAC"). Returns `qb` or -1.
 */
function ownsQuoteBefore(c: Ctx, qb: number, first: number, last: number, qa: number, cueTo: number): number {
  if (qb < 0) return -1
  const q = c.quotes[qb]
  if (c.text.slice(q.closeEnd, first).includes('\n')) return -1
  if (qa >= 0 && c.toks[cueTo - 1]?.text.endsWith(':')) return -1
  const closed = /[.!?]$/.test(c.text.slice(q.start, q.end).trimEnd()) && !c.text.slice(q.closeEnd, first).includes(',')
  // An inverted attribution ("“...?” asked Lee") has its source after the cue, not a report.
  const next = cueTo < 0 ? undefined : c.toks[cueTo]
  const goesOn = next !== undefined && cueTo < c.sent.to && c.text.slice(last, next.start).trim() === '' && /^[\p{L}\d]/u.test(next.text) && !SETTING.test(next.lower)
  return closed && goesOn ? -1 : qb
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

const WHEN = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|recently|repeatedly|earlier|later|again|publicly|privately|flatly)$/
const PERIOD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|night|morning|afternoon|evening|day)$/

/** The index after a time word or phrase at `j` ("Tuesday", "on Monday", "last year"), or `j`. */
function timeAfter(toks: Token[], j: number, end: number): number {
  if (j >= end) return j
  if (WHEN.test(toks[j].lower)) return j + 1
  if (j + 1 < end && /^(?:on|last|this|next|early|late|that)$/.test(toks[j].lower) && PERIOD.test(toks[j + 1].lower)) return j + 2
  return j
}

/** Content reported after the cue: skips a listener ("told reporters") and "that". */
function reportedAfter(c: Ctx, i: number, verb: CueVerb | null): { start: number; end: number } | null {
  const { toks, sent } = c
  let j = i
  // The listener is a noun phrase: "told reporters that", not "told that ...".
  if (verb && LISTENER_VERBS.has(verb.base) && !CLAUSE_OPENER.test(toks[j]?.lower ?? '')) {
    const listener = sourceAfter(toks, j, sent.to)
    if (listener) j = listener.to
  }
  for (let next = timeAfter(toks, j, sent.to); next > j; next = timeAfter(toks, j, sent.to)) j = next
  // A setting before the report ("posted on Facebook that ...", "told CNN in Ohio that ..."):
  // the report starts after "that"; with no "that" near, the words are the setting, not a report.
  if (j < sent.to && /^(?:in|at|on|via|during)$/.test(toks[j].lower)) {
    let k = j + 1
    while (k < sent.to && k < j + 10 && toks[k].lower !== 'that' && toks[k].text !== ',') k++
    if (toks[k]?.lower !== 'that') return null
    j = k
  }
  if (j < sent.to && toks[j].lower === 'that') {
    j++
    // "said that, in 2012, ...": an aside after "that" opens the report.
    if (toks[j]?.text === ',') j++
  } else if (j < sent.to && toks[j].text === ',') return null
  if (j >= sent.to) return null
  return trim(c.text, toks[j].start, sent.end)
}

/** Finds the verb group around cue verb `i`: auxiliaries and adverbs before it. */
function verbGroupStart(toks: Token[], i: number, floor: number): number {
  let j = i - 1
  // Capitalised, "First" or "Will" is part of a name ("Citizens First said"), not of the verb group.
  while (j >= floor && ((isAuxiliary(toks[j].lower) && !/^\p{Lu}/u.test(toks[j].text)) || /^\p{Ll}+ly$/u.test(toks[j].text))) j--
  return j + 1
}

const GO = /^(?:go|goes|went|going|gone)$/

/**
 * Where a chain ending in "to" before the verb group at `c0` starts ("are more likely to"),
 * or -1 when the word before "to" does not lead a chain (an infinitive: "stood up to say").
 */
function chainStart(toks: Token[], c0: number, floor: number): number {
  let h = c0 - 2
  if (h > floor && toks[h].lower === 'on' && GO.test(toks[h - 1].lower)) h--
  else if (h < floor || !CHAIN_HEAD.test(toks[h].lower)) return -1
  let j = h - 1
  while (j >= floor && (isAuxiliary(toks[j].lower) || /^\p{Ll}+ly$/u.test(toks[j].text) || /^(?:more|less|most|much|far|even|very|so|as|too)$/.test(toks[j].lower))) j--
  return j + 1
}

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

const PERSONAL = /^(?:he|she|they|i|we|you|it|who|that|which)$/
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
// Words that open a reported clause, letting a quote-only cue attribute it: "explained how ...".
const CLAUSE_OPENER = /^(?:that|how|why|what|whether|where|when)$/

function isPlural(toks: Token[], r: TokenRange): boolean {
  // The head noun: before "there" / "themselves" and before a complement ("organizers in Ohio").
  let h = r.to - 1
  while (h > r.from && /^(?:there|here|themselves|alone)$/.test(toks[h].lower)) h--
  for (let k = r.from + 1; k < h; k++) {
    if (/^(?:in|of|at|for|from|with|on|by|close|familiar|inside|within|near|across|around|among|who|that)$/.test(toks[k].lower) || /^\p{Ll}+ed$/u.test(toks[k].text)) {
      h = k - 1
      break
    }
  }
  const last = toks[h].lower
  if (PLURAL_SUBJECT.test(last)) return true
  if (/^(?:\d[\d.,]*|%|percent|majority|minority|half|third|quarter|plurality|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions|two-thirds|three-quarters)$/.test(last)) return true
  if (toks.slice(r.from, h).some((t) => t.lower === 'and')) return true
  return /[^s']s$/.test(last) && (SOURCE_NOUNS.has(last) || /^\p{Lu}/u.test(toks[h].text) || /^[\p{Ll}]+s$/u.test(last))
}

// Quantities that stand as plural subjects: "About three-quarters support ...", "most oppose".
const QUANTITY = /^(?:\d[\d.,]*|percent|%|half|majority|most|many|some|few|all|both|others|two-thirds|three-quarters|one-third|one-quarter)$/

/** Is the noun-like verb form at `i` ("claims", "calls", "plans") used as a verb here? */
function nounLikeIsVerb(toks: Token[], i: number, c0: number, floor: number, form: VerbForm): boolean {
  if (c0 < i) return true
  const prev = toks[i - 1]
  if (!prev || i - 1 < floor) return false
  if (/^(?:he|she|it|who|that|which)$/.test(prev.lower)) return true
  // A base form after a plural subject: "they fear", "party leaders hope".
  if (form === 'base' && (/^(?:they|we|i|you)$/.test(prev.lower) || (SOURCE_NOUNS.has(prev.lower) && /s$/.test(prev.lower)) || QUANTITY.test(prev.lower))) return true
  // "the United States", "Western states": a capitalised word before "states" is no subject.
  if (toks[i].lower === 'states') return false
  // A name just before: "Trump claims", but not "his claims", "the Trump plan".
  if (/[\u2019']s$/.test(prev.lower) || /^(?:s|\u2019s|'s)$/.test(prev.lower)) return false
  if (/^\p{Lu}/u.test(prev.text) && !/^(?:his|her|their|its|the|a|an|our|my|your|this|that|these|those)$/.test(prev.lower)) {
    const pp = toks[i - 2]
    return !pp || !/^(?:the|a|an|his|her|their|its|our|my|your)$/.test(pp.lower) || /^\p{Lu}/u.test(pp.text)
  }
  // "The report claims", "a new study finds".
  return SOURCE_NOUNS.has(prev.lower) && !/s$/.test(prev.lower) && i - 2 >= floor && /^(?:the|a|an|this|that)$/.test(toks[i - 2].lower)
}

/**
 * Is the cue word at `i` (verb group from `c0`) a noun or a verb that reports nothing here?
 * "his claims", "Editor’s note:", "a group called Ginbot 7", "added to the uncertainty".
 */
function notSpeech(toks: Token[], i: number, c0: number, floor: number, verb: CueVerb): boolean {
  const before = toks[i - 1]
  if (before && /^(?:the|a|an|his|her|their|its|our|my|your|this|these|those|of|for|in|on|with|no|any|every|each|some|many|most|other|several|few)$/.test(before.lower)) return true
  if (NOUN_LIKE.has(verb.base) && verb.base !== 'show' && verb.base !== 'find' && (verb.form === 'third' || verb.form === 'base') && !nounLikeIsVerb(toks, i, c0, floor, verb.form)) return true
  // "called" after a common noun and before a name only names something.
  if (verb.base === 'call' && c0 === i && before && /^\p{Ll}/u.test(before.text) && !PERSONAL.test(before.lower) && /^\p{Lu}/u.test(toks[i + 1]?.text ?? '')) return true
  if (verb.base === 'add' && toks[i + 1]?.lower === 'to') return true
  // A possessive before the word makes it a noun.
  return before !== undefined && c0 === i && /[\u2019']s$/.test(before.lower)
}

// Words after an inverted source that still leave it the source: "said Lee on Monday", "said Lee of Ohio".
const AFTER_SOURCE = /^(?:in|on|at|during|after|before|last|this|when|while|of|who|whose|with|to|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|recently|earlier|later)$/

/**
 * The source after an inverted cue at `i` ("..., said Sen. Jo Hale, a Democrat"), or null.
 * A phrase that its own verb follows is the report, not the source: "..., says her worry is ...".
 */
function invertedSource(toks: Token[], i: number, sent: Sentence): TokenRange | null {
  const r = sourceAfter(toks, i + 1, sent.to)
  if (!r) return null
  const next = toks[r.to]
  const single = r.to - r.from === 1 && PERSONAL.test(toks[r.from].lower)
  if (r.to < sent.to && /^[\p{L}\d]/u.test(next.text) && !AFTER_SOURCE.test(next.lower) && !single) return null
  return withAside(toks, r, sent)
}

/**
 * The subject of the sentence for a cue that has none of its own ("and said", ", adding"):
 * read from the sentence start, past a conjunction and an opening phrase ("In an interview, ...").
 */
function sentenceSubject(toks: Token[], sent: Sentence, i: number): TokenRange | null {
  let k = sent.from
  while (k < i && /^(?:but|and|so|yet|then|["\u201C\u2018]|'')$/.test(toks[k].lower)) k++
  if (STOP_WORDS.has(toks[k].lower) || /^\p{Lu}\p{Ll}+(?:ly|ed|ing)$/u.test(toks[k].text)) {
    let m = k
    while (m < i && toks[m].text !== ',') m++
    if (m < i - 1 && m - k <= 12) k = m + 1
  }
  const subj = sourceAfter(toks, k, i)
  return subj && subj.to - subj.from <= 6 && !CUE_VERBS.has(toks[subj.to - 1].lower) ? subj : null
}

/**
 * Content when nothing follows the cue: the clause before it ("..., officials said.", and a
 * parenthetical "Most of it, the filing said, was spent"), or the rest after an opening
 * "As Ruiz put it, ...".
 */
function contentAround(c: Ctx, first: number, last: number): { start: number; end: number } | null {
  const { text, sent } = c
  const tail = text.slice(last, sent.end)
  const before = text.slice(sent.start, first)
  if (/^[\s.,!?"\u201D\u2019]*$/.test(tail) || /^\s*(?:on|in|last|this)\b[^,]{0,30}[.!?]?$/.test(tail) || /^,\s/.test(tail)) {
    const comma = before.lastIndexOf(',')
    if (comma > 0) return trim(text, sent.start, sent.start + comma)
  }
  if (/^,\s/.test(tail) && /^\W*(?:(?:but|and|so|yet)\s+)?as\s*$/i.test(before)) return trim(text, last + 1, sent.end)
  return null
}

/**
 * A passive cue at `i` (verb group from `c0`) names its source after "by": in "the meeting
 * was first reported by Politico" the agent is Politico and what was reported is the clause's
 * subject, from the last comma (or the sentence start) to the verb.
 */
function byAgent(c: Ctx, i: number, c0: number): { agent: TokenRange; subject: { start: number; end: number } | null } | null {
  const { toks, sent } = c
  if (toks[i + 1]?.lower !== 'by' || i + 2 >= sent.to) return null
  const agent = sourceAfter(toks, i + 2, sent.to)
  if (!agent) return null
  return { agent: withAside(toks, agent, sent), subject: clauseSubject(c, c0) }
}

const BE = /^(?:is|was|were|are|be|been|being|'s|'re)$/

/** The subject of the clause whose verb group starts at `c0`: from the last comma (or the sentence start). */
function clauseSubject(c: Ctx, c0: number): { start: number; end: number } | null {
  const { text, toks, sent } = c
  if (c0 <= sent.from) return null
  let k = c0 - 1
  while (k > sent.from && toks[k].text !== ',') k--
  return trim(text, toks[k].text === ',' ? toks[k].end : toks[sent.from].start, toks[c0].start)
}

/** Looks for an attribution whose cue verb is token `i`. */
function fromVerb(c: Ctx, i: number, verb: CueVerb, phraseTo?: number): FoundAttribution | null {
  const { text, toks, sent } = c
  let c0 = verbGroupStart(toks, i, sent.from)
  if (toks[c0 - 1]?.lower === 'to' && c0 - 1 >= sent.from) {
    c0 = chainStart(toks, c0, sent.from)
    if (c0 < 0) return null
  }
  const prev = toks[c0 - 1]
  if (notSpeech(toks, i, c0, sent.from, verb)) return null
  // "seen", "known" alone are no verbs of a clause: "a man known to all" (but "known as" names).
  if (c0 === i && isBareParticiple(toks[i].lower) && !PARTICLE[verb.base]?.includes(toks[i + 1]?.lower ?? '')) return null
  let source: TokenRange | null = null
  let inverted = false
  // A source taken from an earlier attribution ("she said, adding ...") lies outside this one.
  let borrowed = false
  let p = skipTime(toks, c0 - 1, sent.from)
  // "Carter, however, said" / "Carter however said": the aside is neither source nor cue.
  if (p > sent.from && DISCOURSE.test(toks[p].lower)) {
    p--
    if (toks[p]?.text === ',' && p > sent.from) p--
  }
  const passive = verb.form === 'past' ? byAgent(c, i, c0) : null
  // "Trump is seen as ...", "she was asked ...": a passive's subject is what is attributed, not who.
  const bare = !passive && verb.form === 'past' && toks.slice(c0, i).some((t) => BE.test(t.lower))
  const subject = passive?.subject ?? (bare ? clauseSubject(c, c0) : null)
  if (p >= sent.from && !bare) source = sourceBefore(toks, p, sent.from)
  if (!source && !bare && p >= sent.from && verb.strength === 1 && verb.form !== 'ing') source = bareNounBefore(toks, p, sent.from)
  if (passive) {
    source = passive.agent
    inverted = true
  } else if (source) source = withRestrictive(toks, source, p, sent.from)
  if (!source && !bare && prev && prev.text === ',') source = appositiveBefore(toks, c0 - 1, sent.from)
  if (verb.form === 'base') {
    // A bare base form needs a helper ("did not say") or a plural subject ("experts say").
    if (c0 === i && !(source && isPlural(toks, source))) return null
    if (c0 < i && !source) return null
  }
  const afterComma = prev !== undefined && (prev.text === ',' || CLOSE_MARK.test(prev.text))
  // "“...?” asked Mr. Lee": a listener verb inverts only right after a quotation.
  const invertible = !LISTENER_VERBS.has(verb.base) || (verb.base === 'ask' && prev !== undefined && CLOSE_MARK.test(prev.text))
  if (!source && afterComma && c0 === i && (verb.form === 'past' || verb.form === 'third') && invertible && toks[i + 1]?.lower !== 'that') {
    source = invertedSource(toks, i, sent)
    inverted = source !== null
  }
  const coordinated = prev !== undefined && (prev.lower === 'and' || prev.lower === 'but' || prev.lower === 'then')
  const participle = verb.form === 'ing' && prev !== undefined && (prev.text === ',' || /^(?:and|by|while|when|before|after|in|\u2014)$/.test(prev.lower))
  if (!source && (participle || (coordinated && verb.form !== 'base'))) {
    // "He apologized the next day, saying ...": the one who spoke earlier in the sentence speaks.
    if (c.last && c.last.source && c.last.cueEnd <= toks[i].start) {
      source = c.last.source
      borrowed = true
    } else source = sentenceSubject(toks, sent, i)
  }
  // A finite verb of saying is a cue even when its source escapes the rules above.
  if (!source && !(verb.form === 'past' || verb.form === 'third')) return null
  const cueStart = toks[c0].start
  const cueTo = phraseTo ?? cueTail(toks, i + 1, sent.to, verb)
  const cueEnd = toks[cueTo - 1].end
  const first = source && !borrowed ? Math.min(cueStart, toks[source.from].start) : cueStart
  const last = inverted && source ? toks[source.to - 1].end : cueEnd
  const quotes: number[] = []
  let content: { start: number; end: number } | null = null
  const qa = quoteAfter(c, last)
  const qb = ownsQuoteBefore(c, quoteBefore(c, first), first, last, qa, inverted ? -1 : cueTo)
  if (qb >= 0) {
    quotes.push(qb)
    content = { start: c.quotes[qb].start, end: c.quotes[qb].end }
    // "“A,” he said. “B.”": the quote right after the attribution carries on the same words.
    const next = c.quotes[qb + 1]
    if (next && /^[\s,.:;]*$/.test(text.slice(last, next.open)) && !/\n/.test(text.slice(last, next.open))) quotes.push(qb + 1)
  } else if (qa >= 0) {
    quotes.push(qa)
    content = { start: c.quotes[qa].start, end: c.quotes[qa].end }
  } else if ((QUOTE_ONLY.has(verb.base) && !CLAUSE_OPENER.test(toks[cueTo]?.lower ?? '')) || (PARTICLE_ONLY.has(verb.base) && cueTo === i + 1)) {
    return null
  } else if (subject && !(bare && CLAUSE_OPENER.test(toks[cueTo]?.lower ?? ''))) {
    // "He was told that ..." reports the clause; "Trump is seen as a favorite" reports Trump.
    content = subject
  } else if (!inverted) {
    content = reportedAfter(c, cueTo, verb)
    if (content && verb.strength < 1 && /^to\b/.test(text.slice(content.start, content.start + 3)) && !TAKES_TO.has(verb.base)) content = null
  }
  if (!content) content = contentAround(c, first, last)
  if (verb.strength < 1 && !content) return null
  // Generic "you" ("if you think ...", "you know") is nobody's attribution outside a quotation.
  if (source && source.to - source.from === 1 && toks[source.from].lower === 'you' && quotes.length === 0) return null
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

/**
 * "Asked whether ..., she said": a question put to the sentence's speaker, opening the
 * sentence. The cue is "Asked" (with "about"); the content is the question, up to its comma;
 * a source is named only by "asked by".
 */
function fromAsked(c: Ctx, i: number): FoundAttribution | null {
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
    if (cur && cur.start <= t.start && t.end <= cur.end && cur.end - cur.start > 12 && /\s\S+\s/.test(text.slice(cur.start, cur.end))) inside[i] = 1
  }
  return inside
}

/**
 * Is token `t` inside the reported speech of `a`? A weak cue there ("said she wants to")
 * is part of what was said, not an attribution of its own.
 */
function withinReported(text: string, a: FoundAttribution | null, t: Token): boolean {
  if (a === null || a.quotes.length > 0 || a.content === null || a.content.start > t.start || t.end > a.content.end) return false
  // ", but he called ...": a new clause after a contrasting conjunction is not part of the report.
  return !/(?:[,;]\s+(?:but|yet|while|although|though|whereas)|;)\s/.test(text.slice(a.content.start, t.start))
}

/** Where a phrase cue at verb `i` ends ("made it clear" -> after "clear"), or -1 when no tail follows. */
function phraseEnd(toks: Token[], i: number, sent: Sentence, phrase: CuePhrase): number {
  for (const tail of phrase.tails) {
    if (i + tail.length >= sent.to) continue
    const fits = tail.every((w, k) => {
      const t = toks[i + 1 + k].lower
      return w === '*' ? /^(?:his|her|their|its|my|our|your)$/.test(t) : w === t
    })
    if (fits) return i + 1 + tail.length
  }
  return -1
}

/** Is the sentence a headline in title case ("Trump Says He Will Win")? Its verbs are capitalised too. */
function isTitleCase(toks: Token[], sent: Sentence): boolean {
  let words = 0
  let caps = 0
  for (let k = sent.from; k < sent.to; k++) {
    const t = toks[k]
    if (!/^\p{L}/u.test(t.text)) continue
    words++
    if (/^\p{Lu}/u.test(t.text)) caps++
  }
  return words >= 4 && caps >= 0.8 * words
}

/** ", citing ...", ", adding ...": a participle after a comma starts an attribution of its own. */
function afterCommaParticiple(toks: Token[], i: number, verb: CueVerb): boolean {
  return verb.form === 'ing' && toks[i - 1]?.text === ','
}

/** Finds the attributions in each sentence. */
export function findAttributions(text: string, toks: Token[], sents: Sentence[], quotes: FoundQuote[]): FoundAttribution[] {
  const out: FoundAttribution[] = []
  const inside = insideQuotes(toks, quotes, text)
  for (const sent of sents) {
    const c: Ctx = { text, toks, sent, quotes, last: null }
    const titled = isTitleCase(toks, sent)
    for (let i = sent.from; i < sent.to; i++) {
      if (inside[i]) continue
      const t = toks[i]
      let found: FoundAttribution | null = null
      if (t.lower === 'according' && toks[i + 1]?.lower === 'to' && i + 1 < sent.to) found = fromAccordingTo(c, i)
      else if (t.text === ':' && i - sent.from <= 6) found = fromColon(c, i)
      else if (t.lower === 'asked' && (i === sent.from || (i === sent.from + 1 && toks[sent.from].lower === 'when'))) found = fromAsked(c, i)
      else {
        const verb = t.text === t.lower || (titled && i > sent.from) ? CUE_VERBS.get(t.lower) : undefined
        const phrase = t.text === t.lower ? CUE_PHRASES.get(t.lower) : undefined
        const phraseTo = phrase ? phraseEnd(toks, i, sent, phrase) : -1
        if (phrase && phraseTo > 0 && !withinReported(text, c.last, t)) found = fromVerb(c, i, phrase.verb, phraseTo)
        else if (verb && !(verb.strength < 1 && withinReported(text, c.last, t) && !afterCommaParticiple(toks, i, verb))) found = fromVerb(c, i, verb)
      }
      if (found) {
        out.push(found)
        c.last = found
        // Words inside the cue ("issued a statement saying") are not cues again.
        while (i + 1 < sent.to && toks[i + 1].end <= found.cueEnd) i++
      }
    }
  }
  return out
}
