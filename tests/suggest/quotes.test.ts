import { describe, expect, it } from 'vitest'
import { suggest, type Suggestion } from '../../src/shared/suggest'

type Quote = Extract<Suggestion, { kind: 'quote' }>
const quotes = (text: string): Quote[] =>
  suggest(text, { kinds: ['quote', 'attribution'] }).filter((s): s is Quote => s.kind === 'quote')
const words = (text: string): string[] => quotes(text).map((q) => q.text)

describe('quotes a fact-checker is offered', () => {
  it('a straight double-quoted sentence is one quote, without its marks', () => {
    const text = '"We will cut the deficit in half," the mayor said.'
    const [q] = quotes(text)
    expect(q.text).toBe('We will cut the deficit in half,')
    expect(text.slice(q.start, q.end)).toBe(q.text)
  })

  it('a curly-quoted sentence with a curly apostrophe inside is one quote', () => {
    expect(words('\u201CIt\u2019s the mayor\u2019s plan and it won\u2019t work,\u201D she said.')).toEqual([
      'It\u2019s the mayor\u2019s plan and it won\u2019t work,'
    ])
  })

  it('apostrophes in possessives and contractions are not single quotes', () => {
    expect(words("Israel's envoy said the countries' leaders don't agree and the talks weren't over.")).toEqual([])
  })

  it('a single-quoted phrase is a quote even next to a plural possessive', () => {
    expect(words("The senator said 'the voters' anger is real' on Monday.")).toEqual(["the voters' anger is real"])
  })

  it('a single-quoted headline quote is found', () => {
    expect(words('Mayor Lin: \u2018We Will Not Raise Taxes This Year\u2019')).toEqual(['We Will Not Raise Taxes This Year'])
  })

  it('a quote inside a quote belongs to the outer quote', () => {
    const text = '\u201CHe told me \u2018we are done here\u2019 and walked out,\u201D Ms. Park said.'
    expect(words(text)).toEqual(['He told me \u2018we are done here\u2019 and walked out,'])
  })

  it('French guillemets and German low-high marks make quotes', () => {
    expect(words('Le ministre a dit\u00A0: \u00AB\u00A0Nous avons gagn\u00E9\u00A0\u00BB hier.')).toEqual(['\u00A0Nous avons gagn\u00E9\u00A0'])
    expect(words('Der Minister sagte: \u201EWir haben gewonnen\u201C und ging.')).toEqual(['Wir haben gewonnen'])
  })

  it('a quote that runs over paragraphs is one quote from the first mark to the last', () => {
    const text = '\u201CThe first part of the speech goes on.\n\n\u201CAnd the second part ends here,\u201D the governor said.'
    const qs = quotes(text)
    expect(qs).toHaveLength(1)
    expect(qs[0].text.startsWith('The first part')).toBe(true)
    expect(qs[0].text.endsWith('ends here,')).toBe(true)
  })

  it('an opening mark never closed gives no quote rather than a runaway span', () => {
    const text = '\u201CThis quote never closes.\n\nThe next paragraph is ordinary prose about the budget.'
    expect(words(text)).toEqual([])
  })

  it('a stray or doubled opening mark does not hide the quotation closed after it', () => {
    // A straight mark typed before a curly one, and a doubled curly mark: both typos.
    expect(words('"\u201CWe need answers before the vote,\u201D the treasurer said.')).toEqual(['We need answers before the vote,'])
    expect(words('The platform reads: \u201C\u201CTaxes must fall for working families,\u201D it says.')).toEqual(['Taxes must fall for working families,'])
    // An opening mark left open before a complete quotation, as in a garbled paragraph.
    expect(words('"Without more money for the road crews, she added, "the bridge will close by May."')).toEqual(['the bridge will close by May.'])
  })

  it('a quotation inside a quote that carries on over paragraphs stays part of it', () => {
    const text = '\u201CThe sign said \u201CClosed\u201D all winter,\n\n\u201Cand nobody came to fix it.\u201D'
    expect(words(text)).toEqual(['The sign said \u201CClosed\u201D all winter,\n\n\u201Cand nobody came to fix it.'])
  })

  it('a stray closing mark does not swallow the text before it', () => {
    expect(words('The budget passed on Tuesday.\u201D Then the council went home and "slept well for once in a while" they said.')).toEqual([
      'slept well for once in a while'
    ])
  })

  it('wire copy that writes double quotes as two apostrophes gives quotes', () => {
    expect(words("''We are ready,'' the chief said.")).toEqual(['We are ready,'])
  })

  it('a value inside markup is not a quote', () => {
    expect(words('<tweet id="12345 67890 abcde fghij">')).toEqual([])
  })

  it('a quote in a headline is found', () => {
    expect(words('Senator Vows "No New Taxes Ever Again, Period"\n\nThe senator spoke on Monday.')).toEqual(['No New Taxes Ever Again, Period'])
  })

  it('three apostrophes close a single quote and the doubled one around it together', () => {
    expect(words("''Barbara Bush looked at me and said, 'You weren't in line,''' Ms. Compton recalled.")).toEqual([
      "Barbara Bush looked at me and said, 'You weren't in line,'"
    ])
  })

  it('three apostrophes open a doubled quote and a single one inside it together', () => {
    expect(words("'''College Bowl,''' he replied when asked about his favourite show.")).toEqual(["'College Bowl,'"])
  })

  it('a left mark written where the right one belongs still closes the quote', () => {
    expect(words('The pastor blasted the film \u201CFrozen\u201C and the books for being too \u201Cpro-gay.\u201D')).toEqual(['Frozen', 'pro-gay.'])
  })

  it('German quotes in reversed guillemets (» «) are found, also over paragraphs', () => {
    expect(words('Er sagte: \u00BBWir gehen weiter\u00AB, und ging.')).toEqual(['Wir gehen weiter'])
    const qs = quotes('\u00BBWir gehen weiter.\n\n\u00BBUnd wir bleiben hier\u00AB, sagte er.')
    expect(qs).toHaveLength(1)
    expect(qs[0].text.startsWith('Wir gehen weiter.')).toBe(true)
    expect(qs[0].text.endsWith('bleiben hier')).toBe(true)
  })

  it('a paragraph that opens with another kind of mark starts a new quote, not the same one', () => {
    // Some sites open every paragraph of an excerpt with a straight mark and quote inside it with curly ones.
    expect(words('"Kevin was asleep by then.\n\n\u201CHere he is, babe,\u201D she said.')).toEqual(['Here he is, babe,'])
  })
})
