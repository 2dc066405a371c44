import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useServedApp } from '../helpers/app'
import { axeViolations, severe } from '../helpers/axe'
import { strictPage } from '../helpers/browser'
import { sampleSearchLibrary } from '../helpers/search-library'

const SHOTS = process.env.COPYDESK_SCREENSHOTS

/** Types into the Library's search box and waits for the answer to that query. */
async function searchFor(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search the library' })
  await box.fill(query)
  await page.getByRole('status').filter({ hasText: `for “${query}”` }).waitFor()
}

/** The results as "Kind|found in …|marked words". */
async function results(page: Page): Promise<string[]> {
  return page.locator('.search-hit').evaluateAll((items) =>
    items.map((li) => {
      const kind = li.querySelector('.search-kind')?.textContent ?? ''
      const where = li.querySelector('.search-where')?.textContent ?? ''
      const marked = [...li.querySelectorAll('mark')].map((m) => m.textContent).join(',')
      return `${kind}|${where}|${marked}`
    })
  )
}

describe('search from the Library, in Chromium', () => {
  const app = useServedApp(sampleSearchLibrary)

  it('finds a byline, an outlet and a claim’s evidence, says what matched, and opens the article', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    await page.getByRole('table', { name: 'Articles' }).waitFor()

    await searchFor(page, 'Okafor')
    expect(await results(page)).toEqual(['Article|found in its byline|Okafor'])

    await searchFor(page, 'Riverton Ledger')
    expect((await results(page))[0]).toBe('Article|found in its outlet|Riverton,Ledger')

    await searchFor(page, 'ordinance')
    expect(await results(page)).toEqual(['Claim|found in its evidence|ordinance,ordinance'])
    const hit = page.locator('.search-hit').first()
    expect(await hit.locator('.search-status').textContent()).toBe('True')
    expect(await hit.locator('.search-words').textContent()).toContain('“raising the property tax rate by 6.8%”')

    // A mistyped filter says what to write; nothing else changes.
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('status:maybe')
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/There is no status “maybe”\. Use status: with unchecked/)

    // Emptying the box brings the list of articles back; a result opens its article.
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('')
    await page.getByRole('table', { name: 'Articles' }).waitFor()
    await searchFor(page, 'ordinance')
    await page.getByRole('link', { name: /Riverton council passes/ }).click()
    await page.locator('.ProseMirror').waitFor()
    expect(await page.getByLabel('Byline').inputValue()).toBe('Marisol Okafor')
    // The refused query is the door's one 400 answer; nothing else went wrong.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([])
    expect(problems).toHaveLength(1)
  })

  it('typed fast against a slow store, the list ends on the last query: late answers are dropped', async () => {
    const { page, problems } = await strictPage(app.browser())
    // Every search is answered by the real store, then held back longer the shorter its query,
    // so the answers arrive in the reverse of the order they were asked.
    const asked: string[] = []
    const answered: string[] = []
    await page.route('**/api/search', async (route: Route) => {
      const query = (JSON.parse(route.request().postData() ?? '{}') as { query: string }).query
      asked.push(query)
      const response = await route.fetch()
      await new Promise((r) => setTimeout(r, Math.max(0, 4_000 - 250 * query.length)))
      await route.fulfill({ response })
      answered.push(query)
    })
    await page.goto(app.served().url)
    await page.getByRole('table', { name: 'Articles' }).waitFor()
    const final = 'Riverton Ledger'
    // Slower than the box's pause, so each keystroke sends its own request.
    await page.getByRole('searchbox', { name: 'Search the library' }).pressSequentially(final, { delay: 180 })
    await expect.poll(() => answered.length, { timeout: 20_000 }).toBe(asked.length)
    expect(asked.length).toBeGreaterThanOrEqual(8)
    expect(answered[answered.length - 1]).not.toBe(final) // the last answer to arrive was an earlier query's
    await page.waitForTimeout(200)
    expect(await page.locator('.search-count').textContent()).toMatch(new RegExp(`for “${final}”$`))
    expect((await results(page))[0]).toBe('Article|found in its outlet|Riverton,Ledger')
    expect(problems).toEqual([])
  })

  it('looks right at three sizes, light and dark, and axe finds nothing serious', async () => {
    // The last two are 1440×900 and 1024×700 at 200% zoom (half the CSS pixels, twice the density).
    const sizes = [
      { width: 1024, height: 700, zoom: 1 },
      { width: 1440, height: 900, zoom: 1 },
      { width: 2560, height: 1440, zoom: 1 },
      { width: 1440, height: 900, zoom: 2 },
      { width: 1024, height: 700, zoom: 2 }
    ]
    if (SHOTS) mkdirSync(SHOTS, { recursive: true })
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const size of sizes) {
        const viewport = { width: size.width / size.zoom, height: size.height / size.zoom }
        const page = await app.browser().newPage({ viewport, deviceScaleFactor: size.zoom, colorScheme })
        const name = `${size.width}x${size.height}${size.zoom > 1 ? '@200%' : ''}-${colorScheme}`
        const problems: string[] = []
        page.on('pageerror', (e) => problems.push(e.message))
        await page.goto(app.served().url)
        await page.getByRole('table', { name: 'Articles' }).waitFor()
        await searchFor(page, 'tax')
        // Nothing leaves the window sideways or overlaps another result.
        const layout = await page.evaluate(() => {
          const out: string[] = []
          const boxes = [...document.querySelectorAll<HTMLElement>('.search-hit, .search-box, .topbar > *')].map((e) => ({ e, r: e.getBoundingClientRect() }))
          for (const { e, r } of boxes) if (r.left < 0 || r.right > innerWidth) out.push(`${e.className} leaves the window`)
          const hits = boxes.filter((b) => b.e.classList.contains('search-hit'))
          for (let i = 1; i < hits.length; i++) if (hits[i].r.top < hits[i - 1].r.bottom) out.push(`result ${i} overlaps the one before`)
          const cut = [...document.querySelectorAll<HTMLElement>('.search-hit *')].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible')
          for (const e of cut) out.push(`${e.className} is cut off`)
          return out
        })
        expect(layout, name).toEqual([])
        expect(await page.locator('.search-hit').count()).toBeGreaterThan(1)
        expect(severe(await axeViolations(page)), name).toEqual([])
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `search-${name}.png`) })
        expect(problems).toEqual([])
        await page.close()
      }
    }
    // Keyboard: the box, then the results' links, in order.
    const page = await app.browser().newPage({ viewport: { width: 1024, height: 700 } })
    await page.goto(app.served().url)
    await page.getByRole('table', { name: 'Articles' }).waitFor()
    await page.getByRole('searchbox', { name: 'Search the library' }).focus()
    await searchFor(page, 'ordinance')
    let reached = ''
    for (let i = 0; i < 8 && !reached.includes('Riverton council'); i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.textContent ?? '')
    }
    expect(reached).toMatch(/Riverton council passes/)
    await page.close()
  }, 120_000)
})
