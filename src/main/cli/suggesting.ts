import { suggest as suggestIn } from '../../shared/suggest'
import { UsageError } from './args'
import { call } from './call'
import type { Context } from './context'
import { readText } from './files'
import { clip } from './text'

/** `copydesk suggest <file|id>`: quotes, attributions and check-worthy claims in a text. */
export async function suggest(ctx: Context): Promise<void> {
  const target = ctx.args.positionals[0]
  if (!target) throw new UsageError('suggest needs a file or an article id')
  const text = /^\d+$/.test(target) ? (await call<{ text: string }>(ctx, 'getArticle', { id: Number(target) })).text : (await readText(target)).replace(/^\ufeff/, '')
  const suggestions = suggestIn(text)
  if (ctx.json) {
    ctx.out(JSON.stringify({ suggestions }, null, 2))
    return
  }
  if (!suggestions.length) {
    ctx.out('No suggestions.')
    return
  }
  for (const sg of suggestions) {
    const head = `${sg.kind.padEnd(11)} ${`${sg.start}-${sg.end}`.padEnd(12)} ${sg.score.toFixed(2)}  “${clip(sg.text, 70)}”`
    const extra =
      sg.kind === 'quote'
        ? sg.speaker ? `  speaker: ${sg.speaker.text}` : ''
        : sg.kind === 'attribution'
          ? `  source: ${sg.source?.text ?? '—'}, cue: ${sg.cue.text}`
          : `  ${sg.reasons.join(', ')}`
    ctx.out(head + extra)
  }
}
