import { z } from 'zod'
import type { Annotation, AnnotationChange, AnnotationKind, Article, ArticleMeta, ArticleSummary, ClaimStatus, Comment, LibraryPage, LibrarySort, Person, PersonRole, Preferences, Thread } from './domain'
import { ANNOTATION_KINDS, CLAIM_STATUSES, LIBRARY_SORTS, PERSON_ROLES, SIGNOFFS, SOURCE_TYPES } from './domain'
import { CLAIM_SORTS, MAX_CLAIM_PAGE, type ClaimFilters, type ClaimPage, type ClaimQuery, type ClaimView } from './claims'
import type { OperationName } from './ops'
import type { BlockJSON, DocJSON } from './schema'
import { MAX_SEARCH_PAGE, type CheckedBeforeInput, type CheckedBeforeMatch, type SearchInput, type SearchPage } from './search/types'
import type { SpeakerDetail, SpeakerSummary } from './speakers/types'

/**
 * The contract: every operation the UI may ask for, with a runtime schema for its input and
 * the type of its output. Each door (Electron IPC, HTTP, command line) validates against
 * these schemas before the services see anything.
 */

import { cleanStrings } from './clean-text'
import { HISTORY_PAGE, LIBRARY_PAGE, MAX_BLOCKS, MAX_COMMENT_LENGTH, MAX_HISTORY_PAGE, MAX_IMPORT_BYTES, MAX_LIBRARY_PAGE, MAX_NOTE_LENGTH, MAX_TEXT_LENGTH } from './limits'

export { HISTORY_PAGE, LIBRARY_PAGE, MAX_COMMENT_LENGTH, MAX_HISTORY_PAGE, MAX_IMPORT_BYTES, MAX_LIBRARY_PAGE, MAX_NOTE_LENGTH, MAX_TEXT_LENGTH }

const articleId = z.number().int().positive()
const shortText = z.string().max(2_000)
const noteText = z.string().max(MAX_NOTE_LENGTH, `A note can be at most ${MAX_NOTE_LENGTH} characters`)

export const metaSchema = z
  .object({
    headline: shortText,
    byline: shortText,
    outlet: shortText,
    url: shortText,
    publishedAt: z.string().max(40)
  })
  .strict()

/** A body's outer shape; the services check it node by node against the article schema. */
export const docSchema = z
  .object({ type: z.literal('doc'), content: z.array(z.record(z.string(), z.unknown())).min(1) })
  .passthrough()

const anchorSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    exact: z.string().min(1).max(MAX_TEXT_LENGTH),
    prefix: z.string().max(200),
    suffix: z.string().max(200)
  })
  .strict()
  .refine((a) => a.end > a.start, { message: 'An annotation must end after it starts' })

/** True for a real day written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

const day = z.string().refine(isCalendarDate, { message: 'A date is written as YYYY-MM-DD, for example 2026-12-01' })
const personId = z.string().min(1).max(100)

const claimFields = z
  .object({
    status: z.enum(CLAIM_STATUSES),
    explanation: noteText,
    evidence: z.array(z.object({ url: shortText, note: noteText }).strict()).max(200),
    checkerId: personId.nullable(),
    reviewerId: personId.nullable(),
    due: z.union([z.literal(''), day]),
    signoff: z.enum(SIGNOFFS),
    signedOffBy: personId.nullable(),
    signedOffAt: z.string().max(40),
    returnReason: noteText,
    sourceId: z.string().max(100).nullable(),
    sameAs: z.string().max(100).nullable().default(null)
  })
  .strict()
const quoteFields = z
  .object({
    speakerId: z.string().max(100).nullable(),
    speakerName: shortText,
    checked: z.boolean(),
    checkedNote: noteText
  })
  .strict()
const attributionFields = z
  .object({ sourceName: shortText, sourceType: z.enum(SOURCE_TYPES), cue: shortText })
  .strict()

/** The most annotations an article can have. */
const MAX_ANNOTATIONS = 50_000

const annotationBase = {
  id: z.string().min(1).max(100),
  anchor: anchorSchema,
  origin: z.enum(['manual', 'suggested', 'imported']),
  placement: z.enum(['anchored', 'orphaned']),
  createdBy: shortText,
  createdAt: z.string().max(40),
  updatedBy: shortText,
  updatedAt: z.string().max(40)
}

/** An annotation saved before, at its new place in the text: see SaveArticleInput.moved. */
const movedSchema = z
  .object({ id: annotationBase.id, start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .strict()
  .refine((m) => m.end > m.start, { message: 'An annotation must end after it starts' })

/** A stretch of saved annotations moved alike: see AnnotationChanges.shifts. */
const shiftSchema = z.object({ from: z.number().int().nonnegative(), by: z.number().int() }).strict()

export const annotationSchema = z.discriminatedUnion('kind', [
  z.object({ ...annotationBase, kind: z.literal('claim'), fields: claimFields }).strict(),
  z.object({ ...annotationBase, kind: z.literal('quote'), fields: quoteFields }).strict(),
  z.object({ ...annotationBase, kind: z.literal('attribution'), fields: attributionFields }).strict()
])

export const kindSchema = z.enum(ANNOTATION_KINDS)

export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'docx', 'w3c', 'claimreview', 'brat', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]


export const preferencesSchema = z
  .object({ userName: shortText, userId: z.union([z.literal(''), personId]), organisation: shortText, organisationUrl: shortText })
  .strict()

const personName = z
  .string()
  .max(200)
  .refine((s) => s.trim().length > 0, { message: 'A person on the desk needs a name' })
const initials = z.string().max(8, 'Initials are at most 8 characters')

export const claimFiltersSchema = z
  .object({
    statuses: z.array(z.enum(CLAIM_STATUSES)).max(CLAIM_STATUSES.length).optional(),
    signoffs: z.array(z.enum(SIGNOFFS)).max(SIGNOFFS.length).optional(),
    checkerId: personId.optional(),
    reviewerId: personId.optional(),
    articleId: articleId.optional(),
    changedFrom: day.optional(),
    changedTo: day.optional(),
    mine: z.boolean().optional(),
    needsReview: z.boolean().optional(),
    sort: z.enum(CLAIM_SORTS).optional()
  })
  .strict()

const annotationRef = { articleId, annotationId: z.string().min(1).max(100) }

/**
 * An operation: its input's schema and its output's type. Every string of every input is
 * cleaned first (lone surrogates, noncharacters and stray controls become U+FFFD, unit for
 * unit: see clean-text.ts), so no door lets them into the store or an export.
 */
function op<I extends z.ZodType, O>(input: I): { input: z.ZodType<z.output<I>>; output: O } {
  return { input: z.preprocess(cleanStrings, input) as z.ZodType<z.output<I>>, output: undefined as unknown as O }
}

const byId = z.object({ id: articleId }).strict()
const annotationId = z.string().min(1).max(100)
const commentId = z.string().min(1).max(100)
const commentBody = z
  .string()
  .max(MAX_COMMENT_LENGTH, `A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString('en')} characters`)
  .refine((s) => s.trim().length > 0, { message: 'A comment needs some words' })
const onAnnotation = z.object({ articleId, annotationId }).strict()
const onComment = z.object({ articleId, commentId }).strict()
const speakerRef = z.string().trim().min(1, 'Name a person').max(300)

export const contract = {
  listArticles: op<z.ZodType<{ query?: string }>, ArticleSummary[]>(
    z.object({ query: z.string().max(500).optional() }).strict()
  ),
  search: op<z.ZodType<SearchInput>, SearchPage>(
    z
      .object({
        query: z.string().max(500),
        limit: z.number().int().min(1).max(MAX_SEARCH_PAGE).optional(),
        cursor: z.string().max(200).optional(),
        offset: z.number().int().min(0).max(1_000_000).optional()
      })
      .strict()
  ),
  checkedBefore: op<z.ZodType<CheckedBeforeInput>, CheckedBeforeMatch[]>(
    z.object({ text: z.string().max(5_000), annotationId: z.string().max(100).optional(), limit: z.number().int().min(1).max(10).optional() }).strict()
  ),
  getArticle: op<typeof byId, Article>(byId),
  /** The library a page at a time: `cursor` from the page before, or `offset` to jump. */
  libraryPage: op<z.ZodType<LibraryPageInput>, LibraryPage>(
    z
      .object({
        sort: z.enum(LIBRARY_SORTS).optional(),
        query: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(MAX_LIBRARY_PAGE).optional(),
        cursor: z.string().max(2_000).optional(),
        offset: z.number().int().nonnegative().max(1e9).optional()
      })
      .strict()
      .refine((q) => q.cursor === undefined || q.offset === undefined, { message: 'Give a cursor or an offset, not both', path: ['offset'] })
  ),
  importFile: op<z.ZodType<{ fileName: string; dataBase64: string }>, Article>(
    z
      .object({
        fileName: z.string().min(1).max(500),
        // base64 of at most MAX_IMPORT_BYTES (checked again after decoding)
        dataBase64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, 'The file is larger than 10 MB')
      })
      .strict()
  ),
  importText: op<z.ZodType<{ text: string; headline?: string }>, Article>(
    z.object({ text: z.string().max(MAX_TEXT_LENGTH), headline: shortText.optional() }).strict()
  ),
  saveArticle: op<z.ZodType<SaveArticleInput>, SaveResult>(
    z
      .object({
        id: articleId,
        baseRevision: z.number().int().nonnegative(),
        meta: metaSchema.partial().optional(),
        body: docSchema.optional(),
        annotations: z.array(annotationSchema).max(MAX_ANNOTATIONS).optional(),
        moved: z.array(movedSchema).max(MAX_ANNOTATIONS).optional(),
        bodyChange: z
          .object({
            from: z.number().int().nonnegative(),
            remove: z.number().int().nonnegative(),
            blocks: z.array(z.record(z.string(), z.unknown())).max(MAX_BLOCKS),
            textLength: z.number().int().nonnegative()
          })
          .strict()
          .optional(),
        changes: z
          .object({
            upsert: z.array(annotationSchema).max(MAX_ANNOTATIONS),
            removed: z.array(annotationBase.id).max(MAX_ANNOTATIONS),
            shifts: z
              .array(shiftSchema)
              .max(MAX_ANNOTATIONS)
              .refine((list) => list.every((s, i) => i === 0 || s.from > list[i - 1].from), { message: 'Shifts come in the order of the text, one per place' })
          })
          .strict()
          .optional()
      })
      .strict()
      .refine((s) => !(s.changes && (s.annotations || s.moved)), { message: 'Annotations are saved whole or as changes, not both', path: ['changes'] })
      .refine((s) => !(s.body && s.bodyChange), { message: 'A body is saved whole or as a change, not both', path: ['bodyChange'] })
      .refine((s) => !s.moved || s.annotations, { message: 'Moved annotations come with the others (annotations, which may be empty)', path: ['moved'] })
      .refine((s) => (s.annotations?.length ?? 0) + (s.moved?.length ?? 0) <= MAX_ANNOTATIONS, {
        message: `An article can have at most ${MAX_ANNOTATIONS} annotations`,
        path: ['annotations']
      }) as unknown as z.ZodType<SaveArticleInput>
  ),
  deleteArticle: op<typeof byId, { id: number }>(byId),
  restoreArticle: op<typeof byId, ArticleSummary>(byId),
  listAnnotations: op<z.ZodType<{ articleId: number }>, Annotation[]>(z.object({ articleId }).strict()),
  annotationHistory: op<z.ZodType<AnnotationHistoryInput>, AnnotationChange[]>(
    z
      .object({
        articleId,
        annotationId: z.string().min(1).max(100).optional(),
        limit: z.number().int().min(1).max(MAX_HISTORY_PAGE).optional(),
        before: z.number().int().positive().optional()
      })
      .strict()
  ),
  exportArticle: op<z.ZodType<ExportInput>, ExportResult>(
    z
      .object({
        id: articleId,
        format: z.enum(EXPORT_FORMATS),
        kinds: z.array(kindSchema).max(3).optional(),
        statuses: z.array(z.enum(CLAIM_STATUSES)).max(7).optional(),
        includeInternal: z.boolean().optional(),
        includeUnapproved: z.boolean().optional()
      })
      .strict()
  ),
  importAnnotations: op<z.ZodType<{ articleId: number; fileName: string; content: string }>, PlacementCounts>(
    z.object({ articleId, fileName: z.string().min(1).max(500), content: z.string().max(MAX_TEXT_LENGTH * 4) }).strict()
  ),
  importAnnotatedArticle: op<z.ZodType<{ fileName: string; text: string; ann: string }>, { article: Article; placement: PlacementCounts }>(
    z.object({ fileName: z.string().min(1).max(500), text: z.string().max(MAX_TEXT_LENGTH), ann: z.string().max(MAX_TEXT_LENGTH * 4) }).strict()
  ),
  listDismissals: op<z.ZodType<{ articleId: number }>, string[]>(z.object({ articleId }).strict()),
  setDismissals: op<z.ZodType<{ articleId: number; keys: string[]; dismissed: boolean }>, { count: number }>(
    z.object({ articleId, keys: z.array(z.string().min(1).max(400)).min(1).max(10_000), dismissed: z.boolean() }).strict()
  ),
  getPreferences: op<z.ZodType<Record<string, never>>, Preferences>(
    z.object({}).strict() as unknown as z.ZodType<Record<string, never>>
  ),
  setPreferences: op<z.ZodType<Partial<Preferences>>, Preferences>(preferencesSchema.partial()),
  databaseHealth: op<z.ZodType<Record<string, never>>, DatabaseHealth>(
    z.object({}).strict() as unknown as z.ZodType<Record<string, never>>
  ),
  listBackups: op<z.ZodType<Record<string, never>>, BackupValue[]>(
    z.object({}).strict() as unknown as z.ZodType<Record<string, never>>
  ),
  // A backup is named as listBackups names it, never by a path: the page cannot point the
  // store at any other file.
  restoreBackup: op<z.ZodType<{ name: string }>, RestoreResult>(
    z.object({ name: z.string().min(1).max(255).regex(/^[^/\\]+\.db$/, 'A backup is named as the list of backups names it') }).strict()
  ),
  getThread: op<z.ZodType<ThreadInput>, Thread>(onAnnotation),
  addComment: op<z.ZodType<ThreadInput & { body: string }>, CommentResult>(onAnnotation.extend({ body: commentBody }).strict()),
  editComment: op<z.ZodType<CommentInput & { body: string }>, CommentResult>(onComment.extend({ body: commentBody }).strict()),
  deleteComment: op<z.ZodType<CommentInput>, CommentResult>(onComment),
  restoreComment: op<z.ZodType<CommentInput>, CommentResult>(onComment),
  resolveThread: op<z.ZodType<ThreadInput & { resolved: boolean }>, Thread>(onAnnotation.extend({ resolved: z.boolean() }).strict()),
  // People in the news (see shared/speakers): `id` is a speaker's id or a name as typed.
  listSpeakers: op<z.ZodType<{ query?: string }>, SpeakerSummary[]>(z.object({ query: z.string().max(500).optional() }).strict()),
  getSpeaker: op<z.ZodType<{ id: string }>, SpeakerDetail>(z.object({ id: speakerRef }).strict()),
  mergeSpeakers: op<z.ZodType<{ a: string; b: string }>, SpeakerDetail>(z.object({ a: speakerRef, b: speakerRef }).strict()),
  splitSpeaker: op<z.ZodType<{ id: string; part: string }>, { speaker: SpeakerDetail; apart: SpeakerDetail }>(
    z.object({ id: speakerRef, part: speakerRef }).strict()
  ),
  listPeople: op<z.ZodType<{ includeArchived?: boolean }>, Person[]>(z.object({ includeArchived: z.boolean().optional() }).strict()),
  addPerson: op<z.ZodType<NewPersonInput>, Person>(
    z.object({ name: personName, initials: initials.optional(), role: z.enum(PERSON_ROLES) }).strict()
  ),
  updatePerson: op<z.ZodType<PersonUpdate>, Person>(
    z
      .object({ id: personId, name: personName.optional(), initials: initials.optional(), role: z.enum(PERSON_ROLES).optional(), archived: z.boolean().optional() })
      .strict()
  ),
  listClaims: op<z.ZodType<ClaimQuery>, ClaimPage>(
    claimFiltersSchema.extend({ limit: z.number().int().min(1).max(MAX_CLAIM_PAGE).optional(), cursor: z.string().max(2_000).optional() }).strict()
  ),
  listClaimViews: op<z.ZodType<Record<string, never>>, ClaimView[]>(
    z.object({}).strict() as unknown as z.ZodType<Record<string, never>>
  ),
  saveClaimView: op<z.ZodType<{ name: string; filters: ClaimFilters }>, ClaimView>(
    z
      .object({
        name: z
          .string()
          .max(100, 'A view name is at most 100 characters')
          .refine((s) => s.trim().length > 0, { message: 'A saved view needs a name' }),
        filters: claimFiltersSchema
      })
      .strict()
  ),
  deleteClaimView: op<z.ZodType<{ id: string }>, ClaimView>(z.object({ id: z.string().min(1).max(100) }).strict()),
  updateClaim: op<z.ZodType<ClaimUpdate>, Annotation>(
    z
      .object({
        ...annotationRef,
        status: z.enum(CLAIM_STATUSES).optional(),
        checkerId: personId.nullable().optional(),
        reviewerId: personId.nullable().optional(),
        due: z.union([z.literal(''), day]).optional()
      })
      .strict()
  ),
  signOffClaim: op<z.ZodType<SignOffInput>, Annotation>(
    z
      .object({ ...annotationRef, action: z.enum(['propose', 'approve', 'return']), reason: noteText.optional() })
      .strict()
      .refine((s) => s.action !== 'return' || (s.reason ?? '').trim().length > 0, {
        message: 'Say why the verdict goes back to the checker',
        path: ['reason']
      }) as unknown as z.ZodType<SignOffInput>
  )
} satisfies Record<OperationName, { input: z.ZodType; output: unknown }>


/**
 * One page of recorded changes: the newest `limit` (default HISTORY_PAGE) entries older
 * than the entry `before` (an entry's id; the newest when absent), in the order they were
 * made. A page shorter than `limit` is the oldest; the next older page is `before` its
 * first entry's id.
 */
export interface LibraryPageInput {
  sort?: LibrarySort
  query?: string
  limit?: number
  cursor?: string
  offset?: number
}

export interface AnnotationHistoryInput {
  articleId: number
  annotationId?: string
  limit?: number
  before?: number
}

/** Names an annotation's thread. */
export interface ThreadInput {
  articleId: number
  annotationId: string
}

/** Names one comment. */
export interface CommentInput {
  articleId: number
  commentId: string
}

/** A comment as a change left it, and its thread after the change. */
export interface CommentResult {
  comment: Comment
  thread: Thread
}

export interface ExportInput {
  id: number
  format: ExportFormat
  kinds?: AnnotationKind[]
  statuses?: ClaimStatus[]
  includeInternal?: boolean
  /**
   * Publish verdicts no editor approved yet too. Without it a public copy (HTML, PDF,
   * Markdown, Word, ClaimReview, CSV) leaves such claims out and says so.
   */
  includeUnapproved?: boolean
}

export interface ExportResult {
  files: ExportedFileValue[]
  /** Claims left out because their verdict is not approved yet (0 when none or when asked to include them). */
  unapprovedLeftOut: number
}

export interface NewPersonInput {
  name: string
  initials?: string
  role: PersonRole
}

export interface PersonUpdate {
  id: string
  name?: string
  initials?: string
  role?: PersonRole
  archived?: boolean
}

/** The desk's fields of one claim, as the command line sets them; absent ones stay as they are. */
export interface ClaimUpdate {
  articleId: number
  annotationId: string
  status?: ClaimStatus
  checkerId?: string | null
  reviewerId?: string | null
  due?: string
}

export interface SignOffInput {
  articleId: number
  annotationId: string
  action: 'propose' | 'approve' | 'return'
  /** Why a verdict is returned (required then). */
  reason?: string
}

/** One exported file crossing a door (bytes as base64). */
export interface ExportedFileValue {
  fileName: string
  mime: string
  dataBase64: string
}

/** How imported annotations were placed in the text. */
export interface PlacementCounts {
  exact: number
  fuzzy: number
  orphaned: number
  /**
   * Of the orphaned, those looked for only word for word: the approximate search of an
   * import is bounded (see FuzzyBudget), and these came after it had done its share.
   */
  unsearched: number
  skipped: string[]
}

export interface SaveArticleInput {
  id: number
  baseRevision: number
  meta?: Partial<ArticleMeta>
  body?: DocJSON
  /** The body as what changed since `baseRevision`, instead of `body` (see BodyChange). */
  bodyChange?: BodyChange
  /** The article's annotations, all of them but those in `moved`: any left out is deleted. */
  annotations?: Annotation[]
  /**
   * Annotations saved before whose only change is their place, moved by edits to the text
   * around them, given by id and new offsets rather than whole: a word typed near the top of
   * a long article moves every annotation after it, and sent whole, 2,000 of them are ~800 KB.
   * The store keeps everything else it has for them and takes their context from the text.
   */
  moved?: MovedAnnotation[]
  /**
   * The annotations as what changed since `baseRevision`, instead of `annotations` and
   * `moved`: a word typed in a 100,000-word article then costs what it changed, not the
   * 10,000 annotations it holds.
   */
  changes?: AnnotationChanges
}

/**
 * An edit to the body as the blocks it replaced: blocks `from` to `from + remove` of the body
 * saved (top-level paragraphs, headings, lists, quotes) give way to `blocks`. A word typed in
 * a 100,000-word article sends one paragraph, not 2,000. `textLength` is the length of the
 * whole text after the edit, as the editor has it: the store refuses a change that would
 * leave it a different text.
 */
export interface BodyChange {
  from: number
  remove: number
  blocks: BlockJSON[]
  textLength: number
}

/** What changed in an article's annotations since the revision a save is from. */
export interface AnnotationChanges {
  /** Annotations new or changed in any way but their place (fields, kind, words, context), whole. */
  upsert: Annotation[]
  /** Ids of saved annotations taken away. */
  removed: string[]
  /**
   * How the saved annotations not named above moved with the text: each anchored one that
   * starts at or after `from` (in the saved text), and before the next shift's `from`, moves
   * by `by` characters. Before the first shift, none moves. In the order of the text.
   */
  shifts: AnnotationShift[]
}

export interface AnnotationShift {
  from: number
  by: number
}

export interface MovedAnnotation {
  id: string
  start: number
  end: number
}

export interface SaveResult {
  revision: number
  updatedAt: string
  annotationCount: number
}

/** One backup of the library, in the backups folder beside it. */
export interface BackupValue {
  name: string
  kind: 'daily' | 'manual' | 'before-migration' | 'before-restore'
  /** When it was made (ISO 8601): a restore brings back the library as it was then. */
  takenAt: string
  bytes: number
}

/** Whether the library is whole and writable; when damaged, the newest good backup to offer. */
export interface DatabaseHealth {
  status: 'ok' | 'read_only' | 'damaged'
  message: string
  newestGoodBackup: BackupValue | null
}

export interface RestoreResult {
  restoredFrom: BackupValue
  /** The name of the copy of the library as it was before the restore, in the backups folder. */
  keptCopy: string | null
  /** Says when the backup is from and that changes made after it are not in it. */
  message: string
}

export type Contract = typeof contract
export type InputOf<K extends OperationName> = z.output<Contract[K]['input']>
export type OutputOf<K extends OperationName> = Contract[K]['output']

/** The API every door offers the renderer: one async method per operation. */
export type CopydeskApi = {
  [K in OperationName]: (input: InputOf<K>) => Promise<import('./errors').Result<OutputOf<K>>>
}
