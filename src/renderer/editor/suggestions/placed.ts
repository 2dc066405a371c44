import type { StepMap } from 'prosemirror-transform'
import { firstIndex } from '../../../shared/bsearch'
import { stepChange } from '../step-change'
import type { PosSpan, SuggestionItem } from './plugin'

/**
 * The suggestions placed in a document, in document order, as a persistent value that a
 * typed key updates in time that does not grow with their number.
 *
 * A key typed in the middle of a long article moves every suggestion after it. Instead of
 * making ~500 new objects a key, the list keeps one pending shift: from index `lazyFrom` on,
 * every stored position is `lazyBy` less than the real one. A key then finds, by binary
 * search, the few suggestions near it (each is checked and mapped on its own) and moves the
 * pending shift; only suggestions between the old and the new place of the shift are
 * rewritten. `all()` gives the real positions, worked out once per list.
 */
export class PlacedList {
  private real: readonly SuggestionItem[] | null

  private constructor(
    /** In document order (by `from`); from `lazyFrom` on, positions are `lazyBy` short. */
    private readonly stored: readonly SuggestionItem[],
    private readonly lazyFrom: number,
    private readonly lazyBy: number,
    /** At least how far any part of a suggestion starts before its `from` (a quote's speaker before it). */
    private readonly lead: number,
    /** At least how far any part of a suggestion reaches past its `from`. */
    private readonly reach: number
  ) {
    this.real = lazyBy === 0 ? stored : null
  }

  static readonly empty = new PlacedList([], 0, 0, 0, 0)

  /** A list of suggestions with real positions, in any order. */
  static of(items: readonly SuggestionItem[]): PlacedList {
    const sorted = [...items].sort((a, b) => a.from - b.from)
    let lead = 0
    let reach = 0
    for (const i of sorted) {
      lead = Math.max(lead, i.from - firstPos(i))
      reach = Math.max(reach, lastPos(i) - i.from)
    }
    return new PlacedList(sorted, sorted.length, 0, lead, reach)
  }

  get length(): number {
    return this.stored.length
  }

  /** The suggestions with their real positions, in document order. */
  all(): readonly SuggestionItem[] {
    if (!this.real) {
      const out = this.stored.slice(0, this.lazyFrom)
      for (let i = this.lazyFrom; i < this.stored.length; i++) out.push(shifted(this.stored[i], this.lazyBy))
      this.real = out
    }
    return this.real
  }

  /**
   * The list after one step (a typed key, a deletion): suggestions whose words the step
   * changes are dropped (their keys in `dropped`), the others follow the text.
   */
  afterStep(map: StepMap): { list: PlacedList; dropped: string[] } {
    const { ranges: changed, from: lo, to: hi, shift } = stepChange(map)
    if (lo === Infinity) return { list: this, dropped: [] }
    const { stored, lazyFrom, lazyBy } = this
    const fromOf = (i: number): number => stored[i].from + (i >= lazyFrom ? lazyBy : 0)
    const real = (i: number): SuggestionItem => (i >= lazyFrom ? shifted(stored[i], lazyBy) : stored[i])
    // Suggestions starting before `a` end before the step; from `b` on, they start after it.
    const a = firstIndex(stored.length, (i) => fromOf(i) >= lo - this.reach)
    const b = firstIndex(stored.length, (i) => fromOf(i) > hi + this.lead)
    const next = stored.slice(0, Math.min(a, lazyFrom))
    for (let i = Math.min(a, lazyFrom); i < a; i++) next.push(real(i))
    const dropped: string[] = []
    let lead = this.lead
    let reach = this.reach
    for (let i = a; i < b; i++) {
      const s = real(i)
      if (lastPos(s) < lo) next.push(s)
      else if (firstPos(s) > hi) next.push(shifted(s, shift))
      else if (changed.some(([start, end]) => start < s.to && end > s.from)) dropped.push(s.key)
      else {
        const m = mapped(map, s)
        lead = Math.max(lead, m.from - firstPos(m))
        reach = Math.max(reach, lastPos(m) - m.from)
        next.push(m)
      }
    }
    // From here on the pending shift grows by the step's; those that were not yet behind it
    // are stored short by it.
    const from = next.length
    const by = lazyBy + shift
    for (let i = b; i < lazyFrom; i++) next.push(shifted(stored[i], shift - by))
    for (let i = Math.max(b, lazyFrom); i < stored.length; i++) next.push(stored[i])
    return { list: new PlacedList(next, from, by, lead, reach), dropped }
  }
}

/** The first position any part of a suggestion starts at (a quote's speaker may come before it). */
export function firstPos(i: SuggestionItem): number {
  return Math.min(i.from, i.speaker?.from ?? Infinity, i.cue?.from ?? Infinity, i.source?.from ?? Infinity, i.content?.from ?? Infinity)
}

/** The last position any part of a suggestion reaches. */
export function lastPos(i: SuggestionItem): number {
  return Math.max(i.to, i.speaker?.to ?? 0, i.cue?.to ?? 0, i.source?.to ?? 0, i.content?.to ?? 0)
}

function shifted(i: SuggestionItem, by: number): SuggestionItem {
  if (by === 0) return i
  const move = (s: PosSpan | null): PosSpan | null => (s ? { ...s, from: s.from + by, to: s.to + by } : null)
  return { ...i, from: i.from + by, to: i.to + by, speaker: move(i.speaker), cue: move(i.cue), source: move(i.source), content: move(i.content) }
}

function mapped(map: StepMap, i: SuggestionItem): SuggestionItem {
  const move = (s: PosSpan | null): PosSpan | null => (s ? { ...s, from: map.map(s.from, 1), to: map.map(s.to, -1) } : null)
  return { ...i, from: map.map(i.from, 1), to: map.map(i.to, -1), speaker: move(i.speaker), cue: move(i.cue), source: move(i.source), content: move(i.content) }
}
