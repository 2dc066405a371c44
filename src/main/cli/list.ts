import { LIBRARY_SORTS, type ArticleSummary, type LibraryPage, type LibrarySort } from '../../shared/domain'
import { MAX_LIBRARY_PAGE } from '../../shared/limits'
import { intOption, UsageError } from './args'
import type { Context } from './context'
import { columns } from './text'

/**
 * `copydesk list`: the library as a table (or JSON), all of it, or a page at a time with
 * --limit and --cursor (the marker the page before printed) or --offset; --sort chooses
 * the order.
 */

/** The library rows as a table a terminal shows. */
export function table(rows: ArticleSummary[]): string {
  if (!rows.length) return 'No articles yet. Import one with: copydesk import <file>'
  const head = ['ID', 'HEADLINE', 'OUTLET', 'DATE', 'NOTES', 'EDITED']
  const body = rows.map((r) => [
    String(r.id),
    r.headline.length > 60 ? `${r.headline.slice(0, 59)}…` : r.headline,
    r.outlet,
    r.publishedAt.slice(0, 10),
    String(r.annotationCount),
    r.updatedAt.slice(0, 16).replace('T', ' ')
  ])
  return columns(head, body)
}

function sortOption(value: string | boolean | undefined): LibrarySort | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !(LIBRARY_SORTS as readonly string[]).includes(value)) {
    throw new UsageError(`--sort takes one of ${LIBRARY_SORTS.join(', ')}`)
  }
  return value as LibrarySort
}

/** Lists the library: a page when --limit, --cursor or --offset is given, else every article. */
export async function list(ctx: Context, call: <T>(op: string, input: unknown) => Promise<T>): Promise<void> {
  const v = ctx.args.values
  const sort = sortOption(v.sort)
  const limit = intOption(v.limit, 'limit', 1, MAX_LIBRARY_PAGE)
  const offset = intOption(v.offset, 'offset', 0, 1e9)
  const cursor = typeof v.cursor === 'string' ? v.cursor : undefined
  if (cursor !== undefined && offset !== undefined) throw new UsageError('give --cursor or --offset, not both')
  if (limit === undefined && cursor === undefined && offset === undefined) {
    // Everything, a large page at a time, in the order asked for.
    const rows: ArticleSummary[] = []
    let next: string | undefined
    do {
      const page: LibraryPage = await call('libraryPage', { sort, limit: MAX_LIBRARY_PAGE, cursor: next })
      rows.push(...page.rows)
      next = page.nextCursor ?? undefined
    } while (next)
    ctx.out(ctx.json ? JSON.stringify(rows, null, 2) : table(rows))
    return
  }
  const page: LibraryPage = await call('libraryPage', { sort, limit, cursor, offset })
  if (ctx.json) {
    ctx.out(JSON.stringify(page, null, 2))
    return
  }
  if (!page.total) {
    ctx.out(table([]))
    return
  }
  if (page.rows.length) ctx.out(table(page.rows))
  const sortArg = sort ? ` --sort ${sort}` : ''
  const total = page.total.toLocaleString('en-US')
  const shown = page.rows.length ? `${page.rows.length} of ${total} articles` : `No articles this far down (the library has ${total})`
  // On stderr, so the table alone can be piped on.
  ctx.err(page.nextCursor ? `${shown}. Next page: copydesk${ctx.dbArgs} list${sortArg} --limit ${limit ?? page.rows.length} --cursor ${page.nextCursor}` : `${shown}; this is the last page.`)
}
