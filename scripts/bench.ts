/**
 * npm run bench — Copydesk's speed, measured, not guessed.
 *
 * Generates a 20,000-word article with 2,000 annotations (kinds mixed, some nested or
 * overlapping) in a fresh SQLite file, serves the real renderer through the loopback door,
 * and drives Debian's Chromium to measure:
 *   - open: from asking for the article to every highlight drawn, a second after the library
 *     shows (as an editor clicks), and once the moment it shows, in a fresh page;
 *   - typing (a stream of keys, and keys after pauses), tagging, opening details: from the key
 *     or click to the end of the next frame (what the user first sees: handlers, style,
 *     layout, paint), and until the page settles, median and 95th percentile, against a floor
 *     (a bare contenteditable);
 * then the exports, in Node, on the same article.
 * Needs `npm run build` first (npm install does it) and /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { createDispatch } from '../src/main/core/dispatch'
import { startHttpDoor } from '../src/main/core/http'
import { createServices } from '../src/main/core/services'
import { openStore } from '../src/main/core/store'
import type { DocJSON } from '../src/shared/schema'
import { generateArticle } from './bench-data'
import { benchLongDocument } from './bench-long'
import { benchScale } from './bench-scale'
import { benchSave } from './bench-save'
import { benchCli } from './bench-cli'
import { pct } from './bench-stats'
import { EDITOR_BLOCKS, keysAfterPauses, KEY_PAUSE_MS, makeAnnotations, measureFloor, moveCaret, selectLine, timeOpen, typeKeys, type Painted } from './bench-interactions'
import { installProbe, measure, print, printProfile, profiled, row, samples, writeSamples, type Response } from './bench-probe'
import { exportBrat, exportCsv, exportDocx, exportHtml, exportMarkdown, exportW3C } from '../src/shared/interchange'

const ROOT = join(__dirname, '..')
// BENCH_RENDERER=<folder>: measure another build of the renderer (to compare two versions).
const RENDERER = process.env.BENCH_RENDERER ?? join(ROOT, 'out', 'renderer')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** How long an editor looks at the library before opening an article. */
const USER_PAUSE_MS = 1_000


async function main(): Promise<void> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('Build Copydesk first: npm run build')
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (apt-get install chromium)`)
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'))
  const store = openStore(join(dir, 'bench.db'))
  const { body, text, words } = generateArticle(20_000)
  const article = store.insertArticle({
    headline: 'Benchmark: a 20,000-word article',
    byline: 'Bench',
    outlet: 'Copydesk',
    url: '',
    publishedAt: '2026-11-27',
    body: body as DocJSON,
    text,
    sourceName: 'bench.txt',
    sourceFormat: 'txt'
  })
  const annotations = makeAnnotations(text, 2_000)
  store.saveArticle({ id: article.id, baseRevision: 1, annotations, who: 'Bench' })
  console.log(`Article: ${words.toLocaleString()} words, ${text.length.toLocaleString()} characters, ${annotations.length} annotations`)

  // Exports, in Node, on the same article and annotations.
  const full = store.getArticle(article.id)
  const stored = store.listAnnotations(article.id)
  const exporters: [string, () => unknown, number][] = [
    ['export html', () => exportHtml(full, stored), 100],
    ['export md', () => exportMarkdown(full, stored), 100],
    ['export docx', () => exportDocx(full, stored), 1000],
    ['export w3c', () => exportW3C(full, stored), 100],
    ['export brat', () => exportBrat(full, stored), 100],
    ['export csv', () => exportCsv(full, stored), 100]
  ]
  for (const [name, run, budget] of exporters) {
    await run() // warm up
    const times: number[] = []
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now()
      await run()
      times.push(performance.now() - t0)
    }
    console.log(row(name, times, budget))
  }

  const door = await startHttpDoor({ dispatch: createDispatch(createServices(store)), rendererDir: RENDERER })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    // tsx keeps function names with a helper the page does not have.
    await page.addInitScript({ content: 'window.__name = (f) => f' })
    await page.goto(door.url)
    await page.getByText('Benchmark: a 20,000-word article').waitFor()

    // Open: several times, each from the library, until every annotation that starts in a
    // paragraph on screen is painted. Both painters draw the annotations within a screen or
    // so of the view (and more as the view scrolls), so "all" means all that can be seen.
    // Each open comes a second after the library shows, as an editor's click would: the
    // page's own start (the suggestion engine's worker, the editor's warm-up) is done by then.
    const paragraphOf = annotations.map((a) => text.slice(0, a.anchor.start).split('\n\n').length - 1)
    const opens: number[] = []
    let painted: Painted = { ranges: 0, onScreen: 0, expected: 0 }
    for (let i = 0; i < 5; i++) {
      if (i > 0) {
        await page.evaluate(() => (location.hash = '#/'))
        await page.getByText('Benchmark: a 20,000-word article').waitFor()
      }
      await page.waitForTimeout(USER_PAUSE_MS)
      const [ms, seen] = await timeOpen(page, paragraphOf)
      opens.push(ms)
      painted = seen
    }
    // The same in a new tab, clicked the moment the library shows: the page is still starting.
    const atOnce = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await atOnce.addInitScript({ content: 'window.__name = (f) => f' })
    await atOnce.goto(door.url)
    await atOnce.getByText('Benchmark: a 20,000-word article').waitFor()
    const [atOnceMs] = await timeOpen(atOnce, paragraphOf)
    await atOnce.close()
    samples['open with all highlights'] = { budget: 300, values: opens }
    console.log(row('open with all highlights', opens, 300))
    // The first open runs the editor's code for the first time (before the JavaScript engine
    // has compiled it); the others are what opening another article costs.
    console.log(`  (the first open ${opens[0].toFixed(0)} ms; the others ${opens.slice(1).map((ms) => ms.toFixed(0)).join(', ')} ms)`)
    console.log(`  (opened the moment the library showed, in a fresh page: ${atOnceMs.toFixed(0)} ms)`)
    console.log(`  (at open: ${painted.onScreen} of ${painted.expected} annotations on screen painted, ${painted.ranges} of ${annotations.length} painted in all)`)

    // The suggestions are listed once the engine has run; only the one under review is drawn in
    // the text, as the app starts. BENCH_SUGGESTIONS=all draws every one (Show all in the text):
    // the generated text is far denser in "said", "told" and figures than real prose.
    await page.waitForFunction(() => /\d/.test(document.querySelector('[role=tab][id$=suggestions]')?.textContent ?? '') && !/\b0$/.test(document.querySelector('[role=tab][id$=suggestions]')!.textContent!.trim()))
    if (process.env.BENCH_SUGGESTIONS === 'all') {
      await page.getByRole('tab', { name: /^Suggestions/ }).click()
      await page.getByLabel('Show all in the text').check()
      await page.locator('.ProseMirror .cd-sug').first().waitFor()
      await page.getByRole('tab', { name: /^Annotations/ }).click()
    }
    const shown = await page.evaluate(() => new Set([...document.querySelectorAll<HTMLElement>('.ProseMirror [data-sug-key]')].map((e) => e.dataset.sugKey)).size)
    const listed = (await page.getByRole('tab', { name: /^Suggestions/ }).textContent())?.match(/\d+/)?.[0] ?? '?'
    console.log(`Interactions with ${listed} suggestions listed, ${shown} of them underlined (those near the screen)`)
    await installProbe(page)
    // What this machine does for an input that changes next to nothing, to read the figures
    // below against: a click on the tab already open, and moving the caret.
    const tab = page.getByRole('tab', { name: /^Annotations/ })
    const clicks: Response[] = []
    for (let i = 0; i < 40; i++) clicks.push(await measure(page, () => tab.click()))
    print('calibration: click that changes nothing', clicks, 16)
    print('moving the caret (arrow key)', await moveCaret(page, EDITOR_BLOCKS), 16)

    // Typing in the middle of the article.
    let typing: Response[] = []
    await profiled(page, 'typing', async () => void (typing = await typeKeys(page, EDITOR_BLOCKS)))
    print('typing (per key)', typing, 16)
    // The first keys typed in the page run the typing code cold: shown apart from the rest.
    const warm = typing.slice(10).map((r) => r.paint)
    console.log(`    the first 10 keys: ${typing.slice(0, 10).map((r) => r.paint.toFixed(0)).join(', ')} ms; the other ${warm.length}: median ${pct(warm, 50).toFixed(1)} ms, p95 ${pct(warm, 95).toFixed(1)} ms`)
    printProfile('typing', typing.length)
    // A key after a pause in typing, as an editor types: by then the page has saved and
    // re-run the suggestions, and the key finds the page idle and its code less warm.
    print(`a key after a ${KEY_PAUSE_MS / 1000} s pause`, await keysAfterPauses(page), 16)

    // Tagging a selection with the keyboard.
    const tagTimes: Response[] = []
    for (let i = 0; i < 40; i++) {
      await selectLine(page, EDITOR_BLOCKS, i)
      await profiled(page, 'tagging', async () => void tagTimes.push(await measure(page, () => page.keyboard.press('Alt+Shift+C'), { lastInput: true })))
    }
    print('tagging (Alt+Shift+C)', tagTimes, 16)
    printProfile('tagging', tagTimes.length)

    // Opening an annotation's details from the list.
    // Each click opens the details in the panel; Escape (not timed) goes back to the list.
    const items = page.locator('.row-list .ann-item')
    // The last tag left its details open: back to the list first.
    await page.keyboard.press('Escape')
    const detailTimes: Response[] = []
    for (let i = 0; i < 40; i++) {
      await items.nth(i % 8).waitFor()
      await profiled(page, 'details', async () => void detailTimes.push(await measure(page, () => items.nth(i % 8).click())))
      await page.keyboard.press('Escape')
    }
    print('opening details (click in list)', detailTimes, 16)
    printProfile('details', detailTimes.length)
    await page.close()

    await measureFloor(browser, text)
    writeSamples()
    // Scale: the sections below each build their own data and print their own figures.
    await benchLongDocument(browser)
    console.log('')
    await benchSave()
    await benchCli()
    await benchScale(browser)
  } finally {
    await browser.close()
    await door.close()
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}


main().catch((err: unknown) => {
  console.error(`bench: ${(err as Error).message}`)
  process.exitCode = 1
})
