import { describe, expect, it } from 'vitest'
import { anchorFor, reanchor } from '../../src/shared/anchor'

const article =
  'The council approved the budget on Tuesday. The mayor said the budget would cut waste by 15 per cent. ' +
  'Critics said the budget was rushed. A spokesperson said the plan had been consulted on for a year.'

function anchorOf(text: string, quote: string, n = 0) {
  let at = -1
  for (let i = 0; i <= n; i++) at = text.indexOf(quote, at + 1)
  return anchorFor(text, at, at + quote.length)
}

describe('anchorFor', () => {
  it('keeps the quote with 32 characters of context either side', () => {
    const a = anchorOf(article, 'cut waste by 15 per cent')
    expect(a.exact).toBe('cut waste by 15 per cent')
    expect(a.prefix).toBe('The mayor said the budget would ')
    expect(a.prefix).toHaveLength(32)
    expect(a.suffix).toBe('. Critics said the budget was ru')
  })

  it('keeps shorter context at the edges of the text and never splits an emoji', () => {
    expect(anchorFor('Hello world', 0, 5)).toEqual({ start: 0, end: 5, exact: 'Hello', prefix: '', suffix: ' world' })
    const text = '😀'.repeat(20) + 'quote' + '😀'.repeat(20)
    const a = anchorFor(text, 40, 45)
    expect(a.prefix).toBe('😀'.repeat(16))
    expect(a.suffix).toBe('😀'.repeat(16))
  })

  it('refuses an empty or out-of-range span', () => {
    expect(() => anchorFor('abc', 2, 2)).toThrow(RangeError)
    expect(() => anchorFor('abc', 1, 9)).toThrow(RangeError)
  })
})

describe('reanchor', () => {
  it('keeps the stored position when the text there is unchanged', () => {
    const a = anchorOf(article, 'the budget', 1)
    expect(reanchor(article, a)).toEqual({ start: a.start, end: a.end, how: 'exact' })
  })

  it('finds the quote after a word was inserted earlier in the article', () => {
    const a = anchorOf(article, 'cut waste by 15 per cent')
    const edited = article.replace('approved the budget', 'narrowly approved the budget')
    const found = reanchor(edited, a)
    expect(found).toEqual({ start: a.start + 'narrowly '.length, end: a.end + 'narrowly '.length, how: 'exact' })
  })

  it('picks the right one of several identical quotes by its context', () => {
    const a = anchorOf(article, 'the budget', 2) // "Critics said the budget was rushed"
    const edited = 'UPDATED: ' + article
    const found = reanchor(edited, a)
    expect(found.how).toBe('exact')
    if (found.how !== 'orphaned') expect(edited.slice(found.start - 13, found.end)).toBe('Critics said the budget')
  })

  it('finds a quote approximately after a typo inside it was fixed', () => {
    const withTypo = article.replace('consulted on for a year', 'consluted on for a year')
    const a = anchorOf(withTypo, 'the plan had been consluted on for a year')
    const found = reanchor(article, a)
    expect(found.how).toBe('fuzzy')
    if (found.how !== 'orphaned') expect(article.slice(found.start, found.end)).toMatch(/plan had been consulted on for a year$/)
  })

  it('finds a quote approximately after a word inside it was changed', () => {
    const a = anchorOf(article, 'The mayor said the budget would cut waste by 15 per cent')
    const edited = article.replace('would cut waste', 'will cut waste')
    const found = reanchor(edited, a)
    expect(found.how).toBe('fuzzy')
    if (found.how !== 'orphaned') expect(edited.slice(found.start, found.end)).toContain('will cut waste by 15 per cent')
  })

  it('orphans the quote when its sentence was deleted', () => {
    const a = anchorOf(article, 'Critics said the budget was rushed.')
    const edited = article.replace(' Critics said the budget was rushed.', '')
    expect(reanchor(edited, a)).toEqual({ how: 'orphaned' })
  })

  it('orphans the quote when it was rewritten beyond a quarter of its length', () => {
    const a = anchorOf(article, 'cut waste by 15 per cent')
    const edited = article.replace('cut waste by 15 per cent', 'reduce spending on consultants')
    expect(reanchor(edited, a)).toEqual({ how: 'orphaned' })
  })

  it('does not guess approximately for very short quotes', () => {
    const a = anchorFor('Tax rose', 0, 3)
    expect(reanchor('Tux rose', a)).toEqual({ how: 'orphaned' })
  })

  it('only looks inside a window when asked, and can skip the approximate search', () => {
    const a = anchorOf(article, 'the budget', 0)
    const found = reanchor(article, { ...a, start: 0, end: 0 }, { within: { start: 50, end: article.length } })
    expect(found.how).toBe('exact')
    if (found.how !== 'orphaned') expect(found.start).toBeGreaterThanOrEqual(50)
    expect(reanchor(article, { ...a, exact: 'the budgte' }, { fuzzy: false })).toEqual({ how: 'orphaned' })
  })

  it('takes the quote at a shifted position it is told about without searching', () => {
    const a = anchorOf(article, 'the budget', 1)
    const edited = 'Breaking: ' + article
    expect(reanchor(edited, a, { shift: 10 })).toEqual({ start: a.start + 10, end: a.end + 10, how: 'exact' })
  })
})
