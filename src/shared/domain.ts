import type { DocJSON } from './schema'

/** What an article says about itself; every field is editable in the app. */
export interface ArticleMeta {
  headline: string
  byline: string
  outlet: string
  url: string
  /** ISO 8601 date (YYYY-MM-DD) or date-time, or '' when unknown. */
  publishedAt: string
}

/** A row of the library. */
export interface ArticleSummary extends ArticleMeta {
  id: number
  annotationCount: number
  /** Its claims, and of them those whose verdict an editor approved. */
  claimCount: number
  approvedCount: number
  /** The worst verdict among its claims (false worst), or null when none has one. */
  worstVerdict: ClaimStatus | null
  /** Comment threads on its annotations not yet resolved. */
  openThreads: number
  createdAt: string
  updatedAt: string
}

/** A whole article as the editor opens it. */
export interface Article extends ArticleMeta {
  id: number
  body: DocJSON
  /** Plain-text projection of `body` (see shared/text.ts). */
  text: string
  sourceName: string
  sourceFormat: ImportFormat
  /** Increases on every save; a save names the revision it started from. */
  revision: number
  createdAt: string
  updatedAt: string
}

export type ImportFormat = 'txt' | 'html' | 'md' | 'docx' | 'paste' | 'brat'

export const ANNOTATION_KINDS = ['claim', 'quote', 'attribution'] as const
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number]

export const CLAIM_STATUSES = [
  'unchecked',
  'in_review',
  'true',
  'mostly_true',
  'misleading',
  'false',
  'unverifiable'
] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

/** Statuses that are a verdict (the check is finished). */
export const VERDICTS: readonly ClaimStatus[] = ['true', 'mostly_true', 'misleading', 'false', 'unverifiable']

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  unchecked: 'Unchecked',
  in_review: 'In review',
  true: 'True',
  mostly_true: 'Mostly true',
  misleading: 'Misleading',
  false: 'False',
  unverifiable: 'Unverifiable'
}

export const SOURCE_TYPES = ['person', 'organisation', 'document', 'anonymous'] as const
export type SourceType = (typeof SOURCE_TYPES)[number]

export interface Evidence {
  url: string
  note: string
}

/**
 * Where a claim's verdict stands with the desk's editors: setting a verdict proposes it, an
 * editor approves it or returns it (with a reason), and changing an approved verdict
 * proposes it again. A claim without a verdict has none.
 */
export const SIGNOFFS = ['none', 'proposed', 'approved', 'returned'] as const
export type Signoff = (typeof SIGNOFFS)[number]

export const SIGNOFF_LABELS: Record<Signoff, string> = {
  none: 'No verdict yet',
  proposed: 'Proposed',
  approved: 'Approved',
  returned: 'Returned'
}

export interface ClaimFields {
  status: ClaimStatus
  explanation: string
  evidence: Evidence[]
  /** The roster person checking it (a Person id), or null. */
  checkerId: string | null
  /** The roster editor who reviews the verdict (a Person id), or null. */
  reviewerId: string | null
  /** When the check is due: YYYY-MM-DD, or ''. */
  due: string
  signoff: Signoff
  /** Who proposed, approved or returned the verdict last (a Person id), or null. */
  signedOffBy: string | null
  /** When (ISO 8601), or '' when there is no sign-off. */
  signedOffAt: string
  /**
   * Why the verdict was returned ('' otherwise). Kept on the claim, and so in its history,
   * until threads hold it as a comment.
   */
  returnReason: string
  /** The attribution this claim is sourced to, if any. */
  sourceId: string | null
  /** The desk's earlier claim (its annotation id) this one says the same as, once linked ("checked before"). */
  sameAs: string | null
}

export interface QuoteFields {
  /** The attribution annotation naming the speaker, if linked. */
  speakerId: string | null
  /** A speaker typed by name with no attribution in the text. */
  speakerName: string
  checked: boolean
  checkedNote: string
}

export interface AttributionFields {
  sourceName: string
  sourceType: SourceType
  cue: string
}

export interface FieldsByKind {
  claim: ClaimFields
  quote: QuoteFields
  attribution: AttributionFields
}

/**
 * Where an annotation sits: offsets in the article's plain text plus a text-quote selector
 * (the exact text and some context either side), as the W3C Web Annotation model does, so
 * it can be found again when the text changed elsewhere.
 */
export interface TextAnchor {
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
}

export type AnnotationOrigin = 'manual' | 'suggested' | 'imported'

interface AnnotationBase {
  id: string
  anchor: TextAnchor
  origin: AnnotationOrigin
  /** 'orphaned' when the anchor's text could not be found in the article any more. */
  placement: 'anchored' | 'orphaned'
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
}

export type Annotation = {
  [K in AnnotationKind]: AnnotationBase & { kind: K; fields: FieldsByKind[K] }
}[AnnotationKind]

export type AnnotationOf<K extends AnnotationKind> = Extract<Annotation, { kind: K }>

/** One recorded change to an annotation: who, when, what. */
export interface AnnotationChange {
  id: number
  annotationId: string
  articleId: number
  at: string
  who: string
  action: AnnotationAction
  /** Field name → [before, after]; empty for create/delete. A comment's words are `comment`. */
  changes: Record<string, [unknown, unknown]>
}

/** What a history entry records: a change to the annotation itself, or to its thread. */
export type AnnotationAction =
  | 'created'
  | 'updated'
  | 'deleted'
  | 'retagged'
  | 'moved'
  | 'commented'
  | 'comment_edited'
  | 'comment_deleted'
  | 'comment_restored'
  | 'resolved'
  | 'reopened'

/**
 * One comment in an annotation's thread. Threads are the desk's own talk: never in a public
 * export. A deleted comment is kept (for undo and the history), not shown.
 */
export interface Comment {
  id: string
  articleId: number
  annotationId: string
  /** The desk person who wrote it (null before the roster, and for comments from a file). */
  authorId: string | null
  /** Their name when they wrote it, as the history keeps names. */
  authorName: string
  body: string
  createdAt: string
  /** When its words were last changed; null when never (an edited comment says so). */
  editedAt: string | null
  deletedAt: string | null
}

/** An annotation's thread: its comments, oldest first, and whether it is resolved. */
export interface Thread {
  articleId: number
  annotationId: string
  /** The comments not deleted, oldest first. */
  comments: Comment[]
  resolvedAt: string | null
  /** The desk person who resolved it (null before the roster). */
  resolvedBy: string | null
  /** Their name, from the history entry that resolved it ('' when open). */
  resolvedByName: string
}

/** Fresh fields for a new annotation of a kind. */
export function defaultFields<K extends AnnotationKind>(kind: K): FieldsByKind[K] {
  const byKind: FieldsByKind = {
    claim: {
      status: 'unchecked',
      explanation: '',
      evidence: [],
      checkerId: null,
      reviewerId: null,
      due: '',
      signoff: 'none',
      signedOffBy: null,
      signedOffAt: '',
      returnReason: '',
      sourceId: null,
      sameAs: null
    },
    quote: { speakerId: null, speakerName: '', checked: false, checkedNote: '' },
    attribution: { sourceName: '', sourceType: 'person', cue: '' }
  }
  return byKind[kind]
}

/** Preferences kept in the store. */
export interface Preferences {
  userName: string
  /** Who "me" is on the desk roster (a Person id), or '' when unset. */
  userId: string
  organisation: string
  organisationUrl: string
}

/** How the library can be ordered: last edited or added (newest first), or by headline (A–Z). */
export const LIBRARY_SORTS = ['updated', 'created', 'headline'] as const
export type LibrarySort = (typeof LIBRARY_SORTS)[number]

/** One page of the library, and where the next one starts. */
export interface LibraryPage {
  rows: ArticleSummary[]
  /** How many articles the whole list holds (with the same search), for the scroll bar. */
  total: number
  /** Hands back to get the page after this one; null after the last. */
  nextCursor: string | null
}

export const PERSON_ROLES = ['checker', 'editor'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]

/** Someone on the desk's roster: who checks claims and who signs their verdicts off. */
export interface Person {
  /** 'p-' and a UUID: what a claim's checker, reviewer and sign-off record. */
  id: string
  name: string
  initials: string
  role: PersonRole
  /** Archived people stay on the claims they worked on, but are no longer offered. */
  archived: boolean
}
