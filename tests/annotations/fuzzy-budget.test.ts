import { describe, expect, it } from 'vitest'
import { anchorFor, FuzzyBudget, reanchor } from '../../src/shared/anchor'
import { longArticleText } from '../helpers/hostile-files'

describe('approximate re-anchoring is bounded by a budget (issue 18, 6)', () => {
  const text = longArticleText(300_000)

  it('under a budget finds what the unbounded search finds, across the pieces it searches in', () => {
    // A quote typed with two changes, at places around the 64 K piece boundaries.
    for (const at of [1_000, 65_520, 131_050, 250_000]) {
      const a = anchorFor(text, at, at + 60)
      const changed = { ...a, start: 0, end: 60, exact: `${a.exact.slice(0, 20)}XY${a.exact.slice(22)}` }
      const free = reanchor(text, changed)
      expect(free.how, String(at)).toBe('fuzzy')
      expect(reanchor(text, changed, { budget: new FuzzyBudget(1e9) }), String(at)).toEqual(free)
    }
  })

  it('skips the searches the budget cannot pay for, says so, and never skips an exact match', () => {
    const budget = new FuzzyBudget(3 * 300_000 * 4)
    const absent = (i: number): { start: number; end: number; exact: string; prefix: string; suffix: string } => ({
      start: 0,
      end: 100,
      exact: `Zq${i} vexing quartz jumps wildly over brown foxes, while judges quiz the bold sphinx of black quartz ${i}.`,
      prefix: '',
      suffix: ''
    })
    const results = Array.from({ length: 10 }, (_, i) => reanchor(text, absent(i), { budget }))
    expect(results.filter((r) => r.how === 'orphaned' && !r.unsearched).length).toBeGreaterThanOrEqual(2)
    expect(results.slice(5).every((r) => r.how === 'orphaned' && r.unsearched)).toBe(true)
    const a = anchorFor(text, 5000, 5040)
    expect(reanchor(text, { ...a, start: 0, end: 40 }, { budget })).toEqual({ start: 5000, end: 5040, how: 'exact' })
  })

  it('an unbounded search (the editor’s own re-anchoring) is unchanged', () => {
    const a = anchorFor(text, 200_000, 200_080)
    expect(reanchor(text, { ...a, start: 10, end: 90, exact: a.exact.replace(/e/, 'é') })).toMatchObject({ how: 'fuzzy', start: 200_000 })
  })
})
