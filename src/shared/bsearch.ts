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
