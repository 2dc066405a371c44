import { describe, expect, it } from 'vitest'
import { lastAtOrBefore, overlapIndex } from '../../src/shared/bsearch'

describe('binary searches', () => {
  it('lastAtOrBefore finds the item a position falls in', () => {
    const starts = [0, 10, 25, 40]
    expect([0, 9, 10, 24, 25, 39, 40, 100].map((x) => lastAtOrBefore(starts, (s) => s, x))).toEqual([0, 0, 1, 1, 2, 2, 3, 3])
  })

  it('overlapIndex agrees with checking every span, touching ends not counting as overlap', () => {
    let seed = 7
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return Math.floor((seed / 2147483648) * n)
    }
    const spans = Array.from({ length: 300 }, () => {
      const from = rand(5000)
      return { from, to: from + 1 + rand(rand(10) === 0 ? 800 : 40) }
    })
    const overlaps = overlapIndex(spans)
    for (let i = 0; i < 3000; i++) {
      const from = rand(5200)
      const to = from + 1 + rand(60)
      expect(overlaps(from, to)).toBe(spans.some((s) => s.from < to && from < s.to))
    }
    const one = overlapIndex([{ from: 10, to: 20 }])
    expect([one(0, 10), one(20, 30), one(19, 20), one(0, 11), one(12, 13)]).toEqual([false, false, true, true, true])
    expect(overlapIndex([])(0, 100)).toBe(false)
  })
})
