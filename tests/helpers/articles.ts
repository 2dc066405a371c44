import type { Annotation, AnnotationKind, FieldsByKind } from '../../src/shared/domain'
import { defaultFields } from '../../src/shared/domain'
import type { DocJSON } from '../../src/shared/schema'
import type { NewArticle } from '../../src/main/core/store'

/** A short article written for tests: two paragraphs, a quote, an attribution, a figure. */
export const BUDGET_PARAGRAPHS = [
  'The council approved a $4.2 billion budget on Tuesday, the largest in the city’s history.',
  '“This is a budget for every neighbourhood,” said Mayor Lena Park.'
]

export function docOf(paragraphs: string[]): DocJSON {
  return { type: 'doc', content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) }
}

export function newArticle(paragraphs = BUDGET_PARAGRAPHS, headline = 'Council approves record budget'): NewArticle {
  return {
    headline,
    byline: 'Ana Ruiz',
    outlet: 'The Riverton Ledger',
    url: 'https://ledger.example/budget',
    publishedAt: '2026-11-03',
    body: docOf(paragraphs),
    text: paragraphs.join('\n\n'),
    sourceName: 'budget.txt',
    sourceFormat: 'txt'
  }
}

/** An annotation over the first occurrence of `exact` in `text`. */
export function annotationOn<K extends AnnotationKind>(
  text: string,
  exact: string,
  kind: K,
  id: string,
  fields: Partial<FieldsByKind[K]> = {}
): Annotation {
  const start = text.indexOf(exact)
  if (start < 0) throw new Error(`"${exact}" is not in the text`)
  const end = start + exact.length
  return {
    id,
    kind,
    anchor: { start, end, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
    fields: { ...defaultFields(kind), ...fields },
    origin: 'manual',
    placement: 'anchored',
    createdBy: 'Test',
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedBy: 'Test',
    updatedAt: '2026-11-27T10:00:00.000Z'
  } as unknown as Annotation
}
