import { describe, expect, it } from 'vitest'
import { isEmptyQuery, parseQuery, QueryError } from '../../src/shared/search/query'
import { snippet } from '../../src/shared/search/words'

describe('the search box’s query language', () => {
  it('reads words, quoted phrases and filters into a typed query', () => {
    const q = parseQuery('tax rise kind:claim status:false speaker:"Vladimir Putin" outlet:Reuters before:2026-01-01 after:2025-06 "per cent"')
    expect(q.terms).toEqual([
      { words: ['tax'], prefix: true },
      { words: ['rise'], prefix: true },
      { words: ['per', 'cent'], prefix: false }
    ])
    expect(q.filters).toEqual({
      kinds: ['claim'],
      statuses: ['false'],
      speakers: ['Vladimir Putin'],
      outlets: ['Reuters'],
      bylines: [],
      checkers: [],
      before: '2026-01-01',
      from: '2025-07-01'
    })
  })

  it('folds case and accents as the index does, and keeps short words whole', () => {
    expect(parseQuery('Café UN').terms).toEqual([
      { words: ['cafe'], prefix: true },
      { words: ['un'], prefix: false }
    ])
  })

  it('takes either of several values, by commas or by repeating the filter, and status labels as written', () => {
    const q = parseQuery('kind:claims,quote kind:claim status:"mostly true" status:in-review')
    expect(q.filters.kinds).toEqual(['claim', 'quote'])
    expect(q.filters.statuses).toEqual(['mostly_true', 'in_review'])
  })

  it('reads a year or a month as its first and last day', () => {
    expect(parseQuery('before:2026').filters.before).toBe('2026-01-01')
    expect(parseQuery('after:2024-02').filters.from).toBe('2024-03-01')
    expect(parseQuery('after:2025-12-31').filters.from).toBe('2026-01-01')
  })

  it('leaves times and links as words, not filters', () => {
    expect(parseQuery('10:30').terms.map((t) => t.words)).toEqual([['10', '30']])
    expect(parseQuery('https://ledger.example/x').filters.kinds).toEqual([])
  })

  it.each([
    ['colour:red', /no filter “colour:”.*kind:.*status:/],
    ['kind:memo', /no kind “memo”.*article, claim, quote, attribution, comment/],
    ['status:wrong', /no status “wrong”.*unchecked.*mostly-true/],
    ['before:yesterday', /“before:yesterday” is not a date.*before:2026-01-31/],
    ['after:2026-02-30', /not a date/],
    ['outlet:', /“outlet:” needs something after it, for example outlet:Reuters/]
  ])('says what to change in %s', (query, message) => {
    expect(() => parseQuery(query)).toThrow(QueryError)
    expect(() => parseQuery(query)).toThrow(message)
  })

  it('an empty query or one of punctuation asks for nothing', () => {
    expect(isEmptyQuery(parseQuery(''))).toBe(true)
    expect(isEmptyQuery(parseQuery('  "" $ '))).toBe(true)
    expect(isEmptyQuery(parseQuery('kind:claim'))).toBe(false)
  })
})

describe('snippets', () => {
  const terms = parseQuery('ordinance').terms

  it('mark every occurrence in the stretch of text that holds the most', () => {
    const text = `${'Filler words go here. '.repeat(30)}The ordinance passed. A second ordinance followed. ${'More filler. '.repeat(30)}`
    const parts = snippet(text, terms)
    expect(parts[0]).toEqual({ text: '…', hit: false })
    expect(parts[parts.length - 1]).toEqual({ text: '…', hit: false })
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['ordinance', 'ordinance'])
  })

  it('mark words as the index matched them: by prefix, ignoring case and accents', () => {
    const parts = snippet('ORDINANCES and Ordinancé, not subordinance', terms)
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['ORDINANCES', 'Ordinancé'])
  })
})
