import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useServedApp } from '../helpers/app'
import { axeViolations, severe } from '../helpers/axe'
import { strictPage } from '../helpers/browser'
import { copydesk, ROOT } from '../helpers/cli'
import { openStore } from '../../src/main/core/store'
import { annotateByQuote } from '../../src/main/core/annotate'
import { updateClaim } from '../../src/main/core/desk'
import { annotationOn, newArticle } from '../helpers/articles'

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const found = severe(await axeViolations(page))
  expect(found.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).join(', ')}`)).toEqual([])
}

const SHOTS = process.env.COPYDESK_SHOTS

/** The Claims view (#/claims) through the browser door against a real library filled from the command line. */
describe('the Claims view', () => {
  const app = useServedApp((db) => {
    // Written into a real library file in this process: ten command lines took over the
    // hook's minute on a loaded machine. The command line's own test covers those commands.
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt'), join(ROOT, 'samples', 'courts-treasurer.txt')).code).toBe(0)
    const store = openStore(db)
    const rosa = store.addPerson({ name: 'Rosa Díaz', role: 'checker' })
    store.addPerson({ name: 'Inés Salgado', role: 'editor' })
    store.setPreferences({ userId: rosa.id })
    const tax = annotateByQuote(store, { articleId: 1, kind: 'claim', quote: 'raising the property tax rate by 6.8%', status: 'false' })
    annotateByQuote(store, { articleId: 1, kind: 'claim', quote: 'the largest increase since 1998' })
    annotateByQuote(store, { articleId: 2, kind: 'claim', quote: 'siphoned $4.7 million from public accounts over 11 years', status: 'true' })
    updateClaim(store, { articleId: 1, annotationId: tax.id, checkerId: rosa.id, due: '2026-12-09' })
    store.close()
  })

  it('lists every claim with its sentence and article, filters, sorts, keeps a saved view, and opens a claim in its article', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Claims' }).click()
    const list = page.getByRole('list', { name: 'Claims' })
    await list.waitFor()
    const rows = (): Promise<string[]> => list.locator('li').allInnerTexts()
    await expect.poll(async () => (await rows()).length).toBe(3)
    // Newest change first: the claim just assigned.
    expect((await rows())[0]).toMatch(/raising the property tax rate by 6\.8%/)
    expect((await rows())[0]).toMatch(/False · Proposed · Riverton council passes .* · Checker Rosa Díaz · Due 2026-12-09/)
    await expectAccessible(page, 'claims view')

    await page.getByLabel('Status or verdict').selectOption('false')
    await expect.poll(async () => (await rows()).length).toBe(1)
    await page.getByLabel('Status or verdict').selectOption('')
    // Reviewer, the days of the last change, one article, and the claims' own search box.
    await page.getByLabel('Reviewer').selectOption({ label: 'Inés Salgado' })
    await expect.poll(async () => (await rows()).length).toBe(0)
    await page.getByLabel('Reviewer').selectOption('none')
    await expect.poll(async () => (await rows()).length).toBe(3)
    await page.getByLabel('Reviewer').selectOption('')
    const today = new Date().toISOString().slice(0, 10)
    await page.getByLabel('Changed to').fill('2020-01-01')
    await expect.poll(async () => (await rows()).length).toBe(0)
    await page.getByLabel('Changed to').fill('')
    await page.getByLabel('Changed from').fill(today)
    await expect.poll(async () => (await rows()).length).toBe(3)
    await page.getByLabel('Changed from').fill('')
    await list.locator('a.claim-article', { hasText: 'treasurer' }).click()
    await expect.poll(async () => (await rows()).length).toBe(1)
    expect(await page.locator('.claims-article').innerText()).toMatch(/Claims of .*reasurer/)
    await page.getByRole('link', { name: "Show every article's claims" }).click()
    await expect.poll(async () => (await rows()).length).toBe(3)
    await page.getByLabel('Search the claims').fill('1998')
    const hits = page.locator('.search-hit')
    await expect.poll(() => hits.count()).toBe(1)
    expect(await hits.first().innerText()).toMatch(/largest increase since 1998/)
    await expectAccessible(page, 'claims search')
    await page.getByLabel('Search the claims').fill('')
    await expect.poll(async () => (await rows()).length).toBe(3)
    await page.getByLabel('Needs review').check()
    await expect.poll(async () => (await rows()).length).toBe(2)
    await page.getByLabel('Assigned to me').check()
    await expect.poll(async () => (await rows()).length).toBe(1)
    await page.getByLabel('Name for this view').fill('My proposed verdicts')
    await page.getByRole('button', { name: 'Save view' }).click()
    await page.getByLabel('Needs review').uncheck()
    await page.getByLabel('Assigned to me').uncheck()
    await expect.poll(async () => (await rows()).length).toBe(3)
    await page.getByLabel('Sort').selectOption('due')
    await expect.poll(async () => (await rows())[0]).toMatch(/raising the property tax/)

    // The saved view is kept in the library: it is there after a reload.
    await page.reload()
    await list.waitFor()
    await page.getByLabel('Saved views').selectOption({ label: 'My proposed verdicts' })
    await expect.poll(async () => (await rows()).length).toBe(1)
    expect(await page.getByLabel('Assigned to me').isChecked()).toBe(true)

    if (SHOTS) {
      for (const [w, h] of [[1024, 700], [1440, 900], [2560, 1440]]) {
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme })
          await page.setViewportSize({ width: w, height: h })
          await page.getByLabel('Saved views').selectOption({ label: 'My proposed verdicts' })
          await page.screenshot({ path: join(SHOTS, `claims-${w}x${h}-${scheme}.png`) })
        }
      }
      await page.setViewportSize({ width: 1280, height: 860 })
    }
    // Nothing sideways at the smallest window.
    await page.setViewportSize({ width: 1024, height: 700 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)

    // Opening a row opens the article at that claim, with its details.
    await list.getByRole('link', { name: /raising the property tax/ }).click()
    await page.locator('.ProseMirror').waitFor()
    const details = page.getByRole('region', { name: 'Claim details' })
    await details.waitFor()
    expect(await details.locator('blockquote.details-quote').innerText()).toBe('raising the property tax rate by 6.8%')
    expect(await details.getByLabel('Checker', { exact: true }).inputValue()).toBe('Rosa Díaz')
    expect(problems).toEqual([])
  }, 240_000)

  describe('with more claims than a page', () => {
    const many = useServedApp((db) => {
      // 130 claims in one article, written straight into a real library file.
      const sentences = Array.from({ length: 130 }, (_, i) => `Council figures show spending line ${i + 1} rose by ${i + 3} per cent.`)
      const store = openStore(db)
      const text = store.insertArticle(newArticle([sentences.join(' ')], 'Spending lines')).text
      const claims = sentences.map((s, i) => annotationOn(text, s, 'claim', `c${i + 1}`))
      store.saveArticle({ id: 1, baseRevision: 1, annotations: claims, who: 'Test' })
      store.close()
    })

    it('draws only the rows in view and fetches the next page as the list reaches its end', async () => {
      const { page, problems } = await strictPage(many.browser())
      await page.goto(`${many.served().url}#/claims`)
      const list = page.getByRole('list', { name: 'Claims' })
      await list.waitFor()
      // The list's height holds the first page (100 rows); far fewer are in the page.
      const height = (): Promise<number> => list.evaluate((e) => e.getBoundingClientRect().height)
      await expect.poll(height).toBe(100 * 64)
      expect(await list.locator('li').count()).toBeLessThan(40)
      await page.locator('.claims-body .virtual-list').evaluate((e) => (e.scrollTop = e.scrollHeight))
      await expect.poll(height).toBe(130 * 64)
      expect(problems).toEqual([])
    }, 120_000)
  })
})
