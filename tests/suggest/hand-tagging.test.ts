import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeAttribution, sourceTypeOf, speakerForQuote, suggest, type Suggestion } from '../../src/shared/suggest'

type Attribution = Extract<Suggestion, { kind: 'attribution' }>
type Quote = Extract<Suggestion, { kind: 'quote' }>

const story = [
  'Mayor Lorraine Becker said on Monday that the city would raise the property tax rate by 6.8%.',
  '',
  '“We spent a decade pretending the pension bill would go away,” Becker told reporters after the vote. “It didn’t.”',
  '',
  'For the owner of a median-priced home, the increase works out to about $164 a year, according to the finance department.',
  '',
  '“It is not a popular vote, but it is an honest one,” she said.',
  '',
  '“We cannot afford it,” said Tom Berg, 58, a tenant organiser. “Nobody on this street can.” A senior official said the vote was never in doubt.',
  '',
  'A report by the state auditor found that 40 percent of the reserve had been spent. Turkey’s Foreign Ministry said in a statement that it would host the talks.',
  '',
  'Residents have called the rebuilt pier the so-called “Golden Mile” since 2019.',
  '',
  'Becker said: We will not ask for more next year.'
].join('\n')

/** [start, end) of the `n`th (0-based) occurrence of `words` in `text`. */
function at(text: string, words: string, n = 0): [number, number] {
  let i = -1
  for (let k = 0; k <= n; k++) i = text.indexOf(words, i + 1)
  if (i < 0) throw new Error(`"${words}" is not in the text`)
  return [i, i + words.length]
}

describe('describeAttribution: an attribution tagged by hand gets its source and cue', () => {
  it('finds the source and the cue in the tagged words', () => {
    expect(describeAttribution(story, ...at(story, 'Becker told reporters'))).toEqual({ sourceName: 'Becker', cue: 'told', sourceType: 'person' })
    expect(describeAttribution(story, ...at(story, 'according to the finance department'))).toEqual({
      sourceName: 'the finance department',
      cue: 'according to',
      sourceType: 'organisation'
    })
  })

  it('resolves a pronoun to the name it stands for, the nearest that fits in the text before', () => {
    expect(describeAttribution(story, ...at(story, 'she said'))).toEqual({ sourceName: 'Becker', cue: 'said', sourceType: 'person' })
    const first = 'Mayor Lorraine Becker said on Monday that taxes would rise. She said the rise was 6.8%.'
    expect(describeAttribution(first, ...at(first, 'She said'))).toEqual({ sourceName: 'Mayor Lorraine Becker', cue: 'said', sourceType: 'person' })
  })

  it('gives the name without its aside, the set phrase as the cue, and the kind of source', () => {
    expect(describeAttribution(story, ...at(story, 'said Tom Berg, 58, a tenant organiser'))).toMatchObject({ sourceName: 'Tom Berg', cue: 'said' })
    expect(describeAttribution(story, ...at(story, 'A senior official said'))).toEqual({ sourceName: 'A senior official', cue: 'said', sourceType: 'anonymous' })
    expect(describeAttribution(story, ...at(story, 'A report by the state auditor found'))).toEqual({
      sourceName: 'A report by the state auditor',
      cue: 'found',
      sourceType: 'document'
    })
    expect(describeAttribution(story, ...at(story, 'Turkey’s Foreign Ministry said in a statement'))).toEqual({
      sourceName: 'Turkey’s Foreign Ministry',
      cue: 'said in a statement',
      sourceType: 'organisation'
    })
  })

  it('tagging only the cue still names the source beside it', () => {
    expect(describeAttribution(story, ...at(story, 'told'))).toMatchObject({ sourceName: 'Becker', cue: 'told' })
  })

  it('words with no cue in them, and ranges outside the text, give nothing', () => {
    expect(describeAttribution(story, ...at(story, 'the finance department'))).toBeNull()
    expect(describeAttribution(story, 10, 10)).toBeNull()
    expect(describeAttribution(story, -5, 3)).toBeNull()
    expect(describeAttribution(story, 0, story.length + 1)).toBeNull()
  })
})

describe('sourceTypeOf: the kind of source a source phrase names', () => {
  it.each([
    ['Mayor Lorraine Becker', 'person'],
    ['Ukrainian Foreign Ministry spokesman Oleksandr Hrytsenko', 'person'],
    ['she', 'person'],
    ['the mayor', 'person'],
    ['the finance department', 'organisation'],
    ['Turkey’s Foreign Ministry', 'organisation'],
    ['The Associated Press', 'organisation'],
    ['NATO', 'organisation'],
    ['the Ukrainian air force', 'organisation'],
    ['a new CNN poll', 'document'],
    ['A report by the state auditor', 'document'],
    ['the ministry’s statement', 'document'],
    ['a White House official', 'anonymous'],
    ['officials in both countries', 'anonymous'],
    ['two people familiar with the talks', 'anonymous'],
    ['Two council staff members, who spoke on condition of anonymity', 'anonymous'],
    ['a spokesman', 'anonymous']
  ])('%s: %s', (phrase, type) => {
    expect(sourceTypeOf(phrase)).toBe(type)
  })

  it('says nothing when the words do not tell: a lone surname, "they", a bare noun', () => {
    for (const phrase of ['Becker', 'they', 'it', 'the crowd', '']) expect(sourceTypeOf(phrase), phrase).toBeUndefined()
  })
})

describe('speakerForQuote: a quote tagged by hand gets the speaker an attribution next to it names', () => {
  it('names the speaker, where the name is, and the attribution’s words', () => {
    const [s, e] = at(story, 'We cannot afford it,')
    const r = speakerForQuote(story, s, e)!
    expect(r.name).toBe('Tom Berg')
    expect(story.slice(r.start, r.end)).toBe('Tom Berg')
    expect(story.slice(r.attribution!.start, r.attribution!.end)).toBe('said Tom Berg, 58, a tenant organiser')
  })

  it('the quotation marks may be tagged with the words or not', () => {
    const [s, e] = at(story, '“We cannot afford it,”')
    expect(speakerForQuote(story, s, e)?.name).toBe('Tom Berg')
  })

  it('a pronoun is resolved to its name; a quotation that carries on after its attribution keeps the speaker', () => {
    expect(speakerForQuote(story, ...at(story, 'It is not a popular vote, but it is an honest one,'))?.name).toBe('Becker')
    expect(speakerForQuote(story, ...at(story, 'Nobody on this street can.'))?.name).toBe('Tom Berg')
  })

  it('words tagged without quotation marks are read as a quotation of their own', () => {
    expect(speakerForQuote(story, ...at(story, 'We will not ask for more next year.'))?.name).toBe('Becker')
  })

  it('words in marks with no attribution near them have no speaker', () => {
    expect(speakerForQuote(story, ...at(story, 'Golden Mile'))).toBeNull()
    expect(speakerForQuote(story, 3, 3)).toBeNull()
  })
})

describe('on a long article, hand tagging reads the same as the engine', () => {
  // About 20,000 words: the samples one after another, so names and pronouns sit far from the start.
  const samples = join(__dirname, '..', '..', 'samples')
  const parts = ['city-budget.txt', 'courts-treasurer.txt', 'wire-ukraine-talks.txt'].map((f) => readFileSync(join(samples, f), 'utf8'))
  const long = Array.from({ length: 12 }, () => parts.join('\n\n')).join('\n\n')
  const all = suggest(long, { names: true })

  it('every attribution the engine proposes is described with its cue and its source’s name', () => {
    expect(long.split(/\s+/).length).toBeGreaterThan(20_000)
    const attrs = all.filter((s): s is Attribution => s.kind === 'attribution')
    for (const a of attrs) {
      const d = describeAttribution(long, a.start, a.end)
      expect(d?.cue, a.text).toBe(a.cue.text)
      if (a.named) expect(a.named.text.startsWith(d!.sourceName), `${a.text}: ${a.named.text} / ${d!.sourceName}`).toBe(true)
    }
  })

  it('every quote the engine proposes gets the speaker the engine gives it, and its attribution', () => {
    const quotes = all.filter((s): s is Quote => s.kind === 'quote')
    const attrSpans = new Set(all.filter((s) => s.kind === 'attribution').map((s) => `${s.start}:${s.end}`))
    for (const q of quotes) {
      const r = speakerForQuote(long, q.start, q.end)
      if (!q.speaker) {
        expect(r, q.text).toBeNull()
        continue
      }
      expect(q.speaker.text.startsWith(r!.name), `${q.text}: ${q.speaker.text} / ${r!.name}`).toBe(true)
      expect(r!.start).toBe(q.speaker.start)
      expect(attrSpans.has(`${r!.attribution!.start}:${r!.attribution!.end}`)).toBe(true)
    }
  })
})
