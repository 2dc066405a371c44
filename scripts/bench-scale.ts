/**
 * The bench's scale section: a library of 100,000 generated articles and 1,000,000
 * annotations (built once by scripts/scale-library.ts, then cached), and what it costs:
 * building and opening the database, the library's first screen in Chromium through the
 * loopback door (median and p95 over several fresh pages), scrolling to its end, and a
 * library page from the store (first, read on by cursor, jumped to by offset).
 *
 * scripts/bench.ts calls benchScale(browser); alone: `npx tsx scripts/bench-scale.ts`
 * (SCALE_ARTICLES and SCALE_ANNOTATIONS make it smaller). Needs `npm run build` first.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createDispatch } from '../src/main/core/dispatch'
import { startHttpDoor } from '../src/main/core/http'
import { createServices } from '../src/main/core/services'
import { openStore } from '../src/main/core/store'
import type { LibraryPage } from '../src/shared/domain'
import { pct } from './bench-stats'
import { scaleLibrary } from './scale-library'

const ROOT = join(__dirname, '..')
const RENDERER = process.env.BENCH_RENDERER ?? join(ROOT, 'out', 'renderer')
const ARTICLES = Number(process.env.SCALE_ARTICLES ?? 100_000)
const ANNOTATIONS = Number(process.env.SCALE_ANNOTATIONS ?? ARTICLES * 10)
/** Fresh pages the first screen is timed on. */
const OPENS = 9
/** The budget for the library's first screen. */
const FIRST_SCREEN_MS = 200

function line(name: string, values: number[], budget?: number): string {
  const median = pct(values, 50)
  const p95 = pct(values, 95)
  const verdict = budget === undefined ? '' : p95 <= budget ? `  within ${budget} ms` : `  OVER ${budget} ms`
  return `  ${name.padEnd(34)} median ${median.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   (n=${values.length})${verdict}`
}

/**
 * Records, in the page, when the library's first loaded row went into the page and the
 * frame after it (what the user first sees), from the navigation's start.
 */
const FIRST_ROW_PROBE = `
  window.__firstRow = null
  window.__shell = null
  new MutationObserver((_, observer) => {
    if (window.__shell === null && document.querySelector('.library-topbar')) window.__shell = performance.now()
    if (window.__firstRow !== null || !document.querySelector('tr.article-row:not(.loading)')) return
    window.__firstRow = -1
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => { window.__firstRow = performance.now() }, 0))
  }).observe(document, { childList: true, subtree: true })
`

/** From navigation: when the app's own screen (the library's bar) showed, and when its first rows did. */
async function firstScreen(page: Page, url: string): Promise<{ shell: number; rows: number }> {
  await page.goto(url)
  await page.waitForFunction(() => ((window as unknown as { __firstRow: number | null }).__firstRow ?? -1) > 0, undefined, { timeout: 30_000 })
  return page.evaluate(() => {
    const w = window as unknown as { __firstRow: number; __shell: number }
    return { shell: w.__shell, rows: w.__firstRow }
  })
}

/**
 * Asking the running app for another order of the whole library: from the change to the
 * frame after the first row of the new order is drawn.
 */
async function reorder(page: Page, sort: string): Promise<number> {
  return page.evaluate(
    (value) =>
      new Promise<number>((resolve) => {
        const select = document.querySelector<HTMLSelectElement>('.library-sort select')!
        const before = document.querySelector('tr.article-row .headline-link')?.textContent
        const t0 = performance.now()
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value)
        select.dispatchEvent(new Event('change', { bubbles: true }))
        const look = (): void => {
          const row = document.querySelector('tr.article-row[data-index="0"]:not(.loading) .headline-link')
          if (row && row.textContent !== before) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
          else if (performance.now() - t0 > 20_000) resolve(Number.NaN)
          else requestAnimationFrame(look)
        }
        look()
      }),
    sort
  )
}

/** From the scroll to the end to the frame after the last article's row is drawn. */
async function scrollToEnd(page: Page, total: number): Promise<number> {
  return page.evaluate(
    (last) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now()
        window.scrollTo(0, document.documentElement.scrollHeight)
        const look = (): void => {
          const row = document.querySelector(`tr.article-row[data-index="${last}"]:not(.loading)`)
          if (row) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
          else requestAnimationFrame(look)
        }
        look()
      }),
    total - 1
  )
}

/** Runs the scale section on `browser`, printing its figures. */
export async function benchScale(browser: Browser): Promise<void> {
  console.log(`\nScale: ${ARTICLES.toLocaleString('en-US')} articles, ${ANNOTATIONS.toLocaleString('en-US')} annotations`)
  const built = scaleLibrary({
    articles: ARTICLES,
    annotations: ANNOTATIONS,
    progress: (done, total) => {
      if (done % 10_000 === 0) console.log(`  building: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} articles`)
    }
  })
  console.log(
    built.cached
      ? `  database: from the cache (${built.file})`
      : `  database built in ${(built.buildMs / 1000).toFixed(1)} s (${built.fromCorpus ? 'half PolNeAR texts by path, half composed' : 'composed texts; no PolNeAR folder'})`
  )
  // The first open migrates a cached library to this code's schema, once.
  openStore(built.file).close()
  const opens: number[] = []
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now()
    openStore(built.file).close()
    opens.push(performance.now() - t0)
  }
  console.log(line('open the database', opens))

  const store = openStore(built.file)
  const dispatch = createDispatch(createServices(store))
  const page = async (input: object): Promise<[number, LibraryPage]> => {
    const t0 = performance.now()
    const r = await dispatch('libraryPage', input)
    if (!r.ok) throw new Error(r.error.message)
    return [performance.now() - t0, r.value as LibraryPage]
  }
  const first: number[] = []
  const onward: number[] = []
  const jumped: number[] = []
  let cursor: string | null = null
  let total = 0
  for (let i = 0; i < 15; i++) {
    const [ms, p] = await page({ limit: 100 })
    first.push(ms)
    total = p.total
    cursor = p.nextCursor
  }
  for (let i = 0; i < 15 && cursor; i++) {
    const [ms, p] = await page({ limit: 100, cursor })
    onward.push(ms)
    cursor = p.nextCursor
  }
  for (let i = 0; i < 15; i++) jumped.push((await page({ limit: 100, offset: Math.max(0, total - 100 - i * 997) }))[0])
  console.log(line('list page (first 100)', first))
  console.log(line('list page (next, by cursor)', onward))
  console.log(line('list page (jump, by offset)', jumped))
  const byHeadline = (await page({ limit: 100, sort: 'headline' }))[0]
  console.log(`  list page by headline (first 100)    ${byHeadline.toFixed(1)} ms`)

  const door = await startHttpDoor({ dispatch, rendererDir: RENDERER })
  try {
    const shells: number[] = []
    const screens: number[] = []
    const asked: number[] = []
    const ends: number[] = []
    let elements = 0
    let heapMb = 0
    for (let i = 0; i < OPENS; i++) {
      const p = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      p.on('crash', () => console.error('  (the page crashed)'))
      p.on('pageerror', (e) => console.error(`  page error: ${e.message}`))
      await p.addInitScript({ content: `window.__name = (f) => f;${FIRST_ROW_PROBE}` })
      const shown = await firstScreen(p, door.url)
      shells.push(shown.shell)
      screens.push(shown.rows)
      // A moment as a reader would take before acting.
      await p.waitForTimeout(300)
      asked.push(await reorder(p, 'headline'))
      await p.waitForTimeout(300)
      asked.push(await reorder(p, 'created'))
      await p.waitForTimeout(300)
      ends.push(await scrollToEnd(p, total))
      if (i === OPENS - 1) {
        elements = await p.evaluate(() => document.getElementsByTagName('*').length)
        heapMb = await p.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576)
      }
      await p.close()
    }
    console.log(line('app screen shown (from navigation)', shells))
    console.log(line('first rows shown (from navigation)', screens))
    console.log(line('first screen of a new order (asked)', asked, FIRST_SCREEN_MS))
    console.log(line('scroll to the end (last row drawn)', ends))
    console.log(`  page at the end: ${elements.toLocaleString('en-US')} elements, ${heapMb.toFixed(0)} MB of script heap`)
  } finally {
    await door.close()
    store.close()
  }
}

if (require.main === module) {
  void (async () => {
    if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('Build Copydesk first: npm run build')
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info']
    })
    try {
      await benchScale(browser)
    } finally {
      await browser.close()
    }
  })().catch((err: unknown) => {
    console.error(err)
    process.exitCode = 1
  })
}
