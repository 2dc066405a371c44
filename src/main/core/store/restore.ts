import Database from 'better-sqlite3'
import type { Database as DB } from 'better-sqlite3'
import { copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { CopydeskError } from '../../../shared/errors'
import { backupFolder, backupName, checkLibraryFile, describeWhen } from './backups'
import { isBusy, sqliteCode } from './sqlite-errors'

/**
 * Putting a backup back in place of the library. The backup is checked first (a Copydesk
 * library that passes quick_check and is not newer than this code), the library as it is now
 * is kept as a `before-restore` copy in the backups folder, and the backup is copied beside
 * the library and renamed over it, so the library is always one whole file or the other.
 *
 * Copydesk is a one-person desktop tool: a restore refuses while any other program (the app,
 * `copydesk serve`, another command) has the library open, rather than change it under them.
 * It holds SQLite's exclusive lock on the library from that check until the copy is made, so
 * none can start using it meanwhile.
 */

export interface Restored {
  /** The backup that is now the library. */
  from: string
  /** When that backup was made (ISO 8601). */
  takenAt: string
  /** Where the library as it was before the restore is kept, or null when there was none. */
  keptCopy: string | null
  articles: number
  /** What happened, in words that say which changes are not in the restored library. */
  message: string
}

/** Opens the library alone, or says who has it: null when the file cannot even be read as a library. */
function lockAlone(file: string, nativeBinding?: string): DB | null {
  if (!existsSync(file)) return null
  let db: DB | undefined
  try {
    db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    db.pragma('busy_timeout = 0')
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
    return db
  } catch (err) {
    db?.close()
    if (isBusy(err)) {
      throw new CopydeskError(
        'busy',
        `Another program has the library at ${file} open (the Copydesk app, copydesk serve or another copydesk command). Close it, then restore again; nothing was changed.`
      )
    }
    // A library too damaged for SQLite to read cannot be in use by anyone either.
    if (sqliteCode(err)) return null
    throw err
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Replaces the library at `file` with the backup at `source`; see the module comment. */
export function restoreLibrary(file: string, source: string, options: { nativeBinding?: string; now?: Date } = {}): Restored {
  const check = checkLibraryFile(source, options)
  if (!check.ok) throw new CopydeskError(check.code, `Copydesk cannot restore from this backup: ${check.why}. Nothing was changed; choose another backup.`)
  if (!existsSync(dirname(file))) {
    throw new CopydeskError('not_found', `The folder ${dirname(file)} does not exist. Make it first, or restore into another library file.`)
  }
  if (existsSync(file) && statSync(source).ino === statSync(file).ino) {
    throw new CopydeskError('invalid_input', `${source} is the library itself, not a backup of it.`)
  }
  const takenAt = statSync(source).mtime.toISOString()
  const lock = lockAlone(file, options.nativeBinding)
  const incoming = join(dirname(file), `.${Date.now()}-${process.pid}.restoring`)
  let keptCopy: string | null = null
  try {
    if (existsSync(file)) {
      // Everything in the write-ahead log goes into the file first, where SQLite can still.
      try {
        lock?.pragma('wal_checkpoint(TRUNCATE)')
      } catch {
        // A damaged library is kept as its files are.
      }
      mkdirSync(backupFolder(file), { recursive: true })
      keptCopy = join(backupFolder(file), backupName(file, 'before-restore', options.now ?? new Date()))
      copyFileSync(file, keptCopy)
      const wal = `${file}-wal`
      if (existsSync(wal) && statSync(wal).size > 0) copyFileSync(wal, `${keptCopy}-wal`)
    }
    copyFileSync(source, incoming)
    fsyncFile(incoming)
  } catch (err) {
    lock?.close()
    rmSync(incoming, { force: true })
    throw err
  }
  // Closing the lock's connection lets SQLite tidy the old file's -wal and -shm; any left
  // (a damaged library's) belong to the old file and must not be read with the new one.
  lock?.close()
  rmSync(`${file}-wal`, { force: true })
  rmSync(`${file}-shm`, { force: true })
  renameSync(incoming, file)
  const when = describeWhen(takenAt)
  return {
    from: source,
    takenAt,
    keptCopy,
    articles: check.articles,
    message:
      `Restored the library from the backup of ${when} (${check.articles} article${check.articles === 1 ? '' : 's'}). ` +
      `Changes made after ${when} are not in it` +
      (keptCopy ? `; the library as it was before this restore is kept at ${keptCopy}.` : '.')
  }
}
