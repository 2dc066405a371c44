import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { openStore } from '../src/main/core/store'
import { indexArticleText } from '../src/main/core/search/passages'
import { annotationRows, historyRows } from '../src/main/core/store/rows'
import { annotationCounts, corpusTexts, generateArticle, SCALE_GENERATOR_VERSION, SCALE_ROSTER, type GeneratedArticle } from './scale-data'

/**
 * Builds (once, then from the cache) a library of generated articles and annotations for the
 * scale bench. Rows go in through a bulk path equivalent to Store.insertArticle (the same
 * SQL and the same row builders; tests/store/scale-library.test.ts holds them to identical
 * rows) in large transactions without a sync each: the store's one-at-a-time path syncs every
 * article, hours for 100,000.
 */

export interface ScaleOptions {
  articles: number
  annotations: number
  seed?: number
  /** The PolNeAR folder to take half the texts from (by path, at run time), when it is there. */
  corpusDir?: string | null
  /** Where cached libraries are kept (default: node_modules/.cache/copydesk-scale). */
  cacheDir?: string
  /** Told of progress now and then. */
  progress?: (done: number, total: number) => void
}

export interface ScaleLibrary {
  file: string
  /** True when it came from the cache. */
  cached: boolean
  /** How long building it took (0 from the cache). */
  buildMs: number
  fromCorpus: boolean
}

const ROOT = join(__dirname, '..')
export const DEFAULT_CORPUS = join(ROOT, '..', 'shared', 'corpora', 'polnear')

/** The generated desk's roster, which its claims name as checkers, reviewers and signers. */
export function writeRoster(db: Database): void {
  const add = db.prepare(`INSERT OR IGNORE INTO people (id, name, initials, role, created_at) VALUES (?, ?, ?, ?, ?)`)
  for (const p of SCALE_ROSTER) add.run(p.id, p.name, p.name.split(' ').map((w) => w[0]).join(''), p.role, '2023-01-01T00:00:00.000Z')
}

/** Writes generated articles with their annotations and "created" history, as insertArticle does. */
export function writeGenerated(db: Database, items: GeneratedArticle[]): number[] {
  writeRoster(db)
  const article = db.prepare(
    `INSERT INTO articles (headline, byline, outlet, url, published_at, body, text, source_name, source_format, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const history = db.prepare(`INSERT INTO annotation_history (annotation_id, article_id, at, who, action, changes) VALUES (?, ?, ?, ?, ?, ?)`)
  const annotation = db.prepare(
    `INSERT INTO annotations (id, article_id, kind, start, end, exact, prefix, suffix, fields, origin, placement, created_by, created_at, updated_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const ids: number[] = []
  db.transaction(() => {
    for (const a of items) {
      const info = article.run(a.headline, a.byline, a.outlet, a.url, a.publishedAt, JSON.stringify(a.body), a.text, a.sourceName, 'txt', a.createdAt, a.updatedAt)
      const id = Number(info.lastInsertRowid)
      ids.push(id)
      // The article's details and annotations are indexed by triggers; its text, as insertArticle does it.
      indexArticleText(db, id, a.text)
      if (!a.annotations.length) continue
      for (const [annotationId, action, json] of historyRows([], a.annotations)) history.run(annotationId, id, a.createdAt, a.who, action, json)
      for (const [annotationId, ...rest] of annotationRows(a.annotations)) annotation.run(annotationId, id, ...rest)
    }
  })()
  return ids
}

/** The cached library's file name: what makes it differ is in the name. */
function cacheName(o: Required<Pick<ScaleOptions, 'articles' | 'annotations' | 'seed'>>, fromCorpus: boolean): string {
  return `scale-v${SCALE_GENERATOR_VERSION}-${o.articles}a-${o.annotations}n-s${o.seed}-${fromCorpus ? 'polnear' : 'composed'}.db`
}

/**
 * The library for `options`: from the cache when one was built by this generator version,
 * else built now (into a temporary file, renamed into place when whole). Opening it with
 * the store migrates it to the current schema, once.
 */
export function scaleLibrary(options: ScaleOptions): ScaleLibrary {
  const seed = options.seed ?? 19
  const corpusDir = options.corpusDir === undefined ? DEFAULT_CORPUS : options.corpusDir
  const corpus = corpusDir && existsSync(corpusDir) ? corpusTexts(corpusDir) : []
  const dir = options.cacheDir ?? join(ROOT, 'node_modules', '.cache', 'copydesk-scale')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, cacheName({ articles: options.articles, annotations: options.annotations, seed }, corpus.length > 0))
  if (existsSync(file)) return { file, cached: true, buildMs: 0, fromCorpus: corpus.length > 0 }
  const t0 = performance.now()
  const temp = `${file}.building`
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true })
  const store = openStore(temp)
  try {
    const db = store.db
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -200000')
    const counts = annotationCounts(seed, options.articles, options.annotations)
    const BATCH = 1000
    for (let i = 0; i < options.articles; i += BATCH) {
      const batch: GeneratedArticle[] = []
      for (let j = i; j < Math.min(options.articles, i + BATCH); j++) batch.push(generateArticle(seed, j, options.articles, counts[j], corpus))
      writeGenerated(db, batch)
      options.progress?.(Math.min(options.articles, i + BATCH), options.articles)
    }
    db.pragma('optimize')
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    store.close()
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true })
  renameSync(temp, file)
  return { file, cached: false, buildMs: performance.now() - t0, fromCorpus: corpus.length > 0 }
}
