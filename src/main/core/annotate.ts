import { statusPatch } from '../../shared/signoff'
import { currentPerson } from './desk'
import { randomUUID } from 'node:crypto'
import { anchorFor } from '../../shared/anchor'
import {
  CLAIM_STATUSES,
  defaultFields,
  type Annotation,
  type AnnotationKind,
  type ClaimStatus
} from '../../shared/domain'
import { CopydeskError } from '../../shared/errors'
import { checkAnnotations } from './annotations'
import { currentAuthor } from './me'
import { MAX_COMMENT_LENGTH } from '../../shared/limits'
import type { Store } from './store'

export interface AnnotateRequest {
  articleId: number
  kind: AnnotationKind
  /** The exact words to annotate. */
  quote: string
  /** Which occurrence (1-based) when the words appear more than once. */
  occurrence?: number
  status?: string
  /** The first comment of its thread. */
  comment?: string
  /** Who is quoted (a quote) or cited (an attribution): the People view gathers them by name. */
  name?: string
}

/** Adds one annotation over quoted words, as the command line does; refuses a missing or ambiguous quote. */
export function annotateByQuote(store: Store, req: AnnotateRequest): Annotation {
  const article = store.getArticle(req.articleId)
  if (!req.quote) throw new CopydeskError('invalid_input', 'Give the exact words to annotate with --quote.')
  const starts: number[] = []
  for (let i = article.text.indexOf(req.quote); i >= 0; i = article.text.indexOf(req.quote, i + 1)) starts.push(i)
  if (starts.length === 0) {
    throw new CopydeskError('not_found', `“${short(req.quote)}” is not in article ${req.articleId}. Copy the words exactly as they appear.`)
  }
  let start: number
  if (req.occurrence !== undefined) {
    if (req.occurrence < 1 || req.occurrence > starts.length) {
      throw new CopydeskError('invalid_input', `“${short(req.quote)}” appears ${starts.length} time(s); --occurrence must be from 1 to ${starts.length}.`)
    }
    start = starts[req.occurrence - 1]
  } else if (starts.length > 1) {
    throw new CopydeskError('invalid_input', `“${short(req.quote)}” appears ${starts.length} times; say which with --occurrence 1 to ${starts.length}.`)
  } else start = starts[0]

  if (req.status !== undefined && req.kind !== 'claim') throw new CopydeskError('invalid_input', 'Only a claim has a status.')
  if (req.status !== undefined && !(CLAIM_STATUSES as readonly string[]).includes(req.status)) {
    throw new CopydeskError('invalid_input', `"${req.status}" is not a claim status; use one of: ${CLAIM_STATUSES.join(', ')}.`)
  }
  const name = req.name?.replace(/\s+/g, ' ').trim()
  if (name !== undefined && req.kind === 'claim') throw new CopydeskError('invalid_input', 'A claim has no speaker of its own: give --speaker to a quote or --source to an attribution.')
  if (name !== undefined && name.length > 200) throw new CopydeskError('invalid_input', 'A name can be at most 200 characters.')
  const comment = req.comment?.trim()
  if (comment && comment.length > MAX_COMMENT_LENGTH) {
    throw new CopydeskError('invalid_input', `A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString('en')} characters; this one has ${comment.length.toLocaleString('en')}.`)
  }
  const who = store.getPreferences().userName
  const at = new Date().toISOString()
  const me = req.status ? currentPerson(store) : undefined
  // A verdict set as the claim is tagged is proposed, as the app does (see shared/signoff.ts).
  const status = req.status ? statusPatch({ status: 'unchecked' }, req.status as ClaimStatus, me?.id ?? null, at) : {}
  const named = name ? (req.kind === 'quote' ? { speakerName: name } : { sourceName: name }) : {}
  const fields = { ...defaultFields(req.kind), ...status, ...named }
  const annotation = {
    id: randomUUID(),
    kind: req.kind,
    anchor: anchorFor(article.text, start, start + req.quote.length),
    fields,
    origin: 'manual',
    placement: 'anchored',
    createdBy: who,
    createdAt: at,
    updatedBy: who,
    updatedAt: at
  } as Annotation
  const all = [...store.listAnnotations(req.articleId), annotation]
  checkAnnotations(all, article.text)
  const threads = comment ? { comments: [{ annotationId: annotation.id, authorId: currentAuthor(store).id, authorName: who, body: comment, createdAt: at }] } : undefined
  store.saveArticle({ id: req.articleId, baseRevision: article.revision, annotations: all, threads, who })
  return annotation
}

function short(s: string): string {
  return s.length > 50 ? `${s.slice(0, 47)}…` : s
}
