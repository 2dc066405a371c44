import Database from 'better-sqlite3'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDispatch } from '../../src/main/core/dispatch'
import { backupPending, backupSettled, openLibrary } from '../../src/main/core/library'
import { createServices } from '../../src/main/core/services'
import { openStore } from '../../src/main/core/store'
import { checkLibraryFile, describeWhen, listBackups } from '../../src/main/core/store/backups'
import { LATEST_VERSION, migrate } from '../../src/main/core/store/migrations'
import type { BackupValue, DatabaseHealth, RestoreResult } from '../../src/shared/contract'
import { newArticle } from '../helpers/articles'
import { corruptArticlesPage, corruptHeader } from '../helpers/damage'
import { useTempDir } from '../helpers/tmp'

const day = (n: number): Date => new Date(2025, 0, n, 12) // local noon, 2025-01-n (n may pass 31)

describe('backups of the library', () => {
  const dir = useTempDir()

  it('one is made on the first open of each day, beside the library in backups/, and only one', async () => {
    const file = join(dir(), 'copydesk.db')
    ;(await openLibrary(file, { now: day(1) })).close() // a new library: nothing to back up yet
    expect(listBackups(file)).toEqual([])
    const store = await openLibrary(file, { now: day(2) })
    store.insertArticle(newArticle())
    store.close()
    ;(await openLibrary(file, { now: day(2) })).close()
    const backups = listBackups(file)
    expect(backups.map((b) => b.name)).toEqual(['copydesk-daily-2025-01-02.db'])
    expect(backups[0].path).toBe(join(dir(), 'backups', 'copydesk-daily-2025-01-02.db'))
    expect(checkLibraryFile(backups[0].path)).toEqual({ ok: true, version: LATEST_VERSION, articles: 0 })
    ;(await openLibrary(file, { now: day(3) })).close()
    expect(checkLibraryFile(listBackups(file).find((b) => b.name.endsWith('01-03.db'))!.path)).toMatchObject({ ok: true, articles: 1 })
  })

  it('the doors make the day\'s backup while the library answers, not before it opens', async () => {
    const file = join(dir(), 'big.db')
    const seed = openStore(file)
    // About 24 MB: SQLite's online backup copies it over many turns of the event loop.
    const words = Array.from({ length: 4_000 }, (_, i) => `Budget line ${i} rose by ${i % 97} per cent in the year to March.`).join(' ')
    for (let i = 0; i < 60; i++) seed.insertArticle(newArticle([words], `Report ${i}`))
    seed.close()
    const store = await openLibrary(file, { now: day(4), backUpInBackground: true })
    // Open and answering; the copy is still being made.
    expect(store.listArticles()).toHaveLength(60)
    expect(backupPending(store)).toBe(true)
    expect(listBackups(file)).toEqual([])
    // A write meanwhile goes into the library (and the copy carries it, being the same connection's).
    store.insertArticle(newArticle(['Written while the backup was being made.'], 'During the backup'))
    await backupSettled(store)
    expect(backupPending(store)).toBe(false)
    store.close()
    const [made] = listBackups(file)
    expect(made.name).toBe('big-daily-2025-01-04.db')
    expect(checkLibraryFile(made.path)).toMatchObject({ ok: true, articles: 61 })
  })

  it('keeps the last 7 daily backups and the newest of each of the last 4 weeks', async () => {
    const file = join(dir(), 'desk.db')
    ;(await openLibrary(file, { now: day(0) })).close()
    for (let n = 1; n <= 40; n++) (await openLibrary(file, { now: day(n) })).close()
    const names = listBackups(file)
      .map((b) => b.name.replace('desk-daily-', '').replace('.db', ''))
      .sort()
    // Days 1–40 are 2025-01-01 to 2025-02-09 (a Sunday); weeks start on Mondays.
    expect(names).toEqual(['2025-01-19', '2025-01-26', '2025-02-02', '2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07', '2025-02-08', '2025-02-09'])
  })

  it('a library from an older Copydesk is backed up, as it was, before it is migrated', async () => {
    const file = join(dir(), 'old.db')
    const db = new Database(file)
    migrate(db, 2)
    db.prepare(`INSERT INTO articles (headline, body, text, source_name, source_format, created_at, updated_at) VALUES ('Old story', '{"type":"doc","content":[{"type":"paragraph"}]}', 'Old text', 'old.txt', 'txt', 't', 't')`).run()
    db.close()
    const store = await openLibrary(file, { now: day(5) })
    expect(store.schemaVersion()).toBe(LATEST_VERSION)
    store.close()
    const before = listBackups(file).find((b) => b.kind === 'before-migration')!
    expect(before.name).toMatch(new RegExp(`^old-before-v${LATEST_VERSION}-2025-01-05-\\d{6}\\.db$`))
    expect(checkLibraryFile(before.path)).toEqual({ ok: true, version: 2, articles: 1 })
  })
})

describe('a damaged library', () => {
  const dir = useTempDir()

  /** A library with one article backed up on day 2, and one written after that backup. */
  async function libraryWithBackup(): Promise<string> {
    const file = join(dir(), 'copydesk.db')
    const first = await openLibrary(file, { now: day(1) })
    first.insertArticle(newArticle(['Backed up.'], 'In the backup'))
    first.close()
    const second = await openLibrary(file, { now: day(2) })
    second.insertArticle(newArticle(['Written after the backup.'], 'Written later'))
    second.close()
    return file
  }

  it('is found as it opens, is offered its newest good backup with its date, and is restored without claiming later work', async () => {
    const file = await libraryWithBackup()
    corruptArticlesPage(file)
    const [backup] = listBackups(file)
    const when = describeWhen(backup.takenAt)

    // Opened as a command opens it: refused, in words that name the backup and its date.
    const refused = await openLibrary(file).then(() => null, (err: { code: string; message: string }) => err)
    expect(refused?.code).toBe('database_damaged')
    expect(refused?.message).toContain(`The library at ${file} is damaged`)
    expect(refused?.message).toContain(`The newest good backup is from ${when}`)
    expect(refused?.message).toContain('changes made after that are not in it')
    expect(refused?.message).not.toMatch(/Something went wrong/)

    // Opened as the app opens it: it starts, says what is wrong, and offers the backup.
    const store = await openLibrary(file, { allowDamaged: true })
    const dispatch = createDispatch(createServices(store))
    const health = (await dispatch('databaseHealth', {})) as { ok: true; value: DatabaseHealth }
    expect(health.value).toMatchObject({ status: 'damaged', newestGoodBackup: { name: backup.name, kind: 'daily', takenAt: backup.takenAt } })
    expect(await dispatch('listArticles', {})).toMatchObject({ ok: false, error: { code: 'database_damaged' } })
    const backups = (await dispatch('listBackups', {})) as { ok: true; value: BackupValue[] }
    expect(backups.value.map((b) => b.name)).toEqual([backup.name])

    const restored = (await dispatch('restoreBackup', { name: backup.name })) as { ok: true; value: RestoreResult }
    expect(restored.ok).toBe(true)
    expect(restored.value.message).toContain(`Restored the library from the backup of ${when}`)
    expect(restored.value.message).toContain(`Changes made after ${when} are not in it`)
    // The damaged library is not thrown away: it is kept beside the backups.
    expect(restored.value.keptCopy).toMatch(/^copydesk-before-restore-.*\.db$/)
    expect(readdirSync(join(dir(), 'backups'))).toContain(restored.value.keptCopy)

    expect(await dispatch('databaseHealth', {})).toMatchObject({ ok: true, value: { status: 'ok' } })
    const list = (await dispatch('listArticles', {})) as { ok: true; value: { headline: string }[] }
    expect(list.value.map((a) => a.headline)).toEqual(['In the backup'])
    store.close()
  })

  it('a file that is not a database at all says so, and offers the backup too', async () => {
    const file = await libraryWithBackup()
    corruptHeader(file)
    const err = await openLibrary(file).then(() => null, (e: { code: string; message: string }) => e)
    expect(err).toMatchObject({ code: 'database_damaged' })
    expect(err?.message).toMatch(/is damaged \(file is not a database\)/)
    expect(err?.message).toContain('The newest good backup is from')
  })

  it('a restore refuses a backup that is damaged, not a library, or from a newer Copydesk, and changes nothing', async () => {
    const file = await libraryWithBackup()
    const store = await openLibrary(file, { allowDamaged: true })
    const dispatch = createDispatch(createServices(store))
    const [backup] = listBackups(file)
    corruptArticlesPage(backup.path)
    const refused = await dispatch('restoreBackup', { name: backup.name })
    expect(refused).toMatchObject({ ok: false, error: { code: 'database_damaged' } })
    expect((refused as { error: { message: string } }).error.message).toMatch(/^Copydesk cannot restore from this backup: .* is damaged/)
    expect(await dispatch('restoreBackup', { name: '../copydesk.db' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch('restoreBackup', { name: 'copydesk-daily-1999-01-01.db' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const list = (await dispatch('listArticles', {})) as { ok: true; value: unknown[] }
    expect(list.value).toHaveLength(2)
    store.close()
  })
})

describe('a library another program keeps busy', () => {
  const dir = useTempDir()

  it('a write waits for it within bounds, then says so in words and changes nothing', async () => {
    const file = join(dir(), 'busy.db')
    const store = openStore(file, { busyLimitMs: 300 })
    const dispatch = createDispatch(createServices(store))
    const other = new Database(file)
    other.exec('BEGIN IMMEDIATE')
    try {
      const started = Date.now()
      const busy = (await dispatch('setPreferences', { userName: 'Ana' })) as { ok: false; error: { code: string; message: string } }
      expect(Date.now() - started).toBeGreaterThanOrEqual(300)
      expect(busy.error.code).toBe('busy')
      expect(busy.error.message).toMatch(/^Another program kept the library busy .* Nothing was changed; try again in a moment\.$/)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    expect(await dispatch('setPreferences', { userName: 'Ana' })).toMatchObject({ ok: true, value: { userName: 'Ana' } })
    store.close()
  })
})

describe('a full disk', () => {
  const dir = useTempDir()

  it('a save that does not fit says the disk is full, in words, and what was saved before is intact', async () => {
    const store = openStore(join(dir(), 'full.db'))
    const dispatch = createDispatch(createServices(store))
    expect(await dispatch('importText', { text: 'Kept\n\nSaved before the disk filled.' })).toMatchObject({ ok: true })
    // SQLite's own limit on the file's size stands for the disk: the same SQLITE_FULL.
    const pages = store.db.pragma('page_count', { simple: true }) as number
    store.db.pragma(`max_page_count = ${pages + 2}`)
    const full = (await dispatch('importText', { text: `Too big\n\n${'A long paragraph of copy. '.repeat(40_000)}` })) as { ok: false; error: { code: string; message: string } }
    expect(full.error.code).toBe('disk_full')
    expect(full.error.message).toMatch(/is full, so this change could not be saved; nothing was changed/)
    expect(full.error.message).not.toMatch(/Something went wrong/)
    const list = (await dispatch('listArticles', {})) as { ok: true; value: { headline: string }[] }
    expect(list.value.map((a) => a.headline)).toEqual(['Kept'])
    expect(existsSync(join(dir(), 'full.db'))).toBe(true)
    store.close()
  })
})
