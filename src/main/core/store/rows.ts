import type { Annotation, ArticleSummary } from '../../../shared/domain'
import { diffAnnotations } from './history'

/**
 * The store's rows and what they become: article and annotation rows as the contract gives
 * them, and the values a write inserts, built before it takes the lock.
 */

export interface ArticleRow {
  id: number
  headline: string
  byline: string
  outlet: string
  url: string
  published_at: string
  body: string
  text: string
  source_name: string
  source_format: string
  revision: number
  created_at: string
  updated_at: string
  annotation_count: number
}

export interface AnnotationRow {
  id: string
  article_id: number
  kind: string
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  fields: string
  origin: string
  placement: string
  created_by: string
  created_at: string
  updated_by: string
  updated_at: string
}

/** A library row as the contract gives it (its desk columns filled in by Store.withDesk). */
export function toSummary(r: ArticleRow): ArticleSummary {
  return {
    claimCount: 0,
    approvedCount: 0,
    worstVerdict: null,
    openThreads: 0,
    id: r.id,
    headline: r.headline,
    byline: r.byline,
    outlet: r.outlet,
    url: r.url,
    publishedAt: r.published_at,
    annotationCount: r.annotation_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

/** An annotation row as the contract gives it. */
/** A claim stored before it had `sameAs` (linked to an earlier check) reads as not linked. */
function withDefaults(kind: string, fields: Record<string, unknown>): Record<string, unknown> {
  return kind === 'claim' && fields.sameAs === undefined ? { ...fields, sameAs: null } : fields
}

export function toAnnotation(r: AnnotationRow): Annotation {
  return {
    id: r.id,
    kind: r.kind,
    anchor: { start: r.start, end: r.end, exact: r.exact, prefix: r.prefix, suffix: r.suffix },
    fields: withDefaults(r.kind, JSON.parse(r.fields) as Record<string, unknown>),
    origin: r.origin,
    placement: r.placement,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at
  } as unknown as Annotation
}

/** An annotation's row as the INSERT takes it, id first (JSON already built). */
export type AnnotationValues = [string, string, number, number, string, string, string, string, string, string, string, string, string, string]

/** The rows for a set of annotations, built before the write lock is taken. */
export function annotationRows(list: Annotation[]): AnnotationValues[] {
  return list.map((a) => [
    a.id,
    a.kind,
    a.anchor.start,
    a.anchor.end,
    a.anchor.exact,
    a.anchor.prefix,
    a.anchor.suffix,
    JSON.stringify(a.fields),
    a.origin,
    a.placement,
    a.createdBy,
    a.createdAt,
    a.updatedBy,
    a.updatedAt
  ])
}

/** One history row: annotation id, action, and the changes as JSON. */
export type HistoryValues = [string, string, string]

/** The history rows for a change of annotations, built before the write lock is taken. */
export function historyRows(before: Annotation[], after: Annotation[]): HistoryValues[] {
  return diffAnnotations(before, after).map((c) => [c.annotationId, c.action, JSON.stringify(c.changes)])
}

export const SUMMARY_COLUMNS = `a.id, a.headline, a.byline, a.outlet, a.url, a.published_at, a.created_at, a.updated_at,
  (SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND n.placement = 'anchored') AS annotation_count`
