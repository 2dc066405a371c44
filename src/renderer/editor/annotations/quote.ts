import type { Node } from 'prosemirror-model'
import { BLOCK_SEPARATOR } from '../../../shared/text'
import { CONTEXT_LENGTH } from '../../../shared/anchor'

/** Text between two positions, as the plain-text projection spells it (blocks "\n\n", breaks "\n"). */
export function textBetween(doc: Node, from: number, to: number): string {
  return doc.textBetween(from, to, BLOCK_SEPARATOR, '\n')
}

// Positions per character of context: generous, since block boundaries take positions but
// fewer characters; the text is then cut to CONTEXT_LENGTH.
const CONTEXT_POSITIONS = CONTEXT_LENGTH * 2

/** Exact text of a range with up to 32 characters of context either side. */
export function quoteAt(doc: Node, from: number, to: number): { exact: string; prefix: string; suffix: string } {
  const size = doc.content.size
  const prefix = textBetween(doc, Math.max(0, from - CONTEXT_POSITIONS), from)
  const suffix = textBetween(doc, to, Math.min(size, to + CONTEXT_POSITIONS))
  return {
    exact: textBetween(doc, from, to),
    prefix: prefix.slice(Math.max(0, prefix.length - CONTEXT_LENGTH)),
    suffix: suffix.slice(0, CONTEXT_LENGTH)
  }
}
