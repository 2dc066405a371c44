import { copyFileSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/core/store'
import { annotationCounts, generateArticle } from '../../scripts/scale-data'
import { writeGenerated } from '../../scripts/scale-library'
import { useServedApp } from '../helpers/app'
import { axeViolations, severe } from '../helpers/axe'
import { strictPage } from '../helpers/browser'

const SHOTS = process.env.COPYDESK_SCREENSHOTS
const ARTICLES = 3_000

/** A generated library of 3,000 articles, made once for the file and copied for each test. */
let template = ''
function seed(db: string): void {
  if (!template || !existsSync(template)) {
    template = join(mkdtempSync(join(tmpdir(), 'copydesk-scale-e2e-')), 'library.db')
    const store = openStore(template)
    const counts = annotationCounts(4, ARTICLES, ARTICLES * 3)
    for (let i = 0; i < ARTICLES; i += 500) {
      writeGenerated(store.db, Array.from({ length: Math.min(500, ARTICLES - i) }, (_, j) => generateArticle(4, i + j, ARTICLES, counts[i + j])))
    }
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    store.close()
  }
  copyFileSync(template, db)
}

/** Library rows in the page (drawn ones, loaded or loading). */
const drawnRows = (page: Page): Promise<number> => page.locator('tr.article-row').count()

/** The headline of the last article in an order, as the store has it. */
function lastHeadline(db: string, order: string): string {
  const store = openStore(db)
  const r = store.db.prepare(`SELECT headline FROM articles WHERE deleted_at IS NULL ORDER BY ${order} LIMIT 1`).get() as { headline: string }
  store.close()
  return r.headline
}

async function sized(browser: Browser, width: number, height: number, colorScheme: 'light' | 'dark', zoom = 1): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: Math.round(width / zoom), height: Math.round(height / zoom) }, deviceScaleFactor: zoom, colorScheme })
  page.setDefaultTimeout(10_000)
  return page
}

describe('a library of thousands of articles in Chromium', () => {
  const app = useServedApp(seed)

  it('draws only the rows in view, and scrolling to the end fetches and shows the last article', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    await page.getByRole('status').filter({ hasText: '3,000 articles' }).waitFor()
    await page.locator('tr.article-row:not(.loading)').first().waitFor()
    expect(await drawnRows(page)).toBeLessThan(60)
    // Only the first page crossed the door, not 3,000 rows.
    const asked: string[] = []
    page.on('request', (r) => r.url().includes('/api/') && asked.push(r.url().replace(/^.*\/api\//, '')))

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    // The oldest edit is last (ties: the lower id).
    const last = page.getByRole('link', { name: lastHeadline(app.db(), 'updated_at, id'), exact: true }).last()
    await last.waitFor()
    const box = await last.boundingBox()
    expect(box!.y + box!.height).toBeLessThanOrEqual(860)
    expect(box!.y).toBeGreaterThan(0)
    expect(await drawnRows(page)).toBeLessThan(60)
    expect(await page.locator('tr.article-row.loading').count()).toBe(0)
    // A jump to the end reads the last page or two, not everything in between.
    expect(asked.filter((u) => u === 'libraryPage').length).toBeLessThanOrEqual(3)
    // And rows are where the scroll bar says: the row drawn at the bottom is the 3,000th.
    expect(await page.locator('tr.article-row').last().getAttribute('data-index')).toBe(String(ARTICLES - 1))

    // Scrolling back up a little reads on by cursor and the rows follow in order.
    await page.evaluate(() => window.scrollBy(0, -4_000))
    await expect.poll(() => page.locator('tr.article-row.loading').count()).toBe(0)
    const indexes = await page.locator('tr.article-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-index'))))
    expect(indexes).toEqual(indexes.map((_, i) => indexes[0] + i))
    expect(problems).toEqual([])
  })

  it('orders by headline, and a search typed fast ends on its own answer', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    await page.locator('tr.article-row:not(.loading)').first().waitFor()
    await page.getByRole('combobox', { name: 'Order' }).selectOption('headline')
    const first = lastHeadline(app.db(), 'headline COLLATE NOCASE DESC, id DESC') // the reverse's last is the first
    await expect.poll(() => page.locator('tr.article-row .headline-link').first().textContent()).toBe(lastHeadline(app.db(), 'headline COLLATE NOCASE, id'))
    expect(first.length).toBeGreaterThan(0)

    // The search box gives ranked results over everything: typed fast, the list ends on the
    // last query's own answer, never an earlier, shorter query's.
    const store = openStore(app.db())
    const expected = store.search({ query: 'riverton' }).hits
    store.close()
    expect(expected.length).toBeGreaterThan(0)
    await page.getByLabel('Search the library').pressSequentially('riverton', { delay: 5 })
    const status = page.getByRole('status').filter({ hasText: 'for “riverton”' })
    await status.waitFor()
    await page.waitForTimeout(600)
    expect(await status.textContent()).toMatch(/^\d+\+? results? for “riverton”$/)
    await expect.poll(() => page.locator('.search-hit .search-headline').first().textContent()).toBe(expected[0].headline)
    expect(problems).toEqual([])
  })

  it('fits every window, light and dark, with nothing serious for axe', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [width, height, zoom] of [
        [1024, 700, 1],
        [1440, 900, 1],
        [2560, 1440, 1],
        [1440, 900, 2]
      ]) {
        const page = await sized(app.browser(), width, height, colorScheme, zoom)
        await page.goto(app.served().url)
        await page.locator('tr.article-row:not(.loading)').first().waitFor()
        const fit = await page.evaluate(() => ({
          wide: document.documentElement.scrollWidth - innerWidth,
          rows: [...document.querySelectorAll<HTMLElement>('tr.article-row')].map((r) => r.getBoundingClientRect().height)
        }))
        expect(fit.wide, `${width}x${height}@${zoom}`).toBeLessThanOrEqual(0)
        // Every drawn row is exactly the height the spacers count with.
        expect(new Set(fit.rows), `${width}x${height}@${zoom}`).toEqual(new Set([60]))
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `library-scale-${width}x${height}${zoom > 1 ? '@2x' : ''}-${colorScheme}.png`) })
        if (width === 1440 && zoom === 1) expect(severe(await axeViolations(page)), colorScheme).toEqual([])
        await page.close()
      }
    }
  })
})
