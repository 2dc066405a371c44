import { describe, expect, it } from 'vitest'
import { claimScore } from '../../src/shared/suggest'

const worthy = (s: string): boolean => claimScore(s).score >= 0.5

describe('check-worthiness: who says it and about whom', () => {
  it('a speaker telling their own story is not check-worthy; the same fact about a place is', () => {
    expect(worthy('I spoke with families across the valley about the rising cost of child care.')).toBe(false)
    expect(worthy('Families across the valley are paying more for child care than they did last year.')).toBe(true)
  })

  it('"my" and "me" mark the speaker\'s own story; "my opponent" is about someone else', () => {
    const mine = claimScore('The layoffs at the plant hit my family hard.')
    const town = claimScore('The layoffs at the plant hit the town hard.')
    expect(mine.score).toBeLessThan(town.score)
    const opponent = claimScore('The rail yard closed after a vote by my opponent.')
    expect(opponent.score).toBe(claimScore('The rail yard closed after a vote by the senator.').score)
    expect(opponent.score).toBeGreaterThan(claimScore('The rail yard closed after a vote by my brother.').score)
  })

  it("the speaker's own record in office is check-worthy, what they went through is not", () => {
    const r = claimScore('As governor I signed the bill that raised the minimum wage.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toContain('past action or record')
    expect(worthy('I read the bill that expanded the state health plan.')).toBe(false)
    expect(worthy('I signed the bill that expanded the state health plan.')).toBe(true)
    expect(worthy('I have traveled across the state and talked with farmers.')).toBe(false)
  })

  it('vague campaign boasts ("I have fought for ...") are not a record', () => {
    expect(worthy('I have fought for working families my whole career.')).toBe(false)
    expect(worthy('I have fought the big insurance companies my entire career.')).toBe(false)
  })

  it('what a named party, "they" or "the council" did is a record', () => {
    const r = claimScore('They closed the maternity ward at the county hospital.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toContain('past action or record')
    expect(worthy('The council approved the stadium deal over the objections of the mayor.')).toBe(true)
  })

  it('wanting, trying or asking is not an action on the record', () => {
    expect(claimScore('We wanted a better deal for the workers at the plant.').reasons).not.toContain('past action or record')
  })

  it('an -ed word after "the" or "a" is an adjective, not an action', () => {
    expect(claimScore('The governor has a detailed plan for a balanced budget.').reasons).not.toContain('past action or record')
  })

  it('a named party counts toward the score but is not shown as a reason', () => {
    const named = claimScore('The plant in Toledo shut down its second line.')
    const unnamed = claimScore('The plant in the north shut down its second line.')
    expect(named.score).toBeGreaterThan(unnamed.score)
    expect(named.reasons).toEqual(unnamed.reasons)
  })

  it('a day or a month is not a named party: a meeting notice stays below the line', () => {
    expect(worthy('The council met on Monday.')).toBe(false)
    expect(claimScore('The board met on Tuesday.').score).toBe(claimScore('The board met on time.').score)
  })
})

describe('check-worthiness: figures and levels', () => {
  it('a year on its own is a date, not a figure', () => {
    const r = claimScore('In 1998 the family moved to Denver.')
    expect(r.reasons).toContain('date')
    expect(r.reasons).not.toContain('figure')
  })

  it('a count of things weighs more than a count of years', () => {
    const things = claimScore('The county has closed nine rural clinics.')
    const years = claimScore('The county has waited nine years for a new bridge.')
    expect(things.score).toBeGreaterThan(years.score)
    expect(things.reasons).toContain('figure')
  })

  it('"billions of dollars" is money', () => {
    expect(claimScore('The storm caused billions of dollars in damage along the coast.').reasons).toContain('money')
  })

  it('a level that went up or down is a comparison; "up to the voters" is not', () => {
    const r = claimScore('Family income is down in every county in the region.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toContain('comparison')
    expect(claimScore('Whether the levy passes is up to the voters.').reasons).not.toContain('comparison')
  })

  it('a rate, an average or an amount per period is named as such', () => {
    const r = claimScore('The average rent in the city rose to $2,100 a month.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toContain('rate or average')
  })
})

describe('check-worthiness: short sentences', () => {
  it('a short sentence with a count or an action is still a claim; a short reply is not', () => {
    expect(worthy('Congress overrode eleven vetoes.')).toBe(true)
    expect(worthy('Ohio lost those jobs.')).toBe(true)
    expect(worthy('Yes, that is right.')).toBe(false)
    expect(worthy('We did that.')).toBe(false)
  })
})

describe('check-worthiness: public-policy subjects', () => {
  it('a statement about pensions, schools or families weighs more than one about shop hours', () => {
    const policy = claimScore('Hospitals in the county are cutting maternity services for poor families.')
    const other = claimScore('Shops in the county are cutting opening hours for the holidays.')
    expect(policy.score).toBeGreaterThan(other.score)
    expect(policy.reasons).not.toContain('law or policy')
  })
})

describe('check-worthiness: records and superlatives', () => {
  it('"first of all" opens a list, it is no record', () => {
    expect(claimScore('First of all, the council has a great deal of work ahead of it.').reasons).not.toContain('record or superlative')
    expect(claimScore('She was the first woman elected to lead the county board.').reasons).toContain('record or superlative')
  })

  it('"the most important" is a judgement, not a record', () => {
    const r = claimScore('That is the most important question facing the city.')
    expect(r.reasons).not.toContain('record or superlative')
    expect(r.score).toBeLessThan(0.5)
  })

  it('"one of the few" or "the only" is a claim of rank that can be checked', () => {
    const r = claimScore('Vermont is one of the few states without a sales tax on clothing.')
    expect(r.score).toBeGreaterThanOrEqual(0.5)
    expect(r.reasons).toContain('record or superlative')
  })

  it('a superlative with a scope ("in the world", "since 1990") is check-worthy', () => {
    expect(worthy('The port is now the busiest in the world.')).toBe(true)
    expect(worthy('The port is now the busiest.')).toBe(false)
    expect(worthy('Ours is the most expensive health care system in the world.')).toBe(true)
    expect(worthy('Ours is the most expensive health care system.')).toBe(false)
  })
})

describe('check-worthiness: opinion, hedges and speech-making', () => {
  it('verdicts and ideas ("a mistake", "a failure of vision") are opinion', () => {
    expect(worthy('The stadium deal was a mistake and a failure of vision by the council.')).toBe(false)
    expect(worthy('The council approved the stadium deal over the objections of the mayor.')).toBe(true)
  })

  it('a hedged forecast is not check-worthy', () => {
    expect(worthy('The plant will probably close sometime next year.')).toBe(false)
    expect(worthy('Perhaps the new tariff on steel caused the plant to close.')).toBe(false)
  })

  it('talk about the occasion ("my time", "tonight") is not check-worthy', () => {
    expect(worthy('Senator Ruiz used her time tonight to talk about the schools.')).toBe(false)
    expect(worthy('My time is nearly up, but the record of this administration speaks for itself.')).toBe(false)
  })

  it('a sentence broken off mid-way is not check-worthy', () => {
    expect(worthy('The county spent the grant on new buses and the rest --')).toBe(false)
    expect(worthy('The county spent the grant on new buses and the rest...')).toBe(false)
    expect(worthy('The county spent the grant on new buses and the rest on repairs.')).toBe(true)
  })
})
