import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/main/core/store'
import { COUNT_ALL } from '../../src/main/core/store/library-page'
import { migrate, schemaVersion } from '../../src/main/core/store/migrations'
import { createDispatch } from '../../src/main/core/dispatch'
import { createServices } from '../../src/main/core/services'
import type { ArticleSummary, LibrarySort } from '../../src/shared/domain'
import { generateArticle } from '../../scripts/scale-data'
import { writeGenerated } from '../../scripts/scale-library'
import { useTempDir } from '../helpers/tmp'

/** A library of `n` generated articles (some sharing a last-edit moment, some headlines alike). */
function library(file: string, n: number): Store {
  const store = openStore(file)
  const items = Array.from({ length: n }, (_, i) => generateArticle(3, i, n, 2))
  // Ties on every order: the tiebreak (id) must keep pages apart.
  for (let i = 10; i < n; i += 17) {
    items[i].updatedAt = items[i - 1].updatedAt
    items[i].createdAt = items[i - 1].createdAt
    items[i].headline = items[i - 1].headline.toUpperCase()
  }
  writeGenerated(store.db, items)
  return store
}

/** The whole list in `sort` order, as one query with no paging gives it. */
function expected(store: Store, sort: LibrarySort): number[] {
  const order = { updated: 'updated_at DESC, id DESC', created: 'created_at DESC, id DESC', headline: 'headline COLLATE NOCASE, id' }[sort]
  return (store.db.prepare(`SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY ${order}`).all() as { id: number }[]).map((r) => r.id)
}

function walk(store: Store, sort: LibrarySort, limit: number): { ids: number[]; pages: number } {
  const ids: number[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const page = store.libraryPage({ sort, limit, cursor })
    pages++
    ids.push(...page.rows.map((r: ArticleSummary) => r.id))
    cursor = page.nextCursor ?? undefined
  } while (cursor && pages < 1000)
  return { ids, pages }
}

describe('the library a page at a time', () => {
  const dir = useTempDir()

  it('pages through every order with a cursor: each article once, in order, ties split by id', () => {
    const store = library(join(dir(), 'l.db'), 230)
    store.softDeleteArticle(5)
    for (const sort of ['updated', 'created', 'headline'] as const) {
      const all = expected(store, sort)
      expect(all).toHaveLength(229)
      const { ids, pages } = walk(store, sort, 40)
      expect(ids, sort).toEqual(all)
      expect(pages).toBe(6)
      // exactly a page's worth: no empty page after the last
      expect(walk(store, sort, 229).pages).toBe(1)
    }
    const first = store.libraryPage({ limit: 3 })
    expect(first.total).toBe(229)
    expect(first.rows[0]).toMatchObject({ annotationCount: 2 })
    store.close()
  })

  it('an offset jumps to the same rows the cursor walk reaches', () => {
    const store = library(join(dir(), 'l.db'), 120)
    const all = expected(store, 'headline')
    expect(store.libraryPage({ sort: 'headline', limit: 25, offset: 100 }).rows.map((r) => r.id)).toEqual(all.slice(100))
    expect(store.libraryPage({ sort: 'headline', limit: 25, offset: 100 }).nextCursor).toBeNull()
    const middle = store.libraryPage({ sort: 'headline', limit: 25, offset: 50 })
    expect(middle.rows.map((r) => r.id)).toEqual(all.slice(50, 75))
    expect(store.libraryPage({ sort: 'headline', limit: 25, cursor: middle.nextCursor! }).rows.map((r) => r.id)).toEqual(all.slice(75, 100))
    store.close()
  })

  it('an article added while paging neither repeats a row nor skips one', () => {
    const store = library(join(dir(), 'l.db'), 60)
    const before = expected(store, 'updated')
    const first = store.libraryPage({ limit: 20 })
    store.insertArticle({ headline: 'Late news', byline: '', outlet: '', url: '', publishedAt: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Late.' }] }] }, text: 'Late.', sourceName: 'x.txt', sourceFormat: 'txt' })
    const rest = walkFrom(store, first.nextCursor!)
    expect([...first.rows.map((r) => r.id), ...rest]).toEqual(before)
    store.close()
  })

  it('a search pages too, with its own total', () => {
    const store = library(join(dir(), 'l.db'), 80)
    const matching = (store.db.prepare(`SELECT count(*) AS n FROM articles WHERE text LIKE '%percent%' COLLATE NOCASE`).get() as { n: number }).n
    const page = store.libraryPage({ query: 'percent', limit: 10 })
    expect(page.total).toBe(store.listArticles('percent').length)
    expect(page.total).toBeGreaterThan(10)
    expect(page.total).toBeLessThanOrEqual(matching)
    expect(store.libraryPage({ query: '!!', limit: 10 })).toEqual({ rows: [], total: 0, nextCursor: null })
    store.close()
  })

  it('refuses a cursor it did not give, or one from another order, in plain words', async () => {
    const store = library(join(dir(), 'l.db'), 30)
    const dispatch = createDispatch(createServices(store))
    const page = (await dispatch('libraryPage', { limit: 10 })) as { ok: true; value: { nextCursor: string; rows: unknown[] } }
    expect(page.value.rows).toHaveLength(10)
    expect(await dispatch('libraryPage', { sort: 'headline', cursor: page.value.nextCursor })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/page marker/) } })
    expect(await dispatch('libraryPage', { cursor: 'not-a-cursor' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch('libraryPage', { cursor: page.value.nextCursor, offset: 3 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch('libraryPage', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    store.close()
  })

  it('counts the library off an index, not the whole table, even with statistics', () => {
    const store = library(join(dir(), 'l.db'), 50)
    store.db.exec('ANALYZE')
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${COUNT_ALL}`).all() as { detail: string }[]).map((p) => p.detail).join('; ')
    expect(plan).toMatch(/USING (COVERING )?INDEX articles_updated/)
    expect(store.libraryPage({ limit: 1 }).total).toBe(50)
    store.close()
  })

  it('each order reads its own index, never sorting the whole library for a page', () => {
    const store = library(join(dir(), 'l.db'), 20)
    const orders = { updated: ['a.updated_at', 'DESC'], created: ['a.created_at', 'DESC'], headline: ['a.headline COLLATE NOCASE', 'ASC'] }
    for (const [sort, [key, dir]] of Object.entries(orders)) {
      const plan = store.db
        .prepare(`EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE a.deleted_at IS NULL AND (${key}, a.id) ${dir === 'DESC' ? '<' : '>'} (?, ?) ORDER BY ${key} ${dir}, a.id ${dir} LIMIT 10`)
        .all('x', 1) as { detail: string }[]
      const text = plan.map((p) => p.detail).join('; ')
      expect(text, sort).toMatch(/USING INDEX articles_/)
      expect(text, sort).not.toMatch(/TEMP B-TREE/)
    }
    store.close()
  })
})

function walkFrom(store: Store, cursor: string): number[] {
  const ids: number[] = []
  let next: string | null = cursor
  while (next) {
    const page = store.libraryPage({ limit: 20, cursor: next })
    ids.push(...page.rows.map((r) => r.id))
    next = page.nextCursor
  }
  return ids
}

describe('migration 8 (library order indexes)', () => {
  const dir = useTempDir()

  it('adds the indexes to a library of schema 3 and keeps its articles', () => {
    const file = join(dir(), 'm8.db')
    const db = new Database(file)
    migrate(db, 3)
    db.prepare(`INSERT INTO articles (headline, body, text, source_name, source_format, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      'Old story',
      '{"type":"doc","content":[{"type":"paragraph"}]}',
      'Old text',
      'old.txt',
      'txt',
      '2026-01-01T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z'
    )
    db.close()
    const store = openStore(file)
    expect(schemaVersion(store.db)).toBe(8)
    const indexes = (store.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'articles'`).all() as { name: string }[]).map((r) => r.name)
    expect(indexes).toEqual(expect.arrayContaining(['articles_updated', 'articles_created', 'articles_headline']))
    expect(store.libraryPage({ sort: 'created', limit: 5 }).rows).toMatchObject([{ headline: 'Old story', createdAt: '2026-01-01T00:00:00.000Z' }])
    store.close()
  })
})
