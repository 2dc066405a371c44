import { join } from 'node:path'
import { CopydeskError } from '../../shared/errors'
import { startHttpDoor } from '../core/http'
import { intOption } from './args'
import type { Context } from './context'

/** Where `copydesk serve` listens unless told otherwise. */
export const DEFAULT_PORT = 4720

/** `copydesk serve [--port N]`: the app for a browser on this computer, until Ctrl+C. */
export async function serve(ctx: Context): Promise<void> {
  const asked = intOption(ctx.args.values.port, 'port', 0, 65535)
  const rendererDir = join(ctx.dir, '..', 'renderer')
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
