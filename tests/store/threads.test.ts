import Database from 'better-sqlite3'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../src/main/core/dispatch'
import { createServices } from '../../src/main/core/services'
import { openStore, type Store } from '../../src/main/core/store'
import { migrate, schemaVersion } from '../../src/main/core/store/migrations'
import type { CommentResult } from '../../src/shared/contract'
import type { Thread } from '../../src/shared/domain'
import { annotationOn, newArticle } from '../helpers/articles'
import { useTempDir } from '../helpers/tmp'

const DOC = '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"The port raised fees by 40% in 2025, said Dana Ruiz."}]}]}'
const TEXT = 'The port raised fees by 40% in 2025, said Dana Ruiz.'

/** An annotation row as version 3 wrote it, its fields JSON with the old `note`. */
function oldAnnotation(db: Database.Database, id: string, kind: string, start: number, end: number, fields: Record<string, unknown>, createdBy: string): void {
  db.prepare(
    `INSERT INTO annotations (id, article_id, kind, start, end, exact, prefix, suffix, fields, origin, placement, created_by, created_at, updated_by, updated_at)
     VALUES (?, 1, ?, ?, ?, ?, '', '', ?, 'manual', 'anchored', ?, '2026-03-02T09:00:00.000Z', ?, '2026-03-02T09:00:00.000Z')`
  ).run(id, kind, start, end, TEXT.slice(start, end), JSON.stringify(fields), createdBy, createdBy)
}

describe('migration 5: threads replace the internal note', () => {
  const dir = useTempDir()

  const version3 = (file: string): Database.Database => {
    const db = new Database(file)
    migrate(db, 3)
    db.prepare(
      `INSERT INTO articles (headline, body, text, source_name, source_format, created_at, updated_at) VALUES ('Port fees', ?, ?, 'fees.txt', 'txt', 't', 't')`
    ).run(DOC, TEXT)
    oldAnnotation(db, 'c1', 'claim', 4, 27, { status: 'false', explanation: 'Fees rose 14%.', evidence: [], checker: 'Ben', sourceId: null, note: '  Call the harbour board.  ' }, 'Ada Obi')
    oldAnnotation(db, 'q1', 'quote', 0, 36, { speakerId: null, speakerName: 'Dana Ruiz', checked: true, checkedNote: 'on tape', note: 'Tape at 04:12' }, 'Ben Cole')
    oldAnnotation(db, 'a1', 'attribution', 37, 51, { sourceName: 'Dana Ruiz', sourceType: 'person', cue: 'said', note: 'Spokeswoman, not the director' }, '')
    oldAnnotation(db, 'c2', 'claim', 31, 35, { status: 'unchecked', explanation: '', evidence: [], checker: '', sourceId: null, note: '' }, 'Ada Obi')
    // The history saw c1's note change later than the claim was made: the comment takes that date.
    db.prepare(`INSERT INTO annotation_history (annotation_id, article_id, at, who, action, changes) VALUES ('c1', 1, '2026-03-02T09:00:00.000Z', 'Ada Obi', 'created', '{}')`).run()
    db.prepare(
      `INSERT INTO annotation_history (annotation_id, article_id, at, who, action, changes) VALUES ('c1', 1, '2026-03-04T15:30:00.000Z', 'Ada Obi', 'updated', '{"note":["","Call the harbour board."]}')`
    ).run()
    db.prepare(`INSERT INTO suggestion_dismissals (article_id, key, at) VALUES (1, 'quote|x', 't')`).run()
    return db
  }

  it('moves every kind’s note into the first comment, by its author, and keeps everything else', () => {
    const file = join(dir(), 'm5.db')
    const db = version3(file)
    // Migration 4 (the roster) rewrites claims' checkers first: compare with what it left.
    migrate(db, 4)
    const before = db.prepare(`SELECT id, kind, start, end, exact, created_by, fields FROM annotations ORDER BY id`).all() as { id: string; fields: string }[]
    const historyBefore = db.prepare(`SELECT * FROM annotation_history ORDER BY id`).all()
    migrate(db, 5)
    expect(schemaVersion(db)).toBe(5)

    // Articles, annotations (but for the note), history and dismissals survive as they were.
    expect(db.prepare('SELECT headline, text FROM articles').all()).toEqual([{ headline: 'Port fees', text: TEXT }])
    const after = db.prepare(`SELECT id, kind, start, end, exact, created_by, fields FROM annotations ORDER BY id`).all() as { id: string; fields: string }[]
    expect(after.map((r) => ({ ...r, fields: JSON.parse(r.fields) }))).toEqual(
      before.map((r) => {
        const { note: _note, ...rest } = JSON.parse(r.fields) as Record<string, unknown>
        return { ...r, fields: rest }
      })
    )
    expect(db.prepare(`SELECT * FROM annotation_history ORDER BY id`).all()).toEqual(historyBefore)
    expect(db.prepare(`SELECT count(*) AS n FROM suggestion_dismissals`).get()).toEqual({ n: 1 })

    const comments = db.prepare(`SELECT annotation_id, author_id, author_name, body, created_at, edited_at, deleted_at FROM comments ORDER BY annotation_id`).all()
    expect(comments).toEqual([
      { annotation_id: 'a1', author_id: null, author_name: '', body: 'Spokeswoman, not the director', created_at: '2026-03-02T09:00:00.000Z', edited_at: null, deleted_at: null },
      { annotation_id: 'c1', author_id: null, author_name: 'Ada Obi', body: 'Call the harbour board.', created_at: '2026-03-04T15:30:00.000Z', edited_at: null, deleted_at: null },
      { annotation_id: 'q1', author_id: null, author_name: 'Ben Cole', body: 'Tape at 04:12', created_at: '2026-03-02T09:00:00.000Z', edited_at: null, deleted_at: null }
    ])
    // An empty note makes no comment; every thread with one is open.
    expect(db.prepare(`SELECT annotation_id, resolved_at FROM threads ORDER BY annotation_id`).all()).toEqual([
      { annotation_id: 'a1', resolved_at: null },
      { annotation_id: 'c1', resolved_at: null },
      { annotation_id: 'q1', resolved_at: null }
    ])
    db.close()
  })

  it('names the author by the roster’s id when the roster has them', () => {
    const file = join(dir(), 'roster.db')
    const db = version3(file)
    migrate(db, 4)
    db.prepare(`INSERT INTO people (id, name, role, created_at) VALUES ('p-ada', 'ada obi', 'checker', 't')`).run()
    migrate(db, 5)
    expect(db.prepare(`SELECT annotation_id, author_id, author_name FROM comments ORDER BY annotation_id`).all()).toEqual([
      { annotation_id: 'a1', author_id: null, author_name: '' },
      { annotation_id: 'c1', author_id: 'p-ada', author_name: 'Ada Obi' },
      { annotation_id: 'q1', author_id: null, author_name: 'Ben Cole' }
    ])
    db.close()
  })

  it('a version-3 file opened by the store reads its notes as threads, and comments go with a deleted article', () => {
    const file = join(dir(), 'open.db')
    version3(file).close()
    const store = openStore(file)
    expect(store.listAnnotations(1).map((a) => a.fields)).not.toContainEqual(expect.objectContaining({ note: expect.anything() }))
    expect(store.threads.get(1, 'c1').comments.map((c) => c.body)).toEqual(['Call the harbour board.'])
    expect(store.openThreadCounts([1, 2])).toEqual(new Map([[1, 3]]))
    store.db.prepare('DELETE FROM articles WHERE id = 1').run()
    expect(store.db.prepare('SELECT (SELECT count(*) FROM comments) + (SELECT count(*) FROM threads) AS n').get()).toEqual({ n: 0 })
    store.close()
  })
})

describe('threads through the contract', () => {
  const dir = useTempDir()
  let store: Store
  let dispatch: Dispatch
  let text: string
  beforeEach(async () => {
    store = openStore(join(dir(), 't.db'))
    dispatch = createDispatch(createServices(store))
    text = store.insertArticle(newArticle()).text
    store.setPreferences({ userName: 'Ada Obi' })
    const r = await dispatch('saveArticle', {
      id: 1,
      baseRevision: 1,
      annotations: [annotationOn(text, '$4.2 billion', 'claim', 'c1'), annotationOn(text, 'said Mayor Lena Park', 'attribution', 'a1')]
    })
    expect(r.ok).toBe(true)
    return () => store.close()
  })

  const ok = async <T>(op: string, input: unknown): Promise<T> => {
    const r = await dispatch(op, input)
    if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`)
    return r.value as T
  }
  const add = (body: string, annotationId = 'c1'): Promise<CommentResult> => ok('addComment', { articleId: 1, annotationId, body })
  const actions = (annotationId = 'c1'): string[] => store.annotationHistory(1, annotationId).map((c) => c.action)

  it('adds comments oldest first, by me, each in the annotation’s history', async () => {
    const first = await add('  Budget book, p. 14, says $4.1bn.  ')
    expect(first.comment).toMatchObject({ authorName: 'Ada Obi', authorId: null, body: 'Budget book, p. 14, says $4.1bn.', editedAt: null, deletedAt: null })
    store.setPreferences({ userName: 'Ben Cole' })
    const second = await add('The $4.2bn includes the transit levy.')
    expect(second.thread.comments.map((c) => [c.authorName, c.body])).toEqual([
      ['Ada Obi', 'Budget book, p. 14, says $4.1bn.'],
      ['Ben Cole', 'The $4.2bn includes the transit levy.']
    ])
    expect(await ok<Thread>('getThread', { articleId: 1, annotationId: 'c1' })).toEqual(second.thread)
    const history = store.annotationHistory(1, 'c1').filter((c) => c.action === 'commented')
    expect(history.map((c) => [c.who, c.changes])).toEqual([
      ['Ada Obi', { comment: [null, 'Budget book, p. 14, says $4.1bn.'] }],
      ['Ben Cole', { comment: [null, 'The $4.2bn includes the transit levy.'] }]
    ])
  })

  it('edits and deletes only one’s own comment; a delete is brought back', async () => {
    const mine = await add('Ask the clerk for the minutes.')
    const edited = await ok<CommentResult>('editComment', { articleId: 1, commentId: mine.comment.id, body: 'Ask the clerk for the March minutes.' })
    expect(edited.comment.body).toBe('Ask the clerk for the March minutes.')
    expect(edited.comment.editedAt).not.toBeNull()

    store.setPreferences({ userName: 'Ben Cole' })
    for (const op of ['editComment', 'deleteComment']) {
      const r = await dispatch(op, { articleId: 1, commentId: mine.comment.id, ...(op === 'editComment' ? { body: 'Mine now' } : {}) })
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only its author can ' + (op === 'editComment' ? 'edit' : 'delete') + ' a comment, and this one is Ada Obi’s.' } })
    }
    expect(store.threads.get(1, 'c1').comments[0].body).toBe('Ask the clerk for the March minutes.')

    store.setPreferences({ userName: 'ada obi' })
    const deleted = await ok<CommentResult>('deleteComment', { articleId: 1, commentId: mine.comment.id })
    expect(deleted.thread.comments).toEqual([])
    expect(deleted.comment.deletedAt).not.toBeNull()
    const back = await ok<CommentResult>('restoreComment', { articleId: 1, commentId: mine.comment.id })
    expect(back.thread.comments.map((c) => c.body)).toEqual(['Ask the clerk for the March minutes.'])
    expect(actions()).toEqual(['created', 'commented', 'comment_edited', 'comment_deleted', 'comment_restored'])
    expect(store.annotationHistory(1, 'c1')[2].changes).toEqual({ comment: ['Ask the clerk for the minutes.', 'Ask the clerk for the March minutes.'] })
  })

  it('resolves and reopens a thread; a resolved thread takes no comment until reopened', async () => {
    const none = await dispatch('resolveThread', { articleId: 1, annotationId: 'c1', resolved: true })
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'There is nothing to resolve: this annotation has no comments.' } })
    await add('Figure confirmed with the budget office.')
    const resolved = await ok<Thread>('resolveThread', { articleId: 1, annotationId: 'c1', resolved: true })
    expect(resolved).toMatchObject({ resolvedByName: 'Ada Obi', resolvedBy: null })
    expect(resolved.resolvedAt).toMatch(/^\d{4}-/)
    expect(store.openThreadCounts([1])).toEqual(new Map())
    expect(await dispatch('addComment', { articleId: 1, annotationId: 'c1', body: 'One more thing' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'This thread is resolved: reopen it to add a comment.' }
    })
    const reopened = await ok<Thread>('resolveThread', { articleId: 1, annotationId: 'c1', resolved: false })
    expect(reopened).toMatchObject({ resolvedAt: null, resolvedByName: '' })
    expect(store.openThreadCounts([1])).toEqual(new Map([[1, 1]]))
    expect(actions()).toEqual(['created', 'commented', 'resolved', 'reopened'])
  })

  it('refuses empty, oversized and misdirected comments in an editor’s words, changing nothing', async () => {
    const cases: [string, unknown, string, RegExp][] = [
      ['addComment', { articleId: 1, annotationId: 'c1', body: '   ' }, 'invalid_input', /A comment needs some words/],
      ['addComment', { articleId: 1, annotationId: 'c1', body: 'x'.repeat(20_001) }, 'invalid_input', /at most 20,000 characters/],
      ['addComment', { articleId: 1, annotationId: 'nope', body: 'Hello' }, 'not_found', /Article 1 has no annotation nope/],
      ['addComment', { articleId: 9, annotationId: 'c1', body: 'Hello' }, 'not_found', /no article number 9/],
      ['editComment', { articleId: 1, commentId: 'c-missing', body: 'Hello' }, 'not_found', /no comment c-missing/],
      ['getThread', { articleId: 9, annotationId: 'c1' }, 'not_found', /no article number 9/]
    ]
    for (const [op, input, code, message] of cases) {
      const r = await dispatch(op, input)
      expect(r, op).toMatchObject({ ok: false, error: { code } })
      if (!r.ok) expect(r.error.message).toMatch(message)
    }
    expect(store.db.prepare('SELECT count(*) AS n FROM comments').get()).toEqual({ n: 0 })
    expect(actions()).toEqual(['created'])
  })

  it('a thread outlives a save that rewrites the annotation rows, and an annotation removed and brought back', async () => {
    await add('Check the transit levy.')
    const claim = store.listAnnotations(1).find((a) => a.id === 'c1')!
    const article = store.getArticle(1)
    store.saveArticle({ id: 1, baseRevision: article.revision, annotations: store.listAnnotations(1).filter((a) => a.id !== 'c1'), who: 'Ada Obi' })
    // Not counted while its annotation is gone (an undo may bring it back) ...
    expect(store.openThreadCounts([1])).toEqual(new Map())
    store.saveArticle({ id: 1, baseRevision: article.revision + 1, annotations: [...store.listAnnotations(1), claim], who: 'Ada Obi' })
    // ... and back with it.
    expect(store.threads.get(1, 'c1').comments.map((c) => c.body)).toEqual(['Check the transit levy.'])
    expect(store.openThreadCounts([1])).toEqual(new Map([[1, 1]]))
  })

  it('counts open threads per article for the Library in one query', async () => {
    const second = store.insertArticle(newArticle(['The bridge reopens on Monday, the mayor said.'], 'Bridge reopens'))
    store.saveArticle({ id: second.id, baseRevision: 1, annotations: [annotationOn(second.text, 'reopens on Monday', 'claim', 'b1')], who: '' })
    await add('First thread')
    await add('Second thread', 'a1')
    await ok('addComment', { articleId: second.id, annotationId: 'b1', body: 'Third thread' })
    expect(store.openThreadCounts([1, second.id, 77])).toEqual(
      new Map([
        [1, 2],
        [second.id, 1]
      ])
    )
    expect(store.openThreadCounts([])).toEqual(new Map())
  })
})
