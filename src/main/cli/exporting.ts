import { writeFileSync } from 'node:fs'
import { extname } from 'node:path'
import { EXPORT_FORMATS, type ExportResult } from '../../shared/contract'
import { ANNOTATION_KINDS, CLAIM_STATUSES } from '../../shared/domain'
import { parseList } from '../core/exchange'
import { articleIdArg, UsageError } from './args'
import { call } from './call'
import type { Context } from './context'
import { checkTarget, placeFile } from './output'

/** `copydesk export <id> --format F [-o file]`: an annotated copy, to stdout or a file. */
export async function exportArticle(ctx: Context): Promise<void> {
  const id = articleIdArg(ctx.args.positionals[0])
  const v = ctx.args.values
  const format = v.format
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`)
  }
  const input = {
    id,
    format,
    kinds: typeof v.kinds === 'string' ? parseList(v.kinds, ANNOTATION_KINDS, 'kind') : undefined,
    statuses: typeof v.statuses === 'string' ? parseList(v.statuses, CLAIM_STATUSES, 'claim status') : undefined,
    includeInternal: Boolean(v.internal),
    ...(v.unapproved ? { includeUnapproved: true } : {})
  }
  const { files, unapprovedLeftOut } = await call<ExportResult>(ctx, 'exportArticle', input)
  if (unapprovedLeftOut > 0) {
    const n = unapprovedLeftOut
    ctx.err(`${n === 1 ? '1 claim was' : `${n} claims were`} left out: ${n === 1 ? 'its verdict is' : 'their verdicts are'} not approved by an editor yet (--unapproved includes them).`)
  }
  const output = typeof v.output === 'string' ? v.output : undefined
  const binary = format === 'pdf' || format === 'docx'
  if (!output) {
    if (binary) throw new UsageError(`--format ${format} writes a binary file: give it one with -o <file>`)
    for (const f of files) process.stdout.write(Buffer.from(f.dataBase64, 'base64'))
    return
  }
  const force = Boolean(v.force)
  // brat writes two files: <output> for the text's name stem, with .txt and .ann.
  const targets = files.map((f) => ({ file: f, path: files.length > 1 ? output.replace(/(\.(txt|ann))?$/, extname(f.fileName)) : output }))
  // Every target is checked before any is written, so a refusal leaves nothing half done.
  for (const t of targets) checkTarget(t.path, force, t.file.fileName, '-o')
  for (const t of targets) await placeFile(t.path, force, '-o', (temp) => writeFileSync(temp, Buffer.from(t.file.dataBase64, 'base64')))
  ctx.err(`Wrote ${targets.map((t) => t.path).join(' and ')}.`)
}
