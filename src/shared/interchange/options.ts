import type { Annotation, AnnotationChange, AnnotationKind, Article, ClaimStatus, Thread } from '../domain'
import { ANNOTATION_KINDS } from '../domain'

/** What goes into an export. Every field is optional; the default is a public copy of everything. */
export interface ExportOptions {
  /** Kinds to include (default: all). */
  kinds?: AnnotationKind[]
  /** Claim statuses to include (default: all); other kinds are not filtered by status. */
  statuses?: ClaimStatus[]
  /** Include the desk's own: threads, check notes (`checkedNote`) and history (default false: a public copy). */
  includeInternal?: boolean
  /** The publishing organisation (Preferences): ClaimReview's author, the HTML copy's footer. */
  organisation?: { name: string; url: string }
  /** Changes to the annotations, shown when `includeInternal` is set. */
  history?: AnnotationChange[]
  /** The annotations' comment threads, shown when `includeInternal` is set (never in a public copy). */
  threads?: Thread[]
  /** Where the fact-check will be published: ClaimReview's `url` (default: the article's URL). */
  publicationUrl?: string
}

/** An annotation chosen for export, numbered in reading order, with its place in the text. */
export interface ExportItem {
  annotation: Annotation
  /** 1-based note number: anchored annotations in reading order, then orphaned ones. */
  number: number
  /** False when the anchor is orphaned or falls outside the text: listed, not highlighted. */
  placed: boolean
}

/** The annotations of one export, with lookups the formats share. */
export interface ExportSet {
  items: ExportItem[]
  byId: Map<string, ExportItem>
  /** Attribution id → the included quotes and claims that link to it. */
  supportedBy: Map<string, ExportItem[]>
  /** Annotation id → its changes, oldest first (empty unless `includeInternal`). */
  history: Map<string, AnnotationChange[]>
  /** Annotation id → its thread, when it has comments (empty unless `includeInternal`). */
  threads: Map<string, Thread>
  includeInternal: boolean
}

const KIND_ORDER: Record<AnnotationKind, number> = { claim: 0, quote: 1, attribution: 2 }

/**
 * Picks and numbers the annotations an export shows: filtered by kind and claim status,
 * sorted by position (longer first when two start together, so an outer span gets the
 * lower number), orphaned or out-of-range anchors last.
 */
export function selectForExport(article: Article, annotations: Annotation[], options: ExportOptions): ExportSet {
  const kinds = new Set<AnnotationKind>(options.kinds ?? ANNOTATION_KINDS)
  const statuses = options.statuses ? new Set<ClaimStatus>(options.statuses) : null
  const textLength = article.text.length
  const chosen = annotations.filter(
    (a) => kinds.has(a.kind) && (a.kind !== 'claim' || statuses === null || statuses.has(a.fields.status))
  )
  const isPlaced = (a: Annotation): boolean =>
    a.placement !== 'orphaned' &&
    Number.isInteger(a.anchor.start) &&
    Number.isInteger(a.anchor.end) &&
    a.anchor.start >= 0 &&
    a.anchor.end > a.anchor.start &&
    a.anchor.end <= textLength
  const decorated = chosen.map((annotation) => ({ annotation, placed: isPlaced(annotation) }))
  decorated.sort((x, y) => {
    if (x.placed !== y.placed) return x.placed ? -1 : 1
    const a = x.annotation.anchor
    const b = y.annotation.anchor
    return (
      a.start - b.start ||
      b.end - a.end ||
      KIND_ORDER[x.annotation.kind] - KIND_ORDER[y.annotation.kind] ||
      (x.annotation.id < y.annotation.id ? -1 : x.annotation.id > y.annotation.id ? 1 : 0)
    )
  })
  const items: ExportItem[] = decorated.map((d, i) => ({ ...d, number: i + 1 }))
  const byId = new Map(items.map((item) => [item.annotation.id, item]))
  const supportedBy = new Map<string, ExportItem[]>()
  for (const item of items) {
    const target = linkTarget(item.annotation)
    if (target === null || byId.get(target)?.annotation.kind !== 'attribution') continue
    const list = supportedBy.get(target)
    if (list) list.push(item)
    else supportedBy.set(target, [item])
  }
  const includeInternal = options.includeInternal === true
  const history = new Map<string, AnnotationChange[]>()
  if (includeInternal) {
    for (const change of options.history ?? []) {
      if (!byId.has(change.annotationId)) continue
      const list = history.get(change.annotationId)
      if (list) list.push(change)
      else history.set(change.annotationId, [change])
    }
    for (const list of history.values()) list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id))
  }
  const threads = new Map<string, Thread>()
  if (includeInternal) {
    for (const thread of options.threads ?? []) {
      if (byId.has(thread.annotationId) && thread.comments.length > 0) threads.set(thread.annotationId, thread)
    }
  }
  return { items, byId, supportedBy, history, threads, includeInternal }
}

/** The attribution a quote (speaker) or claim (source) links to, or null. */
export function linkTarget(a: Annotation): string | null {
  if (a.kind === 'quote') return a.fields.speakerId
  if (a.kind === 'claim') return a.fields.sourceId
  return null
}

/** The linked attribution of an item when it is part of the same export. */
export function linkedAttribution(set: ExportSet, a: Annotation): Extract<Annotation, { kind: 'attribution' }> | null {
  const target = linkTarget(a)
  if (target === null) return null
  const linked = set.byId.get(target)?.annotation
  return linked?.kind === 'attribution' ? linked : null
}

/** True for an absolute http(s) URL: the only links an export makes clickable. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url.trim())
}

/** The date part (YYYY-MM-DD) of an ISO date or date-time, or '' when it is not one. */
export function isoDate(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value)
  return m ? m[1] : ''
}
