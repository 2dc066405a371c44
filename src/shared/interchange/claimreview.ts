import type { Annotation, Article, ClaimStatus, SourceType } from '../domain'
import { CLAIM_STATUS_LABELS, VERDICTS } from '../domain'
import type { ExportOptions } from './options'
import { isWebUrl, isoDate, linkedAttribution, selectForExport } from './options'
import type { JsonValue } from './w3c'

/**
 * Numeric ratings on a 1 (false) to 5 (true) scale. "Unverifiable" is not a point on that
 * scale: its rating carries the label alone.
 */
export const RATING_VALUES: Partial<Record<ClaimStatus, number>> = {
  true: 5,
  mostly_true: 4,
  misleading: 2,
  false: 1
}

const AUTHOR_TYPES: Record<SourceType, string | null> = {
  person: 'Person',
  organisation: 'Organization',
  document: 'CreativeWork',
  anonymous: null
}

/**
 * schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), an array with one review
 * for every exported claim that has a verdict. The reviewing organisation is required.
 */
export function exportClaimReview(article: Article, annotations: Annotation[], options: ExportOptions = {}): string {
  return `${JSON.stringify(claimReviews(article, annotations, options), null, 2)}\n`
}

/** The reviews as values. */
export function claimReviews(article: Article, annotations: Annotation[], options: ExportOptions = {}): JsonValue[] {
  const org = options.organisation
  if (!org || !org.name.trim()) {
    throw new Error('ClaimReview needs the reviewing organisation: set its name (and web address) in Preferences')
  }
  const set = selectForExport(article, annotations, options)
  const author: { [k: string]: JsonValue } = { '@type': 'Organization', name: org.name.trim() }
  if (isWebUrl(org.url)) author.url = org.url.trim()
  const pageUrl = [options.publicationUrl ?? '', article.url].find(isWebUrl)?.trim()
  const appearance: { [k: string]: JsonValue } = { '@type': 'CreativeWork' }
  if (isWebUrl(article.url)) appearance.url = article.url.trim()
  if (article.headline.trim()) appearance.headline = article.headline.trim()
  if (isoDate(article.publishedAt)) appearance.datePublished = isoDate(article.publishedAt)
  if (article.byline.trim()) appearance.author = { '@type': 'Person', name: article.byline.trim() }
  if (article.outlet.trim()) appearance.publisher = { '@type': 'Organization', name: article.outlet.trim() }

  const reviews: JsonValue[] = []
  for (const { annotation: a, number } of set.items) {
    if (a.kind !== 'claim' || !VERDICTS.includes(a.fields.status)) continue
    const f = a.fields
    const rating: { [k: string]: JsonValue } = {
      '@type': 'Rating',
      alternateName: CLAIM_STATUS_LABELS[f.status],
      bestRating: 5,
      worstRating: 1
    }
    const value = RATING_VALUES[f.status]
    if (value !== undefined) rating.ratingValue = value
    if (f.explanation.trim()) rating.ratingExplanation = f.explanation.trim()
    const claim: { [k: string]: JsonValue } = { '@type': 'Claim', appearance }
    const source = linkedAttribution(set, a)
    const sourceType = source ? AUTHOR_TYPES[source.fields.sourceType] : null
    if (source && sourceType) claim.author = { '@type': sourceType, name: source.fields.sourceName.trim() || source.anchor.exact }
    if (isoDate(article.publishedAt)) claim.datePublished = isoDate(article.publishedAt)
    const review: { [k: string]: JsonValue } = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: a.anchor.exact.replace(/\s+/g, ' ').trim(),
      reviewRating: rating,
      itemReviewed: claim,
      author
    }
    const date = isoDate(a.updatedAt) || isoDate(a.createdAt)
    if (date) review.datePublished = date
    if (pageUrl) review.url = `${pageUrl.split('#')[0]}#note-${number}`
    reviews.push(review)
  }
  return reviews
}
