import { isHistoryTransaction } from 'prosemirror-history'
import type { Transaction } from 'prosemirror-state'
import type { StepMap } from 'prosemirror-transform'
import { effectiveMapping, leavesDocumentEqual } from '../step-change'
import type { AnnotationRecord } from './types'

/**
 * What undo and redo do to annotations, exactly.
 *
 * prosemirror-history undoes an edit by inverting its steps, and annotations (plugin state,
 * not marks) follow those steps only by mapping: words an edit took from an annotation come
 * back as plain text, and guessing which annotation they belonged to fails where several
 * quick edits were grouped into one undo step. So for each undo step (an "event") the
 * annotations its edits changed are remembered as they were before it, in the positions of
 * the text before it; undoing the event puts them back just so (the text is then exactly what
 * it was), and redoing it puts back what the undo replaced. The stacks keep in step with the
 * history plugin's own by its depth, read before and after each transaction.
 */

/** Where an annotation was: listed in the text, hidden (its words deleted), orphaned, or not there. */
export type Place = 'live' | 'zombie' | 'orphan' | 'absent'

/** An annotation as it was before an event: where, its record, and whether it had lost words at an edge. */
export interface Prior {
  place: Place
  record: AnnotationRecord | null
  clipped: boolean
}

/** The annotations an event changed, as they were before it (ids not in it were not changed). */
export type Snapshot = ReadonlyMap<string, Prior>

/**
 * One undo step's record: the annotations it changed as they were on its other side, and the
 * maps of its edits in order (the history merges its inverted steps, which loses where the
 * words in between went; these do not). Every other annotation follows these maps.
 */
export interface EventRecord {
  priors: Snapshot
  maps: readonly StepMap[]
}

export interface UndoStacks {
  undo: readonly EventRecord[]
  redo: readonly EventRecord[]
}

export const EMPTY_STACKS: UndoStacks = { undo: [], redo: [] }

/** The history plugin's depths around one transaction. */
export interface Depths {
  undoBefore: number
  undoAfter: number
  redoBefore: number
  redoAfter: number
}

/** What a transaction is to the history: a new event, part of the last one, an undo, a redo, or nothing. */
export type HistoryMove = 'new' | 'grouped' | 'undo' | 'redo' | 'none'

export function historyMove(tr: Transaction, d: Depths): HistoryMove {
  if (tr.steps.length === 0 || d.undoAfter + d.redoAfter === 0) return 'none'
  if (isHistoryTransaction(tr)) return d.undoAfter < d.undoBefore ? 'undo' : d.undoAfter > d.undoBefore ? 'redo' : 'none'
  if (tr.getMeta('addToHistory') === false) return 'none'
  if (d.undoAfter > d.undoBefore) return 'new'
  // Added to the redo side (a transaction appended to an undo): not an event of the undo side.
  return d.redoAfter === d.redoBefore ? 'grouped' : 'none'
}

/** A prior in the positions of the event's starting text: back through the maps of the event so far. */
export function backToEventStart(prior: Prior, maps: readonly StepMap[]): Prior {
  const r = prior.record
  if (!r || maps.length === 0 || prior.place === 'orphan' || prior.place === 'absent') return prior
  const inverted = maps.map((m) => m.invert())
  const from = follow(maps, inverted, r.from, 1)
  const to = follow(maps, inverted, r.to, -1)
  return from === r.from && to === r.to ? prior : { ...prior, record: { ...r, from, to } }
}

/** The stacks after a transaction, given the priors it recorded (for a new or grouped event) or the counterpart of what it restored (undo, redo). */
export function nextStacks(stacks: UndoStacks, move: HistoryMove, tr: Transaction, d: Depths, recorded: Snapshot, counterpart: Snapshot | null): UndoStacks {
  let { undo, redo } = stacks
  // A transaction that left the text as it was (a drop onto itself) moved nothing: its maps,
  // a deletion and an insertion, would squeeze positions inside them to their edges.
  const maps = leavesDocumentEqual(tr) ? [] : effectiveMapping(tr).maps
  if (move === 'new') {
    undo = [...undo, { priors: recorded, maps }]
    redo = []
  } else if (move === 'grouped') {
    const top = undo[undo.length - 1]
    if (top) {
      let priors = top.priors
      if (recorded.size) {
        const merged = new Map(top.priors)
        for (const [id, p] of recorded) if (!merged.has(id)) merged.set(id, p)
        priors = merged
      }
      undo = [...undo.slice(0, -1), { priors, maps: maps.length ? [...top.maps, ...maps] : top.maps }]
    } else undo = [{ priors: recorded, maps }]
  } else if (move === 'undo') {
    const top = undo[undo.length - 1]
    undo = undo.slice(0, -1)
    redo = [...redo, { priors: counterpart ?? new Map(), maps: top?.maps ?? [] }]
  } else if (move === 'redo') {
    const top = redo[redo.length - 1]
    redo = redo.slice(0, -1)
    undo = [...undo, { priors: counterpart ?? new Map(), maps: top?.maps ?? [] }]
  } else {
    return stacks
  }
  // The history forgets its oldest events past its depth: so do these.
  if (undo.length > d.undoAfter) undo = undo.slice(undo.length - d.undoAfter)
  if (redo.length > d.redoAfter) redo = redo.slice(redo.length - d.redoAfter)
  return { undo, redo }
}

/** A position moved back through an event's maps (`back`, for an undo) or forward through them (a redo). */
export function follow(maps: readonly StepMap[], inverted: readonly StepMap[] | null, pos: number, assoc: -1 | 1): number {
  if (inverted) {
    for (let i = inverted.length - 1; i >= 0; i--) pos = inverted[i].map(pos, assoc)
  } else {
    for (const m of maps) pos = m.map(pos, assoc)
  }
  return pos
}
