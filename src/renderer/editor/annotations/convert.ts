import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import { anchorFor, reanchor, type Reanchored } from '../../../shared/anchor'
import { FuzzyBudget } from '../../../shared/anchor/reanchor'
import type { Annotation } from '../../../shared/domain'
import { offsetToPos, posToOffset, projectDoc, type Projection } from '../../../shared/text'
import { annotationSet } from './plugin'
import type { AnnotationRecord } from './types'

/**
 * Approximate searching an article may do as it opens (~0.5 s here): 200 quotes missing from
 * a 1 MB text would otherwise hold the window for seconds. Quotes it cannot pay for are listed
 * as not found this time, with their anchors kept, and looked for again at the next open.
 */
export const OPEN_FUZZY_STEPS = 70_000_000

/**
 * Places stored annotations in a document: at their stored offsets when the text there is
 * still their quote, else where the quote is found again (exactly, then approximately, within
 * `budget`), else as orphans. With `now`, an annotation that had to move or was orphaned is
 * stamped as updated then (so saving records when its anchor changed).
 */
export function annotationsFromStored(doc: Node, stored: readonly Annotation[], now?: string, budget = new FuzzyBudget(OPEN_FUZZY_STEPS)): AnnotationRecord[] {
  const projection = projectDoc(doc)
  const { text } = projection
  // Edits elsewhere shift every later annotation alike: in text order, the last shift is the best guess.
  const order = stored.map((_, i) => i).sort((i, j) => stored[i].anchor.start - stored[j].anchor.start)
  const records: AnnotationRecord[] = new Array(stored.length)
  let shift = 0
  for (const i of order) {
    const a = stored[i]
    const found = reanchor(text, a.anchor, { shift, budget })
    if (found.how !== 'orphaned') shift = found.start - a.anchor.start
    records[i] = toRecord(projection, a, found, now)
  }
  return records
}

function toRecord(projection: Projection, a: Annotation, found: Reanchored, now: string | undefined): AnnotationRecord {
  const from = found.how === 'orphaned' ? -1 : offsetToPos(projection, found.start, 1)
  const to = found.how === 'orphaned' ? -1 : offsetToPos(projection, found.end, -1)
  if (found.how === 'orphaned' || from >= to) {
    const { exact, prefix, suffix } = a.anchor
    return record(a, now && a.placement !== 'orphaned' ? now : a.updatedAt, 'orphaned', -1, -1, exact, prefix, suffix, a.anchor)
  }
  const { exact, prefix, suffix } = anchorFor(projection.text, found.start, found.end)
  const moved = found.start !== a.anchor.start || found.end !== a.anchor.end || a.placement === 'orphaned'
  return record(a, now && moved ? now : a.updatedAt, 'anchored', from, to, exact, prefix, suffix, null)
}

/**
 * The record, built field by field: opening an article makes 2,000 of them, and copying the
 * stored annotation with a spread and deleting its anchor cost ~15 ms of the open (V8's slow
 * path for an object with a deleted key).
 */
function record(
  a: Annotation,
  updatedAt: string,
  placement: AnnotationRecord['placement'],
  from: number,
  to: number,
  exact: string,
  prefix: string,
  suffix: string,
  orphanAnchor: Annotation['anchor'] | null
): AnnotationRecord {
  return {
    id: a.id,
    kind: a.kind,
    fields: a.fields,
    origin: a.origin,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    updatedBy: a.updatedBy,
    updatedAt,
    placement,
    from,
    to,
    exact,
    prefix,
    suffix,
    orphanAnchor
  } as AnnotationRecord
}

/**
 * The annotations to save: anchored ones in document order with offsets and quote taken
 * from the current text, then orphans with the anchor they were stored with. Annotations
 * whose text was deleted are left out (they are deleted).
 */
export function annotationsToStored(state: EditorState): Annotation[] {
  const set = annotationSet(state)
  const projection = projectDoc(state.doc)
  const out: Annotation[] = []
  for (const r of set.list()) {
    const start = posToOffset(projection, r.from)
    const end = posToOffset(projection, r.to)
    if (end <= start) continue
    out.push(toStored(r, anchorFor(projection.text, start, end), 'anchored'))
  }
  for (const r of set.orphans.values()) {
    const anchor = r.orphanAnchor ?? { start: 0, end: r.exact.length, exact: r.exact, prefix: r.prefix, suffix: r.suffix }
    out.push(toStored(r, anchor, 'orphaned'))
  }
  return out
}

function toStored(r: AnnotationRecord, anchor: Annotation['anchor'], placement: Annotation['placement']): Annotation {
  return {
    id: r.id,
    kind: r.kind,
    fields: r.fields,
    anchor,
    origin: r.origin,
    placement,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt
  } as Annotation
}
