/** What a step does to one item near it: keeps it (perhaps moved), drops it, or cannot be followed item by item. */
export type NearStep<T> = T | 'drop' | 'refuse'

/**
 * Items placed in a document, in document order, as a persistent value that a typed key
 * updates in time that does not grow with their number: the core of the suggestions' and
 * the annotations' lists.
 *
 * A key typed in the middle of a long article moves every item after it. Instead of a new
 * object for each, the list keeps one pending shift: from index `lazyFrom` on, every stored
 * position is `lazyBy` short of the real one. A step gives its own treatment to the few items
 * near it, moves the pending shift, and rewrites only the items between its old and new
 * place. Items are read with their real positions, made once per list and kept, so an item
 * read twice is the same object.
 */
export class ShiftedList<T extends { from: number }> {
  private readonly made: (T | undefined)[] = []
  private real: readonly T[] | null

  constructor(
    /** In document order; from `lazyFrom` on, positions are `lazyBy` short. */
    private readonly stored: readonly T[],
    private readonly lazyFrom: number,
    private readonly lazyBy: number,
    /** The item moved by `by`. */
    private readonly move: (item: T, by: number) => T
  ) {
    this.real = lazyBy === 0 ? stored : null
  }

  get length(): number {
    return this.stored.length
  }

  /** Where the `i`th item starts. */
  fromAt(i: number): number {
    return this.stored[i].from + (i >= this.lazyFrom ? this.lazyBy : 0)
  }

  /** The `i`th item, with its real positions. */
  at(i: number): T {
    if (i < this.lazyFrom || this.lazyBy === 0) return this.stored[i]
    return (this.made[i] ??= this.move(this.stored[i], this.lazyBy))
  }

  /** The items with their real positions, in document order. */
  all(): readonly T[] {
    if (!this.real) this.real = this.stored.map((_, i) => this.at(i))
    return this.real
  }

  /**
   * The list after a step that moves everything after it by `shift`: items before index
   * `near` stay, items from index `after` on move, and each item between is given to
   * `step`. Null when `step` refuses one. Items `step` keeps must stay in order.
   */
  afterStep(near: number, after: number, shift: number, step: (item: T) => NearStep<T>): { list: ShiftedList<T>; dropped: T[] } | null {
    const { stored, lazyFrom, lazyBy } = this
    const next = stored.slice(0, Math.min(near, lazyFrom))
    for (let i = Math.min(near, lazyFrom); i < near; i++) next.push(this.at(i))
    const dropped: T[] = []
    for (let i = near; i < after; i++) {
      const item = this.at(i)
      const kept = step(item)
      if (kept === 'refuse') return null
      if (kept === 'drop') dropped.push(item)
      else next.push(kept)
    }
    // From here on the pending shift grows by the step's; those not yet behind it are
    // stored short by it.
    const shiftFrom = next.length
    const by = lazyBy + shift
    for (let i = after; i < lazyFrom; i++) next.push(this.move(stored[i], shift - by))
    for (let i = Math.max(after, lazyFrom); i < stored.length; i++) next.push(stored[i])
    return { list: new ShiftedList(next, shiftFrom, by, this.move), dropped }
  }
}
