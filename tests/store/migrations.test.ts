import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LATEST_VERSION, migrate, migrations, schemaVersion } from '../../src/main/core/store/migrations'
import { openStore } from '../../src/main/core/store'
import { useTempDir } from '../helpers/tmp'

describe('schema migrations', () => {
  const dir = useTempDir()

  it('are numbered in rising order, each once', () => {
    // Issue 19's parts each hold a number (4 to 8) and land in any order, so a gap is allowed
    // until they all have; going backwards or twice is not.
    const versions = migrations.map((m) => m.version)
    expect(versions[0]).toBe(1)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
  })

  it('a new data file is created at the latest version with strict tables', () => {
    const store = openStore(join(dir(), 'new.db'))
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION)
    const tables = store.db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'`).all() as { name: string; strict: number }[]
    expect(tables.length).toBeGreaterThanOrEqual(4)
    for (const t of tables) expect(t, t.name).toMatchObject({ strict: 1 })
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2)
    store.close()
  })

  it('migration 1 → 2 keeps existing articles and adds annotations', () => {
    const file = join(dir(), 'm2.db')
    const db = new Database(file)
    migrate(db, 1)
    expect(schemaVersion(db)).toBe(1)
    db.prepare(
      `INSERT INTO articles (headline, body, text, source_name, source_format, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
    ).run('Old story', '{"type":"doc","content":[{"type":"paragraph"}]}', 'Old text', 'old.txt', 'txt', 't', 't')
    migrate(db, 2)
    expect(schemaVersion(db)).toBe(2)
    expect(db.prepare('SELECT headline FROM articles').all()).toEqual([{ headline: 'Old story' }])
    db.prepare(
      `INSERT INTO annotations (id, article_id, kind, start, end, exact, prefix, suffix, fields, origin, placement, created_by, created_at, updated_by, updated_at)
       VALUES ('a1', 1, 'claim', 0, 3, 'Old', '', '', '{}', 'manual', 'anchored', '', 't', '', 't')`
    ).run()
    // Annotations go with their article.
    db.pragma('foreign_keys = ON')
    db.prepare('DELETE FROM articles WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) AS n FROM annotations').get()).toEqual({ n: 0 })
    db.close()
  })

  it('a migration that fails leaves the file at the version before it', () => {
    const file = join(dir(), 'fail.db')
    const db = new Database(file)
    migrate(db, 1)
    db.exec('CREATE TABLE annotations (x INTEGER)') // makes migration 2 fail half-way
    expect(() => migrate(db, 2)).toThrow()
    expect(schemaVersion(db)).toBe(1)
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'annotation_history'`).get()).toEqual({ n: 0 })
    db.close()
  })

  it('refuses to open a data file written by a newer Copydesk', () => {
    const file = join(dir(), 'future.db')
    const db = new Database(file)
    db.pragma(`user_version = ${LATEST_VERSION + 1}`)
    db.close()
    expect(() => openStore(file)).toThrow(/newer version of Copydesk/)
    const after = new Database(file)
    expect(schemaVersion(after)).toBe(LATEST_VERSION + 1)
    expect(after.prepare(`SELECT count(*) AS n FROM sqlite_master`).get()).toEqual({ n: 0 })
    after.close()
  })
})

describe('migration 3: dismissed suggestions', () => {
  const dir = useTempDir()

  it('keeps articles and annotations from version 2 and remembers dismissals per article', () => {
    const db = new Database(join(dir(), 'm3.db'))
    migrate(db, 2)
    db.prepare(
      `INSERT INTO articles (headline, body, text, source_name, source_format, created_at, updated_at) VALUES ('Kept', '{}', 'Kept text', 'k.txt', 'txt', 't', 't')`
    ).run()
    migrate(db, 3)
    expect(schemaVersion(db)).toBe(3)
    expect(db.prepare('SELECT headline FROM articles').all()).toEqual([{ headline: 'Kept' }])
    db.prepare(`INSERT INTO suggestion_dismissals (article_id, key, at) VALUES (1, 'quote|Kept', 't')`).run()
    expect(() => db.prepare(`INSERT INTO suggestion_dismissals (article_id, key, at) VALUES (1, 'quote|Kept', 't')`).run()).toThrow(/UNIQUE/)
    db.close()
  })
})
