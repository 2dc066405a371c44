import type { SaveArticleInput } from '../../../shared/contract'
import type { Annotation, ArticleMeta } from '../../../shared/domain'
import type { DocJSON } from '../../../shared/schema'
import { call } from '../../api'

/** Everything an article holds, as the editor has it: what a copy is made of. */
export interface ArticleSnapshot {
  meta: ArticleMeta
  body: DocJSON
  annotations: Annotation[]
}

/** Whether a kept save holds a whole article (see `ArticleSnapshot`), not only what changed. */
export function isWhole(input: SaveArticleInput): input is SaveArticleInput & { meta: ArticleMeta; body: DocJSON; annotations: Annotation[] } {
  return !!input.meta && typeof input.meta.headline === 'string' && !!input.body && !!input.annotations && !input.moved?.length
}

/**
 * Saves the editor's version of an article as a new article ("… (your version)"), text,
 * details and annotations with their fields and history-making ids: what an editor does with
 * work that cannot go over an article changed elsewhere. Returns the new article's id.
 */
export async function saveAsCopy(snapshot: ArticleSnapshot, when = new Date()): Promise<number> {
  const stamp = when.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
  const headline = `${snapshot.meta.headline || 'Untitled'} (your version, ${stamp})`
  const created = await call('importText', { text: headline })
  await call('saveArticle', { id: created.id, baseRevision: created.revision, meta: { ...snapshot.meta, headline }, body: snapshot.body, annotations: snapshot.annotations })
  return created.id
}
