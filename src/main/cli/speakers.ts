import { CLAIM_STATUS_LABELS } from '../../shared/domain'
import type { SpeakerDetail, SpeakerItem, SpeakerSummary } from '../../shared/speakers/types'
import { UsageError } from './args'
import { call } from './call'
import type { Context } from './context'
import { clip, columns, count, quoted } from './text'

/**
 * People in the news from the command line (not the desk's roster, which is `copydesk
 * people`): `speakers` lists them, `speaker <name>` shows one, `speakers merge` and
 * `speakers split` say who is who.
 */

function listTable(rows: SpeakerSummary[]): string {
  const head = ['ID', 'NAME', 'QUOTES', 'CLAIMS', 'ARTICLES', 'LAST SEEN']
  const body = rows.map((r) => [clip(r.id, 40), clip(r.name, 40), String(r.quoteCount), String(r.claimCount), String(r.articleCount), r.lastSeen.slice(0, 10)])
  return columns(head, body)
}

function itemLine(i: SpeakerItem): string {
  const what = i.kind === 'claim' ? `[${CLAIM_STATUS_LABELS[i.status ?? 'unchecked']}] ` : i.checked ? '[checked] ' : ''
  const as = i.nameAsWritten ? ` (as ${i.nameAsWritten})` : ''
  return `  ${i.date.slice(0, 10).padEnd(10)}  ${what}${quoted(clip(i.exact, 80))}${as}\n              in “${clip(i.headline, 60)}”, article ${i.articleId}, annotation ${i.annotationId}`
}

/** One person as the terminal shows them: names, parts, quotes and claims newest first. */
function page(s: SpeakerDetail): string {
  const lines = [`${s.name}  (${s.id})`, `${count(s.quoteCount, 'quote')}, ${count(s.claimCount, 'claim')}, in ${count(s.articleCount, 'article')}; last seen ${s.lastSeen.slice(0, 10) || 'undated'}`]
  if (s.variants.length > 1 || s.variants[0] !== s.name) lines.push(`Written as: ${s.variants.map((v) => `“${v}”`).join(', ')}`)
  if (s.parts.length > 1) {
    lines.push('', 'Parts (split one off with: copydesk speakers split <person> <part>):')
    for (const p of s.parts) {
      const how = p.joined === 'merge' ? ', merged by you' : p.joined === 'split' ? ', kept apart by you' : ''
      lines.push(`  ${p.id.padEnd(28)} ${p.name} in “${clip(p.headline, 50)}” (${p.mentions}×${how})`)
    }
  }
  lines.push('', s.quotes.length ? 'Quotes, newest first:' : 'No quotes.', ...s.quotes.map(itemLine))
  lines.push('', s.claims.length ? 'Claims, newest first:' : 'No claims sourced to them.', ...s.claims.map(itemLine))
  return lines.join('\n')
}

function two(ctx: Context, what: string): [string, string] {
  const [a, b, ...rest] = ctx.args.positionals.slice(1)
  if (!a || !b || rest.length) throw new UsageError(what)
  return [a, b]
}

export const speakerCommands: Record<string, (ctx: Context) => Promise<void>> = {
  async speakers(ctx) {
    const [sub] = ctx.args.positionals
    if (sub === 'merge') {
      const [a, b] = two(ctx, 'speakers merge needs two people, by name or id: copydesk speakers merge "George Bush" "George W. Bush"')
      const merged = await call<SpeakerDetail>(ctx, 'mergeSpeakers', { a, b })
      ctx.out(ctx.json ? JSON.stringify(merged, null, 2) : `Merged: ${merged.name} (${merged.id}) now has ${count(merged.quoteCount, 'quote')} and ${count(merged.claimCount, 'claim')} in ${count(merged.articleCount, 'article')}.`)
      return
    }
    if (sub === 'split') {
      const [id, part] = two(ctx, 'speakers split needs a person and the part to split off (copydesk speaker <person> lists the parts)')
      const done = await call<{ speaker: SpeakerDetail; apart: SpeakerDetail }>(ctx, 'splitSpeaker', { id, part })
      ctx.out(ctx.json ? JSON.stringify(done, null, 2) : `Split: ${done.apart.name} (${done.apart.id}) is now apart from ${done.speaker.name} (${done.speaker.id}).`)
      return
    }
    if (ctx.args.positionals.length > 1) throw new UsageError('speakers takes at most one search word, or merge or split')
    const rows = await call<SpeakerSummary[]>(ctx, 'listSpeakers', sub ? { query: sub } : {})
    if (ctx.json) ctx.out(JSON.stringify(rows, null, 2))
    else if (!rows.length) ctx.out(sub ? `No one quoted or cited matches "${sub}".` : 'No one is quoted or cited yet: tag quotes and attributions with their speakers and sources.')
    else ctx.out(listTable(rows))
  },
  async speaker(ctx) {
    const ref = ctx.args.positionals.join(' ').trim()
    if (!ref) throw new UsageError('speaker needs a name or an id (copydesk speakers lists them)')
    const s = await call<SpeakerDetail>(ctx, 'getSpeaker', { id: ref })
    ctx.out(ctx.json ? JSON.stringify(s, null, 2) : page(s))
  }
}
