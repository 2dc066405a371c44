import type { StepMap } from 'prosemirror-transform'
import { firstIndex } from '../../../shared/bsearch'
import { ShiftedList } from '../shifted-list'
import { stepChange } from '../step-change'
import type { AnnotationRecord } from './types'

/** Whether a step that touches an annotation kept its words (typed inside it or at an edge), given where it maps it. */
export type TouchCheck = (record: AnnotationRecord, from: number, to: number) => boolean

/**
 * The live annotations, by id and in document order, as a persistent value that a typed key
 * updates in time that does not grow with their number (see ShiftedList).
 *
 * A key typed early in a long article moves every annotation after it: before, a new record
 * for each (~1,800 of 2,000 objects and a copied Map, every key). Now a key finds, by binary
 * search, the few annotations that can touch it (those starting at most `reach`, the
 * longest annotation's length, before it), maps those on their own, and moves the pending
 * shift for the rest.
 */
export class LiveRecords {
  private constructor(
    private readonly items: ShiftedList<AnnotationRecord>,
    /** At least the length of the longest annotation. */
    private readonly reach: number,
    /** Each annotation's index in the list. */
    private readonly index: ReadonlyMap<string, number>
  ) {}

  /** The live annotations, with real positions, in any order. */
  static of(records: Iterable<AnnotationRecord>): LiveRecords {
    const sorted = [...records].sort(documentOrder)
    let reach = 0
    const index = new Map<string, number>()
    sorted.forEach((r, i) => {
      reach = Math.max(reach, r.to - r.from)
      index.set(r.id, i)
    })
    return new LiveRecords(new ShiftedList(sorted, sorted.length, 0, shifted), reach, index)
  }

  get size(): number {
    return this.items.length
  }

  get(id: string): AnnotationRecord | undefined {
    const i = this.index.get(id)
    return i === undefined ? undefined : this.items.at(i)
  }

  has(id: string): boolean {
    return this.index.has(id)
  }

  keys(): IterableIterator<string> {
    return this.index.keys()
  }

  /** In document order. */
  values(): IterableIterator<AnnotationRecord> {
    return this.list().values()
  }

  /** In document order: by start, the longer (outer) first. */
  list(): readonly AnnotationRecord[] {
    return this.items.all()
  }

  /**
   * The list after one step: annotations wholly before it stay, those wholly after it move
   * by its size, and those it touches are mapped when `keeps` says the step kept their words
   * (typed inside, or at an edge). Null when it did not for one of them (text deleted from
   * it), or when mapping changed their order: the caller then maps every annotation itself.
   */
  afterStep(map: StepMap, keeps: TouchCheck): LiveRecords | null {
    const { from: lo, to: hi, shift } = stepChange(map)
    if (lo === Infinity) return this
    const items = this.items
    // Annotations starting before `a` end before the step; from `b` on, they start after it.
    const a = firstIndex(items.length, (i) => items.fromAt(i) >= lo - this.reach)
    const b = firstIndex(items.length, (i) => items.fromAt(i) > hi)
    let reach = this.reach
    const next = items.afterStep(a, b, shift, (r) => {
      if (r.to < lo) return r
      const from = map.map(r.from, 1)
      const to = map.map(r.to, -1)
      if (from === r.from && to === r.to) return r
      if (!keeps(r, from, to)) return 'refuse'
      reach = Math.max(reach, to - from)
      return { ...r, from, to }
    })
    if (!next) return null
    // Mapping keeps starts in order, but can make two equal (a deletion up to an annotation),
    // and then the longer one must come first.
    const list = next.list
    for (let i = Math.max(1, a); i <= Math.min(b, list.length - 1); i++) {
      if (documentOrder(list.at(i - 1), list.at(i)) > 0) return null
    }
    return new LiveRecords(list, reach, this.index)
  }
}

function shifted(r: AnnotationRecord, by: number): AnnotationRecord {
  return by === 0 ? r : { ...r, from: r.from + by, to: r.to + by }
}

/** Document order: by start, then the longer first so an outer annotation precedes one nested in it. */
export function documentOrder(a: AnnotationRecord, b: AnnotationRecord): number {
  return a.from - b.from || b.to - a.to || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
