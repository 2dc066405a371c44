import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import type { AnnotationKind } from '../../shared/domain'
import { describeAttribution, speakerForQuote } from '../../shared/suggest'
import { offsetToPos, posToOffset, projectDoc, type Projection } from '../../shared/text'
import { getAnnotations, type FieldsPatch } from './annotations'

/** Characters of text read before the tagged words (the engine resolves a pronoun within 3,000). */
const BEFORE = 3_400

/** The top-level blocks around [from, to): from far enough before to the end of the block after. */
function windowAround(doc: Node, from: number, to: number): { start: number; end: number } {
  let start = 0
  let end = doc.content.size
  let chars = 0
  const blocks: { pos: number; size: number; text: number }[] = []
  doc.forEach((block, pos) => void blocks.push({ pos, size: block.nodeSize, text: block.textContent.length }))
  const first = blocks.findIndex((b) => b.pos + b.size > from)
  for (let i = first; i >= 0; i--) {
    start = blocks[i].pos
    chars += blocks[i].text
    if (chars >= BEFORE) break
  }
  const last = blocks.findIndex((b) => b.pos + b.size >= to)
  const after = blocks[Math.min(blocks.length - 1, (last < 0 ? blocks.length - 1 : last) + 1)]
  if (after) end = after.pos + after.size
  return { start, end }
}

/** The projected text of the blocks in [start, end), with positions in the whole document. */
function projectWindow(doc: Node, start: number, end: number): Projection {
  const part = projectDoc(doc.cut(start, end))
  return { text: part.text, runs: part.runs.map((r) => ({ ...r, pos: r.pos + start })) }
}

/**
 * What the suggestion engine reads in words an editor has just tagged by hand: an
 * attribution's source, its type and the cue; a quote's speaker, linked to the attribution
 * annotation next to it when there is one, else by name. Null when it finds nothing. Reads a
 * window of text around the words, not the whole article, so a tag stays quick in a long one.
 */
export function fieldsFromText(state: EditorState, kind: AnnotationKind, from: number, to: number): FieldsPatch | null {
  if (kind === 'claim') return null
  const win = windowAround(state.doc, from, to)
  const p = projectWindow(state.doc, win.start, win.end)
  const start = posToOffset(p, from)
  const end = posToOffset(p, to)
  if (kind === 'attribution') {
    const found = describeAttribution(p.text, start, end)
    if (!found || (!found.sourceName && !found.cue)) return null
    return { sourceName: found.sourceName, cue: found.cue, ...(found.sourceType ? { sourceType: found.sourceType } : {}) }
  }
  const speaker = speakerForQuote(p.text, start, end)
  if (!speaker) return null
  const at = speaker.attribution ?? { start: speaker.start, end: speaker.end }
  const aFrom = offsetToPos(p, at.start, 1)
  const aTo = offsetToPos(p, at.end, -1)
  const tagged = getAnnotations(state).find((a) => a.kind === 'attribution' && a.from < aTo && aFrom < a.to)
  return tagged ? { speakerId: tagged.id, speakerName: '' } : { speakerName: speaker.name }
}
