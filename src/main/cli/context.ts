import type { Dispatch } from '../core/dispatch'
import type { Store } from '../core/store'
import type { Parsed } from './args'

/** Where a command writes: its output, and the lines for people (stderr). */
export interface Io {
  out: (s: string) => void
  err: (s: string) => void
}

/** What a command runs with: its arguments, the open library, and the operations over it. */
export interface Context extends Io {
  args: Parsed
  json: boolean
  store: Store
  /** The contract's operations; their code (and the libraries it needs) loads at the first call. */
  dispatch: Dispatch
  /** How the library was named on this command line, for commands that name it back. */
  dbArgs: string
  /** The folder of the built command line (out/main), beside the renderer and the import worker. */
  dir: string
}

/** A command: runs with the context, and sets process.exitCode when part of it failed. */
export type Command = (ctx: Context) => Promise<void>
