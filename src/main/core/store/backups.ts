import Database from 'better-sqlite3'
import type { Database as DB } from 'better-sqlite3'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { ErrorCode } from '../../../shared/errors'
import { LATEST_VERSION } from './migrations'

/**
 * Backups of the library, made with SQLite's online backup API (a consistent copy while the
 * library is in use) into a `backups` folder beside the library file: one on the first open
 * of each day and one before every migration. The last 7 daily copies are kept, and the
 * newest of each of the last 4 weeks; copies made by hand are never removed.
 */

export type BackupKind = 'daily' | 'manual' | 'before-migration' | 'before-restore'

export interface Backup {
  /** The file's name in the backups folder. */
  name: string
  path: string
  kind: BackupKind
  /** When the copy was made (ISO 8601). */
  takenAt: string
  bytes: number
}

const KEEP_DAILY = 7
const KEEP_WEEKLY = 4
const KEEP_OTHER = 4

/** The folder the backups of `file` go in: `backups/` beside it. */
export function backupFolder(file: string): string {
  return join(dirname(file), 'backups')
}

function stemOf(file: string): string {
  return basename(file).replace(/\.(db|sqlite3?)$/i, '') || 'copydesk'
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
function localStamp(d: Date): string {
  return `${localDate(d)}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`
}

/** The name a backup of `file` gets: `<library>-<kind>-<local date[-time]>.db`. */
export function backupName(file: string, kind: BackupKind, at: Date, version?: number): string {
  const label = kind === 'before-migration' ? `before-v${version ?? LATEST_VERSION}` : kind
  return `${stemOf(file)}-${label}-${kind === 'daily' ? localDate(at) : localStamp(at)}.db`
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Every backup of `file`, newest first. */
export function listBackups(file: string): Backup[] {
  const folder = backupFolder(file)
  if (!existsSync(folder)) return []
  const pattern = new RegExp(`^${escape(stemOf(file))}-(daily|manual|before-restore|before-v\\d+)-(\\d{4}-\\d{2}-\\d{2})(-\\d{6})?\\.db$`)
  const out: Backup[] = []
  for (const name of readdirSync(folder)) {
    const m = pattern.exec(name)
    if (!m) continue
    const path = join(folder, name)
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat?.isFile()) continue
    const kind: BackupKind = m[1].startsWith('before-v') ? 'before-migration' : (m[1] as BackupKind)
    out.push({ name, path, kind, takenAt: stat.mtime.toISOString(), bytes: stat.size })
  }
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name))
}

/** A consistent copy of the open library at `target`, written beside it and renamed into place. */
export async function backUp(db: DB, target: string): Promise<void> {
  const partial = `${target}.partial-${process.pid}`
  try {
    await db.backup(partial)
    renameSync(partial, target)
  } finally {
    rmSync(partial, { force: true })
  }
}

/** Backs the library up into its backups folder; returns the copy. */
export async function backUpInto(db: DB, file: string, kind: BackupKind, at = new Date(), version?: number): Promise<Backup> {
  const folder = backupFolder(file)
  mkdirSync(folder, { recursive: true })
  const path = join(folder, backupName(file, kind, at, version))
  await backUp(db, path)
  const made = listBackups(file).find((b) => b.path === path)
  if (!made) throw new Error(`the backup ${path} was not written`)
  return made
}

/** The day's backup, unless there is one already; then older copies past the limits go. */
export async function dailyBackup(db: DB, file: string, now = new Date()): Promise<Backup | null> {
  const name = backupName(file, 'daily', now)
  if (existsSync(join(backupFolder(file), name))) return null
  const made = await backUpInto(db, file, 'daily', now)
  prune(file)
  return made
}

/** The week a date (YYYY-MM-DD) falls in, named by its Monday. */
function weekOf(date: string): string {
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}

/** Which backups the limits keep: 7 daily, the newest of each of 4 weeks, 4 of each other automatic kind. */
export function backupsToKeep(backups: Backup[]): Set<string> {
  const keep = new Set<string>()
  const daily = backups.filter((b) => b.kind === 'daily').sort((a, b) => b.name.localeCompare(a.name))
  for (const b of daily.slice(0, KEEP_DAILY)) keep.add(b.name)
  const weeks = new Set<string>()
  for (const b of daily) {
    const week = weekOf(/(\d{4}-\d{2}-\d{2})\.db$/.exec(b.name)?.[1] ?? '')
    if (weeks.has(week)) continue
    weeks.add(week)
    if (weeks.size > KEEP_WEEKLY) break
    keep.add(b.name)
  }
  for (const kind of ['before-migration', 'before-restore'] as const) {
    for (const b of backups.filter((x) => x.kind === kind).slice(0, KEEP_OTHER)) keep.add(b.name)
  }
  for (const b of backups) if (b.kind === 'manual') keep.add(b.name)
  return keep
}

/** Removes automatic backups past the limits, and copies left half-written by a crash. */
export function prune(file: string): void {
  const all = listBackups(file)
  const keep = backupsToKeep(all)
  for (const b of all) if (!keep.has(b.name)) rmSync(b.path, { force: true })
  const folder = backupFolder(file)
  for (const name of readdirSync(folder)) {
    if (!/\.partial-\d+$/.test(name)) continue
    const stat = statSync(join(folder, name), { throwIfNoEntry: false })
    if (stat && Date.now() - stat.mtimeMs > 3_600_000) rmSync(join(folder, name), { force: true })
  }
}

export type LibraryCheck =
  | { ok: true; version: number; articles: number }
  | { ok: false; code: ErrorCode; why: string }

const SQLITE_MAGIC = 'SQLite format 3\u0000'

function header(path: string): string {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(16)
    const n = readSync(fd, buf, 0, 16, 0)
    return buf.subarray(0, n).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

/**
 * Whether `path` is a whole Copydesk library this code can open: a SQLite file that passes
 * `quick_check`, with Copydesk's tables, at a schema version no newer than the code's.
 */
export function checkLibraryFile(path: string, options: { nativeBinding?: string } = {}): LibraryCheck {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return { ok: false, code: 'not_found', why: `there is no file at ${path}` }
  if (!stat.isFile()) return { ok: false, code: 'invalid_input', why: `${path} is a folder, not a library file` }
  if (header(path) !== SQLITE_MAGIC) {
    return { ok: false, code: 'unsupported_format', why: `${path} is not a Copydesk library (it is not a database file at all)` }
  }
  let db: DB | undefined
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check)
    if (problems[0] !== 'ok') return { ok: false, code: 'database_damaged', why: `${path} is damaged (${problems.slice(0, 2).join('; ')})` }
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name))
    const version = db.pragma('user_version', { simple: true }) as number
    if (!tables.has('articles') || !tables.has('preferences') || version < 1) {
      return { ok: false, code: 'unsupported_format', why: `${path} is a database, but not a Copydesk library` }
    }
    if (version > LATEST_VERSION) {
      return { ok: false, code: 'database_too_new', why: `${path} was written by a newer Copydesk (schema ${version}; this one knows up to ${LATEST_VERSION}); update Copydesk first` }
    }
    const articles = (db.prepare(`SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL`).get() as { n: number }).n
    return { ok: true, version, articles }
  } catch (err) {
    return { ok: false, code: 'database_damaged', why: `${path} is damaged (${(err as Error).message})` }
  } finally {
    db?.close()
  }
}

/** The newest backup of `file` that passes the checks, or null (each is checked, newest first). */
export function newestGoodBackup(file: string, options: { nativeBinding?: string } = {}): Backup | null {
  for (const b of listBackups(file)) if (checkLibraryFile(b.path, options).ok) return b
  return null
}

/** "Friday 5 December 2025 at 09:12", for telling an editor which day a backup holds. */
export function describeWhen(iso: string): string {
  const d = new Date(iso)
  return `${d.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })} at ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
