import { writeFileSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { EXPORT_FORMATS, type ExportResult, type PlacementCounts } from '../../shared/contract'
import { suggest } from '../../shared/suggest'
import { parseList } from '../core/exchange'
import { printWithChromium } from '../core/pdf'
import { ANNOTATION_KINDS, CLAIM_STATUSES, CLAIM_STATUS_LABELS, type Annotation, type AnnotationKind, type ArticleSummary } from '../../shared/domain'
import { annotateByQuote } from '../core/annotate'
import { CopydeskError, toErrorValue } from '../../shared/errors'
import { createDispatch, type Dispatch } from '../core/dispatch'
import { startHttpDoor } from '../core/http'
import { openLibrary } from '../core/library'
import { createServices } from '../core/services'
import { readImportFile } from '../core/read-file'
import type { Store } from '../core/store'
import { threadRunner, type JobRunner } from '../core/work/runner'
import { importWorkerFile } from '../core/work/worker-file'
import { articleIdArg, HELP, intOption, parse, UsageError, type Parsed } from './args'
import { deskCommands } from './desk'
import { errorLine, libraryCommands, libraryPath, restore } from './library'
import { checkTarget, placeFile } from './output'

/**
 * The headless command line over the same services as the app. User mistakes end with one
 * line on stderr and a non-zero exit (2 for a mistyped command, 1 for a refused operation);
 * never a stack trace.
 */

/** Where `copydesk serve` listens unless told otherwise. */
export const DEFAULT_PORT = 4720

export interface Io {
  out: (s: string) => void
  err: (s: string) => void
}

export interface Context extends Io {
  args: Parsed
  json: boolean
  store: Store
  dispatch: Dispatch
  /** How the library was named on this command line, for commands that name it back. */
  dbArgs: string
}

/** Calls an operation and returns its value, or throws its error. */
async function call<T>(ctx: Context, op: string, input: unknown): Promise<T> {
  const result = await ctx.dispatch(op, input)
  if (!result.ok) throw new CopydeskError(result.error.code, result.error.message)
  return result.value as T
}

function table(rows: ArticleSummary[]): string {
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
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)))
  return [head, ...body].map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n')
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ')
  return t.length > n ? `${t.slice(0, n - 1)}…` : t
}

function placementLine(c: PlacementCounts): string {
  const skipped = c.skipped.length ? `, ${c.skipped.length} skipped` : ''
  const unsearched = c.unsearched
    ? ` (${c.unsearched} of them looked for only word for word: an approximate search of so many in so long a text would take too long)`
    : ''
  return `${c.exact} placed exactly, ${c.fuzzy} placed approximately, ${c.orphaned} not found in the text${unsearched}${skipped}`
}

/** Why a file named on the command line could not be read, and what to check. */
function cannotRead(file: string, err: NodeJS.ErrnoException): CopydeskError {
  if (err.code === 'ENOENT') return new CopydeskError('not_found', `No such file: ${file}. Check the name and the folder it is in.`)
  if (err.code === 'EISDIR') return new CopydeskError('invalid_input', `${file} is a folder. Name the files in it instead, for example ${join(file, '*.txt')}.`)
  if (err.code === 'EACCES' || err.code === 'EPERM') return new CopydeskError('not_found', `Copydesk may not read ${file}. Check its permissions.`)
  return new CopydeskError('not_found', `Cannot read ${file} (${err.code ?? err.message}). Check that it is a file on a disk that is still connected.`)
}

/** A file the user named, bounded as every import is (see readImportFile). */
async function readUserFile(file: string): Promise<Buffer> {
  try {
    return await readImportFile(file)
  } catch (e) {
    if (e instanceof CopydeskError) throw e
    const err = e as NodeJS.ErrnoException
    throw cannotRead(file, err)
  }
}

async function readText(file: string): Promise<string> {
  return (await readUserFile(file)).toString('utf8')
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

const commands: Record<string, (ctx: Context) => Promise<void>> = {
  async import(ctx) {
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
  },
  async list(ctx) {
    const rows = await call<ArticleSummary[]>(ctx, 'listArticles', {})
    ctx.out(ctx.json ? JSON.stringify(rows, null, 2) : table(rows))
  },
  async show(ctx) {
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
  },
  async delete(ctx) {
    const id = articleIdArg(ctx.args.positionals[0])
    await call(ctx, 'deleteArticle', { id })
    ctx.out(ctx.json ? JSON.stringify({ deleted: id }) : `Deleted article ${id}.`)
  },
  async 'import-annotations'(ctx) {
    const articleId = articleIdArg(ctx.args.positionals[0])
    const file = ctx.args.positionals[1]
    if (!file) throw new UsageError('import-annotations needs an article id and a .json, .jsonld or .ann file')
    const content = await readText(file)
    const counts = await call<PlacementCounts>(ctx, 'importAnnotations', { articleId, fileName: basename(file), content })
    ctx.out(ctx.json ? JSON.stringify(counts, null, 2) : placementLine(counts))
  },
  async export(ctx) {
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
  },
  async suggest(ctx) {
    const target = ctx.args.positionals[0]
    if (!target) throw new UsageError('suggest needs a file or an article id')
    const text = /^\d+$/.test(target) ? (await call<{ text: string }>(ctx, 'getArticle', { id: Number(target) })).text : (await readText(target)).replace(/^\ufeff/, '')
    const suggestions = suggest(text)
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
  },
  async annotations(ctx) {
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
      ctx.out(`${a.kind.padEnd(11)} ${where.padEnd(12)} “${a.anchor.exact.length > 70 ? `${a.anchor.exact.slice(0, 69)}…` : a.anchor.exact}”${detail ? `  [${detail}]` : ''}`)
    }
  },
  async annotate(ctx) {
    const articleId = articleIdArg(ctx.args.positionals[0])
    const v = ctx.args.values
    const kind = v.kind
    if (typeof kind !== 'string' || !(ANNOTATION_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError('annotate needs --kind claim, quote or attribution')
    }
    if (typeof v.quote !== 'string' || !v.quote) throw new UsageError('annotate needs --quote "<the exact words>"')
    const a = annotateByQuote(ctx.store, {
      articleId,
      kind: kind as AnnotationKind,
      quote: v.quote,
      occurrence: intOption(v.occurrence, 'occurrence', 1, 1_000_000),
      status: typeof v.status === 'string' ? v.status : undefined,
      note: typeof v.note === 'string' ? v.note : undefined
    })
    ctx.out(ctx.json ? JSON.stringify(flatAnnotation(a), null, 2) : `Added ${a.kind} ${a.id} at ${a.anchor.start}-${a.anchor.end}.`)
  },
  ...libraryCommands,
  ...deskCommands,
  async serve(ctx) {
    const asked = intOption(ctx.args.values.port, 'port', 0, 65535)
    const rendererDir = join(__dirname, '..', 'renderer')
    const start = (port: number): ReturnType<typeof startHttpDoor> => startHttpDoor({ dispatch: ctx.dispatch, rendererDir, port })
    const fail = (port: number) => (e: NodeJS.ErrnoException): never => {
      throw new CopydeskError(
        'invalid_input',
        e.code === 'EADDRINUSE' ? `Port ${port} is already in use. Choose another with --port, or leave --port out.` : `copydesk serve could not start: ${e.message}`
      )
    }
    // The same address each time by default: the browser keeps changes a crash left unsaved
    // per address, and offers them again only at the same one.
    const door =
      asked !== undefined
        ? await start(asked).catch(fail(asked))
        : await start(DEFAULT_PORT).catch(async (e: NodeJS.ErrnoException) => {
            if (e.code !== 'EADDRINUSE') return fail(DEFAULT_PORT)(e)
            ctx.err(`Port ${DEFAULT_PORT} is in use, so Copydesk takes another. Changes a crash left unsaved in the browser are offered again at the address they were made at.`)
            return start(0).catch(fail(0))
          })
    ctx.out(`Copydesk is running at ${door.url}`)
    ctx.err('Press Ctrl+C to stop.')
    // The door's own guard answers each failed request; this one keeps anything that escapes
    // it (a stream's late error, a stray promise) from ending the process and every open tab's
    // session with it. Each is logged.
    const keepServing = (err: unknown): void => {
      ctx.err(`copydesk serve: an error was caught and the door keeps serving: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    }
    process.on('uncaughtException', keepServing)
    process.on('unhandledRejection', keepServing)
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('uncaughtException', keepServing)
        process.off('unhandledRejection', keepServing)
        void door.close().then(resolve)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
  }
}

/** Runs one command line; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let store: Store | undefined
  let file: string | undefined
  let dbArgs = ''
  let runner: JobRunner | undefined
  try {
    const args = parse(argv)
    if (args.values.version) {
      io.out('copydesk 0.1.0')
      return 0
    }
    if (args.values.help || !args.command || args.command === 'help') {
      io.out(HELP)
      return args.command || args.values.help ? 0 : 2
    }
    const run = commands[args.command]
    if (!run && args.command !== 'restore') throw new UsageError(`unknown command "${args.command}" (see copydesk --help)`)
    ;({ file, dbArgs } = libraryPath(args, io))
    if (!run) {
      restore(args, file, io)
      return 0
    }
    // serve opens a damaged library too, so the page in the browser can offer its backup.
    store = await openLibrary(file, { tell: (note) => io.err(`copydesk: ${note}`), allowDamaged: args.command === 'serve' })
    if (store.state().status !== 'ok') io.err(`copydesk: ${store.state().message}`)
    runner = threadRunner({ file: importWorkerFile(__dirname), warm: args.command === 'serve' })
    const dispatch = createDispatch(createServices(store, { printPdf: printWithChromium, runner }))
    await run({ ...io, args, json: Boolean(args.values.json), store, dispatch, dbArgs })
    return process.exitCode === undefined ? 0 : Number(process.exitCode)
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`copydesk: ${err.message}`)
      return 2
    }
    io.err(`copydesk: ${errorLine(store ? store.explain(err) : err, file, dbArgs)}`)
    return 1
  } finally {
    await runner?.close()
    store?.close()
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`)
  }).then((code) => {
    process.exitCode = code
  })
}
