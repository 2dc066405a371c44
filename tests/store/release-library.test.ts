import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/main/core/store'
import type { Annotation, AnnotationChange, Preferences } from '../../src/shared/domain'

/**
 * A library written by Copydesk 0.1.0 (schema 3; scripts/make-release-fixture.ts, run on
 * that release) opened by this Copydesk: every article, annotation, note and history entry
 * is still there. Values are compared, not tables: a later migration may move a note into a
 * comment or a checker's name into the desk's roster, and the note or the name must then be
 * found where it went.
 */

const FIXTURE = join(__dirname, '..', 'fixtures', 'release-0.1.0')

interface ExpectedArticle {
  id: number
  headline: string
  byline: string
  outlet: string
  url: string
  publishedAt: string
  body: unknown
  text: string
  sourceName: string
  sourceFormat: string
  revision: number
  createdAt: string
  updatedAt: string
  deleted: boolean
  /** As 0.1.0 wrote them: fields this version keeps elsewhere (the note) are still there. */
  annotations: (Omit<Annotation, 'fields'> & { fields: Record<string, unknown> })[]
  history: AnnotationChange[]
  dismissals: string[]
}

const expected = JSON.parse(readFileSync(join(FIXTURE, 'copydesk-0.1.0.expected.json'), 'utf8')) as {
  preferences: Preferences
  articles: ExpectedArticle[]
}

/** Every text value stored in the library's own tables (not the search index's), for finding a value that moved. */
function everyStoredText(store: Store): string {
  const tables = store.db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%fts%'`)
    .all() as { name: string }[]
  const parts: string[] = []
  for (const { name } of tables) {
    for (const row of store.db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]) {
      for (const v of row) if (typeof v === 'string') parts.push(v)
    }
  }
  return parts.join('\u0000')
}

/** The strings a field's value holds (a list of evidence holds its links and notes). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : []
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}

describe('a library made by Copydesk 0.1.0, opened by this version', () => {
  let dir = ''
  let store: Store
  let stored = ''
  beforeAll(() => {
    // The committed file is never opened itself: opening brings it up to date.
    dir = mkdtempSync(join(tmpdir(), 'copydesk-release-'))
    const file = join(dir, 'library.db')
    copyFileSync(join(FIXTURE, 'copydesk-0.1.0.db'), file)
    store = openStore(file)
    stored = everyStoredText(store)
  })
  afterAll(() => {
    store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('the fixture is what 0.1.0 wrote: every kind of history entry, notes, links, an orphan, a deleted article', () => {
    const all = expected.articles.flatMap((a) => a.history.map((h) => h.action))
    expect(new Set(all)).toEqual(new Set(['created', 'updated', 'retagged', 'moved', 'deleted']))
    const annotations = expected.articles.flatMap((a) => a.annotations)
    expect(annotations.filter((a) => a.fields.note).length).toBeGreaterThanOrEqual(20)
    expect(annotations.some((a) => a.placement === 'orphaned')).toBe(true)
    expect(annotations.some((a) => a.kind === 'quote' && a.fields.speakerId)).toBe(true)
    expect(expected.articles.filter((a) => a.deleted)).toHaveLength(1)
    expect(expected.articles.some((a) => a.dismissals.length > 0)).toBe(true)
  })

  it('keeps the preferences', () => {
    expect(store.getPreferences()).toMatchObject(expected.preferences)
  })

  it('keeps every article, its text, body, metadata and revision; the deleted one can still be restored', () => {
    for (const a of expected.articles) {
      if (a.deleted) {
        expect(() => store.getArticle(a.id)).toThrow(/no article number/)
        store.restoreArticle(a.id)
      }
      const { deleted: _, annotations: _a, history: _h, dismissals: _d, ...article } = a
      expect(store.getArticle(a.id), a.headline).toMatchObject(article)
      expect(store.summary(a.id)).toMatchObject({ annotationCount: a.annotations.filter((n) => n.placement === 'anchored').length })
    }
  })

  it('keeps every annotation where it was, and every note, checker, link and piece of evidence', () => {
    for (const a of expected.articles) {
      const now = new Map(store.listAnnotations(a.id).map((n) => [n.id, n]))
      expect([...now.keys()].sort()).toEqual(a.annotations.map((n) => n.id).sort())
      for (const was of a.annotations) {
        const is = now.get(was.id)!
        const { fields: oldFields, ...rest } = was
        expect(is).toMatchObject(rest)
        for (const [key, value] of Object.entries(oldFields)) {
          const newFields = is.fields as unknown as Record<string, unknown>
          if (key in newFields) {
            expect(newFields[key], `${was.id}.${key}`).toEqual(value)
            continue
          }
          // A field a later version keeps elsewhere: its words must be found there.
          for (const s of stringsIn(value)) {
            expect(stored.includes(s) || stored.includes(JSON.stringify(s).slice(1, -1)), `${was.id}.${key}: "${s}"`).toBe(true)
          }
        }
      }
    }
  })

  it('keeps every history entry as it was recorded', () => {
    for (const a of expected.articles) {
      const now = store.annotationHistory(a.id)
      for (const h of a.history) expect(now, `${a.headline}: ${h.action} ${h.annotationId}`).toContainEqual(expect.objectContaining(h))
    }
  })

  it('keeps the dismissed suggestions', () => {
    for (const a of expected.articles) expect(store.listDismissals(a.id).sort()).toEqual([...a.dismissals].sort())
  })
})
