import { ANNOTATION_KINDS, CLAIM_STATUS_LABELS, type Annotation, type AnnotationKind } from '../../shared/domain'
import { annotateByQuote } from '../core/annotate'
import { articleIdArg, intOption, UsageError } from './args'
import { call } from './call'
import type { Context } from './context'
import { SHORT_ID } from './threads'

/** annotations and annotate: an article's annotations, listed or added by quote. */

/** An annotation as the command line prints it: id, kind, start, end, exact text and its fields. */
function flatAnnotation(a: Annotation): Record<string, unknown> {
  return {
    id: a.id,
    kind: a.kind,
    start: a.anchor.start,
    end: a.anchor.end,
    exact: a.anchor.exact,
    placement: a.placement,
    origin: a.origin,
    ...a.fields,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt
  }
}

/** `copydesk annotations <id>`. */
export async function annotations(ctx: Context): Promise<void> {
  const articleId = articleIdArg(ctx.args.positionals[0])
  const list = await call<Annotation[]>(ctx, 'listAnnotations', { articleId })
  if (ctx.json) {
    ctx.out(JSON.stringify(list.map(flatAnnotation), null, 2))
    return
  }
  if (!list.length) {
    ctx.out(`Article ${articleId} has no annotations yet.`)
    return
  }
  for (const a of list) {
    const detail =
      a.kind === 'claim' ? CLAIM_STATUS_LABELS[a.fields.status] : a.kind === 'attribution' ? a.fields.sourceName : a.fields.speakerName
    const where = a.placement === 'orphaned' ? 'not found in the text' : `${a.anchor.start}-${a.anchor.end}`
    ctx.out(`${a.id.slice(0, SHORT_ID)}  ${a.kind.padEnd(11)} ${where.padEnd(12)} “${a.anchor.exact.length > 70 ? `${a.anchor.exact.slice(0, 69)}…` : a.anchor.exact}”${detail ? `  [${detail}]` : ''}`)
  }
}

/** `copydesk annotate <id> --kind K --quote "..."`. */
export async function annotate(ctx: Context): Promise<void> {
  const articleId = articleIdArg(ctx.args.positionals[0])
  const v = ctx.args.values
  const kind = v.kind
  if (typeof kind !== 'string' || !(ANNOTATION_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError('annotate needs --kind claim, quote or attribution')
  }
  if (typeof v.quote !== 'string' || !v.quote) throw new UsageError('annotate needs --quote "<the exact words>"')
  if (v.speaker !== undefined && kind !== 'quote') throw new UsageError('--speaker names who a quote quotes: use it with --kind quote (an attribution takes --source)')
  if (v.source !== undefined && kind !== 'attribution') throw new UsageError('--source names who an attribution cites: use it with --kind attribution (a quote takes --speaker)')
  const name = typeof v.speaker === 'string' ? v.speaker : typeof v.source === 'string' ? v.source : undefined
  const a = annotateByQuote(ctx.store, {
    articleId,
    kind: kind as AnnotationKind,
    quote: v.quote,
    occurrence: intOption(v.occurrence, 'occurrence', 1, 1_000_000),
    status: typeof v.status === 'string' ? v.status : undefined,
    // --note, as it was called before threads replaced the internal note.
    comment: typeof v.comment === 'string' ? v.comment : typeof v.note === 'string' ? v.note : undefined,
    name
  })
  ctx.out(ctx.json ? JSON.stringify(flatAnnotation(a), null, 2) : `Added ${a.kind} ${a.id} at ${a.anchor.start}-${a.anchor.end}.`)
}
