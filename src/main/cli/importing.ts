import { stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { PlacementCounts } from '../../shared/contract'
import { CopydeskError, toErrorValue } from '../../shared/errors'
import { articleIdArg, UsageError } from './args'
import { call } from './call'
import type { Context } from './context'
import { readText, readUserFile } from './files'

/** import and import-annotations: articles and annotations from files. */

export function placementLine(c: PlacementCounts): string {
  const skipped = c.skipped.length ? `, ${c.skipped.length} skipped` : ''
  const unsearched = c.unsearched
    ? ` (${c.unsearched} of them looked for only word for word: an approximate search of so many in so long a text would take too long)`
    : ''
  return `${c.exact} placed exactly, ${c.fuzzy} placed approximately, ${c.orphaned} not found in the text${unsearched}${skipped}`
}

/** A brat .ann with the .txt beside it (PolNeAR's annotator suffix "_abcd" is dropped). */
async function importBrat(ctx: Context, annFile: string): Promise<{ article: { id: number; headline: string }; placement: PlacementCounts }> {
  const stem = annFile.replace(/\.ann$/i, '')
  const candidates = [`${stem}.txt`, `${stem.replace(/_[0-9a-z]{4}$/i, '')}.txt`, join(dirname(dirname(stem)), 'text', `${basename(stem).replace(/_[0-9a-z]{4}$/i, '')}.txt`)]
  let textFile: string | undefined
  for (const c of candidates) {
    if (await stat(c).then(() => true, () => false)) {
      textFile = c
      break
    }
  }
  if (!textFile) throw new CopydeskError('not_found', `No text file for ${annFile}: put ${basename(stem)}.txt beside it.`)
  const [text, ann] = await Promise.all([readText(textFile), readText(annFile)])
  return call(ctx, 'importAnnotatedArticle', { fileName: basename(textFile), text, ann })
}

/** `copydesk import <file...>`: each file on its own, a failure said and the rest imported. */
export async function importFiles(ctx: Context): Promise<void> {
  const files = ctx.args.positionals
  if (!files.length) throw new UsageError('import needs at least one file')
  const imported: unknown[] = []
  let failed = 0
  for (const file of files) {
    try {
      if (file.toLowerCase().endsWith('.ann')) {
        const { article, placement } = await importBrat(ctx, file)
        if (ctx.json) imported.push({ ...ctx.store.summary(article.id), placement })
        else ctx.out(`Imported ${file} as article ${article.id}: ${article.headline} (${placementLine(placement)})`)
        continue
      }
      const bytes = await readUserFile(file)
      const article = await call<{ id: number; headline: string; text: string }>(ctx, 'importFile', {
        fileName: basename(file),
        dataBase64: bytes.toString('base64')
      })
      const { id, headline } = article
      if (ctx.json) imported.push(ctx.store.summary(id))
      else ctx.out(`Imported ${file} as article ${id}: ${headline}`)
    } catch (err) {
      failed++
      ctx.err(`copydesk: ${toErrorValue(err).message}`)
    }
  }
  if (ctx.json) ctx.out(JSON.stringify(imported, null, 2))
  if (failed) process.exitCode = 1
}

/** `copydesk import-annotations <id> <file>`. */
export async function importAnnotations(ctx: Context): Promise<void> {
  const articleId = articleIdArg(ctx.args.positionals[0])
  const file = ctx.args.positionals[1]
  if (!file) throw new UsageError('import-annotations needs an article id and a .json, .jsonld or .ann file')
  const content = await readText(file)
  const counts = await call<PlacementCounts>(ctx, 'importAnnotations', { articleId, fileName: basename(file), content })
  ctx.out(ctx.json ? JSON.stringify(counts, null, 2) : placementLine(counts))
}
