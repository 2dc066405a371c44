import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useServedApp } from '../helpers/app'
import { strictPage } from '../helpers/browser'
import { copydesk, ROOT, serve } from '../helpers/cli'
import { waitSaved } from '../helpers/editor'

/** A port no one listens on just now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

describe('typed work survives a crash', () => {
  // The browser and a fresh folder per test; this test runs copydesk serve itself.
  const app = useServedApp((db) => {
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
  })
  const text = (): string => (JSON.parse(copydesk(app.db(), '--json', 'show', '1').stdout) as { text: string }).text

  it('edits pending when serve is killed come back when it is started again (a new token), checked against the revision', async () => {
    await app.served().stop()
    const port = await freePort()
    let served = await serve(app.db(), port)
    const { page, problems } = await strictPage(app.browser())
    page.on('dialog', (d) => void d.accept())
    await page.goto(`${served.url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await page.locator('.ProseMirror p').first().click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('Saved words. ')
    await waitSaved(page)
    expect(text()).toContain('Saved words. The Riverton City Council')
    // serve dies; the editor goes on typing; the save cannot reach the library.
    await served.kill()
    await page.keyboard.type('Words typed after the crash. ')
    await page.locator('[data-testid=save-state][data-status=error]').waitFor({ timeout: 10_000 })
    expect(text()).not.toContain('Words typed after the crash.')

    // Started again on the same address, with a new token: the article offers them back.
    served = await serve(app.db(), port)
    await page.goto(`${served.url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const offer = page.getByRole('alert', { name: 'Unsaved changes' })
    await offer.waitFor()
    await offer.getByRole('button', { name: 'Restore them' }).click()
    await expect.poll(() => page.locator('.ProseMirror p').first().textContent()).toMatch(/^Saved words\. Words typed after the crash\. The Riverton/)
    expect(text()).toContain('Saved words. Words typed after the crash. The Riverton City Council')
    // Nothing is offered twice.
    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await page.waitForTimeout(500)
    expect(await offer.count()).toBe(0)
    expect(problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p))).toEqual([])
    await served.stop()
  })

  it('changes kept from before are not applied over an article changed since: the editor is told, nothing is overwritten', async () => {
    await app.served().stop()
    const port = await freePort()
    let served = await serve(app.db(), port)
    const { page, problems } = await strictPage(app.browser())
    page.on('dialog', (d) => void d.accept())
    await page.goto(`${served.url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await page.locator('.ProseMirror p').first().click()
    await page.keyboard.press('Control+Home')
    await served.kill()
    await page.keyboard.type('Lost in a crash. ')
    await page.locator('[data-testid=save-state][data-status=error]').waitFor({ timeout: 10_000 })
    // Meanwhile the article changes in the library (another window, the command line).
    expect(copydesk(app.db(), 'annotate', '1', '--kind', 'claim', '--quote', 'the largest increase since 1998').code).toBe(0)
    served = await serve(app.db(), port)
    await page.goto(`${served.url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const offer = page.getByRole('alert', { name: 'Unsaved changes' })
    await offer.getByRole('button', { name: 'Restore them' }).click()
    await expect.poll(() => offer.textContent()).toMatch(/changed since these changes were made, so they were not applied/)
    expect(text()).not.toContain('Lost in a crash.')
    expect(JSON.parse(copydesk(app.db(), '--json', 'annotations', '1').stdout)).toHaveLength(1)
    await offer.getByRole('button', { name: 'Discard them' }).click()
    expect(await offer.count()).toBe(0)
    expect(problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED|status of 409/.test(p))).toEqual([])
    await served.stop()
  })

  it('an article changed elsewhere while open: the editor is told, and can save their version as a copy or take the latest', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    // The command line changes the article after the browser opened it.
    expect(copydesk(app.db(), 'annotate', '1', '--kind', 'claim', '--quote', 'the largest increase since 1998').code).toBe(0)
    await page.locator('.ProseMirror p').first().click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('My edit. ')
    const banner = page.getByRole('alert', { name: 'Changed elsewhere' })
    await banner.waitFor({ timeout: 10_000 })
    // Leaving is asked about, not refused.
    await page.getByRole('button', { name: '← Library' }).click()
    const ask = page.getByRole('dialog', { name: 'Leave with changes not saved?' })
    await ask.waitFor()
    await ask.getByRole('button', { name: 'Stay' }).click()
    // The editor's version becomes a new article; the original keeps the other change.
    await banner.getByRole('button', { name: 'Save my version as a copy' }).click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/article/2')
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(() => page.locator('.ProseMirror p').first().textContent()).toMatch(/^My edit\. The Riverton/)
    const copy = JSON.parse(copydesk(app.db(), '--json', 'show', '2').stdout) as { headline: string }
    expect(copy.headline).toMatch(/\(your version, /)
    expect(text()).not.toContain('My edit.')
    expect(JSON.parse(copydesk(app.db(), '--json', 'annotations', '1').stdout)).toHaveLength(1)

    // Again, this time taking the latest version (after confirming the edit is dropped).
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    expect(copydesk(app.db(), 'annotate', '1', '--kind', 'quote', '--quote', 'pension bill').code).toBe(0)
    await page.locator('.ProseMirror p').first().click()
    await page.keyboard.type('Dropped edit. ')
    await banner.waitFor({ timeout: 10_000 })
    await banner.getByRole('button', { name: 'Open the latest version…' }).click()
    await banner.getByRole('button', { name: 'Discard my changes and open the latest version' }).click()
    await expect.poll(async () => (await page.locator('.ProseMirror').textContent()) ?? '').not.toContain('Dropped edit.')
    await expect.poll(() => page.locator('.ProseMirror [data-ann-id]').count()).toBe(2)
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([])
  })
})
