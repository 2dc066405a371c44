import { CopydeskError } from '../../shared/errors'
import { CLAIM_STATUS_LABELS } from '../../shared/domain'
import { MAX_SEARCH_PAGE, type SearchHit, type SearchPage, type SnippetPart } from '../../shared/search/types'
import { intOption, UsageError } from './args'
import type { Context } from './context'

/**
 * `copydesk search <query> [--json] [--limit N] [--cursor C | --offset N]`: the same page of
 * results the app's search box shows, through the same operation.
 */

/** A snippet for a terminal: the words found between asterisks, on one line. */
export function plainSnippet(parts: SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `*${p.text}*` : p.text)).join('').replace(/\s+/g, ' ').trim()
}

function hitLines(h: SearchHit): string[] {
  const what = [h.kind, h.matched ? `in ${h.matched}` : '', h.status ? CLAIM_STATUS_LABELS[h.status].toLowerCase() : ''].filter(Boolean).join(', ')
  const where = [h.outlet, h.publishedAt.slice(0, 10)].filter(Boolean).join(', ')
  const head = `${h.articleId}\t${what}\t${h.headline}${where ? ` (${where})` : ''}`
  const lines = [head]
  if (h.kind !== 'article' && h.words && h.matched !== 'text') lines.push(`\t“${h.words}”${h.name ? ` — ${h.name}` : ''}`)
  const snippet = plainSnippet(h.snippet)
  if (snippet) lines.push(`\t${snippet}`)
  return lines
}

/** Runs the search command. */
export async function searchCommand(ctx: Context): Promise<void> {
  const query = ctx.args.positionals.join(' ').trim()
  if (!query) throw new UsageError('search needs words to look for, for example: copydesk search "Riverton Ledger" kind:claim')
  const limit = intOption(ctx.args.values.limit, 'limit', 1, MAX_SEARCH_PAGE)
  const offset = intOption(ctx.args.values.offset, 'offset', 0, 1_000_000)
  const cursor = ctx.args.values.cursor
  if (cursor !== undefined && typeof cursor !== 'string') throw new UsageError('--cursor needs the cursor printed after the page before')
  if (cursor !== undefined && offset !== undefined) throw new UsageError('give either --cursor or --offset, not both')
  const result = await ctx.dispatch('search', { query, limit, cursor, offset })
  if (!result.ok) throw new CopydeskError(result.error.code, result.error.message)
  const page = result.value as SearchPage
  if (ctx.json) {
    ctx.out(JSON.stringify(page, null, 2))
    return
  }
  if (!page.hits.length) {
    ctx.out(cursor || offset ? 'No more results.' : `Nothing found for ${query}.`)
    return
  }
  ctx.out(page.hits.flatMap(hitLines).join('\n'))
  if (page.next) ctx.out(`\nMore: copydesk${ctx.dbArgs} search ${JSON.stringify(query)} --cursor ${page.next}`)
}
