import Database from 'better-sqlite3'
import type { Database as DB } from 'better-sqlite3'
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { CopydeskError } from '../../../shared/errors'
import { BUSY_TIMEOUT_MS, retryWhileBusy, sqliteCode } from './sqlite-errors'

/**
 * Opening the library file: read-write where Copydesk may write, read-only where it may not
 * (a library on a read-only disk or in someone else's folder can still be listed and read).
 */

export interface Connection {
  db: DB
  /** Why the library can only be read ("its folder cannot be written to"), or null. */
  readOnly: string | null
  /** True when there was no file and an empty one was made. */
  created: boolean
}

export interface ConnectionOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron has its own ABI). */
  nativeBinding?: string
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Opens `file` for the store: WAL, foreign keys, synchronous FULL, a bounded wait for locks. */
export function openConnection(file: string, options: ConnectionOptions = {}): Connection {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  if (file === ':memory:') return { db: configure(new Database(file, binding)), readOnly: null, created: true }
  const exists = existsSync(file)
  const folder = dirname(file)
  if (!exists && !existsSync(folder)) {
    throw new CopydeskError('not_found', `The folder ${folder} does not exist, so there is no library at ${file}. Check the path, or make the folder first.`)
  }
  const folderWritable = canWrite(folder)
  if (!exists && !folderWritable) {
    throw new CopydeskError('read_only', `Copydesk cannot make a new library in ${dirname(file)}: it may not write to that folder. Choose a folder you can write to.`)
  }
  if (folderWritable && (!exists || canWrite(file))) {
    const db = new Database(file, binding)
    try {
      return { db: configure(db), readOnly: null, created: !exists }
    } catch (err) {
      db.close()
      throw err
    }
  }
  const reason = folderWritable ? 'the file cannot be written to' : 'its folder cannot be written to'
  return { db: openReadOnly(file, binding, reason), readOnly: reason, created: false }
}

function configure(db: DB): DB {
  // Set before anything else, so that even switching to WAL waits for another writer.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  retryWhileBusy(() => db.pragma('journal_mode = WAL'))
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = FULL')
  return db
}

/**
 * A library Copydesk may only read. SQLite reads a WAL library through its -shm file, which it
 * cannot make in a folder it may not write to; then, when every change is in the main file
 * (no -wal with frames beside it), that file is read into memory instead, where nothing can
 * be written (query_only).
 */
function openReadOnly(file: string, binding: { nativeBinding?: string }, reason: string): DB {
  const direct = new Database(file, { ...binding, readonly: true, fileMustExist: true })
  try {
    direct.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    direct.prepare('SELECT count(*) FROM sqlite_schema').get()
    return direct
  } catch (err) {
    direct.close()
    const code = sqliteCode(err) ?? ''
    if (!code.startsWith('SQLITE_READONLY') && !code.startsWith('SQLITE_CANTOPEN')) throw err
  }
  const wal = `${file}-wal`
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new CopydeskError(
      'read_only',
      `The library at ${file} has changes SQLite can only read in a folder it may write to (${reason}). Copy the library's files (${file} and ${wal}) to a folder you can write to and open it from there.`
    )
  }
  const bytes = readFileSync(file)
  // Bytes 18 and 19 say the file is in WAL mode (2); the copy in memory is read as a plain file (1).
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1
  const db = new Database(bytes, binding)
  db.pragma('query_only = ON')
  db.pragma('foreign_keys = ON')
  return db
}
