import { describe, expect, it } from 'vitest'
import { suggest, type Suggestion } from '../../src/shared/suggest'
import { quoteSuggestions } from '../../src/shared/suggest/quote-score'
import { findQuotes } from '../../src/shared/suggest/quotes'
import { sentences, tokenize } from '../../src/shared/suggest/tokens'

type Quote = Extract<Suggestion, { kind: 'quote' }>
const quotes = (text: string): Quote[] =>
  suggest(text, { kinds: ['quote', 'attribution'] }).filter((s): s is Quote => s.kind === 'quote')
/** The score of the quote whose words are `words`. */
const scoreOf = (text: string, words: string): number => {
  const q = quotes(text).find((x) => x.text === words)
  expect(q, `no quote "${words}"`).toBeDefined()
  return q ? q.score : NaN
}
/** Scores with no attribution found at all, to see the quote's own signals. */
const scoresAlone = (text: string): number[] => {
  const toks = tokenize(text)
  return quoteSuggestions({ text, toks, sents: sentences(text, toks), quotes: findQuotes(text), found: [], speakerOf: () => null }).map((q) => q.score)
}

describe('titles and names in quotation marks rank below 0.5', () => {
  it('a programme after its network ("CNN’s “State of the Union”")', () => {
    expect(scoreOf('Sanders spoke on Sunday on CNN\u2019s \u201CState of the Union\u201D about his health plan.', 'State of the Union')).toBeLessThan(0.5)
    expect(scoreOf('The president defended the deal last fall on CBS\u2019 \u201C60 Minutes.\u201D', '60 Minutes.')).toBeLessThan(0.5)
  })

  it('a book after the word for it ("his 2012 memoir, “An American Son,”")', () => {
    expect(scoreOf('In his 2012 memoir, \u201CAn American Son,\u201D the senator described how his parents arrived.', 'An American Son,')).toBeLessThan(0.5)
  })

  it('a title after "the author of", while the author’s own words beside it stay high', () => {
    const text = '\u201CWe lost the vote,\u201D said Jane Roe, the author of \u201CThe Long Road Home,\u201D a history of the city council.'
    expect(scoreOf(text, 'The Long Road Home,')).toBeLessThan(0.5)
    expect(scoreOf(text, 'We lost the vote,')).toBeGreaterThanOrEqual(0.5)
  })

  it('a so-called name written like a title ("the so-called “Golden Week”")', () => {
    expect(scoreOf('The so-called \u201CGolden Week\u201D let voters register and cast a ballot on the same day.', 'Golden Week')).toBeLessThan(0.5)
  })

  it('a title followed by its byline or by a role ("“Shark Tank” star")', () => {
    expect(scoreOf('\u201CThe Art of the Possible,\u201D by Jane Roe, is out this week from a small press.', 'The Art of the Possible,')).toBeLessThan(0.5)
    expect(scoreOf('\u201CShark Tank\u201D star Mark Cuban has not ruled out a run for office.', 'Shark Tank')).toBeLessThan(0.5)
  })

  it('a programme where someone appeared or spoke ("said on “Meet the Press”", "an interview with “The View”")', () => {
    expect(scoreOf('\u201CWe will carry Ohio,\u201D the senator said on \u201CSunday Morning Live.\u201D', 'Sunday Morning Live.')).toBeLessThan(0.5)
    expect(scoreOf('In an extended appearance on \u201CMorning Desk,\u201D Governor Jo Hale said the budget would pass.', 'Morning Desk,')).toBeLessThan(0.5)
    expect(scoreOf('Hale said in an interview with \u201CThe Noon Report\u201D that she would not run again.', 'The Noon Report')).toBeLessThan(0.5)
    expect(scoreOf('\u201CIt was a mistake,\u201D the mayor told \u201CCity Talk Tonight\u201D after the vote.', 'City Talk Tonight')).toBeLessThan(0.5)
    // What someone said stays high when it is not written as a title, or follows no "on"/"with".
    expect(scoreOf('The mayor said on Monday that the plan was \u201Ca total failure\u201D and would be dropped.', 'a total failure')).toBeGreaterThanOrEqual(0.5)
    expect(scoreOf('The mayor told reporters: \u201CWe Will Win.\u201D', 'We Will Win.')).toBeGreaterThanOrEqual(0.5)
  })

  it('words in lower case after a network are what someone said, not a title', () => {
    expect(scoreOf('The governor told CNN\u2019s \u201Cwe will not back down\u201D crowd that the plan stands.', 'we will not back down')).toBeGreaterThanOrEqual(0.5)
  })
})

describe('short quotes that are someone’s words rank 0.5 or more', () => {
  it('a reporting verb before a fragment counts even when no source is found', () => {
    const [q] = quotes('In declaring the ruling \u201Ca disgrace,\u201D the governor stepped up his attacks.')
    expect(q.text).toBe('a disgrace,')
    expect(q.score).toBeGreaterThanOrEqual(0.5)
  })

  it('after a fragment only a verb of saying counts, not a verb of stance', () => {
    // Alone (no attribution found), "said" after the quote introduces it, "welcomed" does not.
    expect(scoresAlone('The \u201Cpause\u201D in the tax ends in May, the industry said.')[0]).toBeGreaterThanOrEqual(0.5)
    expect(scoresAlone('The \u201Cpause\u201D in the tax ends in May, a delay the industry welcomed.')[0]).toBeLessThan(0.5)
  })

  it('an exclamation that makes a sentence of its own is someone’s words', () => {
    expect(scoreOf('\u201CNever again!\u201D The banner hung over the stage all night.', 'Never again!')).toBeGreaterThanOrEqual(0.5)
    // A word in marks that is no sentence stays low.
    expect(scoreOf('\u201CNightfall\u201D The banner hung over the stage all night.', 'Nightfall')).toBeLessThan(0.5)
  })
})

describe('single quotation marks follow the house style', () => {
  it('in copy that quotes speech in double marks, a single-quoted headline quote ranks below the body’s', () => {
    const text = 'Mayor Lin calls budget \u2018a disaster\u2019\n\n\u201CWe cannot pay for it,\u201D Lin said on Monday.'
    expect(scoreOf(text, 'a disaster')).toBeLessThan(0.5)
    expect(scoreOf(text, 'We cannot pay for it,')).toBeGreaterThanOrEqual(0.5)
  })

  it('in copy that quotes speech in single marks (British style), single quotes are speech', () => {
    const text = 'The minister said: \u2018We will not retreat.\u2019 Her deputy added: \u2018Nor will I.\u2019'
    expect(scoreOf(text, 'We will not retreat.')).toBeGreaterThanOrEqual(0.5)
    expect(scoreOf(text, 'Nor will I.')).toBeGreaterThanOrEqual(0.5)
  })
})
