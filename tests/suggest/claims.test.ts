import { describe, expect, it } from 'vitest'
import { claimScore, suggest, type Suggestion } from '../../src/shared/suggest'

type Claim = Extract<Suggestion, { kind: 'claim' }>
const claims = (text: string): Claim[] => suggest(text, { kinds: ['claim'] }).filter((s): s is Claim => s.kind === 'claim')

describe('check-worthy claims', () => {
  it('a sentence with a percentage is check-worthy, for that reason', () => {
    const r = claimScore('Unemployment in the county fell to 4.2 percent last year.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toContain('percentage')
  })

  it('money, figures and dates are named as reasons', () => {
    const r = claimScore('The city spent $12 million on the stadium in 2019.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toEqual(expect.arrayContaining(['money', 'figure', 'date']))
  })

  it('a record or superlative is a reason', () => {
    const r = claimScore('This was the largest wildfire in the history of the state.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toContain('record or superlative')
  })

  it('a comparison is a reason', () => {
    const r = claimScore('Crime in the district is higher than it was a decade ago.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toContain('comparison')
  })

  it('a causal statement is a reason', () => {
    expect(claimScore('The plant closed because of the new tariff on steel.').reasons).toContain('causal')
  })

  it('an attributed statement of fact is a reason', () => {
    expect(claimScore('According to the census, the town has grown since 2010.').reasons).toContain('attributed fact')
  })

  it('questions, thanks and opinions are not check-worthy', () => {
    expect(claimScore('What are you going to do about it?').score).toBeLessThan(0.5)
    expect(claimScore('Thank you all so much for coming tonight.').score).toBeLessThan(0.5)
    expect(claimScore('I think we should be more hopeful.').score).toBeLessThan(0.5)
  })

  it('scores stay between 0 and 1', () => {
    for (const s of ['', 'Yes.', 'In 2019 the 3 largest firms cut 40 percent of $9 billion in jobs, the most ever, because of higher taxes, the data shows.']) {
      const { score } = claimScore(s)
      expect(score).toBeGreaterThanOrEqual(0)
      expect(score).toBeLessThanOrEqual(1)
    }
  })

  it('an article gets claim suggestions on the sentences that state checkable facts', () => {
    const text = 'The council met on Monday. Property taxes rose 8 percent in 2023, the highest rise in a decade.\n\nWhat happens next?'
    const cs = claims(text)
    expect(cs).toHaveLength(1)
    expect(cs[0].text).toBe('Property taxes rose 8 percent in 2023, the highest rise in a decade.')
    expect(text.slice(cs[0].start, cs[0].end)).toBe(cs[0].text)
  })

  it('a claim made in reported speech is the reported clause, attributed to a source', () => {
    const text = 'The mayor said that the city had hired 300 new teachers since 2020.'
    const [c] = claims(text)
    expect(c.text).toBe('the city had hired 300 new teachers since 2020')
    expect(c.reasons).toContain('attributed to a source')
  })
})
