import { describe, expect, it } from 'vitest'
import { exportClaimReview } from '../../src/shared/interchange/claimreview'
import { annotations, article } from '../fixtures/interchange/article'

type Json = Record<string, any>
const organisation = { name: 'Courier Fact Desk', url: 'https://courier.example.com/factcheck' }

describe('the ClaimReview export', () => {
  const reviews: Json[] = JSON.parse(exportClaimReview(article, annotations, { organisation }))

  it('reviews every claim that has a verdict, and only those', () => {
    expect(Array.isArray(reviews)).toBe(true)
    expect(reviews.map((r) => r.claimReviewed)).toEqual([
      'The cost of repairing the Millbrook harbour bridge has doubled to £48 million',
      'reserves stood at £12 million in March',
      'The bridge carries 31,000 vehicles a day',
      'Steel: up 40% since 2021'
    ])
    for (const r of reviews) {
      expect(r['@context']).toBe('https://schema.org')
      expect(r['@type']).toBe('ClaimReview')
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(r.url).toMatch(/^https:\/\/courier\.example\.com\/news\/harbour-bridge-costs#note-\d+$/)
      expect(r.author).toEqual({ '@type': 'Organization', name: 'Courier Fact Desk', url: organisation.url })
    }
  })

  it('rates on a 1 to 5 scale with the verdict as the rating’s name', () => {
    const ratings = reviews.map((r) => r.reviewRating)
    for (const rating of ratings) {
      expect(rating['@type']).toBe('Rating')
      expect(rating.bestRating).toBe(5)
      expect(rating.worstRating).toBe(1)
    }
    expect(ratings.map((r) => [r.alternateName, r.ratingValue])).toEqual([
      ['Misleading', 2],
      ['True', 5],
      ['Unverifiable', undefined],
      ['False', 1]
    ])
    expect(ratings[0].ratingExplanation).toMatch(/^The 2022 estimate/)
  })

  it('reviews the claim as made by its linked source, appearing in the article', () => {
    const [cost, reserves, traffic] = reviews.map((r) => r.itemReviewed)
    expect(cost['@type']).toBe('Claim')
    expect(cost.author).toEqual({ '@type': 'Organization', name: 'Millbrook City Council' })
    expect(reserves.author).toEqual({ '@type': 'CreativeWork', name: 'the council’s own figures' })
    expect(traffic.author).toBeUndefined()
    expect(cost.appearance).toMatchObject({
      '@type': 'CreativeWork',
      url: article.url,
      datePublished: '2024-06-04',
      headline: article.headline
    })
  })

  it('honours the status filter and needs the reviewing organisation', () => {
    const onlyFalse = JSON.parse(exportClaimReview(article, annotations, { organisation, statuses: ['false'] }))
    expect(onlyFalse.map((r: Json) => r.reviewRating.alternateName)).toEqual(['False'])
    expect(() => exportClaimReview(article, annotations, {})).toThrow(/needs the reviewing organisation/)
    expect(() => exportClaimReview(article, annotations, { organisation: { name: ' ', url: '' } })).toThrow(/Preferences/)
  })
})
