import { mkdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { CopydeskError, toErrorValue } from '../../shared/errors'
import { defaultDatabasePath } from '../core/paths'
import { plainError } from '../core/plain-errors'
import { newestGoodBackup } from '../core/store/backups'
import { restoreLibrary } from '../core/store/restore'
import { UsageError, type Parsed } from './args'
import type { Io } from './context'

/**
 * The command line's dealings with the library file itself: which file --db names (and
 * saying so when it makes a new one), restore, and the restore command a damaged library's
 * error names. Every command loads this; backup and backups are in backup.ts.
 */

/** The library a command line names: --db (which must be in a folder that exists) or the app's own. */
export function libraryPath(args: Parsed, io: Io): { file: string; dbArgs: string } {
  if (typeof args.values.db !== 'string') {
    const file = defaultDatabasePath()
    mkdirSync(dirname(file), { recursive: true })
    return { file, dbArgs: '' }
  }
  const file = resolve(args.values.db)
  const dbArgs = ` --db ${/\s/.test(file) ? JSON.stringify(file) : file}`
  const stat = statSync(file, { throwIfNoEntry: false })
  if (stat?.isDirectory()) {
    throw new CopydeskError('invalid_input', `${file} is a folder. --db takes a library file, for example --db ${join(file, 'copydesk.db')}.`)
  }
  if (!stat && args.command !== 'restore') {
    if (!statSync(dirname(file), { throwIfNoEntry: false })?.isDirectory()) {
      throw new CopydeskError('not_found', `There is no library at ${file}, and no folder ${dirname(file)} to make one in. Check the path given to --db.`)
    }
    io.err(`Creating a new library at ${file}.`)
  }
  return { file, dbArgs }
}

/** `copydesk restore <backup>`: runs without opening the library, which may be damaged. */
export function restore(args: Parsed, file: string, io: Io): void {
  const source = args.positionals[0]
  if (!source) throw new UsageError('restore needs a backup file (copydesk backups lists them)')
  const restored = restoreLibrary(file, resolve(source))
  io.out(args.values.json ? JSON.stringify(restored, null, 2) : restored.message)
}

/** The error's words, with the restore command added when the library is damaged and a backup is good. */
export function errorLine(err: unknown, file: string | undefined, dbArgs: string): string {
  const value = toErrorValue(plainError(err))
  if (value.code !== 'database_damaged' || !file) return value.message
  const backup = newestGoodBackup(file)
  return backup ? `${value.message} To restore it, run: copydesk${dbArgs} restore ${backup.path}` : value.message
}
