/**
 * The index of the last item whose key is at or before `x` in a list sorted by that key
 * (0 when every key is after `x`): the run, block or sentence a position falls in.
 */
export function lastAtOrBefore<T>(items: readonly T[], key: (item: T) => number, x: number): number {
  let lo = 0
  let hi = items.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (key(items[mid]) <= x) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * Answers "does [from, to) overlap any of these spans?" in O(log n) after an O(n log n)
 * build: spans sorted by start, with the furthest end among each prefix. A span overlaps
 * when it starts before `to` and ends after `from`, so among the spans starting before
 * `to`, the furthest end decides.
 */
export function overlapIndex(spans: readonly { from: number; to: number }[]): (from: number, to: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.from - b.from)
  const starts = sorted.map((s) => s.from)
  const reach: number[] = []
  let max = -Infinity
  for (const s of sorted) reach.push((max = Math.max(max, s.to)))
  return (from, to) => {
    // How many spans start before `to`.
    let lo = 0
    let hi = starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (starts[mid] < to) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && reach[lo - 1] > from
  }
}

/** The first index in [0, n) where `at` holds, for a predicate false then true; n if none. */
export function firstIndex(n: number, at: (i: number) => boolean): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (at(mid)) hi = mid
    else lo = mid + 1
  }
  return lo
}
