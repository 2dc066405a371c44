import { describe, expect, it } from 'vitest'
import { attributions, cueOf } from './helpers'

describe('a noun of saying after its owner is a cue', () => {
  it('"his claim that ..." attributes the clause to the owner', () => {
    const a = cueOf('His claim that the levy had been approved in secret angered the board.', 'claim')
    expect(a?.source?.text).toBe('His')
    expect(a?.content?.text).toBe('the levy had been approved in secret angered the board')
  })

  it('a name’s possessive owns the noun: "Mayor Jo Hale’s warning that ..."', () => {
    const a = cueOf('Mayor Jo Hale\u2019s warning that the bridge could close by May alarmed commuters.', 'warning')
    expect(a?.source?.text).toBe('Mayor Jo Hale\u2019s')
    expect(a?.content?.text).toBe('the bridge could close by May alarmed commuters')
  })

  it('a quotation after a colon is what the noun reports: "her complaint: “...”"', () => {
    const a = cueOf('Then followed her complaint: \u201CNobody in the capital listens to us.\u201D', 'complaint')
    expect(a?.source?.text).toBe('her')
    expect(a?.content?.text).toBe('Nobody in the capital listens to us.')
  })

  it('the noun is no cue of its own when a verb of saying or a preposition governs it', () => {
    // "repeated his claim": the verb is the cue and the noun its object.
    expect(attributions('Hale repeated his claim that the levy had been approved in secret.').map((a) => a.cue.text)).toEqual(['repeated'])
    expect(cueOf('Critics pointed to inconsistencies in his claim that the audit was complete.', 'claim')).toBeUndefined()
  })

  it('without an owner, or without a clause, the noun reports nothing', () => {
    expect(cueOf('The claim that the levy was secret spread quickly.', 'claim')).toBeUndefined()
    expect(cueOf('His remarks drew a standing ovation.', 'remarks')).toBeUndefined()
    // A noun of intent names a plan, not words: "his pledge to ...".
    expect(cueOf('His pledge to repave every road won him the district.', 'pledge')).toBeUndefined()
  })
})
