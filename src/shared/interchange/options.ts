import type { Annotation, AnnotationChange, AnnotationKind, Article, ClaimStatus, Thread } from '../domain'
import { ANNOTATION_KINDS, VERDICTS } from '../domain'

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
  /** The desk roster's names by person id: who checks, reviews and signed a claim off. */
  people?: Record<string, string>
  /**
   * Leave out claims whose verdict no editor approved (and say so): what a copy that
   * publishes verdicts does unless asked otherwise.
   */
  approvedOnly?: boolean
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
  people: Record<string, string>
  /** Whether only approved verdicts were taken (ExportOptions.approvedOnly). */
  approvedOnly: boolean
  /** Claims left out because their verdict is not approved yet. */
  unapprovedLeftOut: number
  /** Claims in the export with a verdict not approved yet (when asked to include them). */
  unapprovedIncluded: number
}

/** A roster person's name in an export, or '' for nobody (or someone the export was not told of). */
export function personName(set: Pick<ExportSet, 'people'>, id: string | null): string {
  return id ? (set.people[id] ?? '') : ''
}

/** True for a claim whose verdict an editor has not approved (yet). */
export function isUnapprovedVerdict(a: Annotation): boolean {
  return a.kind === 'claim' && VERDICTS.includes(a.fields.status) && a.fields.signoff !== 'approved'
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
  const wanted = annotations.filter(
    (a) => kinds.has(a.kind) && (a.kind !== 'claim' || statuses === null || statuses.has(a.fields.status))
  )
  const approvedOnly = options.approvedOnly === true
  const chosen = approvedOnly ? wanted.filter((a) => !isUnapprovedVerdict(a)) : wanted
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
  return {
    items,
    byId,
    supportedBy,
    history,
    threads,
    includeInternal,
    people: options.people ?? {},
    approvedOnly,
    unapprovedLeftOut: wanted.length - chosen.length,
    unapprovedIncluded: chosen.filter(isUnapprovedVerdict).length
  }
}

/**
 * What a copy says about the verdicts it publishes: that only approved ones are in it and
 * how many were left out, or that some in it are not approved yet; null when it has no
 * verdict to speak of.
 */
export function approvalNotice(set: Pick<ExportSet, 'approvedOnly' | 'unapprovedLeftOut' | 'unapprovedIncluded' | 'items'>): string | null {
  const verdicts = set.items.some((i) => i.annotation.kind === 'claim' && VERDICTS.includes(i.annotation.fields.status))
  if (set.approvedOnly && (verdicts || set.unapprovedLeftOut > 0)) {
    const left = set.unapprovedLeftOut
    return left === 0
      ? 'Only verdicts approved by an editor are published here.'
      : `Only verdicts approved by an editor are published here: ${left === 1 ? '1 claim whose verdict is' : `${left} claims whose verdicts are`} not approved yet ${left === 1 ? 'was' : 'were'} left out.`
  }
  const n = set.unapprovedIncluded
  if (n > 0) return `${n === 1 ? '1 verdict here is' : `${n} verdicts here are`} not approved by an editor yet.`
  return null
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
