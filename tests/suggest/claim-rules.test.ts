import { describe, expect, it } from 'vitest'
import { claimScore } from '../../src/shared/suggest'

describe('check-worthiness rules', () => {
  it('a record of what someone did is check-worthy, for that reason', () => {
    const r = claimScore('The senator voted against the farm bill three times in 2015.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toContain('past action or record')
  })

  it('numbers written as words count as figures', () => {
    const r = claimScore('The county opened eighty-four new clinics after the flood.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toContain('figure')
  })

  it('a comparison with words between "more" and "than" is a comparison', () => {
    expect(claimScore('The port handles more containers today than it did in 2010.').reasons).toContain('comparison')
  })

  it('a promise about the future is not check-worthy', () => {
    expect(claimScore('We will make this city safe again for every family.').score).toBeLessThan(0.5)
    expect(claimScore("I'm going to give every worker a tax cut.").score).toBeLessThan(0.5)
  })

  it('a call to action is not check-worthy', () => {
    expect(claimScore('We need to cut the business tax rate in this state.').score).toBeLessThan(0.5)
    expect(claimScore('Give them a tax break if they build here.').score).toBeLessThan(0.5)
  })

  it('memories and gratitude are not check-worthy', () => {
    expect(claimScore('I am grateful for the chance to speak with you tonight.').score).toBeLessThan(0.5)
  })

  it('a topic word alone ("taxes") is not a figure of money', () => {
    expect(claimScore('Mr. Lee talked about taxes.').reasons).not.toContain('money')
  })

  it('-ed words that are not past actions ("United", "concerned") are no record', () => {
    expect(claimScore('The United States is a country of many faiths and many voices.').reasons).not.toContain('past action or record')
    const r = claimScore('I am deeply concerned about the future of the schools in this county.')
    expect(r.reasons).not.toContain('past action or record')
    expect(r.score).toBeLessThan(0.5)
  })

  it('how someone voted, what they signed, vetoed or opposed is a record', () => {
    expect(claimScore('The governor vetoed the school funding bill last spring.').score).toBeGreaterThanOrEqual(0.5)
    const r = claimScore('My opponent opposed the highway bill and the new port.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toContain('past action or record')
  })

  it('speakers on themselves with nothing measurable are not check-worthy; with a figure they are', () => {
    expect(claimScore('I have always believed in the power of free markets and open trade.').score).toBeLessThan(0.5)
    expect(claimScore('We cut the county payroll by 12 percent in two years.').score).toBeGreaterThanOrEqual(0.5)
  })
})
