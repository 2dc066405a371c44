/**
 * Imports a brat corpus in PolNeAR's layout (text/*.txt, attributions/*.ann) as new
 * annotated articles in a fresh database, and reports how many spans were placed exactly.
 *
 *   npx tsx scripts/import-polnear.ts [folder]   (default ../shared/corpora/polnear/dev)
 *
 * Reads the corpus by path; nothing from it is written into the project.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { insertAnnotated } from '../src/main/core/exchange'
import { readAnnotatedArticle } from '../src/main/core/import/annotations'
import { openStore } from '../src/main/core/store'

const folder = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'corpora', 'polnear', 'dev'))
if (!existsSync(join(folder, 'attributions')) || !existsSync(join(folder, 'text'))) {
  console.log(`No brat corpus at ${folder} (it needs text/ and attributions/): nothing to import.`)
  process.exit(0)
}
const dir = mkdtempSync(join(tmpdir(), 'copydesk-polnear-'))
const store = openStore(join(dir, 'polnear.db'))
const totals = { files: 0, articles: 0, exact: 0, fuzzy: 0, orphaned: 0, skipped: 0, failed: 0 }
const t0 = performance.now()
for (const ann of readdirSync(join(folder, 'attributions')).filter((f) => f.endsWith('.ann')).sort()) {
  totals.files++
  const stem = basename(ann, '.ann').replace(/_[0-9a-z]{4}$/i, '')
  try {
    const text = readFileSync(join(folder, 'text', `${stem}.txt`), 'utf8')
    const { article, placed, threads, report } = readAnnotatedArticle(`${stem}.txt`, text, readFileSync(join(folder, 'attributions', ann), 'utf8'))
    insertAnnotated(store, article, placed, threads)
    totals.articles++
    totals.exact += report.exact
    totals.fuzzy += report.fuzzy
    totals.orphaned += report.orphaned
    totals.skipped += report.skipped.length
  } catch (err) {
    totals.failed++
    console.log(`${ann}: ${(err as Error).message}`)
  }
}
const ms = performance.now() - t0
store.close()
rmSync(dir, { recursive: true, force: true })
console.log(`${folder}`)
console.log(`${totals.files} .ann files → ${totals.articles} articles (${totals.failed} failed) in ${(ms / 1000).toFixed(1)} s`)
console.log(`annotations placed exactly: ${totals.exact}; approximately: ${totals.fuzzy}; not found: ${totals.orphaned}; lines skipped (Discuss and the like): ${totals.skipped}`)
process.exitCode = totals.fuzzy + totals.orphaned + totals.failed === 0 ? 0 : 1
