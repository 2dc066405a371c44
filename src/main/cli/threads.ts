import type { CommentResult } from '../../shared/contract'
import type { Annotation, Comment, Thread } from '../../shared/domain'
import { CopydeskError } from '../../shared/errors'
import { KIND_LABELS } from '../../shared/interchange/details'
import { commentExcerpt } from '../../shared/threads'
import { articleIdArg, UsageError } from './args'
import { call } from './call'
import type { Context } from './context'

/**
 * Threads from the command line: `comments` lists an annotation's thread; `comment add`
 * adds to it, `comment edit|delete|restore` changes one's own comment, `comment
 * resolve|reopen` resolves or reopens it. Annotations and comments are named by their id or its first
 * characters, as `copydesk annotations` and `copydesk comments` print them.
 */

/** The characters of an id the command line prints: enough to tell ids apart in one article. */
export const SHORT_ID = 8

function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ')
}

/** The annotation of `articleId` whose id is or starts with `given`. */
async function findAnnotation(ctx: Context, articleId: number, given: string | undefined): Promise<Annotation> {
  if (!given) throw new UsageError(`missing annotation id (see them with: copydesk annotations ${articleId})`)
  const list = await call<Annotation[]>(ctx, 'listAnnotations', { articleId })
  const exact = list.find((a) => a.id === given)
  if (exact) return exact
  const found = list.filter((a) => a.id.startsWith(given))
  if (found.length === 1) return found[0]
  if (found.length === 0) {
    throw new CopydeskError('not_found', `Article ${articleId} has no annotation “${given}”. See its annotations with: copydesk annotations ${articleId}`)
  }
  throw new CopydeskError('invalid_input', `“${given}” starts the ids of ${found.length} annotations of article ${articleId}: give more of it.`)
}

/** The comment of a thread whose id is or starts with `given` (deleted ones too: they can be restored). */
function findComment(comments: Comment[], given: string, articleId: number, annotation: Annotation): Comment {
  const found = comments.filter((c) => c.id === given || c.id.startsWith(given) || c.id.startsWith(`c-${given}`))
  if (found.length === 1) return found[0]
  if (found.length === 0) {
    throw new CopydeskError('not_found', `That thread has no comment “${given}”. See its comments with: copydesk comments ${articleId} ${annotation.id.slice(0, SHORT_ID)}`)
  }
  throw new CopydeskError('invalid_input', `“${given}” starts the ids of ${found.length} comments: give more of it.`)
}

/** An annotation as a thread's heading names it: its kind and its words. */
function named(a: Annotation): string {
  return `${KIND_LABELS[a.kind]} “${commentExcerpt(a.anchor.exact, 60)}”`
}

/** A thread for reading in a terminal: its state, then each comment with its id, author and time. */
export function threadText(a: Annotation, t: Thread): string {
  const count = `${t.comments.length} comment${t.comments.length === 1 ? '' : 's'}`
  const state = t.resolvedAt ? `resolved${t.resolvedByName ? ` by ${t.resolvedByName}` : ''} ${when(t.resolvedAt)}` : 'open'
  const lines = [`${named(a)} — ${t.comments.length ? `${state}, ${count}` : 'no comments yet'}`]
  for (const c of t.comments) {
    lines.push(`[${c.id.slice(0, SHORT_ID + 2)}] ${c.authorName || 'Someone'} · ${when(c.createdAt)}${c.editedAt ? ' (edited)' : ''}`)
    lines.push(...c.body.split('\n').map((l) => `  ${l}`))
  }
  return lines.join('\n')
}

/** What `comment <action>` does to a comment of one's own, by the operation that does it. */
const CHANGES = { edit: 'editComment', delete: 'deleteComment', restore: 'restoreComment' } as const

/** `comment add|edit|delete|restore|resolve|reopen`: one change to an annotation's thread. */
async function commentCommand(ctx: Context): Promise<void> {
  const [action, article, annotation, ...rest] = ctx.args.positionals
  if (!action) throw new UsageError('comment needs what to do: add, edit, delete, restore, resolve or reopen (see copydesk --help)')
  const articleId = articleIdArg(article)
  const out = (value: unknown, said: string): void => ctx.out(ctx.json ? JSON.stringify(value, null, 2) : said)
  if (action === 'add') {
    const a = await findAnnotation(ctx, articleId, annotation)
    const text = rest.join(' ')
    if (!text.trim()) throw new UsageError(`comment add needs the words to add, in quotes: copydesk comment add ${articleId} ${annotation} "…"`)
    const r = await call<CommentResult>(ctx, 'addComment', { articleId, annotationId: a.id, body: text })
    return out(r, `Added comment ${r.comment.id.slice(0, SHORT_ID + 2)} on the ${named(a)}.`)
  }
  if (action === 'resolve' || action === 'reopen') {
    const a = await findAnnotation(ctx, articleId, annotation)
    if (rest.length) throw new UsageError(`comment ${action} takes no words`)
    const t = await call<Thread>(ctx, 'resolveThread', { articleId, annotationId: a.id, resolved: action === 'resolve' })
    return out(t, `${action === 'resolve' ? 'Resolved' : 'Reopened'} the thread on the ${named(a)}.`)
  }
  if (action === 'edit' || action === 'delete' || action === 'restore') {
    const a = await findAnnotation(ctx, articleId, annotation)
    const [given, ...words] = rest
    if (!given) throw new UsageError(`comment ${action} needs the comment's id (see them with: copydesk comments ${articleId} ${annotation})`)
    const c = findComment(ctx.store.threads.allComments(articleId, a.id), given, articleId, a)
    const text = words.join(' ')
    if (action === 'edit' && !text.trim()) throw new UsageError('comment edit needs the new words, in quotes')
    if (action !== 'edit' && text) throw new UsageError(`comment ${action} takes no words`)
    const r = await call<CommentResult>(ctx, CHANGES[action], action === 'edit' ? { articleId, commentId: c.id, body: text } : { articleId, commentId: c.id })
    const short = c.id.slice(0, SHORT_ID + 2)
    const said =
      action === 'edit'
        ? `Edited comment ${short}.`
        : action === 'delete'
          ? `Deleted comment ${short} (bring it back with: copydesk comment restore ${articleId} ${annotation} ${short}).`
          : `Brought back comment ${short}.`
    return out(r, said)
  }
  throw new UsageError(`comment does not know "${action}": use add, edit, delete, restore, resolve or reopen`)
}

export const threadCommands: Record<string, (ctx: Context) => Promise<void>> = {
  async comments(ctx) {
    const articleId = articleIdArg(ctx.args.positionals[0])
    const a = await findAnnotation(ctx, articleId, ctx.args.positionals[1])
    const thread = await call<Thread>(ctx, 'getThread', { articleId, annotationId: a.id })
    ctx.out(ctx.json ? JSON.stringify(thread, null, 2) : threadText(a, thread))
  },
  comment: commentCommand
}
