import type { Node } from 'prosemirror-model'
import { LiveRecords } from './live'
import { EMPTY_STACKS, type UndoStacks } from './undo-stack'
import type { AnnotationRecord } from './types'

/**
 * The annotation plugin's state: a persistent value, replaced (never changed) by each
 * transaction that affects it.
 */
export class AnnotationSet {
  constructor(
    /** Annotations with text in the document, by id and in document order. */
    readonly live: LiveRecords,
    /**
     * Annotations whose text was deleted: hidden, kept so that undo can bring them back.
     * `from`/`to` is where their text was (possibly an empty range).
     */
    readonly zombies: ReadonlyMap<string, AnnotationRecord>,
    /** Annotations whose stored anchor could not be found in the text. */
    readonly orphans: ReadonlyMap<string, AnnotationRecord>,
    /** Live annotations that lost text at a boundary; undo may stretch them back over `exact`. */
    readonly clipped: ReadonlySet<string>,
    /** The annotation the user selected (UI state, not in history). */
    readonly selectedId: string | null,
    /** Increases whenever the listed annotations or their data change (not when they only move). */
    readonly version: number,
    /** Ids whose drawing changed in the transaction that made this value (for the painters). */
    readonly touched: ReadonlySet<string>,
    /** What undo and redo put back exactly (see undo-stack.ts). */
    readonly stacks: UndoStacks = EMPTY_STACKS
  ) {}

  /** Live annotations in document order: by start, the longer (outer) first. */
  list(): readonly AnnotationRecord[] {
    return this.live.list()
  }

  /** The plugin's first state, from the records the article opens with. */
  static create(doc: Node, records: readonly AnnotationRecord[]): AnnotationSet {
    const live = new Map<string, AnnotationRecord>()
    const orphans = new Map<string, AnnotationRecord>()
    const size = doc.content.size
    for (const r of records) {
      if (live.has(r.id) || orphans.has(r.id)) throw new RangeError(`Annotation ${r.id} is listed twice`)
      if (r.placement === 'orphaned') {
        orphans.set(r.id, r)
      } else if (!(Number.isInteger(r.from) && Number.isInteger(r.to) && 0 <= r.from && r.from < r.to && r.to <= size)) {
        throw new RangeError(`Annotation ${r.id} has range ${r.from}-${r.to}, outside a document of size ${size}`)
      } else {
        live.set(r.id, r)
      }
    }
    return new AnnotationSet(LiveRecords.of(live.values()), new Map(), orphans, new Set(), null, 0, new Set())
  }
}
