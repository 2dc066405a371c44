/**
 * Search figures: builds a library from a brat corpus in PolNeAR's layout (read by path, its
 * articles imported again and again with their attributions and quotes until there are N),
 * then prints how long the first page of results takes for a few queries, and what a one-word
 * edit costs the index. Nothing from the corpus is written into the project.
 *
 *   npx tsx scripts/search-figures.ts [articles=10000] [folder]
 *
 * With SEARCH_FIGURES_DB=<file>, the library is kept there and measured again on the next run
 * instead of being built anew.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { insertAnnotated } from '../src/main/core/exchange'
import { readAnnotatedArticle } from '../src/main/core/import/annotations'
import { indexArticleText } from '../src/main/core/search/passages'
import { openStore } from '../src/main/core/store'

const wanted = Number(process.argv[2] ?? 10_000)
const folder = resolve(process.argv[3] ?? join(__dirname, '..', '..', 'shared', 'corpora', 'polnear', 'train'))
if (!existsSync(join(folder, 'attributions'))) {
  console.log(`No brat corpus at ${folder}: nothing to measure.`)
  process.exit(0)
}

const kept = process.env.SEARCH_FIGURES_DB
const dir = mkdtempSync(join(tmpdir(), 'copydesk-search-figures-'))
const reuse = kept !== undefined && existsSync(kept)
const store = openStore(kept ?? join(dir, 'library.db'))
const sources = reuse ? [] : readdirSync(join(folder, 'attributions'))
  .filter((f) => f.endsWith('.ann'))
  .sort()
  .map((ann) => {
    const stem = basename(ann, '.ann').replace(/_[0-9a-z]{4}$/i, '')
    try {
      return readAnnotatedArticle(`${stem}.txt`, readFileSync(join(folder, 'text', `${stem}.txt`), 'utf8'), readFileSync(join(folder, 'attributions', ann), 'utf8'))
    } catch {
      return null // a file the brat reader refuses (import-polnear.ts counts them)
    }
  })
  .filter((s) => s !== null)

const t0 = performance.now()
let articles = reuse ? (store.db.prepare(`SELECT count(*) FROM articles`).pluck().get() as number) : 0
let annotations = reuse ? (store.db.prepare(`SELECT count(*) FROM annotations`).pluck().get() as number) : 0
for (let round = 0; !reuse && articles < wanted; round++) {
  for (const s of sources) {
    if (articles >= wanted) break
    const { article, placed } = s
    // Each copy gets its own annotation ids, as another article's would be.
    // (PolNeAR has some texts twice, by two annotators, with equal ids) and one annotation per id.
    const seen = new Set<string>()
    const own = placed
      .filter((a) => !seen.has(a.id) && seen.add(a.id))
      .map((a) => {
        const f = { ...a.fields } as { speakerId?: string | null; sourceId?: string | null }
        if (f.speakerId) f.speakerId = `${f.speakerId}-${articles}`
        if (f.sourceId) f.sourceId = `${f.sourceId}-${articles}`
        return { ...a, id: `${a.id}-${articles}`, fields: f } as typeof a
      })
    insertAnnotated(store, { ...article, headline: `${article.headline} (${round + 1})` }, own)
    articles++
    annotations += own.length
  }
}
const build = performance.now() - t0
const words = store.db.prepare(`SELECT sum(length(text)) FROM articles`).pluck().get() as number

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

console.log(`Library: ${articles} articles, ${annotations} annotations, ${(words / 1e6).toFixed(1)} M characters of text; ${reuse ? 'as kept' : `built and indexed in ${(build / 1000).toFixed(1)} s`}`)
console.log(`File: ${((store.db.prepare(`SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()`).pluck().get() as number) / 1e6).toFixed(0)} MB`)
console.log('')
console.log('Query | results on the first page | first page, median of 7 (ms) | slowest (ms)')
for (const query of ['president', 'said', 'Trump', '"health care"', 'kind:quote speaker:Clinton', 'kind:attribution', 'tax kind:article', 'zzyzx']) {
  const times: number[] = []
  let n = 0
  for (let i = 0; i < 7; i++) {
    const t = performance.now()
    n = store.search({ query, limit: 20 }).hits.length
    times.push(performance.now() - t)
  }
  console.log(`${query} | ${n} | ${median(times).toFixed(1)} | ${Math.max(...times).toFixed(1)}`)
}

// A one-word edit in the longest article: what re-indexing its text costs.
const longest = store.db.prepare(`SELECT id, text FROM articles ORDER BY length(text) DESC LIMIT 1`).get() as { id: number; text: string }
const edited = longest.text.replace(/\bthe\b/, 'a')
const runs: number[] = []
for (let i = 0; i < 7; i++) {
  const text = i % 2 ? longest.text : edited
  const t = performance.now()
  const change = store.db.transaction(() => indexArticleText(store.db, longest.id, text))()
  runs.push(performance.now() - t)
  if (i === 0) console.log(`\nOne-word edit in a ${longest.text.length.toLocaleString('en')}-character article: ${change.added} passage added, ${change.removed} removed, ${change.kept} kept`)
}
console.log(`Re-indexing it: median ${median(runs).toFixed(2)} ms`)

store.close()
rmSync(dir, { recursive: true, force: true })
