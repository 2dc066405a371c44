import { describe, expect, it } from 'vitest'
import { claimScore } from '../../src/shared/suggest'

const worthy = (s: string): boolean => claimScore(s).score >= 0.5
const reasons = (s: string): string[] => claimScore(s).reasons

describe('check-worthiness: what counts as an action on the record', () => {
  it('what the speaker\'s side provided, hired or deployed is a record', () => {
    expect(worthy('I hired the county\'s housing inspector.')).toBe(true)
    expect(worthy('I lifted the hiring freeze at city hall.')).toBe(true)
    expect(worthy('We deployed guard units along the river.')).toBe(true)
    expect(worthy('We brought the guard units home.')).toBe(true)
  })

  it('a denied action is on the record; not knowing or not wanting is not', () => {
    expect(reasons('The mayor did not sign the order.')).toContain('past action or record')
    expect(reasons("The governor didn't veto the pension bill.")).toContain('past action or record')
    expect(reasons('The mayor did not know about the order.')).not.toContain('past action or record')
  })

  it('"hasn\'t" and "haven\'t" report the record like "has not"', () => {
    expect(reasons("The state hasn't taken in a single refugee family.")).toContain('past action or record')
    expect(reasons("The commissioners haven't given the clinic a dime.")).toContain('past action or record')
    expect(reasons("The state hasn't a single refugee family.")).not.toContain('past action or record')
  })

  it('a passive perfect with an irregular participle is a record', () => {
    expect(reasons('The old armory has been taken over by the state.')).toContain('past action or record')
  })

  it('short past forms ("lied", "died", "hired") are actions too', () => {
    expect(worthy('The clerk lied to the grand jury.')).toBe(true)
    expect(reasons('Two workers died at the plant last spring.')).toContain('past action or record')
  })

  it('something under way counts for more than talk about it', () => {
    expect(claimScore('Troops are patrolling the northern border.').score).toBeGreaterThan(claimScore('Troops are talking about the northern border.').score)
    expect(claimScore('The district is closing two of its rural schools.').score).toBeGreaterThan(claimScore('The district is going to look at two of its rural schools.').score)
  })

  it('an opening like "Consider" or "Look at" does not sink the claim that follows', () => {
    expect(worthy('Consider the numbers: the county cut bus service by a third.')).toBe(true)
  })
})

describe('check-worthiness: hedges', () => {
  it('"I doubt", "I suspect" and "it seems to me" hedge a claim', () => {
    const known = claimScore('I know the county spent the grant on new buses.').score
    expect(claimScore('I doubt the county spent the grant on new buses.').score).toBeLessThan(known)
    expect(claimScore('I suspect the county spent the grant on new buses.').score).toBeLessThan(known)
    expect(claimScore('It seems to me the mill closed in the spring.').score).toBeLessThan(claimScore('It was clear to me the mill closed in the spring.').score)
  })
})

describe('check-worthiness: what is and is not a record or a rise', () => {
  it('"first" as a step or a term is no record; as a rank it is', () => {
    expect(reasons('To fix the roads we first must find the money.')).not.toContain('record or superlative')
    expect(reasons('In my first term the council met every week.')).not.toContain('record or superlative')
    expect(reasons('The first two years of the contract were difficult.')).not.toContain('record or superlative')
    expect(reasons('She was the first Latina elected to the state senate.')).toContain('record or superlative')
  })

  it('"ever" on its own is no record; "than ever" is', () => {
    expect(reasons('Nobody ever reads the fine print in these contracts.')).not.toContain('record or superlative')
    expect(reasons('Ridership on the buses is higher than ever.')).toContain('record or superlative')
  })

  it('words that only end in -est ("Midwest", "interest") are no superlatives', () => {
    expect(reasons('The Midwest office handles the grain contracts.')).not.toContain('record or superlative')
    expect(reasons('The interest on the loan is paid monthly.')).not.toContain('record or superlative')
    expect(reasons('It is the oldest covered bridge in the state.')).toContain('record or superlative')
  })

  it('a measurable superlative is a record; praise ("the greatest") needs a scope', () => {
    expect(reasons('It was the deadliest storm to hit the coast.')).toContain('record or superlative')
    expect(reasons('The Riverside line is the busiest route.')).toContain('record or superlative')
    expect(reasons('She is the greatest mayor this town could ask for.')).not.toContain('record or superlative')
    expect(reasons('It is the greatest port in the world.')).toContain('record or superlative')
  })

  it('a superlative scoped to the county or the city is check-worthy', () => {
    expect(worthy('The clinic is the busiest in the city.')).toBe(true)
    expect(worthy('The clinic is the busiest in the county.')).toBe(true)
    expect(worthy('The clinic is the busiest.')).toBe(false)
  })

  it('"Rose" the name is no rise; "rose" the verb is', () => {
    expect(reasons('Rose Alvarez runs the food bank on Main Street.')).not.toContain('comparison')
    expect(reasons('Rose Alvarez runs the food bank on Main Street.')).not.toContain('past action or record')
    expect(reasons('Rents rose sharply across the county.')).toContain('comparison')
  })
})

describe('check-worthiness: judgements and plans that carry a record', () => {
  it('a value judgement ("a bad contract") weighs clearly against the claim', () => {
    const plain = claimScore('The city signed a contract.').score
    expect(plain - claimScore('The city signed a bad contract.').score).toBeGreaterThanOrEqual(0.1 - 1e-9)
    expect(plain - claimScore('The city signed a great contract.').score).toBeGreaterThanOrEqual(0.1 - 1e-9)
  })

  it('ruling a plan out ("we\'re not going to") is as much a plan as promising it', () => {
    expect(claimScore("We're not going to spend millions on a new stadium.").score).toBeLessThanOrEqual(claimScore("We're going to spend millions on a new stadium.").score)
    expect(claimScore('I am not going to raise the sales tax by 2 percent.').score).toBeLessThan(claimScore('The council raised the sales tax by 2 percent.').score)
  })

  it('a plan that states what someone else did on the record can still be checked', () => {
    expect(worthy('We are going to reopen the two clinics the county closed in 2019.')).toBe(true)
    expect(worthy('We are going to reopen the clinics.')).toBe(false)
  })
})

describe('check-worthiness: appeals to the nation', () => {
  it('"America" or "our country" in a sentence reads as speech-making; a record still counts', () => {
    expect(claimScore('Jobs are coming back to America.').score).toBeLessThan(claimScore('Jobs are coming back to Ohio.').score)
    expect(claimScore('Factories in our country are hiring again.').score).toBeLessThan(claimScore('Factories in Ohio are hiring again.').score)
    expect(worthy('The American people rejected the trade deal in 1994.')).toBe(true)
  })
})

describe('check-worthiness: minutes and seconds', () => {
  it('a few minutes measure the moment, not the world; a change in them is still a claim', () => {
    expect(reasons('Senator Hale spoke for 20 minutes at the forum.')).not.toContain('figure')
    expect(worthy('Average ambulance response times rose from 9 minutes to 14 minutes last year.')).toBe(true)
  })
})

describe('check-worthiness: counts', () => {
  it('"the two of us" counts no things; "two clinics" does', () => {
    expect(reasons('The two of us met for lunch on Tuesday.')).not.toContain('figure')
    expect(reasons('The two clinics closed in May.')).toContain('figure')
  })
})
