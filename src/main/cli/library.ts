import { mkdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { CopydeskError, toErrorValue } from '../../shared/errors'
import { backUpNow } from '../core/library'
import { defaultDatabasePath } from '../core/paths'
import { plainError } from '../core/plain-errors'
import { describeWhen, listBackups, newestGoodBackup } from '../core/store/backups'
import { restoreLibrary } from '../core/store/restore'
import { UsageError, type Parsed } from './args'
import type { Context, Io } from './index'
import { checkTarget, placeFile } from './output'

/**
 * The command line's dealings with the library file itself: which file --db names (and
 * saying so when it makes a new one), backup, backups and restore, and the restore command a
 * damaged library's error names.
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

/** backup and backups, as commands over the open library. */
export const libraryCommands: Record<string, (ctx: Context) => Promise<void>> = {
  async backup(ctx) {
    const target = ctx.args.positionals[0]
    if (!target) {
      const b = await backUpNow(ctx.store)
      ctx.out(ctx.json ? JSON.stringify(b, null, 2) : `Backed up the library to ${b.path}.`)
      return
    }
    const force = Boolean(ctx.args.values.force)
    const path = resolve(target)
    checkTarget(path, force, 'copydesk-backup.db', '')
    await placeFile(path, force, '', (temp) => ctx.store.db.backup(temp).then(() => undefined))
    ctx.out(ctx.json ? JSON.stringify({ path }) : `Backed up the library to ${path}.`)
  },
  async backups(ctx) {
    const list = listBackups(ctx.store.file)
    if (ctx.json) {
      ctx.out(JSON.stringify(list, null, 2))
      return
    }
    if (!list.length) {
      ctx.out(`No backups yet. Copydesk makes one each day the library is opened, in ${join(dirname(ctx.store.file), 'backups')}; make one now with: copydesk${ctx.dbArgs} backup`)
      return
    }
    for (const b of list) ctx.out(`${describeWhen(b.takenAt).padEnd(40)} ${b.kind.padEnd(17)} ${(b.bytes / 1048576).toFixed(1).padStart(7)} MB  ${b.path}`)
  },
}
