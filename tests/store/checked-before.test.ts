import { describe, expect, it } from 'vitest'
import { evaluate } from '../../scripts/checked-before-eval'
import { quantitiesOf, sameQuantity } from '../../src/shared/search/quantities'
import { claimSimilarity, readClaim } from '../../src/shared/search/similar'

describe('checked before', () => {
  it('reads one figure however it is written, and tells close figures apart', () => {
    const same = (a: string, b: string): boolean => sameQuantity(quantitiesOf(a)[0], quantitiesOf(b)[0])
    expect(same('$190 billion', '$190bn')).toBe(true)
    expect(same('$190bn', '190 billion dollars')).toBe(true)
    expect(same('$1.42 billion', '$1,420 million')).toBe(true)
    expect(same('$212m', '$212 million')).toBe(true)
    expect(same('6.8%', '6.8 per cent')).toBe(true)
    expect(same('6.8%', '7.3%')).toBe(false)
    expect(same('$190bn', '$19bn')).toBe(false)
    expect(same('6.8%', '6.8 points')).toBe(false)
    expect(quantitiesOf('since 1998')[0].kind).toBe('year')
    expect(same('in 2025', 'in 2024')).toBe(false)
  })

  it('needs figures and names to agree before words count', () => {
    const sim = (a: string, b: string): number => claimSimilarity(readClaim(a), readClaim(b))
    expect(sim('Federal disaster relief spending hit $190bn in 2025.', 'The federal government spent $190 billion on disaster relief in 2025.')).toBeGreaterThan(0.3)
    expect(sim('Federal disaster relief spending hit $190bn in 2024.', 'The federal government spent $190 billion on disaster relief in 2025.')).toBe(0)
    expect(sim('An audit found a $14m deficit in Riverton schools.', 'Eastfield’s school district faces a $14 million deficit, the state audit found.')).toBe(0)
    expect(sim('Whitfield says 190,000 jobs were created in the state last year.', 'Governor Dana Whitfield said the state created 190,000 jobs last year.')).toBeGreaterThan(0.3)
  })

  it('on the labelled set, precision and recall at the top 3 are at least 90%', () => {
    const r = evaluate()
    expect(r.labelled).toBeGreaterThanOrEqual(20)
    expect(r.precision, JSON.stringify(r.misses, null, 1)).toBeGreaterThanOrEqual(0.9)
    expect(r.recall, JSON.stringify(r.misses, null, 1)).toBeGreaterThanOrEqual(0.9)
  })
})
