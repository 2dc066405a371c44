import type { StepMap } from 'prosemirror-transform'
import { firstIndex } from '../../../shared/bsearch'
import { stepChange } from '../step-change'
import type { AnnotationRecord } from './types'

/** Whether a step that touches an annotation kept its words (typed inside it or at an edge), given where it maps it. */
export type TouchCheck = (record: AnnotationRecord, from: number, to: number) => boolean

/**
 * The live annotations, by id and in document order, as a persistent value that a typed key
 * updates in time that does not grow with their number (as PlacedList does for suggestions).
 *
 * A key typed early in a long article moves every annotation after it. Instead of a new
 * record for each (~1,800 of 2,000 objects and a copied Map, every key), the list keeps one
 * pending shift: from index `lazyFrom` on, every stored position is `lazyBy` short of the
 * real one. A key finds, by binary search, the few annotations that can touch it (those
 * starting at most `reach`, the longest annotation's length, before it) and maps those on
 * their own. Records are read with their real positions, made once per list and kept, so a
 * record read twice is the same object.
 */
export class LiveRecords {
  private readonly made: (AnnotationRecord | undefined)[] = []
  private ordered: readonly AnnotationRecord[] | null

  private constructor(
    /** In document order; from `lazyFrom` on, positions are `lazyBy` short. */
    private readonly stored: readonly AnnotationRecord[],
    private readonly lazyFrom: number,
    private readonly lazyBy: number,
    /** At least the length of the longest annotation. */
    private readonly reach: number,
    /** Each annotation's index in `stored`. */
    private readonly index: ReadonlyMap<string, number>
  ) {
    this.ordered = lazyBy === 0 ? stored : null
  }

  /** The live annotations, with real positions, in any order. */
  static of(records: Iterable<AnnotationRecord>): LiveRecords {
    const sorted = [...records].sort(documentOrder)
    let reach = 0
    const index = new Map<string, number>()
    sorted.forEach((r, i) => {
      reach = Math.max(reach, r.to - r.from)
      index.set(r.id, i)
    })
    return new LiveRecords(sorted, sorted.length, 0, reach, index)
  }

  get size(): number {
    return this.stored.length
  }

  get(id: string): AnnotationRecord | undefined {
    const i = this.index.get(id)
    return i === undefined ? undefined : this.real(i)
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
    if (!this.ordered) this.ordered = this.stored.map((_, i) => this.real(i))
    return this.ordered
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
    const { stored, lazyFrom, lazyBy } = this
    const fromOf = (i: number): number => stored[i].from + (i >= lazyFrom ? lazyBy : 0)
    // Annotations starting before `a` end before the step; from `b` on, they start after it.
    const a = firstIndex(stored.length, (i) => fromOf(i) >= lo - this.reach)
    const b = firstIndex(stored.length, (i) => fromOf(i) > hi)
    const next = stored.slice(0, Math.min(a, lazyFrom))
    for (let i = Math.min(a, lazyFrom); i < a; i++) next.push(this.real(i))
    let reach = this.reach
    for (let i = a; i < b; i++) {
      const r = this.real(i)
      if (r.to < lo) {
        next.push(r)
        continue
      }
      const from = map.map(r.from, 1)
      const to = map.map(r.to, -1)
      if (from === r.from && to === r.to) next.push(r)
      else if (!keeps(r, from, to)) return null
      else {
        next.push({ ...r, from, to })
        reach = Math.max(reach, to - from)
      }
    }
    // From here on the pending shift grows by the step's; those not yet behind it are
    // stored short by it.
    const shiftFrom = next.length
    const by = lazyBy + shift
    for (let i = b; i < lazyFrom; i++) next.push(shifted(stored[i], shift - by))
    for (let i = Math.max(b, lazyFrom); i < stored.length; i++) next.push(stored[i])
    const list = new LiveRecords(next, shiftFrom, by, reach, this.index)
    // Mapping keeps starts in order, but can make two equal (a deletion up to an annotation),
    // and then the longer one must come first.
    for (let i = Math.max(1, a); i <= Math.min(b, next.length - 1); i++) {
      if (documentOrder(list.real(i - 1), list.real(i)) > 0) return null
    }
    return list
  }

  private real(i: number): AnnotationRecord {
    if (i < this.lazyFrom || this.lazyBy === 0) return this.stored[i]
    return (this.made[i] ??= shifted(this.stored[i], this.lazyBy))
  }
}

function shifted(r: AnnotationRecord, by: number): AnnotationRecord {
  return by === 0 ? r : { ...r, from: r.from + by, to: r.to + by }
}

/** Document order: by start, then the longer first so an outer annotation precedes one nested in it. */
export function documentOrder(a: AnnotationRecord, b: AnnotationRecord): number {
  return a.from - b.from || b.to - a.to || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
