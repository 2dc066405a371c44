import type { Annotation } from '../../shared/domain'
import { HISTORY_PAGE, LIBRARY_PAGE } from '../../shared/limits'
import { CopydeskError } from '../../shared/errors'
import { JsonText } from '../../shared/json-text'
import type { Services } from './dispatch'
import { bodyText, checkBody } from './import/body'
import { conflictError, type Store } from './store'
import { checkAnnotations, placeMoved } from './annotations'
import { applyBodyChange } from './body-change'
import { exportArticle, insertAnnotated, saveImported, type PrintPdf } from './exchange'
import { findBackup, restoreInPlace } from './library'
import { plainError } from './plain-errors'
import { listBackups, newestGoodBackup, type Backup } from './store/backups'
import type { BackupValue } from '../../shared/contract'
import { sameThreadRunner, type JobRunner } from './work/runner'
import { currentAuthor } from './me'
import { speakerServices } from './speakers/service'
import { deskServices, keepSignoffRules, returnComments } from './desk'

export interface ServiceOptions {
  /** Prints HTML to PDF (Chromium: Electron's, or the machine's). */
  printPdf?: PrintPdf
  /**
   * Where imports run. The doors pass a thread runner (a hostile file then never holds up
   * the thread that answers them); scripts and tests of the work itself may leave it out.
   */
  runner?: JobRunner
}

function backupValue(b: Backup): BackupValue {
  return { name: b.name, kind: b.kind, takenAt: b.takenAt, bytes: b.bytes }
}

/** Every service's failures in an editor's words: a busy, full, read-only or damaged library and the like. */
function explained(store: Store, services: Services): Services {
  const explain = (err: unknown): unknown => plainError(store.explain(err))
  const out: Record<string, (input: unknown) => unknown> = {}
  for (const [op, run] of Object.entries(services) as [string, (input: unknown) => unknown][]) {
    out[op] = (input) => {
      try {
        const result = run(input)
        return result instanceof Promise
          ? result.catch((err: unknown) => {
              throw explain(err)
            })
          : result
      } catch (err) {
        throw explain(err)
      }
    }
  }
  return out as Services
}

/**
 * The services behind the contract, over one store. Inputs arrive validated against the
 * contract's schemas; everything here checks what a schema cannot (that an article exists,
 * that a body fits the article schema, that annotations fit the text) before writing.
 */
export function createServices(store: Store, options: ServiceOptions = {}): Services {
  const runner = options.runner ?? sameThreadRunner()
  return explained(store, {
    listArticles: ({ query }) => store.listArticles(query),
    search: (input) => store.search(input),
    getArticle: ({ id }) => new JsonText(store.getArticleJson(id)),
    libraryPage: (q) => store.libraryPage({ ...q, limit: q.limit ?? LIBRARY_PAGE }),
    checkedBefore: (input) => store.checkedBefore(input),
    async importFile({ fileName, dataBase64 }) {
      const bytes = Buffer.from(dataBase64, 'base64')
      const article = await runner.run({ kind: 'readArticleFile', fileName, bytes })
      return store.insertArticle(article)
    },
    async importText({ text, headline }) {
      return store.insertArticle(await runner.run({ kind: 'articleFromText', text, headline }))
    },
    saveArticle({ id, baseRevision, meta, body, bodyChange, annotations, moved, changes }) {
      const who = store.getPreferences().userName
      let checked = body ? checkBody(body) : undefined
      let text = checked ? bodyText(checked) : undefined
      let textBefore: string | undefined
      if (bodyChange) {
        const stored = store.storedBody(id)
        if (stored.revision !== baseRevision) throw conflictError(stored.revision, baseRevision)
        ;({ body: checked, text } = applyBodyChange(stored.body, stored.text, bodyChange))
        textBefore = stored.text
      }
      // The whole set: those sent whole, and those that only moved as the store has them.
      let all = annotations
      let before: Annotation[] | undefined
      if (all) {
        const current = text ?? store.getArticle(id).text
        if (moved?.length) {
          before = store.listAnnotations(id)
          all = [...all, ...placeMoved(before, moved, current)]
        }
        checkAnnotations(all, current)
      }
      // The sign-off rules hold for every save, a whole set's or a save of what changed; a
      // verdict returned puts its reason in the claim's thread, in the same write.
      const at = new Date().toISOString()
      const sent = all ?? changes?.upsert ?? []
      const claims = sent.filter((a) => a.kind === 'claim').map((a) => a.id)
      const stored = store.claimFieldsOf(id, claims)
      const kept = claims.length ? keepSignoffRules(store, sent, stored, at) : sent
      if (all) all = kept
      else if (changes) changes = { ...changes, upsert: kept }
      const comments = returnComments(store, kept, stored, at)
      if (meta?.headline !== undefined && !meta.headline.trim()) {
        throw new CopydeskError('invalid_input', 'An article needs a headline.')
      }
      return store.saveArticle({ id, baseRevision, meta, body: checked, text, annotations: all, annotationsBefore: before, changes, textBefore, who, threads: comments.length ? { comments } : undefined })
    },
    deleteArticle({ id }) {
      store.softDeleteArticle(id)
      return { id }
    },
    restoreArticle: ({ id }) => store.restoreArticle(id),
    listAnnotations({ articleId }) {
      store.requireArticle(articleId)
      return new JsonText(store.listAnnotationsJson(articleId))
    },
    annotationHistory({ articleId, annotationId, limit, before }) {
      store.requireArticle(articleId)
      return store.annotationHistory(articleId, annotationId, { limit: limit ?? HISTORY_PAGE, before })
    },
    async exportArticle(input) {
      const { files, unapprovedLeftOut } = await exportArticle(store, input, options.printPdf)
      return {
        files: files.map((f) => ({ fileName: f.fileName, mime: f.mime, dataBase64: Buffer.from(f.bytes).toString('base64') })),
        unapprovedLeftOut
      }
    },
    async importAnnotations({ articleId, fileName, content }) {
      const article = store.getArticle(articleId)
      const { placed, threads, report, checkers } = await runner.run({ kind: 'placeAnnotations', fileName, content, articleText: article.text })
      saveImported(store, article, placed, threads, checkers)
      return report
    },
    async importAnnotatedArticle({ fileName, text, ann }) {
      const read = await runner.run({ kind: 'readAnnotatedArticle', fileName, text, ann })
      return { article: insertAnnotated(store, read.article, read.placed, read.threads, read.checkers), placement: read.report }
    },
    listDismissals({ articleId }) {
      store.requireArticle(articleId)
      return store.listDismissals(articleId)
    },
    setDismissals({ articleId, keys, dismissed }) {
      store.requireArticle(articleId)
      store.setDismissals(articleId, keys, dismissed)
      return { count: keys.length }
    },
    getPreferences: () => store.getPreferences(),
    setPreferences: (prefs) => store.setPreferences(prefs),
    databaseHealth() {
      const state = store.state()
      const offer = state.status === 'damaged' ? newestGoodBackup(store.file, store.options) : null
      return { ...state, newestGoodBackup: offer && backupValue(offer) }
    },
    listBackups: () => listBackups(store.file).map(backupValue),
    async restoreBackup({ name }) {
      const backup = findBackup(store.file, name)
      const restored = await restoreInPlace(store, backup.path, store.options)
      return { restoredFrom: backupValue(backup), keptCopy: restored.keptCopy && restored.keptCopy.split(/[/\\]/).pop()!, message: restored.message }
    },
    getThread({ articleId, annotationId }) {
      store.requireArticle(articleId)
      return store.threads.get(articleId, annotationId)
    },
    addComment: ({ articleId, annotationId, body }) => store.threads.add(articleId, annotationId, body, currentAuthor(store)),
    editComment: ({ articleId, commentId, body }) => store.threads.edit(articleId, commentId, body, currentAuthor(store)),
    deleteComment: ({ articleId, commentId }) => store.threads.remove(articleId, commentId, currentAuthor(store)),
    restoreComment: ({ articleId, commentId }) => store.threads.restore(articleId, commentId, currentAuthor(store)),
    resolveThread: ({ articleId, annotationId, resolved }) => store.threads.resolve(articleId, annotationId, resolved, currentAuthor(store)),
    ...speakerServices(store),
    ...deskServices(store)
  })
}
