import { CLAIM_STATUS_LABELS } from '../../shared/domain'
import { CopydeskError } from '../../shared/errors'
import type { CheckedBeforeMatch } from '../../shared/search/types'
import { UsageError } from './args'
import type { Context } from './context'
import { claimRef } from './desk'

/**
 * `copydesk checked-before <id> <annotation>` or `copydesk checked-before "<claim's words>"`:
 * the desk's earlier claims that say the same thing, best first, with their verdicts, dates
 * and articles — the matches a claim's details show in the app, through the same operation.
 */
export async function checkedBefore(ctx: Context): Promise<void> {
  const args = ctx.args.positionals
  let text: string
  let annotationId: string | undefined
  if (args.length === 2 && /^\d+$/.test(args[0])) {
    const ref = claimRef(ctx)
    const claim = ctx.store.listAnnotations(ref.articleId).find((a) => a.id === ref.annotationId)!
    if (claim.kind !== 'claim') throw new UsageError(`Annotation ${claim.id} is a ${claim.kind}, not a claim.`)
    text = claim.anchor.exact
    annotationId = claim.id
  } else {
    text = args.join(' ').trim()
    if (!text) throw new UsageError('checked-before needs a claim: copydesk checked-before 3 1f2e4c5d, or its words in quotes')
  }
  const result = await ctx.dispatch('checkedBefore', { text, annotationId })
  if (!result.ok) throw new CopydeskError(result.error.code, result.error.message)
  const matches = result.value as CheckedBeforeMatch[]
  if (ctx.json) {
    ctx.out(JSON.stringify(matches, null, 2))
    return
  }
  if (!matches.length) {
    ctx.out('Not checked before: no earlier claim in the library says the same thing.')
    return
  }
  ctx.out(
    matches
      .map((m) => {
        const when = m.checkedAt.slice(0, 10)
        const where = [m.outlet, m.publishedAt.slice(0, 10)].filter(Boolean).join(', ')
        return `${m.articleId}\t${m.annotationId}\t${CLAIM_STATUS_LABELS[m.status]}, ${when}\t“${m.text}”\n\t${m.headline}${where ? ` (${where})` : ''}`
      })
      .join('\n')
  )
}
