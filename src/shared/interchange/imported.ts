import type { AnnotationKind, ClaimStatus, FieldsByKind, SourceType } from '../domain'
import { ANNOTATION_KINDS, CLAIM_STATUSES, defaultFields, SOURCE_TYPES } from '../domain'
import { importedSignoff } from '../signoff'

/**
 * What the annotation importers return: plain data for the caller to re-anchor and store.
 * Nothing here has a Copydesk id yet; annotations name each other by `ref`, the id they had
 * in the file (a W3C annotation's id, a brat T id).
 */

export type LinkRel = 'speaker' | 'source'

/** quote → its speaker (an attribution) or claim → its source (an attribution). */
export interface ImportedLink {
  rel: LinkRel
  /** The `ref` of the attribution in the same result. */
  target: string
}

/** A comment read from a file, for the thread of the annotation it came with. */
export interface ImportedComment {
  /** Who wrote it; absent when the file does not say apart from the annotation (its creator, then). */
  authorName?: string
  body: string
  createdAt?: string
  editedAt?: string
}

interface ImportedBase {
  ref: string
  exact: string
  prefix: string
  suffix: string
  /** Offsets in the article's plain text (UTF-16 code units), when the file gave them. */
  start?: number
  end?: number
  links: ImportedLink[]
  createdBy?: string
  /** A claim's checker as the file names them: the store finds or adds them on the roster. */
  checkerName?: string
  createdAt?: string
  updatedAt?: string
  /** Its thread's comments, oldest first. */
  comments: ImportedComment[]
  /** When its thread was resolved, if the file says so. */
  resolvedAt?: string
}

/** One imported annotation. `fields.speakerId` / `fields.sourceId` hold refs, as `links` do. */
export type ImportedAnnotation = {
  [K in AnnotationKind]: ImportedBase & { kind: K; fields: FieldsByKind[K] }
}[AnnotationKind]

export interface ImportResult {
  annotations: ImportedAnnotation[]
  /** Items read but not turned into annotations, each with the reason (page notes, replies ...). */
  skipped: string[]
}

/** How much context the importers keep either side of a span (the contract allows 200). */
export const CONTEXT_LENGTH = 32
const MAX_CONTEXT = 200

export function clampPrefix(prefix: string): string {
  return prefix.length > MAX_CONTEXT ? prefix.slice(prefix.length - MAX_CONTEXT) : prefix
}

export function clampSuffix(suffix: string): string {
  return suffix.length > MAX_CONTEXT ? suffix.slice(0, MAX_CONTEXT) : suffix
}

export function isKind(value: unknown): value is AnnotationKind {
  return typeof value === 'string' && (ANNOTATION_KINDS as readonly string[]).includes(value)
}

/** A fresh imported annotation of a kind with default fields. */
export function newImported<K extends AnnotationKind>(kind: K, ref: string, exact: string): ImportedAnnotation {
  return { ref, kind, exact, prefix: '', suffix: '', fields: defaultFields(kind), links: [], comments: [] } as ImportedAnnotation
}

/**
 * A claim's assignment and sign-off belong to this desk: a file's (another desk's ids, its
 * approvals) are not taken; an imported verdict starts proposed (see importedSignoff).
 */
const DESK_FIELDS = new Set(['checkerId', 'reviewerId', 'due', 'signoff', 'signedOffBy', 'signedOffAt', 'returnReason'])

/**
 * Sets one field from a file, checking its type; `where` names the item for the error.
 * Unknown names are ignored so a newer Copydesk's exports still load.
 */
export function setField(a: ImportedAnnotation, name: string, value: unknown, where: string): void {
  const fields = a.fields as unknown as Record<string, unknown>
  if (name === 'checker' && a.kind === 'claim') {
    if (typeof value !== 'string') throw new Error(`${where}: field "checker" should be a string, got ${JSON.stringify(value)}`)
    if (value.trim()) a.checkerName = value.trim()
    return
  }
  if (!(name in fields) || name === 'speakerId' || name === 'sourceId' || DESK_FIELDS.has(name)) return
  const current = fields[name]
  const fail = (expected: string): never => {
    throw new Error(`${where}: field "${name}" should be ${expected}, got ${JSON.stringify(value)}`)
  }
  if (name === 'status') {
    if (!(CLAIM_STATUSES as readonly unknown[]).includes(value)) fail(`one of ${CLAIM_STATUSES.join(', ')}`)
    fields.status = value as ClaimStatus
    Object.assign(fields, importedSignoff(value as ClaimStatus))
  } else if (name === 'sourceType') {
    if (!(SOURCE_TYPES as readonly unknown[]).includes(value)) fail(`one of ${SOURCE_TYPES.join(', ')}`)
    fields.sourceType = value as SourceType
  } else if (name === 'evidence') {
    const list = Array.isArray(value) ? value : [value]
    fields.evidence = list.map((e) => {
      if (typeof e !== 'object' || e === null) return fail('a list of {url, note}')
      const url = (e as Record<string, unknown>).url ?? ''
      const note = (e as Record<string, unknown>).note ?? ''
      if (typeof url !== 'string' || typeof note !== 'string') return fail('a list of {url, note} strings')
      return { url, note }
    })
  } else if (typeof current === 'boolean') {
    if (typeof value !== 'boolean') fail('true or false')
    fields[name] = value
  } else {
    if (typeof value !== 'string') fail('a string')
    fields[name] = value
  }
}

/** Adds a comment to an annotation's thread (a note or a reply from another tool); empty text adds none. */
export function addComment(a: ImportedAnnotation, text: string, from: Omit<ImportedComment, 'body'> = {}): void {
  const body = text.trim()
  if (!body) return
  a.comments.push({ ...from, body })
}

/** A string, or undefined: for the optional strings of a file. */
export function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}

/** Links `from` (a quote or claim) to the attribution `to`; false when the kinds do not fit. */
export function link(from: ImportedAnnotation, to: ImportedAnnotation): boolean {
  if (to.kind !== 'attribution') return false
  if (from.kind === 'quote') {
    from.fields.speakerId = to.ref
    from.links = [{ rel: 'speaker', target: to.ref }]
    return true
  }
  if (from.kind === 'claim') {
    from.fields.sourceId = to.ref
    from.links = [{ rel: 'source', target: to.ref }]
    return true
  }
  return false
}

/** Fills prefix and suffix from the text around [start, end). */
export function contextFrom(a: ImportedAnnotation, text: string, start: number, end: number): void {
  a.prefix = text.slice(Math.max(0, start - CONTEXT_LENGTH), start)
  a.suffix = text.slice(end, end + CONTEXT_LENGTH)
}
