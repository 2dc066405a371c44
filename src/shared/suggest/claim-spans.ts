/**
 * Claim suggestions: which sentences to propose as check-worthy, and the span of each. A claim
 * is a whole sentence, or the whole reported clause of an attribution in it (see
 * reported-clause.ts), never a fragment. No claim is proposed in a line of copy furniture (a
 * byline, a timestamp, a caption or credit, a contributors' line) and none takes in the
 * dateline that opens a wire story. A sentence whose checkable words are all inside a direct
 * quotation gets no claim: the quotation is proposed once, as a quote. (A claim inside a
 * quotation, linked to it, is left for later; none is proposed here.)
 */
import type { FoundAttribution } from './attribution-types'
import { claimScore } from './claims'
import { copyLineKind, datelineLength, type CopyLineKind } from './copy-lines'
import { reportedClause } from './reported-clause'
import type { Sentence, Token } from './tokens'
import { span, type ClaimSuggestion } from './types'

export interface ClaimContext {
  text: string
  toks: Token[]
  sents: Sentence[]
  /** The engine's attributions, in text order. */
  found: FoundAttribution[]
  /** The direct quotations (marks around someone's words; titles and scare quotes left out), in text order. */
  speech: ReadonlyArray<{ open: number; closeEnd: number }>
}

/** A claim is proposed from this score up. */
export const CLAIM_THRESHOLD = 0.5

interface Line {
  start: number
  /** Where the line's first word starts. */
  first: number
  kind: CopyLineKind | null
  /** Where the story starts after a dateline ("KYIV, Ukraine (AP) — "), else `first`. */
  story: number
}

/** The line around `pos` (the text between two line breaks), read once per line. */
function lineAt(text: string, pos: number, last: Line | null): Line {
  const start = text.lastIndexOf('\n', pos - 1) + 1
  if (last && last.start === start) return last
  const nl = text.indexOf('\n', start)
  const body = text.slice(start, nl < 0 ? text.length : nl)
  const first = start + (body.length - body.trimStart().length)
  const words = body.trim()
  return { start, first, kind: copyLineKind(words), story: first + datelineLength(words) }
}

/** The sentence's text with the words at `blanks` turned to spaces, so they neither count for nor against it. */
function withBlanks(text: string, from: number, to: number, blanks: ReadonlyArray<{ start: number; end: number }>): string {
  let out = ''
  let at = from
  for (const b of blanks) {
    const s = Math.max(b.start, at)
    const e = Math.min(b.end, to)
    if (e <= s) continue
    out += text.slice(at, s) + ' '.repeat(e - s)
    at = e
  }
  return out + text.slice(at, to)
}

// Reasons that say a stretch states something checkable by themselves. A date alone ("told
// reporters on Nov. 2") says when something was said, not what; "rate" alone names a subject.
const WEAK = new Set(['date', 'rate or average'])

/** Is [from, to) check-worthy with the words at `blanks` (quotations, cues) left out? */
function checkable(text: string, from: number, to: number, blanks: ReadonlyArray<{ start: number; end: number }>): boolean {
  const sorted = [...blanks].sort((x, y) => x.start - y.start)
  const r = claimScore(withBlanks(text, from, to, sorted))
  return r.score >= CLAIM_THRESHOLD && r.reasons.some((x) => !WEAK.has(x))
}

/** Proposes the check-worthy sentences and reported clauses of the text. */
export function claimSuggestions(c: ClaimContext): ClaimSuggestion[] {
  const { text, found, speech } = c
  const out: ClaimSuggestion[] = []
  let line: Line | null = null
  let a = 0
  let q = 0
  for (const s of c.sents) {
    line = lineAt(text, s.start, line)
    if (line.kind) continue
    // A sentence that starts inside the line's dateline starts where the story does.
    const start = Math.max(s.start, line.story)
    const end = s.end
    if (start >= end) continue
    const { score, reasons } = claimScore(text.slice(start, end))
    if (score < CLAIM_THRESHOLD) continue
    while (a < found.length && found[a].cueStart < s.start) a++
    const here: FoundAttribution[] = []
    for (let k = a; k < found.length && found[k].cueStart < end; k++) here.push(found[k])
    while (q < speech.length && speech[q].closeEnd <= start) q++
    const quoted: Array<{ start: number; end: number }> = []
    for (let k = q; k < speech.length && speech[k].open < end; k++) quoted.push({ start: speech[k].open, end: speech[k].closeEnd })
    // What the sentence says outside its quotations and the cues that attribute them must be
    // check-worthy by itself, or the claim would be the quotation proposed again.
    const cues = here.map((f) => ({ start: f.cueStart, end: f.cueEnd }))
    if (quoted.length > 0 && !checkable(text, start, end, [...quoted, ...cues])) continue
    // The reported clause is the claim when it holds what is checkable ("Jo Hale, who cut taxes
    // 4%, said she was proud" is checkable for the aside, so the sentence is the claim).
    let clause = reportedClause(text, c.toks, { start, end }, here)
    if (clause && !checkable(text, clause.start, clause.end, quoted)) clause = null
    const at = clause ?? { start, end }
    out.push({ kind: 'claim', ...span(text, at.start, at.end), score, reasons: clause ? [...reasons, 'attributed to a source'] : reasons })
  }
  return out
}
