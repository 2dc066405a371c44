import { describe, expect, it } from 'vitest'
import { attributions, only, quotesOf } from './helpers'

describe('attributions a fact-checker is offered', () => {
  it('a quote followed by "the mayor said" gives source, cue and the quote as content', () => {
    const a = only('\u201CWe will rebuild the bridge,\u201D Mayor Ana Ruiz said.')
    expect(a.source?.text).toBe('Mayor Ana Ruiz')
    expect(a.cue.text).toBe('said')
    expect(a.content?.text).toBe('We will rebuild the bridge,')
    expect(a.text).toBe('Mayor Ana Ruiz said')
  })

  it('an inverted cue ("said Sen. Jo Hale") finds the source after the cue', () => {
    const a = only('"The bill is dead," said Sen. Jo Hale.')
    expect(a.source?.text).toBe('Sen. Jo Hale')
    expect(a.cue.text).toBe('said')
  })

  it('an inverted source keeps its description', () => {
    const a = only('"The bill is dead," said Jo Hale, a senator from Ohio.')
    expect(a.source?.text).toBe('Jo Hale, a senator from Ohio')
  })

  it('a source with a description between commas keeps it', () => {
    const a = only('Jo Hale, the county treasurer, said the fund was empty.')
    expect(a.source?.text).toBe('Jo Hale, the county treasurer,')
    expect(a.content?.text).toBe('the fund was empty')
  })

  it('reported speech "said that ..." is the content', () => {
    const a = only('The governor said that the state had lost 4,000 jobs since March.')
    expect(a.source?.text).toBe('The governor')
    expect(a.content?.text).toBe('the state had lost 4,000 jobs since March')
  })

  it('"told reporters" skips the listener before the reported speech', () => {
    const a = only('The chief told reporters the station would close in May.')
    expect(a.cue.text).toBe('told')
    expect(a.content?.text).toBe('the station would close in May')
  })

  it('"according to" before the content: the rest of the sentence is the content', () => {
    const a = only('According to the county clerk, turnout fell to 41 percent.')
    expect(a.cue.text).toBe('According to')
    expect(a.source?.text).toBe('the county clerk')
    expect(a.content?.text).toBe('turnout fell to 41 percent')
  })

  it('"according to" after the content: the sentence before it is the content', () => {
    const a = only('Turnout fell to 41 percent, according to state election officials.')
    expect(a.source?.text).toBe('state election officials')
    expect(a.content?.text).toBe('Turnout fell to 41 percent')
  })

  it('content before ", officials said" is attributed to the officials', () => {
    const a = only('The plant will close next year, officials said.')
    expect(a.source?.text).toBe('officials')
    expect(a.content?.text).toBe('The plant will close next year')
  })

  it('auxiliaries and adverbs belong to the cue', () => {
    expect(only('She has repeatedly said the audit was fair.').cue.text).toBe('has repeatedly said')
    expect(only('He also said the audit was fair.').cue.text).toBe('also said')
  })

  it('tense variants of a cue are all cues', () => {
    for (const cue of ['says', 'said', 'insisted', 'insists', 'added', 'wrote', 'hailed', 'tweeted']) {
      expect(only(`Senator Lee ${cue} that the deal was fair.`).cue.text).toBe(cue)
    }
  })

  it('"said in a statement" is one cue', () => {
    expect(only('The company said in a statement that no data was lost.').cue.text).toBe('said in a statement')
  })

  it('a pronoun source is kept as written and the quote speaker is the named person', () => {
    const text = 'Mayor Ana Ruiz spoke first.\n\n\u201CWe will rebuild the bridge,\u201D she said.'
    const a = attributions(text).find((x) => x.cue.text === 'said')
    expect(a?.source?.text).toBe('she')
    const [q] = quotesOf(text)
    expect(q.speaker?.text).toBe('Mayor Ana Ruiz')
    expect(q.cue?.text).toBe('said')
  })

  it('a pronoun resolves to the nearest earlier source that fits it', () => {
    const text =
      'Mr. Dale Ortiz said the plan was late. Ms. Lena Brandt said it was not.\n\n\u201CIt is on time,\u201D she said.\n\n\u201CIt is late,\u201D he said.'
    const qs = quotesOf(text)
    expect(qs.map((q) => q.speaker?.text)).toEqual(['Ms. Lena Brandt', 'Mr. Dale Ortiz'])
  })

  it('"who" as a source resolves to the name before it', () => {
    const text = 'The deal was backed by Jo Hale, who said \u201Cit is the best we could get.\u201D'
    const [q] = quotesOf(text)
    expect(q.speaker?.text).toBe('Jo Hale')
  })

  it('a quote split by its attribution links both halves to the same speaker', () => {
    const text = '\u201CWe are ready,\u201D the coach said. \u201CWe have trained all year.\u201D'
    const qs = quotesOf(text)
    expect(qs).toHaveLength(2)
    expect(qs.every((q) => q.speaker?.text === 'the coach')).toBe(true)
  })

  it('"data shows" attributes to the data', () => {
    const a = only('New data shows that rents rose 12 percent last year.')
    expect(a.source?.text).toBe('New data')
    expect(a.cue.text).toBe('shows')
  })

  it('"called for" and experts as a source are found', () => {
    const a = only('Experts called for a new inquiry into the contract.')
    expect(a.source?.text).toBe('Experts')
    expect(a.cue.text).toBe('called for')
  })

  it('nouns that look like verbs are not cues', () => {
    expect(attributions('His comments drew criticism in several states.')).toEqual([])
    expect(attributions('The United States joined the talks.')).toEqual([])
  })
})
