import type { Dispatch } from '../core/dispatch'
import { backupSettled, openLibrary } from '../core/library'
import type { Store } from '../core/store'
import type { JobRunner } from '../core/work/runner'
import type { Parsed } from './args'
import type { Context, Io } from './context'

/**
 * A command's time with the library: opened (and backed up as the doors do), the operations
 * over it built at their first call (the contract's schemas, the services and the import
 * worker are most of what a command would otherwise load and never use), and closed.
 */
export interface Session {
  ctx: Context
  close: () => Promise<void>
}

/** Opens the library at `file` for the command `args` names. */
export async function openSession(args: Parsed, file: string, dbArgs: string, io: Io, dir: string): Promise<Session> {
  // serve opens a damaged library too, so the page in the browser can offer its backup.
  // The day's backup is made while the command runs: its answer does not wait for a copy of
  // the whole library, and the library is closed once the copy is made.
  const store: Store = await openLibrary(file, { tell: (note) => io.err(`copydesk: ${note}`), allowDamaged: args.command === 'serve', backUpInBackground: true })
  if (store.state().status !== 'ok') io.err(`copydesk: ${store.state().message}`)
  let runner: JobRunner | undefined
  let built: Promise<Dispatch> | undefined
  const build = async (): Promise<Dispatch> => {
    const [{ createDispatch }, { createServices }, { printWithChromium }, { threadRunner }, { importWorkerFile }] = await Promise.all([
      import('../core/dispatch'),
      import('../core/services'),
      import('../core/pdf'),
      import('../core/work/runner'),
      import('../core/work/worker-file')
    ])
    runner = threadRunner({ file: importWorkerFile(dir), warm: args.command === 'serve' })
    return createDispatch(createServices(store, { printPdf: printWithChromium, runner }))
  }
  const dispatch: Dispatch = async (op, input, options) => (await (built ??= build()))(op, input, options)
  // serve answers its first request at once: its operations and worker are made ready first.
  if (args.command === 'serve') await (built = build())
  return {
    ctx: { ...io, args, json: Boolean(args.values.json), store, dispatch, dbArgs, dir },
    async close() {
      await runner?.close()
      await backupSettled(store)
      store.close()
    }
  }
}
