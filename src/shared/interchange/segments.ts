import type { LaidInline, LaidTextblock } from './layout'

/**
 * Cuts laid-out text at annotation boundaries. Annotations may overlap and nest, so the text
 * is split into segments at every start and end, and each segment carries every annotation
 * covering it. One sorted sweep over all boundaries: O((n + b) log n) for n annotations and
 * b inline nodes, plus the size of the covering lists.
 */

export interface Span {
  /** Index into the caller's list; segments and events name annotations by it. */
  index: number
  start: number
  end: number
}

/** What a format writes for one textblock, in order. */
export type InlineEvent =
  /** A piece of one inline node; `covering` lists span indices in ascending order. */
  | { type: 'text'; inline: LaidInline; text: string; start: number; covering: number[] }
  | { type: 'start'; index: number }
  /** The span ended: its last character was just written. */
  | { type: 'end'; index: number }

interface Boundary {
  pos: number
  /** 0 = end, 1 = start: at the same position ends come first. */
  order: 0 | 1
  index: number
}

/** A sweep over the text, fed textblocks in document order. */
export class Segmenter {
  private readonly boundaries: Boundary[]
  private next = 0
  private readonly active = new Set<number>()
  private sortedActive: number[] | null = []
  /** Starts that fell after a block's last character: they open in the next block. */
  private deferred: number[] = []

  constructor(spans: Span[]) {
    const boundaries: Boundary[] = []
    for (const s of spans) {
      if (!(s.end > s.start)) continue
      boundaries.push({ pos: s.start, order: 1, index: s.index }, { pos: s.end, order: 0, index: s.index })
    }
    boundaries.sort((a, b) => a.pos - b.pos || a.order - b.order || a.index - b.index)
    this.boundaries = boundaries
  }

  /**
   * The events of one textblock. `nextStart` is where the next textblock starts (Infinity for
   * the last): spans ending before it close in this block, so a span whose end offset falls
   * in a block separator still closes after its last real character.
   */
  block(block: LaidTextblock, nextStart: number): InlineEvent[] {
    const out: InlineEvent[] = []
    for (const index of this.deferred) this.open(index, out)
    this.deferred = []
    for (const inline of block.inlines) {
      const end = inline.start + inline.text.length
      this.advance(inline.start, true, out)
      let from = inline.start
      while (this.next < this.boundaries.length && this.boundaries[this.next].pos < end) {
        const pos = this.boundaries[this.next].pos
        if (pos > from) {
          out.push(this.piece(inline, from, pos))
          from = pos
        }
        this.advance(pos, true, out)
      }
      if (end > from) out.push(this.piece(inline, from, end))
      this.advance(end, false, out)
    }
    // Close what ends up to the next block; starts past this block's text wait for it.
    while (this.next < this.boundaries.length) {
      const b = this.boundaries[this.next]
      if (!(b.pos < nextStart || (b.pos === nextStart && b.order === 0))) break
      this.next++
      if (b.order === 0) this.close(b.index, out)
      else this.deferred.push(b.index)
    }
    return out
  }

  /** Applies boundaries at or before `pos`; starts at `pos` only when `withStarts`. */
  private advance(pos: number, withStarts: boolean, out: InlineEvent[]): void {
    while (this.next < this.boundaries.length) {
      const b = this.boundaries[this.next]
      if (b.pos > pos || (b.pos === pos && b.order === 1 && !withStarts)) break
      this.next++
      if (b.order === 0) this.close(b.index, out)
      else this.open(b.index, out)
    }
  }

  private open(index: number, out: InlineEvent[]): void {
    this.active.add(index)
    this.sortedActive = null
    out.push({ type: 'start', index })
  }

  private close(index: number, out: InlineEvent[]): void {
    // A span may end before it was opened only when both fall in one separator.
    const deferredAt = this.deferred.indexOf(index)
    if (deferredAt >= 0) {
      this.deferred.splice(deferredAt, 1)
      return
    }
    if (!this.active.delete(index)) return
    this.sortedActive = null
    out.push({ type: 'end', index })
  }

  private piece(inline: LaidInline, from: number, to: number): InlineEvent {
    if (this.sortedActive === null) this.sortedActive = [...this.active].sort((a, b) => a - b)
    return {
      type: 'text',
      inline,
      text: inline.text.slice(from - inline.start, to - inline.start),
      start: from,
      covering: this.sortedActive
    }
  }
}

/** The events of every textblock of a layout (in document order), for formats that walk the block tree. */
export function segmentTextblocks(textblocks: LaidTextblock[], spans: Span[]): Map<LaidTextblock, InlineEvent[]> {
  const segmenter = new Segmenter(spans)
  const events = new Map<LaidTextblock, InlineEvent[]>()
  textblocks.forEach((block, i) => {
    const nextStart = i + 1 < textblocks.length ? textblocks[i + 1].start : Infinity
    events.set(block, segmenter.block(block, nextStart))
  })
  return events
}
