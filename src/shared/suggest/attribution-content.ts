/**
 * What an attribution attributes: the quotation beside it, the reported speech after its cue
 * ("said that ..."), the clause before it ("..., officials said") or a passive's subject; and
 * which tokens are someone's own words (inside a quotation or a report) rather than new cues.
 */
import type { CueVerb } from './lexicon'
import type { FoundQuote } from './quotes'
import { withAside } from './source-asides'
import { sourceAfter, type TokenRange } from './sources'
import type { Token } from './tokens'
import type { Ctx, FoundAttribution } from './attribution-types'
import { CLAUSE_OPENER, LISTENER_VERBS } from './cue-shapes'

// A left mark counts too: typists sometimes close with “ by mistake.
export const CLOSE_MARK = /^(?:["\u201C\u201D\u2019'\u00BB]|'')$/
// One character at a time from the end: /[…]+$/ tries every start in a run of them, so a long
// run not at the end cost quadratic time (40,000 dots: 1.5 s).
const TRAIL_CHAR = /[\s.,;:!?"\u201D\u2019'\u00BB)\]\u2014\u2013-]/

function trailLength(s: string): number {
  let n = 0
  while (n < s.length && TRAIL_CHAR.test(s[s.length - 1 - n])) n++
  return n
}
const LEAD = /^[\s,;:\u2014\u2013"\u201C\u2018(\[-]+/

/** The quotation that ends just before `pos` (only spaces and commas between), if any. */
export function quoteBefore(c: Ctx, pos: number): number {
  for (let k = c.quotes.length - 1; k >= 0; k--) {
    const q = c.quotes[k]
    if (q.closeEnd > pos) continue
    return /^[\s,]*$/.test(c.text.slice(q.closeEnd, pos)) ? k : -1
  }
  return -1
}

/** The quotation that opens just after `pos` (only spaces, a comma or a colon between). */
export function quoteAfter(c: Ctx, pos: number): number {
  for (let k = 0; k < c.quotes.length; k++) {
    const q = c.quotes[k]
    if (q.open < pos) continue
    return /^[\s,:\u2014-]*$/.test(c.text.slice(pos, q.open)) ? k : -1
  }
  return -1
}

// Words after a cue that give its setting, not a report: "said in an interview", "told ITV on Monday".
export const SETTING = /^(?:in|on|at|during|after|before|last|this|when|while|to|of|about|from|with|for|through|via|as|later|earlier|recently|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)$/

/**
 * Does the attribution spanning [first, last) speak the quotation `qb` that ends just before it?
 * Not when a paragraph break parts them, when a colon points to the quotation after
 * ("He added: “...”"), or when the quotation closed its own sentence and the cue goes on to
 * report something else ("“...” / Clinton says Obama had a super PAC"). Returns `qb` or -1.
 */
export function ownsQuoteBefore(c: Ctx, qb: number, first: number, last: number, qa: number, cueTo: number): number {
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
export function trim(text: string, start: number, end: number): { start: number; end: number } | null {
  const s = text.slice(start, end)
  const lead = LEAD.exec(s)?.[0].length ?? 0
  const trail = trailLength(s)
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
export function reportedAfter(c: Ctx, i: number, verb: CueVerb | null): { start: number; end: number } | null {
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

/**
 * Content when nothing follows the cue: the clause before it ("..., officials said.", and a
 * parenthetical "Most of it, the filing said, was spent"), or the rest after an opening
 * "As Ruiz put it, ...".
 */
export function contentAround(c: Ctx, first: number, last: number): { start: number; end: number } | null {
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
export function byAgent(c: Ctx, i: number, c0: number): { agent: TokenRange; subject: { start: number; end: number } | null } | null {
  const { toks, sent } = c
  if (toks[i + 1]?.lower !== 'by' || i + 2 >= sent.to) return null
  const agent = sourceAfter(toks, i + 2, sent.to)
  if (!agent) return null
  return { agent: withAside(toks, agent, sent), subject: clauseSubject(c, c0) }
}

/** The subject of the clause whose verb group starts at `c0`: from the last comma (or the sentence start). */
export function clauseSubject(c: Ctx, c0: number): { start: number; end: number } | null {
  const { text, toks, sent } = c
  if (c0 <= sent.from) return null
  let k = c0 - 1
  while (k > sent.from && toks[k].text !== ',') k--
  return trim(text, toks[k].text === ',' ? toks[k].end : toks[sent.from].start, toks[c0].start)
}

/** Which tokens sit inside a quotation (longer than a few words): cues there are the speaker's own words. */
export function insideQuotes(toks: Token[], quotes: FoundQuote[], text: string): Uint8Array {
  const inside = new Uint8Array(toks.length)
  let q = 0
  // Whether quote q holds a whole word, asked once per quote (asked per token, a 40,000-character quote took 2 s).
  let asked = -1
  let wordy = false
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]
    while (q < quotes.length && quotes[q].end <= t.start) q++
    const cur = quotes[q]
    if (!cur || cur.start > t.start || t.end > cur.end || cur.end - cur.start <= 12) continue
    if (asked !== q) {
      asked = q
      wordy = /\s\S+\s/.test(text.slice(cur.start, cur.end))
    }
    if (wordy) inside[i] = 1
  }
  return inside
}

/**
 * Is token `t` inside the reported speech of `a`? A weak cue there ("said she wants to")
 * is part of what was said, not an attribution of its own.
 */
export function withinReported(text: string, a: FoundAttribution | null, t: Token): boolean {
  if (a === null || a.quotes.length > 0 || a.content === null || a.content.start > t.start || t.end > a.content.end) return false
  // ", but he called ...": a new clause after a contrasting conjunction is not part of the report.
  const between = text.slice(a.content.start, t.start)
  if (/(?:[,;]\s+(?:but|yet|while|although|though|whereas)|;)\s/.test(between)) return false
  // "... and called ...", "... and she accused ...": a verb joined by "and" goes on with the speaker's own acts.
  if (/\band\s+(?:(?:he|she|they|we|i)\s+)?$/i.test(between)) return false
  // "... after Mrs. Clinton accused him": a subordinate clause with its own named subject is not the report.
  // Only the end can match: a bounded tail keeps the pattern's nested spaces from backtracking over a long run.
  return !SUBORDINATE_SUBJECT.test(between.slice(-SUBORDINATE_TAIL))
}

const SUBORDINATE_TAIL = 200

// A subordinating conjunction, then a subject (a pronoun or up to four capitalised words), at the end.
const SUBORDINATE_SUBJECT = /\b(?:after|because|before|since|until|when|whereas|although|though)\s+(?:(?:he|she|they|we|I)|(?:\p{Lu}[\p{L}.\u2019'-]*\s+){1,4})\s*$/u
