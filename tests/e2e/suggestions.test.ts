import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copydesk, ROOT } from '../helpers/cli'
import { strictPage } from '../helpers/browser'
import { paintedAnnotations, waitSaved } from '../helpers/editor'
import { useServedApp } from '../helpers/app'

interface Listed {
  kind: string
  exact: string
  origin: string
  speakerId: string | null
  id: string
  sourceName?: string
}

describe('suggestions in the editor', () => {
  const app = useServedApp((db) => {
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
  })
  const db = app.db

  const countOf = async (page: import('playwright-core').Page): Promise<number> =>
    Number((await page.getByRole('tab', { name: /^Suggestions/ }).textContent())!.match(/\((\d+)\)/)![1])

  it('shows suggestions as dashed underlines; accept creates linked annotations, dismiss is remembered', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(() => countOf(page)).toBeGreaterThan(10)
    // Suggestions are drawn apart from annotations, and nothing is annotated yet.
    expect(await page.locator('.ProseMirror .cd-sug-quote').count()).toBeGreaterThan(3)
    expect(await paintedAnnotations(page)).toEqual([])
    expect(JSON.parse(copydesk(db(), '--json', 'annotations', '1').stdout)).toEqual([])

    await page.getByRole('tab', { name: /^Suggestions/ }).click()
    // Accept one quote that has a speaker: the quote and its attribution, linked.
    await page.getByRole('button', { name: /^Accept quote “We spent a decade/ }).click()
    await waitSaved(page)
    let listed = JSON.parse(copydesk(db(), '--json', 'annotations', '1').stdout) as Listed[]
    const quote = listed.find((a) => a.kind === 'quote')!
    expect(quote).toMatchObject({ origin: 'suggested', exact: expect.stringMatching(/^We spent a decade/) })
    const speaker = listed.find((a) => a.id === quote.speakerId)!
    expect(speaker).toMatchObject({ kind: 'attribution', origin: 'suggested', sourceName: expect.stringContaining('Becker') })

    // Undo takes the acceptance back.
    await page.keyboard.press('Control+z')
    await waitSaved(page)
    expect(JSON.parse(copydesk(db(), '--json', 'annotations', '1').stdout)).toEqual([])

    // Dismiss one claim; after a reload it stays dismissed.
    const before = await countOf(page)
    const firstClaim = page.getByRole('button', { name: /^Dismiss claim/ }).first()
    const label = (await firstClaim.getAttribute('aria-label'))!
    await firstClaim.click()
    await expect.poll(() => countOf(page)).toBe(before - 1)
    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await page.getByRole('tab', { name: /^Suggestions/ }).click()
    await expect.poll(() => countOf(page)).toBe(before - 1)
    expect(await page.getByRole('button', { name: label }).count()).toBe(0)

    // Accept all quotes at once.
    const acceptAll = page.getByRole('button', { name: /^Accept all quotes/ })
    const quotes = Number((await acceptAll.textContent())!.match(/\((\d+)\)/)![1])
    expect(quotes).toBeGreaterThan(3)
    await acceptAll.click()
    await waitSaved(page)
    listed = JSON.parse(copydesk(db(), '--json', 'annotations', '1').stdout) as Listed[]
    expect(listed.filter((a) => a.kind === 'quote').length).toBe(quotes)
    expect(await page.locator('.ProseMirror .cd-sug-quote').count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('accepts the suggestion at the cursor with the keyboard', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(() => countOf(page)).toBeGreaterThan(10)
    await page.locator('.ProseMirror .cd-sug-quote').first().click()
    await page.keyboard.press('Alt+Enter')
    await waitSaved(page)
    const listed = JSON.parse(copydesk(db(), '--json', 'annotations', '1').stdout) as Listed[]
    expect(listed.some((a) => a.kind === 'quote' && a.origin === 'suggested')).toBe(true)
    expect(problems).toEqual([])
  })
})
