import type { Annotation, Article, Comment } from '../domain'
import { CLAIM_STATUS_LABELS } from '../domain'
import type { ExportOptions } from './options'
import { isWebUrl, linkTarget, selectForExport } from './options'

/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/): an
 * AnnotationCollection with one page holding every annotation, then one "linking"
 * annotation per quote→speaker and claim→source link, then (in an internal copy only) each
 * comment of a thread as a reply: an annotation with `motivation: replying` whose target is
 * the annotation it comments on. Copydesk's own fields go in its namespace on the bodies, so
 * another tool reads the tag and text and Copydesk reads all.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/** Copydesk's JSON-LD vocabulary for fields the Web Annotation model has no term for. */
export const COPYDESK_VOCAB = 'urn:copydesk:vocab#'
export const ANNOTATION_ID_PREFIX = 'urn:copydesk:annotation:'
const LINK_ID_PREFIX = 'urn:copydesk:link:'
const COMMENT_ID_PREFIX = 'urn:copydesk:comment:'

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
type JsonObject = { [key: string]: JsonValue }

/** The IRI an annotation gets in W3C exports (and is known by when read back). */
export function annotationIri(id: string): string {
  return ANNOTATION_ID_PREFIX + encodeURIComponent(id)
}

/** The target source: the article's web address, or a URN naming it in this Copydesk. */
export function articleSource(article: Article): string {
  return isWebUrl(article.url) ? article.url.trim() : `urn:copydesk:article:${article.id}`
}

/** The annotations of an article as a W3C AnnotationCollection, as a JSON string. */
export function exportW3C(article: Article, annotations: Annotation[], options: ExportOptions = {}): string {
  return `${JSON.stringify(w3cCollection(article, annotations, options), null, 2)}\n`
}

/** The collection as a value (for callers that embed it). */
export function w3cCollection(article: Article, annotations: Annotation[], options: ExportOptions = {}): JsonObject {
  const set = selectForExport(article, annotations, options)
  const source = articleSource(article)
  const items: JsonValue[] = set.items.map(({ annotation }) => {
    const out = toW3C(annotation, source, set.includeInternal, set.people)
    const resolvedAt = set.threads.get(annotation.id)?.resolvedAt
    if (resolvedAt) out['copydesk:threadResolvedAt'] = resolvedAt
    return out
  })
  for (const { annotation } of set.items) {
    const target = linkTarget(annotation)
    if (target === null || set.byId.get(target)?.annotation.kind !== 'attribution') continue
    const rel = annotation.kind === 'quote' ? 'speaker' : 'source'
    items.push({
      id: `${LINK_ID_PREFIX}${encodeURIComponent(annotation.id)}:${rel}`,
      type: 'Annotation',
      motivation: 'linking',
      'copydesk:relation': rel,
      body: annotationIri(target),
      target: annotationIri(annotation.id)
    })
  }
  // set.threads is empty in a public copy: comments are the desk's own.
  for (const thread of set.threads.values()) for (const c of thread.comments) items.push(toReply(c))
  const collectionId = `urn:copydesk:article:${article.id}:annotations`
  return {
    '@context': [ANNO_CONTEXT, { copydesk: COPYDESK_VOCAB }],
    id: collectionId,
    type: 'AnnotationCollection',
    label: `Copydesk annotations on “${article.headline}”`,
    total: items.length,
    first: { id: `${collectionId}:page-1`, type: 'AnnotationPage', startIndex: 0, items }
  }
}

function toW3C(a: Annotation, source: string, includeInternal: boolean, people: Record<string, string>): JsonObject {
  const bodies: JsonObject[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.kind }]
  let motivation = 'tagging'
  switch (a.kind) {
    case 'claim': {
      const f = a.fields
      motivation = 'assessing'
      const label = CLAIM_STATUS_LABELS[f.status]
      bodies.push({
        type: 'TextualBody',
        purpose: 'assessing',
        format: 'text/plain',
        value: f.explanation ? `${label}: ${f.explanation}` : label,
        'copydesk:status': f.status,
        'copydesk:explanation': f.explanation,
        'copydesk:evidence': f.evidence.map((e) => ({ 'copydesk:url': e.url, 'copydesk:note': e.note })),
        'copydesk:checker': f.checkerId ? (people[f.checkerId] ?? '') : ''
      })
      break
    }
    case 'quote': {
      const f = a.fields
      const body: JsonObject = {
        type: 'TextualBody',
        purpose: 'describing',
        format: 'text/plain',
        value: f.speakerName ? `Quote from ${f.speakerName}` : 'Quote',
        'copydesk:speakerName': f.speakerName,
        'copydesk:checked': f.checked
      }
      if (includeInternal) body['copydesk:checkedNote'] = f.checkedNote
      bodies.push(body)
      break
    }
    case 'attribution': {
      const f = a.fields
      bodies.push({
        type: 'TextualBody',
        purpose: 'identifying',
        format: 'text/plain',
        value: f.sourceName,
        'copydesk:sourceName': f.sourceName,
        'copydesk:sourceType': f.sourceType,
        'copydesk:cue': f.cue
      })
      break
    }
  }
  const out: JsonObject = {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation,
    created: a.createdAt,
    modified: a.updatedAt,
    body: bodies,
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: a.anchor.exact, prefix: a.anchor.prefix, suffix: a.anchor.suffix },
        { type: 'TextPositionSelector', start: a.anchor.start, end: a.anchor.end }
      ]
    }
  }
  if (a.createdBy.trim()) out.creator = { type: 'Person', name: a.createdBy }
  if (a.placement === 'orphaned') out['copydesk:placement'] = 'orphaned'
  return out
}

/** A comment as a W3C reply to the annotation it is on. */
function toReply(c: Comment): JsonObject {
  const out: JsonObject = {
    id: COMMENT_ID_PREFIX + encodeURIComponent(c.id),
    type: 'Annotation',
    motivation: 'replying',
    created: c.createdAt,
    body: { type: 'TextualBody', purpose: 'replying', format: 'text/plain', value: c.body },
    target: annotationIri(c.annotationId)
  }
  if (c.editedAt) out.modified = c.editedAt
  if (c.authorName.trim()) out.creator = { type: 'Person', name: c.authorName }
  return out
}
