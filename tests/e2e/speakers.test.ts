import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useServedApp } from '../helpers/app'
import { axeViolations, severe } from '../helpers/axe'
import { strictPage } from '../helpers/browser'
import { cutSideways, layoutProblems, pageAt, SIZES } from '../helpers/layout'
import { seedSpeakerFile } from '../helpers/speakers'

const SHOTS = process.env.COPYDESK_SCREENSHOTS

/** The list's rows as name and counts: ["Vladimir Putin 2 2 2", …]. */
async function listRows(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'People in the news' })
  await table.waitFor()
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.querySelectorAll('td')]
      return [cells[1].querySelector('a')?.textContent, cells[2].textContent, cells[3].textContent, cells[4].textContent].join(' ')
    })
  )
}

describe('people in the news in Chromium, over a real library', () => {
  const app = useServedApp(seedSpeakerFile)

  it('lists people beside the library, opens a page with quotes and claims newest first, opens the article there, and links back from the details', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'People in the news' }).click()
    expect(await listRows(page)).toEqual([
      'Vladimir Putin 2 2 2',
      'Jane Smith 1 1 1',
      'John Smith 1 1 1',
      'George Bush 1 0 1',
      'George W. Bush 1 0 1',
      'Smith 1 0 1'
    ])
    await page.getByRole('link', { name: 'Vladimir Putin' }).click()
    await page.getByRole('heading', { name: 'Vladimir Putin', level: 2 }).waitFor()
    expect(page.url()).toMatch(/#\/speakers\/vladimir-putin$/)
    const quotes = page.getByRole('region', { name: 'Quotes, newest first' }).getByRole('listitem')
    expect(await quotes.count()).toBe(2)
    expect(await quotes.first().textContent()).toMatch(/the corridor has worked only for the West.*Grain corridor deal stalls/)
    const claims = page.getByRole('region', { name: 'Claims, newest first' }).getByRole('listitem')
    expect(await claims.allTextContents()).toEqual([expect.stringMatching(/^“shipments to Africa fell by half”False/), expect.stringMatching(/^“Russian wheat exports rose 12 percent last year”Mostly true/)])

    // Open the article at the false claim: its details are open.
    await claims.first().getByRole('link', { name: /^Open in the article: claim/ }).click()
    await page.locator('.ProseMirror').waitFor()
    expect(page.url()).toMatch(/#\/article\/2\/annotation\/g-claim$/)
    const details = page.getByRole('region', { name: 'Claim details' })
    await details.waitFor()
    expect(await details.locator('.details-quote').textContent()).toBe('shipments to Africa fell by half')

    // The quote around it names its speaker through an attribution: its details link to his page.
    await page.goto(`${app.served().url}#/article/2/annotation/g-quote`)
    const quote = page.getByRole('region', { name: 'Quote details' })
    await quote.waitFor()
    await quote.getByRole('link', { name: /^Everything Vladimir Putin said or was cited for/ }).click()
    await page.getByRole('heading', { name: 'Vladimir Putin', level: 2 }).waitFor()
    await expect.poll(() => page.url()).toMatch(/#\/speakers\/vladimir-putin$/)

    // An anonymous source names no one: no link.
    await page.goto(`${app.served().url}#/article/2/annotation/g-officials`)
    const anonymous = page.getByRole('region', { name: 'Attribution details' })
    await anonymous.waitFor()
    expect(await anonymous.locator('.speaker-link').count()).toBe(0)

    // An attribution's source links the same way.
    await page.goto(`${app.served().url}#/article/3/annotation/b-smith`)
    await page.getByRole('region', { name: 'Attribution details' }).getByRole('link', { name: /^Everything Councillor John Smith said/ }).click()
    await page.getByRole('heading', { name: 'John Smith', level: 2 }).waitFor()
    expect(problems).toEqual([])
  })

  it('merges two people picked in the list, and splits them again on their page; both are kept in the store', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/speakers`)
    await page.getByRole('checkbox', { name: 'Pick George Bush (george-bush) to merge' }).check()
    await page.getByRole('checkbox', { name: 'Pick George W. Bush (george-w-bush) to merge' }).check()
    await page.getByRole('region', { name: 'People picked to merge' }).getByRole('button', { name: 'Merge into one person' }).click()
    await page.locator('.notice-card').filter({ hasText: /George Bush and George W\. Bush are now one person/ }).waitFor()
    await expect.poll(() => listRows(page)).toContainEqual(expect.stringMatching(/^George (W\. )?Bush 2 0 1$/))
    await page.reload()
    expect((await listRows(page)).filter((r) => /Bush/.test(r))).toHaveLength(1)

    await page.getByRole('link', { name: /^George (W\. )?Bush$/ }).click()
    const parts = page.getByRole('table', { name: 'Names that make up this person' })
    await parts.waitFor()
    expect(await parts.locator('tbody tr').count()).toBe(2)
    expect(await parts.textContent()).toContain('merged by you')
    await parts.getByRole('button', { name: /^Split off George W\. Bush/ }).click()
    await page.locator('.notice-card').filter({ hasText: /is now a person of their own/ }).waitFor()
    await page.getByRole('link', { name: '← All people' }).click()
    await expect.poll(async () => (await listRows(page)).filter((r) => /Bush/.test(r))).toEqual(['George Bush 1 0 1', 'George W. Bush 1 0 1'])
    expect(problems).toEqual([])
  })

  it('a name no one in the library has says so, in words', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/speakers/angela-merkel`)
    await page.getByRole('alert').filter({ hasText: 'No one called "angela-merkel" is quoted or cited in the library.' }).waitFor()
    // The only console error allowed is the door's refusal of the unknown name.
    expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([])
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`fits 1024×700, 1440×900, 2560×1440 and 200% zoom (${colorScheme}), with nothing critical or serious for axe`, async () => {
      for (const size of SIZES) {
        const { page, problems } = await pageAt(app.browser(), size, colorScheme)
        const at = `${size.width}×${size.height} at ${size.zoom * 100}%, ${colorScheme}`
        for (const [view, hash] of [['list', '#/speakers'], ['page', '#/speakers/vladimir-putin']] as const) {
          await page.goto(`${app.served().url}${hash}`)
          if (view === 'list') {
            await page.getByRole('checkbox', { name: /^Pick Vladimir Putin/ }).check()
            await page.getByRole('region', { name: 'People picked to merge' }).waitFor()
          } else await page.getByRole('table', { name: 'Names that make up this person' }).waitFor()
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${view} ${at}`).toBe(true)
          expect(await layoutProblems(page, '.topbar .brand, .topbar .view-tab, .topbar input, .topbar .back-link'), `${view} ${at}`).toEqual([])
          expect(await layoutProblems(page, '.merge-bar span, .merge-bar button'), `${view} ${at}`).toEqual([])
          expect(await layoutProblems(page, '.speaker-meta > *'), `${view} ${at}`).toEqual([])
          expect(await cutSideways(page, '.speakers-body, .speakers-table, .speaker-item'), `${view} ${at}`).toEqual([])
          if (size.zoom === 1 && size.width === 1440) expect(severe(await axeViolations(page)), `${view} ${at}`).toEqual([])
          if (SHOTS) await page.screenshot({ path: join(SHOTS, `speakers-${view}-${size.width}x${size.height}-${size.zoom * 100}-${colorScheme}.png`), fullPage: true })
        }
        // The keyboard reaches the list's links and checkboxes from the tabs.
        await page.goto(`${app.served().url}#/speakers`)
        await page.getByRole('table', { name: 'People in the news' }).waitFor()
        await page.getByRole('link', { name: 'People in the news' }).focus()
        await page.keyboard.press('Tab')
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), at).toBe('Find a person')
        await page.keyboard.press('Tab')
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), at).toMatch(/^Pick Vladimir Putin/)
        await page.keyboard.press('Tab')
        expect(await page.evaluate(() => document.activeElement?.textContent), at).toBe('Vladimir Putin')
        expect(problems, at).toEqual([])
        await page.close()
      }
    })
  }
})
