import type { Database as DB } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { CommentResult } from '../../../shared/contract'
import type { AnnotationAction, Comment, Thread } from '../../../shared/domain'
import { CopydeskError } from '../../../shared/errors'
import { isOwnComment, type Me } from '../../../shared/threads'

/**
 * Annotation threads in the store: comments (soft-deleted, so undo can bring one back) and
 * whether a thread is resolved. Threads hang on an annotation's id with no foreign key (a save
 * rewrites an article's annotation rows; undo can bring a removed annotation back, thread and
 * all). Every change is also an entry in the annotation's history, in the same transaction.
 */

/** A comment to store with an article's annotations (an import, a first comment given by the command line). */
export interface NewComment {
  annotationId: string
  authorId: string | null
  authorName: string
  body: string
  createdAt: string
  editedAt?: string | null
}

/** A thread a file says was resolved, with when. */
export interface ResolvedThread {
  annotationId: string
  resolvedAt: string
}

interface CommentRow {
  id: string
  article_id: number
  annotation_id: string
  author_id: string | null
  author_name: string
  body: string
  created_at: string
  edited_at: string | null
  deleted_at: string | null
}

function toComment(r: CommentRow): Comment {
  return {
    id: r.id,
    articleId: r.article_id,
    annotationId: r.annotation_id,
    authorId: r.author_id,
    authorName: r.author_name,
    body: r.body,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    deletedAt: r.deleted_at
  }
}

function now(): string {
  return new Date().toISOString()
}

/** Records a change to a thread in the annotation's history (inside a write). */
function record(db: DB, articleId: number, annotationId: string, who: string, action: AnnotationAction, changes: Record<string, [unknown, unknown]>, at: string): void {
  db.prepare(`INSERT INTO annotation_history (annotation_id, article_id, at, who, action, changes) VALUES (?, ?, ?, ?, ?, ?)`).run(
    annotationId,
    articleId,
    at,
    who,
    action,
    JSON.stringify(changes)
  )
}

/**
 * Stores comments (and resolved threads) that come with annotations being written, with a
 * history entry each, inside the write that stores those annotations.
 */
export function insertComments(db: DB, articleId: number, comments: NewComment[], resolved: ResolvedThread[], who: string, at: string): void {
  const insert = db.prepare(
    `INSERT INTO comments (id, article_id, annotation_id, author_id, author_name, body, created_at, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const thread = db.prepare(`INSERT OR IGNORE INTO threads (annotation_id, article_id) VALUES (?, ?)`)
  for (const c of comments) {
    thread.run(c.annotationId, articleId)
    insert.run(`c-${randomUUID()}`, articleId, c.annotationId, c.authorId, c.authorName, c.body, c.createdAt, c.editedAt ?? null)
    record(db, articleId, c.annotationId, who, 'commented', { comment: [null, c.body] }, at)
  }
  const resolve = db.prepare(`UPDATE threads SET resolved_at = ? WHERE annotation_id = ? AND article_id = ?`)
  for (const r of resolved) {
    if (resolve.run(r.resolvedAt, r.annotationId, articleId).changes) record(db, articleId, r.annotationId, who, 'resolved', {}, at)
  }
}

/** The threads of one store: read in snapshots, written in its write transactions. */
export class ThreadStore {
  constructor(
    private readonly db: () => DB,
    private readonly write: <T>(fn: () => T) => T
  ) {}

  /** An annotation's thread: its comments not deleted, oldest first, and whether it is resolved. */
  get(articleId: number, annotationId: string): Thread {
    const db = this.db()
    const rows = db
      .prepare(`SELECT * FROM comments WHERE article_id = ? AND annotation_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid`)
      .all(articleId, annotationId) as CommentRow[]
    const t = db.prepare(`SELECT resolved_at, resolved_by FROM threads WHERE annotation_id = ? AND article_id = ?`).get(annotationId, articleId) as
      | { resolved_at: string | null; resolved_by: string | null }
      | undefined
    const resolvedAt = t?.resolved_at ?? null
    const resolvedByName = resolvedAt
      ? ((
          db
            .prepare(`SELECT who FROM annotation_history WHERE article_id = ? AND annotation_id = ? AND action = 'resolved' ORDER BY id DESC LIMIT 1`)
            .get(articleId, annotationId) as { who: string } | undefined
        )?.who ?? '')
      : ''
    return { articleId, annotationId, comments: rows.map(toComment), resolvedAt, resolvedBy: resolvedAt ? (t?.resolved_by ?? null) : null, resolvedByName }
  }

  /** Every comment of a thread, deleted ones too (to name one to bring back), oldest first. */
  allComments(articleId: number, annotationId: string): Comment[] {
    return (
      this.db().prepare(`SELECT * FROM comments WHERE article_id = ? AND annotation_id = ? ORDER BY created_at, rowid`).all(articleId, annotationId) as CommentRow[]
    ).map(toComment)
  }

  /** Adds a comment to an annotation's open thread. */
  add(articleId: number, annotationId: string, body: string, me: Me): CommentResult {
    const text = body.trim()
    if (!text) throw new CopydeskError('invalid_input', 'A comment needs some words.')
    const id = `c-${randomUUID()}`
    this.write(() => {
      const db = this.db()
      this.requireAnnotation(articleId, annotationId)
      if (this.resolvedAt(articleId, annotationId)) {
        throw new CopydeskError('invalid_input', 'This thread is resolved: reopen it to add a comment.')
      }
      const at = now()
      db.prepare(`INSERT OR IGNORE INTO threads (annotation_id, article_id) VALUES (?, ?)`).run(annotationId, articleId)
      db.prepare(`INSERT INTO comments (id, article_id, annotation_id, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
        id,
        articleId,
        annotationId,
        me.id,
        me.name,
        text,
        at
      )
      record(db, articleId, annotationId, me.name, 'commented', { comment: [null, text] }, at)
    })
    return this.result(articleId, id)
  }

  /** Changes the words of one's own comment; an edited comment says so. */
  edit(articleId: number, commentId: string, body: string, me: Me): CommentResult {
    const text = body.trim()
    if (!text) throw new CopydeskError('invalid_input', 'A comment needs some words. To take it away, delete it.')
    this.write(() => {
      const c = this.ownComment(articleId, commentId, me, 'edit')
      if (c.deleted_at) throw new CopydeskError('invalid_input', 'This comment was deleted: bring it back before editing it.')
      if (c.body === text) return
      const at = now()
      this.db().prepare(`UPDATE comments SET body = ?, edited_at = ? WHERE id = ?`).run(text, at, commentId)
      record(this.db(), articleId, c.annotation_id, me.name, 'comment_edited', { comment: [c.body, text] }, at)
    })
    return this.result(articleId, commentId)
  }

  /** Deletes one's own comment; it is kept, hidden, so it can be brought back. */
  remove(articleId: number, commentId: string, me: Me): CommentResult {
    this.write(() => {
      const c = this.ownComment(articleId, commentId, me, 'delete')
      if (c.deleted_at) return
      const at = now()
      this.db().prepare(`UPDATE comments SET deleted_at = ? WHERE id = ?`).run(at, commentId)
      record(this.db(), articleId, c.annotation_id, me.name, 'comment_deleted', { comment: [c.body, null] }, at)
    })
    return this.result(articleId, commentId)
  }

  /** Brings back one's own deleted comment (the undo of a delete). */
  restore(articleId: number, commentId: string, me: Me): CommentResult {
    this.write(() => {
      const c = this.ownComment(articleId, commentId, me, 'bring back')
      if (!c.deleted_at) return
      this.db().prepare(`UPDATE comments SET deleted_at = NULL WHERE id = ?`).run(commentId)
      record(this.db(), articleId, c.annotation_id, me.name, 'comment_restored', { comment: [null, c.body] }, now())
    })
    return this.result(articleId, commentId)
  }

  /** Resolves an annotation's thread, or reopens it. */
  resolve(articleId: number, annotationId: string, resolved: boolean, me: Me): Thread {
    this.write(() => {
      const db = this.db()
      this.requireAnnotation(articleId, annotationId)
      const was = this.resolvedAt(articleId, annotationId)
      if (Boolean(was) === resolved) return
      const live = db.prepare(`SELECT count(*) AS n FROM comments WHERE article_id = ? AND annotation_id = ? AND deleted_at IS NULL`).get(articleId, annotationId) as {
        n: number
      }
      if (resolved && live.n === 0) throw new CopydeskError('invalid_input', 'There is nothing to resolve: this annotation has no comments.')
      const at = now()
      db.prepare(`INSERT OR IGNORE INTO threads (annotation_id, article_id) VALUES (?, ?)`).run(annotationId, articleId)
      db.prepare(`UPDATE threads SET resolved_at = ?, resolved_by = ? WHERE annotation_id = ? AND article_id = ?`).run(
        resolved ? at : null,
        resolved ? me.id : null,
        annotationId,
        articleId
      )
      record(db, articleId, annotationId, me.name, resolved ? 'resolved' : 'reopened', {}, at)
    })
    return this.get(articleId, annotationId)
  }

  /**
   * How many open threads each article has (a thread with a comment, not resolved, on an
   * annotation the article still has): the Library's column. Articles with none are left out.
   */
  openCounts(articleIds: readonly number[]): Map<number, number> {
    return openThreadCounts(this.db(), articleIds)
  }

  /** Every thread of an article with a comment, by annotation (for exports). */
  forArticle(articleId: number): Thread[] {
    const db = this.db()
    const ids = db
      .prepare(`SELECT DISTINCT annotation_id AS id FROM comments WHERE article_id = ? AND deleted_at IS NULL`)
      .all(articleId) as { id: string }[]
    return ids.map((r) => this.get(articleId, r.id))
  }

  private result(articleId: number, commentId: string): CommentResult {
    const row = this.db().prepare(`SELECT * FROM comments WHERE id = ? AND article_id = ?`).get(commentId, articleId) as CommentRow
    return { comment: toComment(row), thread: this.get(articleId, row.annotation_id) }
  }

  private resolvedAt(articleId: number, annotationId: string): string | null {
    const t = this.db().prepare(`SELECT resolved_at FROM threads WHERE annotation_id = ? AND article_id = ?`).get(annotationId, articleId) as
      | { resolved_at: string | null }
      | undefined
    return t?.resolved_at ?? null
  }

  private requireAnnotation(articleId: number, annotationId: string): void {
    const db = this.db()
    if (!db.prepare(`SELECT 1 FROM articles WHERE id = ? AND deleted_at IS NULL`).get(articleId)) {
      throw new CopydeskError('not_found', `There is no article number ${articleId}.`)
    }
    if (!db.prepare(`SELECT 1 FROM annotations WHERE id = ? AND article_id = ?`).get(annotationId, articleId)) {
      throw new CopydeskError('not_found', `Article ${articleId} has no annotation ${annotationId} (or it is not saved yet).`)
    }
  }

  /** The comment, if it is `me`'s to change; `verb` says what was refused. */
  private ownComment(articleId: number, commentId: string, me: Me, verb: string): CommentRow {
    const c = this.db().prepare(`SELECT * FROM comments WHERE id = ? AND article_id = ?`).get(commentId, articleId) as CommentRow | undefined
    if (!c) throw new CopydeskError('not_found', `Article ${articleId} has no comment ${commentId}.`)
    if (!isOwnComment({ authorId: c.author_id, authorName: c.author_name }, me)) {
      const whose = c.author_name.trim() ? `${c.author_name.trim()}’s` : 'someone else’s'
      throw new CopydeskError('forbidden', `Only its author can ${verb} a comment, and this one is ${whose}.`)
    }
    return c
  }
}

/**
 * Open threads per article (a thread with a comment, not resolved, on an annotation the
 * article still has); articles with none are left out.
 */
export function openThreadCounts(db: DB, articleIds: readonly number[]): Map<number, number> {
  if (articleIds.length === 0) return new Map()
  const rows = db
    .prepare(
      `SELECT t.article_id AS id, count(*) AS n FROM threads t
       WHERE t.article_id IN (SELECT value FROM json_each(?)) AND t.resolved_at IS NULL
         AND EXISTS (SELECT 1 FROM annotations a WHERE a.id = t.annotation_id AND a.article_id = t.article_id)
         AND EXISTS (SELECT 1 FROM comments c WHERE c.article_id = t.article_id AND c.annotation_id = t.annotation_id AND c.deleted_at IS NULL)
       GROUP BY t.article_id`
    )
    .all(JSON.stringify(articleIds)) as { id: number; n: number }[]
  return new Map(rows.map((r) => [r.id, r.n]))
}
