import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { claims } from './helpers'

const only = (text: string): string => {
  const cs = claims(text)
  expect(cs).toHaveLength(1)
  return cs[0].text
}

describe('a claim is a whole sentence or a whole reported clause', () => {
  describe('the reported clause after a cue verb', () => {
    it('a "that" clause after a verb of saying, to the end of the sentence', () => {
      expect(only('The mayor said that the city had hired 300 new teachers since 2020.')).toBe('the city had hired 300 new teachers since 2020')
    })

    it('a verb of saying takes its clause without "that", past a listener and a setting', () => {
      expect(only('Hrytsenko told reporters on Monday the delegation would ask for 1,200 prisoners.')).toBe('the delegation would ask for 1,200 prisoners')
    })

    it('a stance verb needs the "that": without it what follows is its object', () => {
      expect(only('A 2014 study by Harvard found that poor children in the city had the worst odds of 50 cities.')).toBe(
        'poor children in the city had the worst odds of 50 cities'
      )
      const text = 'Critics described the plan as the largest tax increase since 1998.'
      expect(only(text)).toBe(text)
    })

    it('a verb of saying that takes an object is not followed by a clause', () => {
      const text = 'The ministry confirmed the date of the talks, set for Nov. 11 with 1,200 prisoners on the list.'
      expect(only(text)).toBe(text)
    })

    it('an opening conjunction or phrase may stand before the source', () => {
      expect(only('But on Tuesday, officials said the plant had cut 400 jobs since 2022.')).toBe('the plant had cut 400 jobs since 2022')
    })

    it('"In what X described as ..." does not open a clause: the whole sentence is the claim', () => {
      const text = 'In what the company described as its worst month since 2022, repair crews were sent to 1,900 damaged sites in October.'
      expect(only(text)).toBe(text)
      const middle = 'The council raised the tax rate by 6.8% in what the finance department described as the largest increase since 1998.'
      expect(only(middle)).toBe(middle)
    })

    it('a second verb whose subject belongs to the first is not the main clause', () => {
      const text = 'Vasnetsov confirmed the date on Monday but said Russia wanted 310 soldiers back.'
      expect(only(text)).toBe(text)
    })

    it('a cue inside a relative clause or a participle phrase does not make a clause of the rest', () => {
      for (const text of [
        'The mayor, who said taxes would rise 4%, resigned on Monday.',
        'The council voted 7-2 on Monday, saying the city needed $9 million for pensions.',
        'Morial told a young woman who said 40 percent of voters would stay home that she was wrong.'
      ]) {
        expect(only(text)).toBe(text)
      }
    })

    it('an infinitive or an "as" phrase after a cue is no clause', () => {
      const text = 'The mayor promised on Monday to hire 300 teachers by 2027.'
      expect(only(text)).toBe(text)
    })
  })

  describe('the reported clause before ", X said"', () => {
    it('runs from the sentence start to the comma, with only a setting after the attribution', () => {
      expect(only('Costs rose 12 percent in 2023, officials said on Tuesday.')).toBe('Costs rose 12 percent in 2023')
      expect(only('The plan will cost $40 million over five years, according to the finance office.')).toBe('The plan will cost $40 million over five years')
    })

    it('"According to X," opening the sentence gives the clause after its comma', () => {
      expect(only('According to the census, the town grew 4 percent between 2010 and 2020.')).toBe('the town grew 4 percent between 2010 and 2020')
    })

    it('an attribution in the middle of the sentence leaves the whole sentence', () => {
      const text = 'Most of the $4 million, the filing said, was spent on consultants in 2024.'
      expect(only(text)).toBe(text)
      const tail = 'Costs rose 12 percent in 2023, officials said, citing higher fuel prices.'
      expect(only(tail)).toBe(tail)
    })

    it('the subject of a passive is not a reported clause', () => {
      const text = 'Calls for an audit of the $4 million fund, were rejected by the council in 2025.'
      expect(only(text)).toBe(text)
    })

    it('a dateline before the clause is left out of it', () => {
      expect(only('WASHINGTON (AP) — Costs rose 12 percent in 2023, officials said.')).toBe('Costs rose 12 percent in 2023')
    })
  })

  it('a reported clause with nothing checkable in it leaves the claim to the whole sentence', () => {
    const text = 'Becker, who cut the budget by 4% in 2024, said she was proud of the council.'
    expect(only(text)).toBe(text)
  })

  it('in the samples, every claim starts a sentence or is attributed to a source, never a fragment in between', () => {
    for (const name of ['city-budget.txt', 'courts-treasurer.txt', 'wire-ukraine-talks.txt']) {
      const text = readFileSync(join(__dirname, '..', '..', 'samples', name), 'utf8')
      for (const c of claims(text)) {
        const before = text.slice(Math.max(0, c.start - 40), c.start)
        // A whole sentence starts after a sentence's end, a line break or a dateline; a clause after its cue or comma.
        const sentenceStart = /(?:^|[.!?]["\u201D]?\s+|\n|\u2014\s)$/.test(before) || c.start === 0
        expect(sentenceStart || c.reasons.includes('attributed to a source'), `${name}: ${c.text}`).toBe(true)
      }
    }
  })
})
