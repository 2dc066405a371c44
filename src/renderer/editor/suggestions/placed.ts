import type { StepMap } from 'prosemirror-transform'
import { firstIndex } from '../../../shared/bsearch'
import { ShiftedList } from '../shifted-list'
import { stepChange } from '../step-change'
import type { PosSpan, SuggestionItem } from './plugin'

/**
 * The suggestions placed in a document, in document order, as a persistent value that a
 * typed key updates in time that does not grow with their number (see ShiftedList): a key
 * finds, by binary search, the few suggestions near it, checks and maps those on their own,
 * and moves the pending shift for the rest (~500 new objects a key before, on the bench).
 */
export class PlacedList {
  private constructor(
    private readonly items: ShiftedList<SuggestionItem>,
    /** At least how far any part of a suggestion starts before its `from` (a quote's speaker before it). */
    private readonly lead: number,
    /** At least how far any part of a suggestion reaches past its `from`. */
    private readonly reach: number
  ) {}

  static readonly empty = new PlacedList(new ShiftedList([], 0, 0, shifted), 0, 0)

  /** A list of suggestions with real positions, in any order. */
  static of(items: readonly SuggestionItem[]): PlacedList {
    const sorted = [...items].sort((a, b) => a.from - b.from)
    let lead = 0
    let reach = 0
    for (const i of sorted) {
      lead = Math.max(lead, i.from - firstPos(i))
      reach = Math.max(reach, lastPos(i) - i.from)
    }
    return new PlacedList(new ShiftedList(sorted, sorted.length, 0, shifted), lead, reach)
  }

  get length(): number {
    return this.items.length
  }

  /** The suggestions with their real positions, in document order. */
  all(): readonly SuggestionItem[] {
    return this.items.all()
  }

  /**
   * The list after one step (a typed key, a deletion): suggestions whose words the step
   * changes are dropped (their keys in `dropped`), the others follow the text.
   */
  afterStep(map: StepMap): { list: PlacedList; dropped: string[] } {
    const { ranges: changed, from: lo, to: hi, shift } = stepChange(map)
    if (lo === Infinity) return { list: this, dropped: [] }
    const items = this.items
    // Suggestions starting before `a` end before the step; from `b` on, they start after it.
    const a = firstIndex(items.length, (i) => items.fromAt(i) >= lo - this.reach)
    const b = firstIndex(items.length, (i) => items.fromAt(i) > hi + this.lead)
    let lead = this.lead
    let reach = this.reach
    const next = items.afterStep(a, b, shift, (s) => {
      if (lastPos(s) < lo) return s
      if (firstPos(s) > hi) return shifted(s, shift)
      if (changed.some(([start, end]) => start < s.to && end > s.from)) return 'drop'
      const m = mapped(map, s)
      lead = Math.max(lead, m.from - firstPos(m))
      reach = Math.max(reach, lastPos(m) - m.from)
      return m
    })!
    return { list: new PlacedList(next.list, lead, reach), dropped: next.dropped.map((s) => s.key) }
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
