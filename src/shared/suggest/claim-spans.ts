/**
 * Claim suggestions: which sentences to propose as check-worthy, and the span of each. A claim
 * is a sentence, or the reported clause of an attribution in it. No claim is proposed in a
 * line of copy furniture (a byline, a timestamp, a caption or credit, a contributors' line)
 * and none takes in the dateline that opens a wire story.
 */
import type { FoundAttribution } from './attribution-types'
import { claimScore } from './claims'
import { copyLineKind, datelineLength, type CopyLineKind } from './copy-lines'
import type { Sentence, Token } from './tokens'
import { span, type ClaimSuggestion } from './types'

export interface ClaimContext {
  text: string
  toks: Token[]
  sents: Sentence[]
  /** The engine's attributions, in text order. */
  found: FoundAttribution[]
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

/** Proposes the check-worthy sentences and reported clauses of the text. */
export function claimSuggestions(c: ClaimContext): ClaimSuggestion[] {
  const { text, found } = c
  const out: ClaimSuggestion[] = []
  let line: Line | null = null
  for (const s of c.sents) {
    line = lineAt(text, s.start, line)
    if (line.kind) continue
    // A sentence that starts inside the line's dateline starts where the story does.
    const start = Math.max(s.start, line.story)
    const end = s.end
    if (start >= end) continue
    const { score, reasons } = claimScore(text.slice(start, end))
    if (score < CLAIM_THRESHOLD) continue
    // A claim attributed by reported speech is the reported clause, with the source as a reason.
    const reported = found.find((a) => a.content && a.quotes.length === 0 && a.content.start >= s.start && a.content.end <= s.end)
    const at = reported?.content ? { start: Math.max(reported.content.start, start), end: reported.content.end } : { start, end }
    out.push({ kind: 'claim', ...span(text, at.start, at.end), score, reasons: reported ? [...reasons, 'attributed to a source'] : reasons })
  }
  return out
}
