import { describe, expect, it } from 'vitest'
import { attributions, only, quotesOf } from './helpers'

describe('attributions of belief, knowledge and intent', () => {
  it('a verb of belief ("thinks") attributes the clause after it', () => {
    const a = only('The treasurer thinks that the levy will pass in May.')
    expect(a.source?.text).toBe('The treasurer')
    expect(a.cue.text).toBe('thinks')
    expect(a.content?.text).toBe('the levy will pass in May')
  })

  it('"wants to" attributes what the source wants', () => {
    const a = only('Mayor Ruiz wants to sell the old depot.')
    expect(a.cue.text).toBe('wants')
    expect(a.content?.text).toBe('to sell the old depot')
  })

  it('a verb that is not about speech or belief taking "to" is no cue', () => {
    expect(attributions('Prices continued to rise through the winter.')).toEqual([])
  })

  it('"continued:" before a quotation is a cue', () => {
    const a = only('Cruz continued: \u201CThe questions were unfair to every one of us.\u201D')
    expect(a.cue.text).toBe('continued:')
    expect(a.content?.text).toBe('The questions were unfair to every one of us.')
  })
})

describe('base forms after plural sources', () => {
  it('"some economists predict" is a cue with its plural source', () => {
    const a = only('Some economists predict that rates will rise twice.')
    expect(a.source?.text).toBe('Some economists')
    expect(a.cue.text).toBe('predict')
  })

  it('"polls there show" keeps "there" in the source', () => {
    const a = only('Polls there show the senator ahead by four points.')
    expect(a.source?.text).toBe('Polls there')
    expect(a.cue.text).toBe('show')
  })

  it('a noun phrase with its complement is one source: "organizers in Dayton say"', () => {
    expect(only('Protest organizers in Dayton say the march will go ahead.').source?.text).toBe('Protest organizers in Dayton')
    expect(only('Sources close to the campaign say the memo was real.').source?.text).toBe('Sources close to the campaign')
  })

  it('two names joined by "and" are one source', () => {
    expect(only('Forbes and Bloomberg say the fortune is smaller.').source?.text).toBe('Forbes and Bloomberg')
  })

  it('an infinitive "to say" is not an attribution', () => {
    expect(attributions('She stood up to say nothing at all.')).toEqual([])
  })
})

describe('nouns that look like cue verbs', () => {
  it('"his claims", "the plan" and "Trump\u2019s remarks" are nouns', () => {
    expect(attributions('His claims drew a rebuke from the board.')).toEqual([])
    expect(attributions('Lee\u2019s remarks angered the crowd.')).toEqual([])
  })

  it('a name or pronoun before "claims" makes it a verb', () => {
    expect(only('Lee claims that the count was wrong.').cue.text).toBe('claims')
    expect(only('She plans to appeal the ruling.').cue.text).toBe('plans')
  })
})

describe('what the source phrase holds', () => {
  it('adjectives before a title belong to the source', () => {
    expect(only('Republican presidential candidate Jo Hale said the race was close.').source?.text).toBe(
      'Republican presidential candidate Jo Hale'
    )
  })

  // PolNeAR's convention: a relative clause describing the source belongs to the source phrase.
  it('a "who" clause between commas is part of the source, with its closing comma', () => {
    const a = attributions('Jo Hale, who ran the fund for a decade, said the money was gone.').find((x) => x.cue.text === 'said')
    expect(a?.source?.text).toBe('Jo Hale, who ran the fund for a decade,')
    expect(a?.content?.text).toBe('the money was gone')
  })

  it('a description between commas is part of the source, even after a common noun', () => {
    expect(only('A spokeswoman, Ana Ruiz, said the office was closed.').source?.text).toBe('A spokeswoman, Ana Ruiz,')
  })

  it('"however" between source and cue is neither', () => {
    const a = only('Carter, however, said the deal was dead.')
    expect(a.source?.text).toBe('Carter')
    expect(a.cue.text).toBe('said')
  })

  it('a pronoun with a contracted verb splits: "He\u2019s not saying"', () => {
    const a = only('He\u2019s not saying what he will do next.')
    expect(a.source?.text).toBe('He')
    expect(a.cue.text).toBe('\u2019s not saying')
  })

  it('an inverted source keeps a "who" clause that describes it: "said Jo Hale, who ..."', () => {
    const a = only('\u201CThe fund is empty,\u201D said Jo Hale, who ran it for a decade.')
    expect(a.source?.text).toBe('Jo Hale, who ran it for a decade')
  })

  it('an inverted source stops before a "who" clause that is an attribution of its own', () => {
    const all = attributions('\u201CThe fund is empty,\u201D said Jo Hale, who said last year that it was safe.')
    expect(all.find((x) => x.cue.text === 'said' && x.source?.text !== 'who')?.source?.text).toBe('Jo Hale')
  })
})

describe('several cues in one sentence', () => {
  it('", adding that ..." is attributed to whoever spoke before it', () => {
    const all = attributions('Lee said the vote was fair, adding that the count had been checked twice.')
    const adding = all.find((a) => a.cue.text === 'adding')
    expect(adding?.source?.text).toBe('Lee')
    expect(adding?.content?.text).toBe('the count had been checked twice')
  })

  it('cue words inside a long quotation are the speaker\u2019s own words, not attributions', () => {
    const all = attributions('\u201CI think the vote was rigged and I said so at the time,\u201D Lee said.')
    expect(all.map((a) => a.cue.text)).toEqual(['said'])
  })
})

describe('headline and transcript colons', () => {
  it('"Name: words" at the start of a line attributes the words to the name', () => {
    const a = only('Rubio: We Will Win Florida\n\nThe senator spoke on Monday.')
    expect(a.source?.text).toBe('Rubio')
    expect(a.cue.text).toBe(':')
    expect(a.content?.text).toBe('We Will Win Florida')
  })

  it('labels such as "Update:" and times are not speakers', () => {
    expect(attributions('Update: The polls have closed.')).toEqual([])
    expect(attributions('4:40 p.m.: The polls have closed.')).toEqual([])
  })
})

describe('how quotes are ranked', () => {
  it('a word or two in marks that no one said ranks below 0.5 (scare quotes, titles)', () => {
    const [q] = quotesOf('The film \u201CNightfall\u201D opened in three cities on Friday.')
    expect(q.score).toBeLessThan(0.5)
  })

  it('a short quote in a sentence with an attribution ranks 0.5 or more', () => {
    const [q] = quotesOf('Lee said the plan was \u201Ca disaster\u201D for renters.')
    expect(q.text).toBe('a disaster')
    expect(q.score).toBeGreaterThanOrEqual(0.5)
  })
})
