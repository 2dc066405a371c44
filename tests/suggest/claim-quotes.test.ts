import { describe, expect, it } from 'vitest'
import { suggest } from '../../src/shared/suggest'
import { claims, type Claim, type Quote } from './helpers'

/** The claims that take in any of the words of a quote suggestion ranked as someone's words. */
function claimsOverQuotes(text: string): Claim[] {
  const all = suggest(text)
  const quotes = all.filter((s): s is Quote => s.kind === 'quote' && s.score >= 0.5)
  return all.filter((s): s is Claim => s.kind === 'claim' && quotes.some((q) => q.start < s.end && s.start < q.end))
}

describe('a direct quote is not proposed again as a claim', () => {
  it('a sentence that is a quotation and its attribution gets no claim', () => {
    expect(claims('“We have lost 12,000 soldiers since January,” Zelenskyy said.')).toEqual([])
    expect(claims('"Costs rose 40% in 2024," said Jo Hale, 58, the county treasurer.')).toEqual([])
  })

  it('nor when the attribution gives a date, a place and a listener: they say when it was said, not what', () => {
    expect(claims('Hrytsenko told reporters in Kyiv on Sunday, Nov. 2, that “we have lost 12,000 soldiers since January.”')).toEqual([])
  })

  it('nor a sentence inside a quotation of several sentences, nor a paragraph that carries a speaker on', () => {
    const text = [
      '“The pension bill was $104 million in 2016. It doubled by 2026,” Becker told reporters.',
      '',
      '“We raised the rate 6.8% because we had to.”'
    ].join('\n')
    expect(claims(text)).toEqual([])
  })

  it('a sentence whose checkable part lies outside its quotation is still a claim, the whole sentence', () => {
    const text = 'Mayor Lorraine Becker, who proposed a smaller 4.9% increase in September, said the council’s version “asks more of homeowners than I wanted.”'
    expect(claims(text).map((c) => c.text)).toEqual([text])
  })

  it('a reported clause with a checkable fact and a partial quote stays the claim', () => {
    const text = 'The ministry said it had sent 1,200 prisoners home since July, a step it called “small but real.”'
    expect(claims(text).map((c) => c.text)).toEqual(['it had sent 1,200 prisoners home since July, a step it called “small but real.”'])
  })

  it('the checkable part in a quotation of a reported clause gets no claim over it', () => {
    expect(claimsOverQuotes('Vail said the city had “more than $60 million sitting in reserves.”')).toEqual([])
  })

  it('words in marks that name something (a title, a nickname) are no direct quote: the sentence is a claim', () => {
    const text = 'The city spent $4 million on its “Riverfront Nights” festival in 2025.'
    expect(claims(text).map((c) => c.text)).toEqual([text])
  })

  it('in a story with many quotations, no claim takes in a quotation’s words unless they are a small part of it', () => {
    const text = [
      '“We are ready to sit at the table as early as next week,” the spokesman told reporters on Monday. “But we will not discuss 20% of our land.”',
      'He said the delegation would ask for the release of 1,200 prisoners.',
      '“Every week we wait, 300 families wait with us,” he said.',
      'The ministry called the agreement “a small but real step” and said it had spoken to both sides 40 times since September.'
    ].join('\n\n')
    const all = suggest(text)
    const quotes = all.filter((s): s is Quote => s.kind === 'quote' && s.score >= 0.5)
    const cs = all.filter((s): s is Claim => s.kind === 'claim')
    expect(cs.map((c) => c.text)).toEqual(['the delegation would ask for the release of 1,200 prisoners', 'The ministry called the agreement “a small but real step” and said it had spoken to both sides 40 times since September.'])
    for (const c of cs) {
      const quoted = quotes.filter((q) => q.start >= c.start && q.end <= c.end).reduce((n, q) => n + q.text.split(/\s+/).length, 0)
      expect(quoted).toBeLessThan(c.text.split(/\s+/).length / 2)
    }
  })
})
