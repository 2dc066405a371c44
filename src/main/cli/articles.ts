import type { LibraryPageInput } from '../../shared/contract'
import { LIBRARY_PAGE } from '../../shared/limits'
import { articleIdArg } from './args'
import { call } from './call'
import type { Context } from './context'
import { list } from './list'

/** list, show and delete: the library's articles. */

/**
 * `copydesk list` (see list.ts), its pages read straight from the store, so listing loads
 * neither the contract's schemas nor the services behind them; a --cursor the user typed goes
 * through the contract, which checks it.
 */
export async function listArticles(ctx: Context): Promise<void> {
  const direct = ctx.args.values.cursor === undefined
  await list(ctx, <T>(op: string, input: unknown): Promise<T> =>
    direct && op === 'libraryPage'
      ? Promise.resolve(ctx.store.libraryPage({ ...(input as LibraryPageInput), limit: (input as LibraryPageInput).limit ?? LIBRARY_PAGE }) as T)
      : call<T>(ctx, op, input)
  )
}

export async function show(ctx: Context): Promise<void> {
  const id = articleIdArg(ctx.args.positionals[0])
  const a = await call<{ id: number; headline: string; byline: string; outlet: string; url: string; publishedAt: string; text: string; updatedAt: string }>(
    ctx,
    'getArticle',
    { id }
  )
  if (ctx.json) {
    ctx.out(JSON.stringify({ ...a, annotationCount: ctx.store.summary(id).annotationCount }, null, 2))
    return
  }
  const lines = [a.headline]
  if (a.byline) lines.push(`By ${a.byline}`)
  const where = [a.outlet, a.publishedAt.slice(0, 10)].filter(Boolean).join(', ')
  if (where) lines.push(where)
  if (a.url) lines.push(a.url)
  lines.push(`Article ${a.id}, last edited ${a.updatedAt.slice(0, 16).replace('T', ' ')}`, '', a.text)
  ctx.out(lines.join('\n'))
}

/** `copydesk delete <id>`. */
export async function remove(ctx: Context): Promise<void> {
  const id = articleIdArg(ctx.args.positionals[0])
  await call(ctx, 'deleteArticle', { id })
  ctx.out(ctx.json ? JSON.stringify({ deleted: id }) : `Deleted article ${id}.`)
}
