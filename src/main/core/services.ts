import type { Annotation } from '../../shared/domain'
import { CopydeskError } from '../../shared/errors'
import type { Services } from './dispatch'
import { articleFromText, readArticleFile } from './import'
import { bodyText, checkBody } from './import/body'
import type { Store } from './store'
import { checkAnnotations, placeMoved } from './annotations'
import { exportArticle, importBratArticle, parseAnnotationFile, placeImported, type PrintPdf } from './exchange'

/**
 * The services behind the contract, over one store. Inputs arrive validated against the
 * contract's schemas; everything here checks what a schema cannot (that an article exists,
 * that a body fits the article schema, that annotations fit the text) before writing.
 */
export function createServices(store: Store, options: { printPdf?: PrintPdf } = {}): Services {
  return {
    listArticles: ({ query }) => store.listArticles(query),
    getArticle: ({ id }) => store.getArticle(id),
    async importFile({ fileName, dataBase64 }) {
      const bytes = Buffer.from(dataBase64, 'base64')
      const article = await readArticleFile(fileName, bytes)
      return store.insertArticle(article)
    },
    importText: ({ text, headline }) => store.insertArticle(articleFromText(text, headline)),
    saveArticle({ id, baseRevision, meta, body, annotations, moved }) {
      const who = store.getPreferences().userName
      const checked = body ? checkBody(body) : undefined
      const text = checked ? bodyText(checked) : undefined
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
      if (meta?.headline !== undefined && !meta.headline.trim()) {
        throw new CopydeskError('invalid_input', 'An article needs a headline.')
      }
      return store.saveArticle({ id, baseRevision, meta, body: checked, text, annotations: all, annotationsBefore: before, who })
    },
    deleteArticle({ id }) {
      store.softDeleteArticle(id)
      return { id }
    },
    restoreArticle: ({ id }) => store.restoreArticle(id),
    listAnnotations({ articleId }) {
      store.requireArticle(articleId)
      return store.listAnnotations(articleId)
    },
    annotationHistory({ articleId, annotationId }) {
      store.requireArticle(articleId)
      return store.annotationHistory(articleId, annotationId)
    },
    async exportArticle(input) {
      const files = await exportArticle(store, input, options.printPdf)
      return { files: files.map((f) => ({ fileName: f.fileName, mime: f.mime, dataBase64: Buffer.from(f.bytes).toString('base64') })) }
    },
    importAnnotations({ articleId, fileName, content }) {
      const article = store.getArticle(articleId)
      return placeImported(store, articleId, parseAnnotationFile(fileName, content, article.text))
    },
    importAnnotatedArticle({ fileName, text, ann }) {
      const { article, report } = importBratArticle(store, fileName, text, ann)
      return { article, placement: report }
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
    setPreferences: (prefs) => store.setPreferences(prefs)
  }
}
