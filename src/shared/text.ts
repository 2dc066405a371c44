import type { Node } from 'prosemirror-model'
import { lastAtOrBefore } from './bsearch'

/**
 * The plain-text projection of an article body: every textblock's text in document order,
 * blocks separated by a blank line ("\n\n"), a hard break as "\n". Search, anchoring,
 * suggestions and exports all count offsets in this text (JavaScript string indices), so
 * it must be computed one way only: here.
 */
export const BLOCK_SEPARATOR = '\n\n'

/** One run of text: `length` characters starting at `offset` in the text and `pos` in the doc. */
export interface TextRun {
  offset: number
  pos: number
  length: number
}

export interface Projection {
  text: string
  /** Runs in increasing order of both offset and pos; separators fall between runs. */
  runs: TextRun[]
}

/** Projects a ProseMirror document to its plain text with a position map. */
export function projectDoc(doc: Node): Projection {
  const parts: string[] = []
  const runs: TextRun[] = []
  let offset = 0
  let firstBlock = true
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    if (!firstBlock) {
      parts.push(BLOCK_SEPARATOR)
      offset += BLOCK_SEPARATOR.length
    }
    firstBlock = false
    node.forEach((child, childOffset) => {
      const childPos = pos + 1 + childOffset
      if (child.isText) {
        const t = child.text ?? ''
        const last = runs[runs.length - 1]
        if (last && last.pos + last.length === childPos && last.offset + last.length === offset) {
          last.length += t.length
        } else {
          runs.push({ offset, pos: childPos, length: t.length })
        }
        parts.push(t)
        offset += t.length
      } else if (child.type.name === 'hard_break') {
        runs.push({ offset, pos: childPos, length: 1 })
        parts.push('\n')
        offset += 1
      }
    })
    // An empty textblock still needs a run so offsets inside it map to a position.
    if (node.content.size === 0) runs.push({ offset, pos: pos + 1, length: 0 })
    return false
  })
  return { text: parts.join(''), runs }
}

/** The length of a document's plain text (see `projectDoc`), counted without building it. */
export function textLength(doc: Node): number {
  let length = 0
  let blocks = 0
  doc.descendants((node) => {
    if (!node.isTextblock) return true
    blocks++
    node.forEach((child) => {
      if (child.isText) length += child.text?.length ?? 0
      else if (child.type.name === 'hard_break') length += 1
    })
    return false
  })
  return length + Math.max(0, blocks - 1) * BLOCK_SEPARATOR.length
}

/** Plain text of a document (see `projectDoc`). */
export function docText(doc: Node): string {
  return projectDoc(doc).text
}

/**
 * Document position of a text offset. An offset inside a block separator maps to the end of
 * the block before it when `side` is -1 (an end boundary) and to the start of the next one
 * when `side` is 1 (a start boundary).
 */
export function offsetToPos(p: Projection, offset: number, side: -1 | 1 = 1): number {
  const { runs } = p
  if (runs.length === 0) return 1
  const i = lastAtOrBefore(runs, (r) => r.offset, offset)
  const run = runs[i]
  if (offset <= run.offset + run.length) return run.pos + Math.max(0, offset - run.offset)
  // In the gap after this run (a separator).
  if (side === -1 || i === runs.length - 1) return run.pos + run.length
  return runs[i + 1].pos
}

/** Text offset of a document position; positions between textblocks snap to the nearest run. */
export function posToOffset(p: Projection, pos: number): number {
  const { runs } = p
  if (runs.length === 0) return 0
  const i = lastAtOrBefore(runs, (r) => r.pos, pos)
  const run = runs[i]
  if (pos < run.pos) return run.offset
  if (pos <= run.pos + run.length) return run.offset + (pos - run.pos)
  return run.offset + run.length
}
