import { CopydeskError } from '../../../shared/errors'

/**
 * What SQLite's failures mean to an editor. A busy, full, read-only or damaged library each
 * get their own code and words saying what happened and what to do, never "Something went
 * wrong"; and a busy library is waited for (within bounds) before anyone is told.
 */

/** How long a write waits, in all, for another program to finish with the library. */
export const BUSY_LIMIT_MS = 5_000

/** SQLite's own wait for a lock, inside each attempt; `retryWhileBusy` adds the rest. */
export const BUSY_TIMEOUT_MS = 1_000

/** The SQLite result code of an error better-sqlite3 threw ('SQLITE_BUSY_SNAPSHOT', …), if any. */
export function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined
}

export function isBusy(err: unknown): boolean {
  const code = sqliteCode(err)
  return code !== undefined && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
}

export function isDamage(err: unknown): boolean {
  const code = sqliteCode(err)
  return code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
}

const sleeper = new Int32Array(new SharedArrayBuffer(4))

/** Blocks this thread for `ms` (the store is synchronous, as better-sqlite3 is). */
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms)
}

/**
 * Runs `fn`, and again after a growing pause (with jitter, so two waiting writers do not
 * collide again) while SQLite says the library is busy, until `limitMs` have passed.
 */
export function retryWhileBusy<T>(fn: () => T, limitMs: number = BUSY_LIMIT_MS): T {
  const deadline = Date.now() + limitMs
  for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
    try {
      return fn()
    } catch (err) {
      if (!isBusy(err) || Date.now() + wait > deadline) throw err
      pause(wait / 2 + Math.random() * wait)
    }
  }
}

/** Words for the cases an editor can act on; the library's own name goes in each. */
export interface LibraryWords {
  /** The library file, as the user knows it. */
  file: string
  /** Why it is read-only, when Copydesk knows (e.g. "its folder cannot be written to"). */
  readOnlyReason?: string
  /** What to say about a damaged library: which backup there is, and how to restore it. */
  damaged: (detail: string) => CopydeskError
}

/** The CopydeskError for a SQLite failure, or undefined when it is not one an editor can act on. */
export function plainStoreError(err: unknown, words: LibraryWords): CopydeskError | undefined {
  if (err instanceof CopydeskError) return err
  const code = sqliteCode(err)
  if (!code) return undefined
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new CopydeskError(
      'busy',
      `Another program kept the library busy for more than ${BUSY_LIMIT_MS / 1000} seconds (another Copydesk window, a copydesk command or a backup). Nothing was changed; try again in a moment.`
    )
  }
  if (code === 'SQLITE_FULL') {
    return new CopydeskError(
      'disk_full',
      `The disk holding the library (${words.file}) is full, so this change could not be saved; nothing was changed and nothing saved before was lost. Free some space on that disk, then try again.`
    )
  }
  if (code.startsWith('SQLITE_READONLY')) {
    const why = words.readOnlyReason ?? (code === 'SQLITE_READONLY_DIRECTORY' ? 'its folder cannot be written to' : 'the file cannot be written to')
    return new CopydeskError(
      'read_only',
      `The library at ${words.file} can be read but not changed (${why}), so nothing was changed. Copy it to a folder you can write to and open it from there, or ask for write access.`
    )
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return words.damaged((err as Error).message)
  if (code.startsWith('SQLITE_IOERR')) {
    return new CopydeskError(
      'internal',
      `The disk could not read or write the library at ${words.file} (${(err as Error).message}). Nothing was changed. Check that the disk is still connected and working, then try again.`
    )
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new CopydeskError('not_found', `Copydesk cannot open the library file ${words.file}. Check that it exists and that you may read it.`)
  }
  return undefined
}
