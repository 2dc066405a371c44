import { describe, expect, it } from 'vitest'
import { suggest } from '../../src/shared/suggest'

const article = [
  'Council Backs "Green Bonds" Plan',
  '',
  '\u201CThis is the biggest investment the city has ever made,\u201D Mayor Ana Ruiz said on Tuesday.',
  '',
  'The plan will cost $40 million over five years, according to the finance office.',
  '',
  'Critics said the bonds would raise rents. \u201CWe cannot afford it,\u201D said Tom Berg, a tenant organiser.'
].join('\n')

describe('suggest', () => {
  it('returns every kind, sorted by start, with offsets that point at the text', () => {
    const all = suggest(article)
    expect(new Set(all.map((s) => s.kind))).toEqual(new Set(['quote', 'attribution', 'claim']))
    for (let i = 1; i < all.length; i++) expect(all[i].start).toBeGreaterThanOrEqual(all[i - 1].start)
    for (const s of all) {
      expect(article.slice(s.start, s.end)).toBe(s.text)
      expect(s.score).toBeGreaterThanOrEqual(0)
      expect(s.score).toBeLessThanOrEqual(1)
      if (s.kind === 'attribution') {
        for (const part of [s.source, s.cue, s.content]) if (part) expect(article.slice(part.start, part.end)).toBe(part.text)
        expect(s.start).toBe(Math.min(s.cue.start, s.source?.start ?? s.cue.start))
      }
    }
  })

  it('only the kinds asked for are returned', () => {
    expect(suggest(article, { kinds: ['quote'] }).every((s) => s.kind === 'quote')).toBe(true)
    expect(suggest(article, { kinds: ['claim'] }).every((s) => s.kind === 'claim')).toBe(true)
    expect(suggest(article, { kinds: [] })).toEqual([])
  })

  it('offsets are string indices even after characters outside the basic plane', () => {
    const text = '\uD83D\uDCF0 \u201CWe won,\u201D the coach said.'
    const q = suggest(text, { kinds: ['quote'] })[0]
    expect(q.text).toBe('We won,')
    expect(text.slice(q.start, q.end)).toBe('We won,')
  })

  it('empty text gives nothing', () => {
    expect(suggest('')).toEqual([])
  })

  it('a long article gives one suggestion set per repeated paragraph, with no runaway spans', () => {
    const para = '\u201CWe will finish the road by June,\u201D the engineer said. Costs rose 12 percent in 2023, officials said.\n\n'
    const text = para.repeat(700)
    const quotes = suggest(text, { kinds: ['quote'] })
    expect(quotes).toHaveLength(700)
    for (const q of quotes) expect(q.end - q.start).toBe('We will finish the road by June,'.length)
  })
})
