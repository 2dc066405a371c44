import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/core/store'
import { bodyText } from '../../src/main/core/import/body'
import { annotationSchema } from '../../src/shared/contract'
import type { DocJSON } from '../../src/shared/schema'
import { annotationCounts, generateArticle } from '../../scripts/scale-data'
import { scaleLibrary, writeGenerated, writeRoster } from '../../scripts/scale-library'
import { useTempDir } from '../helpers/tmp'

/** Every row of a table but the columns a write stamps with the time it ran. */
function rows(file: string, table: string, stamped: string[]): unknown[] {
  const store = openStore(file)
  const all = store.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all() as Record<string, unknown>[]
  store.close()
  return all.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !stamped.includes(k))))
}

describe('the scale generator', () => {
  const dir = useTempDir()

  it('makes the same articles for the same seed, different ones for another', () => {
    expect(generateArticle(7, 3, 100, 12)).toEqual(generateArticle(7, 3, 100, 12))
    expect(generateArticle(8, 3, 100, 12).text).not.toBe(generateArticle(7, 3, 100, 12).text)
  })

  it('gives exactly the annotations asked for, each valid for the contract and on its words', () => {
    const counts = annotationCounts(5, 200, 2_000)
    const kinds = new Set<string>()
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2_000)
    expect(Math.max(...counts)).toBeGreaterThan(Math.min(...counts))
    for (let i = 0; i < 200; i += 13) {
      const a = generateArticle(5, i, 200, counts[i])
      expect(a.annotations).toHaveLength(counts[i])
      expect(bodyText(a.body as DocJSON)).toBe(a.text)
      for (const n of a.annotations) {
        expect(annotationSchema.safeParse(n).success, JSON.stringify(n)).toBe(true)
        expect(a.text.slice(n.anchor.start, n.anchor.end)).toBe(n.anchor.exact)
      }
      for (const n of a.annotations) kinds.add(n.kind)
      expect(a.updatedAt >= a.createdAt).toBe(true)
    }
    expect([...kinds].sort()).toEqual(['attribution', 'claim', 'quote'])
  })

  it('writes rows identical to the store’s own insertArticle, but for the time stamps the store takes itself', () => {
    const items = [0, 1, 2, 3].map((i) => generateArticle(11, i, 4, 6 + i))
    const viaStore = join(dir(), 'store.db')
    const store = openStore(viaStore)
    writeRoster(store.db)
    for (const a of items) {
      store.insertArticle(
        { headline: a.headline, byline: a.byline, outlet: a.outlet, url: a.url, publishedAt: a.publishedAt, body: a.body as DocJSON, text: a.text, sourceName: a.sourceName, sourceFormat: 'txt' },
        a.annotations,
        a.who
      )
    }
    store.close()
    const viaBulk = join(dir(), 'bulk.db')
    const bulk = openStore(viaBulk)
    writeGenerated(bulk.db, items)
    bulk.close()
    expect(rows(viaBulk, 'articles', ['created_at', 'updated_at'])).toEqual(rows(viaStore, 'articles', ['created_at', 'updated_at']))
    expect(rows(viaBulk, 'annotations', [])).toEqual(rows(viaStore, 'annotations', []))
    expect(rows(viaBulk, 'annotation_history', ['at'])).toEqual(rows(viaStore, 'annotation_history', ['at']))
    // and the full-text index answers the same
    const search = (file: string): unknown => {
      const s = openStore(file)
      const found = s.listArticles('council').map((r) => r.id).sort()
      s.close()
      return found
    }
    expect(search(viaBulk)).toEqual(search(viaStore))
  })

  it('builds a library once and then takes it from the cache', () => {
    const cacheDir = join(dir(), 'cache')
    const first = scaleLibrary({ articles: 120, annotations: 900, cacheDir, corpusDir: null })
    expect(first.cached).toBe(false)
    const store = openStore(first.file)
    expect(store.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 120 })
    expect(store.db.prepare('SELECT count(*) AS n FROM annotations').get()).toEqual({ n: 900 })
    store.close()
    const again = scaleLibrary({ articles: 120, annotations: 900, cacheDir, corpusDir: null })
    expect(again).toMatchObject({ file: first.file, cached: true })
  })
})
