import { Mapping, type StepMap } from 'prosemirror-transform'
import type { Transaction } from 'prosemirror-state'
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

function docAt(tr: Transaction, i: number): Node {
  return i < tr.docs.length ? tr.docs[i] : tr.doc
}

function sameDoc(a: Node, b: Node): boolean {
  return a === b || (a.content.size === b.content.size && a.eq(b))
}

const skipped = new WeakMap<Transaction, readonly boolean[]>()

/**
 * Which steps of a transaction left the document as it was: one step putting the same words
 * over themselves, or a deletion and an insertion that together put them back (how a drop
 * onto itself is made, and how undo takes one back).
 */
export function stepsLeavingDocumentEqual(tr: Transaction): readonly boolean[] {
  let marks = skipped.get(tr)
  if (marks) return marks
  const n = tr.steps.length
  const out = new Array<boolean>(n).fill(false)
  for (let i = 0; i < n; i++) {
    if (out[i]) continue
    if (sameDoc(docAt(tr, i), docAt(tr, i + 1))) out[i] = true
    else if (i + 1 < n && sameDoc(docAt(tr, i), docAt(tr, i + 2))) out[i] = out[i + 1] = true
  }
  marks = out
  skipped.set(tr, marks)
  return marks
}

/** Whether step `i` of a transaction is one of those (see `stepsLeavingDocumentEqual`). */
export function stepLeavesDocumentEqual(tr: Transaction, i: number): boolean {
  return stepsLeavingDocumentEqual(tr)[i]
}

const effective = new WeakMap<Transaction, Mapping>()

/**
 * The transaction's mapping without the steps that left the document as it was. Undoing a
 * drop onto itself or a paste of the same words over themselves, grouped with other edits in
 * one undo step, makes such steps inside a transaction that does change the text: mapped
 * through, everything anchored inside them would be squeezed to their edges or lost.
 */
export function effectiveMapping(tr: Transaction): Mapping {
  let m = effective.get(tr)
  if (!m) {
    const skip = stepsLeavingDocumentEqual(tr)
    const maps = tr.mapping.maps.filter((_, i) => !skip[i])
    m = maps.length === tr.mapping.maps.length ? tr.mapping : new Mapping(maps)
    effective.set(tr, m)
  }
  return m
}
