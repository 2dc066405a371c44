import type { StepMap } from 'prosemirror-transform'
import type { Node } from 'prosemirror-model'

/**
 * What one step changes, in the document before it: the ranges it replaces, the span from
 * the first to the last, and how far it moves everything after that span. Positions before
 * `from` stay where they are; positions after `to` move by `shift`.
 */
export interface StepChange {
  ranges: [number, number][]
  from: number
  to: number
  shift: number
}

export function stepChange(map: StepMap): StepChange {
  const change: StepChange = { ranges: [], from: Infinity, to: -Infinity, shift: 0 }
  map.forEach((oldStart, oldEnd, newStart, newEnd) => {
    change.ranges.push([oldStart, oldEnd])
    change.from = Math.min(change.from, oldStart)
    change.to = Math.max(change.to, oldEnd)
    change.shift += newEnd - newStart - (oldEnd - oldStart)
  })
  return change
}

/**
 * Whether a transaction's steps left the document as it was: text dragged and dropped onto
 * itself, the same words pasted over themselves. The browser and ProseMirror make such a
 * change out of a deletion and an insertion, and mapping through them would drop everything
 * anchored to the deleted words; positions are unchanged, so nothing needs to move.
 * Cheap for typing: a key changes the document's size, and the test stops there.
 */
export function leavesDocumentEqual(tr: { docChanged: boolean; doc: Node; before: Node }): boolean {
  return tr.docChanged && tr.doc.content.size === tr.before.content.size && tr.doc.eq(tr.before)
}
