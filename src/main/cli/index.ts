import { HELP, parse, UsageError } from './args'
import { COMMANDS } from './commands'
import type { Io } from './context'

export type { Context, Io } from './context'

/**
 * The headless command line over the same services as the app. User mistakes end with one
 * line on stderr and a non-zero exit (2 for a mistyped command, 1 for a refused operation);
 * never a stack trace. This module loads nothing but the argument parser and the table of
 * commands (see commands.ts): `--version` and `--help` answer at once, and a command loads
 * what it needs, when it runs.
 */

/** Runs one command line; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let file: string | undefined
  let dbArgs = ''
  let session: import('./session').Session | undefined
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
    const load = Object.hasOwn(COMMANDS, args.command) ? COMMANDS[args.command] : undefined
    if (!load && args.command !== 'restore') throw new UsageError(`unknown command "${args.command}" (see copydesk --help)`)
    const library = await import('./library')
    ;({ file, dbArgs } = library.libraryPath(args, io))
    if (!load) {
      library.restore(args, file, io)
      return 0
    }
    const [run, { openSession }] = await Promise.all([load(), import('./session')])
    session = await openSession(args, file, dbArgs, io, __dirname)
    await run(session.ctx)
    return process.exitCode === undefined ? 0 : Number(process.exitCode)
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`copydesk: ${err.message}`)
      return 2
    }
    const { errorLine } = await import('./library')
    io.err(`copydesk: ${errorLine(session ? session.ctx.store.explain(err) : err, file, dbArgs)}`)
    return 1
  } finally {
    await session?.close()
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
