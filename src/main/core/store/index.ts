import type { Database as DB } from 'better-sqlite3'
import type {
  Annotation,
  AnnotationChange,
  Article,
  ArticleMeta,
  ArticleSummary,
  ClaimFields,
  ImportFormat,
  LibraryPage,
  Person,
  PersonRole,
  Preferences
} from '../../../shared/domain'
import type { ClaimFilters, ClaimPage, ClaimQuery, ClaimView } from '../../../shared/claims'
import type { NewPersonInput, PersonUpdate } from '../../../shared/contract'
import { listClaims } from './claims-query'
import { deskCounts, type DeskCounts } from './desk-counts'
import { addPerson, findPerson, listPeople, personFor, updatePerson } from './people'
import { deleteClaimView, listClaimViews, saveClaimView } from './claim-views'
import { checkTextLength } from '../../../shared/body-limits'
import { CopydeskError } from '../../../shared/errors'
import type { DocJSON } from '../../../shared/schema'
import type { AnnotationChanges } from '../../../shared/contract'
import { planChanges, writeChanges, type ChangePlan } from './annotation-changes'
import { backupFolder, describeWhen, newestGoodBackup } from './backups'
import { openConnection, type ConnectionOptions } from './connection'
import { indexArticleText } from '../search/passages'
import { articlesMatching, search } from '../search/run'
import type { CheckedBeforeInput, CheckedBeforeMatch, SearchInput, SearchPage } from '../../../shared/search/types'
import { checkedBefore } from '../search/checked-before'
import { annotationRows, historyRows, SUMMARY_COLUMNS, toAnnotation, toSummary, type AnnotationRow, type AnnotationValues, type ArticleRow, type HistoryValues } from './rows'
import { libraryPage, withDeskCounts, type LibraryPageQuery } from './library-page'
import { openCheck } from './open-check'
import { LATEST_VERSION, migrate, schemaVersion } from './migrations'
import { plainStoreError, retryWhileBusy } from './sqlite-errors'
import { insertComments, ThreadStore, type NewComment, type ResolvedThread } from './threads'

export type { NewComment, ResolvedThread } from './threads'

export interface StoreOptions extends ConnectionOptions {
  /**
   * Open a damaged library anyway, so that a door can say so and offer its backups; every
   * other operation then answers `database_damaged`. Without it, opening one throws that.
   */
  allowDamaged?: boolean
  /** Bring the schema up to date as the store opens (the default); openLibrary backs up first. */
  migrate?: boolean
  /** How long a write waits for another program, in all (default BUSY_LIMIT_MS, 5 s). */
  busyLimitMs?: number
  /** The largest library read whole as it opens (default WHOLE_CHECK_BYTES; see open-check). */
  wholeCheckBytes?: number
}

/** How the library is: whole and writable, readable only, or damaged (with what to do). */
export interface LibraryState {
  status: 'ok' | 'read_only' | 'damaged'
  message: string
}

export interface NewArticle extends ArticleMeta {
  body: DocJSON
  text: string
  sourceName: string
  sourceFormat: ImportFormat
}

export interface ArticleUpdate {
  id: number
  baseRevision: number
  meta?: Partial<ArticleMeta>
  body?: DocJSON
  text?: string
  annotations?: Annotation[]
  /**
   * The article's annotations as the caller read them for this save (at `baseRevision`), so
   * the history is told from them without reading 2,000 rows again (~9 ms).
   */
  annotationsBefore?: Annotation[]
  /** Comments (and resolved threads) that come with these annotations: an import's, say. */
  threads?: NewThreads
  /** What changed in the annotations since `baseRevision`, instead of `annotations` (see annotation-changes). */
  changes?: AnnotationChanges
  /** The text at `baseRevision`, when the caller has read it (a save of changes compares it with `text`). */
  textBefore?: string
  who: string
}

/** Comments and resolved threads stored with the annotations they belong to. */
export interface NewThreads {
  comments: NewComment[]
  resolved?: ResolvedThread[]
}

/** An article's annotations as one JSON array, built by SQLite in the shape of toAnnotation. */
const ANNOTATIONS_JSON = `SELECT json_group_array(json_object(
    'id', id, 'kind', kind,
    'anchor', json_object('start', start, 'end', end, 'exact', exact, 'prefix', prefix, 'suffix', suffix),
    'fields', CASE WHEN kind = 'claim' AND json_type(fields, '$.sameAs') IS NULL THEN json_set(fields, '$.sameAs', json('null')) ELSE json(fields) END, 'origin', origin, 'placement', placement,
    'createdBy', created_by, 'createdAt', created_at, 'updatedBy', updated_by, 'updatedAt', updated_at))
  FROM (SELECT * FROM annotations WHERE article_id = ? ORDER BY start, end DESC, id)`

/** The error for a save from a revision the article has moved on from. */
export function conflictError(revision: number, baseRevision: number): CopydeskError {
  return new CopydeskError(
    'conflict',
    `This article was changed elsewhere (revision ${revision}, this copy started from ${baseRevision}). Reopen it to see the latest version.`
  )
}

const DEFAULT_PREFERENCES: Preferences = { userName: '', userId: '', organisation: '', organisationUrl: '' }

function now(): string {
  return new Date().toISOString()
}

/**
 * The article store: one SQLite file. WAL, foreign keys, synchronous FULL, every write in
 * one transaction, so a crash or kill never leaves a torn article or half-saved annotations.
 * Writes take the write lock as they begin (IMMEDIATE) with their JSON built beforehand, and
 * wait out another writer (see sqlite-errors), so two programs writing at once is normal.
 * The file is checked as it opens (`quick_check`, or its edges when large: see open-check).
 */
export class Store {
  readonly file: string
  /** How the store was opened (the native module), for opening backups alike. */
  readonly options: StoreOptions
  private connection: DB | null = null
  private damage: CopydeskError | null = null
  /** What is wrong with a damaged library, without the backup offer (state() shows that apart). */
  private damageSummary = ''
  /** Why the library can only be read, or null when it can be changed. */
  private readOnlyReason: string | null = null
  /** Annotation threads: comments, resolving, the open-thread counts. */
  readonly threads = new ThreadStore(
    () => this.db,
    (fn) => this.write(fn)
  )

  constructor(file: string, options: StoreOptions = {}) {
    this.file = file
    this.options = options
    this.open()
  }

  /** The connection; throws `database_damaged` (with the backup on offer) for a damaged library. */
  get db(): DB {
    if (this.damage) throw this.damage
    if (!this.connection) throw new CopydeskError('internal', 'The library is closed.')
    return this.connection
  }

  private open(): void {
    this.damage = null
    let created = false
    try {
      const c = openConnection(this.file, this.options)
      this.connection = c.db
      this.readOnlyReason = c.readOnly
      created = c.created
      this.check(created)
      if (this.options.migrate !== false) this.migrate()
    } catch (err) {
      this.connection?.close()
      this.connection = null
      if (err instanceof RangeError) throw new CopydeskError('database_too_new', err.message)
      const plain = this.explain(err)
      if (plain instanceof CopydeskError && plain.code === 'database_damaged' && this.options.allowDamaged) {
        this.damage = plain
        return
      }
      throw plain
    }
  }

  /** Refuses a damaged file, one from a newer Copydesk, and another program's database. */
  private check(created: boolean): void {
    const db = this.db
    if (!created && this.file !== ':memory:') {
      const problems = openCheck(db, this.file, this.options.wholeCheckBytes)
      if (problems[0] !== 'ok') throw this.damaged(problems.slice(0, 2).join('; '))
    }
    const version = schemaVersion(db)
    if (version > LATEST_VERSION) migrate(db) // throws the newer-version RangeError
    if (version === 0) {
      const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number }
      if (tables.n > 0) {
        throw new CopydeskError('unsupported_format', `${this.file} is a database of another program, not a Copydesk library. Check the file name, or choose another file.`)
      }
    }
  }

  /** True when the file's schema is older than this code's (openLibrary backs it up first). */
  needsMigration(): boolean {
    return schemaVersion(this.db) < LATEST_VERSION
  }

  /** The schema version of the file (0 for a new one). */
  schemaVersion(): number {
    return schemaVersion(this.db)
  }

  /** Brings the schema up to date, each step in an IMMEDIATE transaction. */
  migrate(): void {
    if (!this.needsMigration()) return
    if (this.readOnlyReason) {
      throw new CopydeskError(
        'read_only',
        `The library at ${this.file} was made by an older Copydesk and must be brought up to date, which needs it to be writable (${this.readOnlyReason}). Copy it to a folder you can write to and open it from there.`
      )
    }
    retryWhileBusy(() => migrate(this.db))
  }

  /** The library's state, in words for the door that shows it. */
  state(): LibraryState {
    if (this.damage) return { status: 'damaged', message: this.damageSummary }
    if (this.readOnlyReason) {
      return { status: 'read_only', message: `This library can be read but not changed: ${this.readOnlyReason}. To work in it, copy it to a folder you can write to.` }
    }
    return { status: 'ok', message: 'The library is in good order.' }
  }

  /** The error for a damaged library: what is wrong, and the newest good backup with its date. */
  damaged(detail: string): CopydeskError {
    const backup = this.file === ':memory:' ? null : newestGoodBackup(this.file, this.options)
    const offer = backup
      ? `The newest good backup is from ${describeWhen(backup.takenAt)} (${backup.path}); restoring it brings the library back as it was then, and changes made after that are not in it.`
      : `There is no good backup of it to restore (backups are kept in ${backupFolder(this.file)}).`
    this.damageSummary = `The library at ${this.file} is damaged (${detail}), so Copydesk cannot safely open it.`
    return new CopydeskError('database_damaged', `${this.damageSummary} ${offer}`)
  }

  /** `err` in an editor's words when SQLite says the library is busy, full, read-only or damaged. */
  explain(err: unknown): unknown {
    return plainStoreError(err, { file: this.file, readOnlyReason: this.readOnlyReason ?? undefined, damaged: (detail) => this.damaged(detail) }) ?? err
  }

  /** Runs `fn` in a transaction that takes the write lock at once, waiting out another writer. */
  private write<T>(fn: () => T): T {
    return retryWhileBusy(() => this.db.transaction(fn).immediate(), this.options.busyLimitMs)
  }

  close(): void {
    this.connection?.close()
    this.connection = null
  }

  /** Closes the file and opens it again (after a restore replaced it). */
  reopen(): void {
    this.close()
    this.open()
  }

  /** Library rows, most recently edited first; `query` keeps those whose details or text hold its words. */
  listArticles(query?: string): ArticleSummary[] {
    const ids = query ? articlesMatching(this.db, query) : null
    if (ids && ids.length === 0) return []
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.deleted_at IS NULL${ids ? ` AND a.id IN (SELECT value FROM json_each(?))` : ''} ORDER BY a.updated_at DESC, a.id DESC`
      )
      .all(...(ids ? [JSON.stringify(ids)] : [])) as ArticleRow[]
    return this.withDesk(rows)
  }

  /** Library rows with their desk columns (see deskCounts). */
  private withDesk(rows: ArticleRow[]): ArticleSummary[] {
    return withDeskCounts(this.db, rows)
  }

  /** What the library shows of each article's desk work: claims approved of all, the worst verdict, open threads. */
  deskCounts(articleIds: readonly number[]): Map<number, DeskCounts> {
    return deskCounts(this.db, articleIds)
  }

  /** A page of search results over everything the library holds (see core/search). */
  search(input: SearchInput): SearchPage {
    return search(this.db, input)
  }

  /** One page of library rows in keyset order (see library-page.ts). */
  libraryPage(q: LibraryPageQuery): LibraryPage {
    return libraryPage(this.db, q)
  }

  /** The desk's earlier claims that say what `input.text` says (see core/search/checked-before). */
  checkedBefore(input: CheckedBeforeInput): CheckedBeforeMatch[] {
    return checkedBefore(this.db, input)
  }

  getArticle(id: number): Article {
    const r = this.articleRow(id)
    return {
      ...toSummary(r),
      body: JSON.parse(r.body) as DocJSON,
      text: r.text,
      sourceName: r.source_name,
      sourceFormat: r.source_format as ImportFormat,
      revision: r.revision
    }
  }

  private articleRow(id: number): ArticleRow {
    const r = this.db
      .prepare(`SELECT a.*, 0 AS annotation_count FROM articles a WHERE a.id = ? AND a.deleted_at IS NULL`)
      .get(id) as ArticleRow | undefined
    if (!r) throw new CopydeskError('not_found', `There is no article number ${id}.`)
    return r
  }

  /** An article's body and text as stored, with their revision (what a save of changes applies to). */
  storedBody(id: number): { revision: number; body: DocJSON; text: string } {
    const r = this.db.prepare(`SELECT revision, body, text FROM articles WHERE id = ? AND deleted_at IS NULL`).get(id) as
      | { revision: number; body: string; text: string }
      | undefined
    if (!r) throw new CopydeskError('not_found', `There is no article number ${id}.`)
    return { revision: r.revision, body: JSON.parse(r.body) as DocJSON, text: r.text }
  }

  private storedText(id: number): string {
    const r = this.db.prepare(`SELECT text FROM articles WHERE id = ? AND deleted_at IS NULL`).get(id) as { text: string } | undefined
    if (!r) throw new CopydeskError('not_found', `There is no article number ${id}.`)
    return r.text
  }

  /** Throws not_found unless the article exists and is not deleted; reads none of its text. */
  requireArticle(id: number): void {
    const r = this.db.prepare(`SELECT 1 FROM articles WHERE id = ? AND deleted_at IS NULL`).get(id)
    if (!r) throw new CopydeskError('not_found', `There is no article number ${id}.`)
  }

  summary(id: number): ArticleSummary {
    const r = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?`).get(id) as
      | ArticleRow
      | undefined
    if (!r) throw new CopydeskError('not_found', `There is no article number ${id}.`)
    return this.withDesk([r])[0]
  }

  insertArticle(a: NewArticle, annotations: Annotation[] = [], who = '', threads?: NewThreads): Article {
    checkTextLength(a.text)
    const t = now()
    const body = JSON.stringify(a.body)
    const rows = annotationRows(annotations)
    const history = historyRows([], annotations)
    const id = this.write(() => {
      const info = this.db
        .prepare(
          `INSERT INTO articles (headline, byline, outlet, url, published_at, body, text, source_name, source_format, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(a.headline, a.byline, a.outlet, a.url, a.publishedAt, body, a.text, a.sourceName, a.sourceFormat, t, t)
      const articleId = Number(info.lastInsertRowid)
      indexArticleText(this.db, articleId, a.text)
      if (annotations.length) this.writeAnnotations(articleId, rows, history, who, t)
      if (threads) insertComments(this.db, articleId, threads.comments, threads.resolved ?? [], who, t)
      return articleId
    })
    return this.getArticle(id)
  }

  /** Saves metadata, body and annotations together, or nothing when the article moved on. */
  saveArticle(u: ArticleUpdate): { revision: number; updatedAt: string; annotationCount: number } {
    if (u.text !== undefined) checkTextLength(u.text)
    // Everything that takes time is done before the write lock is taken: the JSON, and what
    // changed in the annotations, against the set as stored at the revision the save is from.
    const t = now()
    const m = u.meta ?? {}
    const sets: string[] = []
    const params: unknown[] = []
    const columns: [keyof ArticleMeta, string][] = [
      ['headline', 'headline'],
      ['byline', 'byline'],
      ['outlet', 'outlet'],
      ['url', 'url'],
      ['publishedAt', 'published_at']
    ]
    for (const [key, column] of columns) {
      if (m[key] !== undefined) {
        sets.push(`${column} = ?`)
        params.push(m[key])
      }
    }
    if (u.body) {
      sets.push('body = ?', 'text = ?')
      params.push(JSON.stringify(u.body), u.text ?? '')
    }
    sets.push('revision = revision + 1', 'updated_at = ?')
    params.push(t, u.id)
    let rows: AnnotationValues[] = []
    let history: HistoryValues[] = []
    let beforeRevision = u.baseRevision
    if (u.annotations) {
      let before = u.annotationsBefore
      if (!before) ({ revision: beforeRevision, annotations: before } = this.annotationsAt(u.id))
      rows = annotationRows(u.annotations)
      history = historyRows(before, u.annotations)
    }
    let plan: ChangePlan | undefined
    if (u.changes) {
      const changes = u.changes
      plan = this.db.transaction(() => {
        const textBefore = u.textBefore ?? this.storedText(u.id)
        return planChanges(this.db, u.id, changes, textBefore, u.text ?? textBefore)
      }).deferred()
      beforeRevision = plan.revision
    }
    return this.write(() => {
      const row = this.db.prepare(`SELECT revision FROM articles WHERE id = ? AND deleted_at IS NULL`).get(u.id) as
        | { revision: number }
        | undefined
      if (!row) throw new CopydeskError('not_found', `There is no article number ${u.id}.`)
      if (row.revision !== u.baseRevision || row.revision !== beforeRevision) throw conflictError(row.revision, u.baseRevision)
      this.db.prepare(`UPDATE articles SET ${sets.join(', ')} WHERE id = ?`).run(...params)
      if (u.body) indexArticleText(this.db, u.id, u.text ?? '')
      if (u.annotations) this.writeAnnotations(u.id, rows, history, u.who, t)
      if (u.threads) insertComments(this.db, u.id, u.threads.comments, u.threads.resolved ?? [], u.who, t)
      if (plan) writeChanges(this.db, u.id, plan, u.who, t)
      const count = (
        this.db
          .prepare(`SELECT count(*) AS n FROM annotations WHERE article_id = ? AND placement = 'anchored'`)
          .get(u.id) as { n: number }
      ).n
      return { revision: row.revision + 1, updatedAt: t, annotationCount: count }
    })
  }

  /** An article's annotations with the revision they belong to, read in one snapshot. */
  private annotationsAt(articleId: number): { revision: number; annotations: Annotation[] } {
    return this.db.transaction(() => {
      const row = this.db.prepare(`SELECT revision FROM articles WHERE id = ?`).get(articleId) as { revision: number } | undefined
      return { revision: row?.revision ?? -1, annotations: this.listAnnotations(articleId) }
    }).deferred()
  }

  /** Replaces an article's annotations and records what changed for each one (inside a write). */
  private writeAnnotations(articleId: number, rows: AnnotationValues[], changes: HistoryValues[], who: string, at: string): void {
    const history = this.db.prepare(
      `INSERT INTO annotation_history (annotation_id, article_id, at, who, action, changes) VALUES (?, ?, ?, ?, ?, ?)`
    )
    for (const [annotationId, action, json] of changes) history.run(annotationId, articleId, at, who, action, json)
    // Rows are updated in place, not deleted and re-inserted, so the search index's triggers
    // re-index only the annotations whose words or fields changed (not those that only moved).
    const ids = JSON.stringify(rows.map(([id]) => id))
    this.db.prepare(`DELETE FROM annotations WHERE article_id = ? AND id NOT IN (SELECT value FROM json_each(?))`).run(articleId, ids)
    const upsert = this.db.prepare(
      `INSERT INTO annotations (id, article_id, kind, start, end, exact, prefix, suffix, fields, origin, placement, created_by, created_at, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, start = excluded.start, end = excluded.end, exact = excluded.exact,
         prefix = excluded.prefix, suffix = excluded.suffix, fields = excluded.fields, origin = excluded.origin, placement = excluded.placement,
         created_by = excluded.created_by, created_at = excluded.created_at, updated_by = excluded.updated_by, updated_at = excluded.updated_at
       WHERE annotations.article_id = excluded.article_id`
    )
    for (const [id, ...rest] of rows) {
      if (upsert.run(id, articleId, ...rest).changes === 0) {
        throw new CopydeskError('invalid_input', `Annotation ${id} is already used by another article.`)
      }
    }
  }

  softDeleteArticle(id: number): void {
    const at = now()
    const info = this.write(() => this.db.prepare(`UPDATE articles SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`).run(at, id))
    if (info.changes === 0) throw new CopydeskError('not_found', `There is no article number ${id}.`)
  }

  restoreArticle(id: number): ArticleSummary {
    const info = this.write(() => this.db.prepare(`UPDATE articles SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`).run(id))
    if (info.changes === 0) throw new CopydeskError('not_found', `There is no deleted article number ${id} to restore.`)
    return this.summary(id)
  }

  /** Removes articles deleted longer ago than `days` for good. */
  purgeDeleted(days: number): number {
    const cutoff = new Date(Date.now() - days * 86_400_000).toISOString()
    return this.write(() => this.db.prepare(`DELETE FROM articles WHERE deleted_at IS NOT NULL AND deleted_at < ?`).run(cutoff).changes)
  }

  listAnnotations(articleId: number): Annotation[] {
    return (
      this.db
        .prepare(`SELECT * FROM annotations WHERE article_id = ? ORDER BY start, end DESC, id`)
        .all(articleId) as AnnotationRow[]
    ).map(toAnnotation)
  }

  /**
   * The article's annotations as JSON text, in listAnnotations' order and shape, written by
   * SQLite: for the doors, which send it as it is (see JsonText); 10,000 annotations take
   * ~25 ms, against ~85 ms read as rows and stringified.
   */
  listAnnotationsJson(articleId: number): string {
    return this.db.prepare(ANNOTATIONS_JSON).pluck().get(articleId) as string
  }

  /** The article as JSON text, as getArticle gives it: its body is stored as JSON and goes out unparsed. */
  getArticleJson(id: number): string {
    const r = this.articleRow(id)
    const rest: Omit<Article, 'body'> = { ...toSummary(r), text: r.text, sourceName: r.source_name, sourceFormat: r.source_format as ImportFormat, revision: r.revision }
    return `${JSON.stringify(rest).slice(0, -1)},"body":${r.body}}`
  }

  /**
   * Recorded changes, oldest first: all of them, or with `page` the newest `limit` older
   * than the entry `before` (see AnnotationHistoryInput): a few large edits made the whole
   * history of an article 68 MB, too much for one answer.
   */
  annotationHistory(articleId: number, annotationId?: string, page?: { limit: number; before?: number }): AnnotationChange[] {
    const where = ['article_id = ?']
    const params: unknown[] = [articleId]
    if (annotationId) {
      where.push('annotation_id = ?')
      params.push(annotationId)
    }
    if (page?.before !== undefined) {
      where.push('id < ?')
      params.push(page.before)
    }
    const sql = page
      ? `SELECT * FROM (SELECT * FROM annotation_history WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?) ORDER BY id`
      : `SELECT * FROM annotation_history WHERE ${where.join(' AND ')} ORDER BY id`
    if (page) params.push(page.limit)
    const rows = this.db.prepare(sql).all(...params) as {
      id: number
      annotation_id: string
      article_id: number
      at: string
      who: string
      action: string
      changes: string
    }[]
    return rows.map((r) => ({
      id: r.id,
      annotationId: r.annotation_id,
      articleId: r.article_id,
      at: r.at,
      who: r.who,
      action: r.action as AnnotationChange['action'],
      changes: JSON.parse(r.changes)
    }))
  }

  /**
   * Open threads per article (a thread with a comment, not resolved, on an annotation the
   * article still has), for the Library's column; articles with none are left out.
   */
  openThreadCounts(articleIds: readonly number[]): Map<number, number> {
    return this.threads.openCounts(articleIds)
  }

  /** Suggestions the user dismissed on an article, by key (see shared/suggest-keys). */
  listDismissals(articleId: number): string[] {
    return (this.db.prepare(`SELECT key FROM suggestion_dismissals WHERE article_id = ? ORDER BY at, key`).all(articleId) as { key: string }[]).map(
      (r) => r.key
    )
  }

  /** Remembers dismissals; `undo` forgets them again. */
  setDismissals(articleId: number, keys: string[], dismissed: boolean): void {
    const add = this.db.prepare(`INSERT OR IGNORE INTO suggestion_dismissals (article_id, key, at) VALUES (?, ?, ?)`)
    const remove = this.db.prepare(`DELETE FROM suggestion_dismissals WHERE article_id = ? AND key = ?`)
    const at = now()
    this.write(() => {
      for (const key of keys) {
        if (dismissed) add.run(articleId, key, at)
        else remove.run(articleId, key)
      }
    })
  }

  getPreferences(): Preferences {
    const rows = this.db.prepare(`SELECT key, value FROM preferences`).all() as { key: string; value: string }[]
    const prefs: Preferences = { ...DEFAULT_PREFERENCES }
    for (const r of rows) if (r.key in prefs) prefs[r.key as keyof Preferences] = JSON.parse(r.value)
    return prefs
  }

  /** The desk roster (see people.ts). */
  listPeople(includeArchived = false): Person[] {
    return listPeople(this.db, includeArchived)
  }

  addPerson(p: NewPersonInput): Person {
    return addPerson(this.db, (fn) => this.write(fn), p)
  }

  updatePerson(u: PersonUpdate): Person {
    return updatePerson(this.db, (fn) => this.write(fn), u)
  }

  /** The stored fields of the claims among `ids` in an article: what a save's sign-off rules compare with. */
  claimFieldsOf(articleId: number, ids: readonly string[]): Map<string, ClaimFields> {
    if (!ids.length) return new Map()
    const rows = this.db
      .prepare(`SELECT id, fields FROM annotations WHERE article_id = ? AND kind = 'claim' AND id IN (SELECT value FROM json_each(?))`)
      .all(articleId, JSON.stringify(ids)) as { id: string; fields: string }[]
    return new Map(rows.map((r) => [r.id, JSON.parse(r.fields) as ClaimFields]))
  }

  /** The current roster person of this name, added with `role` when there is none. */
  personFor(name: string, role: PersonRole): Person {
    return personFor(this.db, (fn) => this.write(fn), name, role)
  }

  /** One roster person by id, archived or not. */
  findPerson(id: string): Person | undefined {
    return findPerson(this.db, id)
  }

  /** The Claims view's saved views (see claim-views.ts). */
  listClaimViews(): ClaimView[] {
    return listClaimViews(this.db)
  }

  saveClaimView(name: string, filters: ClaimFilters): ClaimView {
    return saveClaimView(this.db, (fn) => this.write(fn), name, filters)
  }

  deleteClaimView(id: string): ClaimView {
    return deleteClaimView(this.db, (fn) => this.write(fn), id)
  }

  /** A page of every article's claims (see claims-query.ts), "me" being the user's roster id. */
  listClaims(q: ClaimQuery): ClaimPage {
    return listClaims(this.db, q, this.getPreferences().userId)
  }

  setPreferences(p: Partial<Preferences>): Preferences {
    const upsert = this.db.prepare(
      `INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`
    )
    const values = Object.entries(p).flatMap(([k, v]) => (v === undefined ? [] : [[k, JSON.stringify(v)] as const]))
    this.write(() => {
      for (const [k, v] of values) upsert.run(k, v)
    })
    return this.getPreferences()
  }
}

/**
 * Opens (creating and migrating when needed) the store at `file`, with no backups: for tests
 * and tools. The doors open the library with openLibrary, which backs it up first.
 */
export function openStore(file: string, options: StoreOptions = {}): Store {
  return new Store(file, options)
}
