import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copydesk, ROOT } from '../helpers/cli'
import { strictPage } from '../helpers/browser'
import { paintedAnnotations, selectText, waitSaved } from '../helpers/editor'
import { useServedApp } from '../helpers/app'
import { tabCount } from '../helpers/article'

interface Listed {
  kind: string
  exact: string
  origin: string
  speakerId: string | null
  id: string
  sourceName?: string
}

describe('suggestions as a review queue', () => {
  const app = useServedApp((db) => {
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
  })
  const db = app.db
  const listed = (): Listed[] => JSON.parse(copydesk(db(), '--json', 'annotations', '1').stdout) as Listed[]

  it('lists suggestions without flooding the text; the one under review is drawn; accept, undo, dismiss, and all of a kind', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(() => tabCount(page, 'Suggestions')).toBeGreaterThan(10)
    // Listed, but not drawn in the text, and nothing is annotated yet.
    expect(await page.locator('.ProseMirror .cd-sug').count()).toBe(0)
    expect(await paintedAnnotations(page)).toEqual([])
    expect(listed()).toEqual([])

    await page.getByRole('tab', { name: /^Suggestions/ }).click()
    const queue = page.getByRole('list', { name: 'Suggestion list' })
    await page.getByRole('combobox', { name: /^Show/ }).selectOption('quote')
    // Each row shows its whole sentence.
    const row = queue.getByRole('button', { name: /We spent a decade pretending the pension bill would go away if we didn't look at it/ })
    await row.click()
    // Under review: in the card above the list, and drawn (only it) in the text.
    const review = page.getByRole('region', { name: 'Under review' })
    await expect.poll(() => review.textContent()).toMatch(/We spent a decade pretending/)
    await expect.poll(() => page.locator('.ProseMirror .cd-sug').count()).toBe(1)
    expect(await page.locator('.ProseMirror .cd-sug-current').textContent()).toMatch(/^We spent a decade/)
    // Accepting a quote that has a speaker: the quote and its attribution, linked.
    await review.getByRole('button', { name: 'Accept', exact: true }).click()
    await waitSaved(page)
    const quote = listed().find((a) => a.kind === 'quote')!
    expect(quote).toMatchObject({ origin: 'suggested', exact: expect.stringMatching(/^We spent a decade/) })
    expect(listed().find((a) => a.id === quote.speakerId)).toMatchObject({ kind: 'attribution', origin: 'suggested', sourceName: expect.stringContaining('Becker') })
    // The next one is under review now; Ctrl+Z from the panel takes the acceptance back.
    await expect.poll(() => review.textContent()).not.toMatch(/We spent a decade pretending/)
    await page.keyboard.press('Control+z')
    await waitSaved(page)
    expect(listed()).toEqual([])

    // The keyboard works the queue: D dismisses the one under review, and it stays dismissed.
    const before = await tabCount(page, 'Suggestions')
    const dismissed = (await review.locator('blockquote').textContent())!
    await review.getByRole('button', { name: 'Accept', exact: true }).focus()
    await page.keyboard.press('d')
    await expect.poll(() => tabCount(page, 'Suggestions')).toBe(before - 1)
    // Ctrl+Z brings it back, Shift+Ctrl+Z dismisses it again; the store follows.
    await page.keyboard.press('Control+z')
    await expect.poll(() => tabCount(page, 'Suggestions')).toBe(before)
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => tabCount(page, 'Suggestions')).toBe(before - 1)
    await page.waitForTimeout(300)
    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await page.getByRole('tab', { name: /^Suggestions/ }).click()
    await expect.poll(() => tabCount(page, 'Suggestions')).toBe(before - 1)
    expect(await queue.getByText(dismissed, { exact: true }).count()).toBe(0)

    // Accept all quotes at once; dismiss all claims at once.
    await page.getByRole('combobox', { name: /^Show/ }).selectOption('all')
    const quotes = Number((await page.getByRole('row', { name: /Quotes/ }).locator('.count').textContent())!)
    expect(quotes).toBeGreaterThan(3)
    await page.getByRole('button', { name: 'Accept all quotes' }).click()
    await waitSaved(page)
    expect(listed().filter((a) => a.kind === 'quote').length).toBe(quotes)
    await page.getByRole('button', { name: 'Dismiss all claims' }).click()
    await expect.poll(async () => (await page.getByRole('row', { name: /Claims/ }).locator('.count').textContent())?.trim()).toBe('0')
    expect(listed().some((a) => a.kind === 'claim')).toBe(false)
    expect(problems).toEqual([])
  })

  it('draws all of them on request and keeps a threshold, both remembered', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await page.getByRole('tab', { name: /^Suggestions/ }).click()
    await expect.poll(() => tabCount(page, 'Suggestions')).toBeGreaterThan(10)
    const all = await tabCount(page, 'Suggestions')
    await page.getByLabel('Show all in the text').check()
    await expect.poll(() => page.locator('.ProseMirror .cd-sug-quote').count()).toBeGreaterThan(3)
    // Only the surest: a higher threshold lists fewer.
    const slider = page.getByRole('slider', { name: 'At least' })
    await slider.focus()
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight')
    await expect.poll(() => slider.inputValue()).toBe('95')
    await expect.poll(() => tabCount(page, 'Suggestions')).toBeLessThan(all)
    const sure = await tabCount(page, 'Suggestions')
    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await page.getByRole('tab', { name: /^Suggestions/ }).click()
    await expect.poll(() => tabCount(page, 'Suggestions')).toBe(sure)
    expect(await page.getByLabel('Show all in the text').isChecked()).toBe(true)
    await page.getByLabel('Show all in the text').uncheck()
    await expect.poll(() => page.locator('.ProseMirror .cd-sug').count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('from the text: Alt+Shift+↓ goes to the next suggestion and Alt+Enter accepts it', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(() => tabCount(page, 'Suggestions')).toBeGreaterThan(10)
    await page.locator('.ProseMirror p').first().click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Alt+Shift+ArrowDown')
    await expect.poll(() => page.locator('.ProseMirror .cd-sug-current').count()).toBe(1)
    await page.keyboard.press('Alt+Enter')
    await waitSaved(page)
    expect(listed().some((a) => a.origin === 'suggested')).toBe(true)
    expect(problems).toEqual([])
  })

  it('Alt+Enter on a suggestion not drawn in the text shows it first, and accepts it on the second press', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(() => tabCount(page, 'Suggestions')).toBeGreaterThan(10)
    const before = listed().length
    await page.locator('.ProseMirror p').first().click()
    await page.keyboard.press('Control+Home')
    const current = page.locator('.ProseMirror .cd-sug-current')
    await page.keyboard.press('Alt+Shift+ArrowDown')
    await expect.poll(() => current.count()).toBeGreaterThan(0)
    const first = await current.first().innerText()
    // On to the next one: the first is no longer drawn. The caret goes back into its words.
    await page.keyboard.press('Alt+Shift+ArrowDown')
    await expect.poll(() => current.first().innerText()).not.toBe(first)
    await selectText(page, first)
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Alt+Enter')
    await expect.poll(() => current.first().innerText()).toBe(first)
    await page.waitForTimeout(300)
    expect(listed().length).toBe(before)
    await page.keyboard.press('Alt+Enter')
    await waitSaved(page)
    expect(listed().length).toBe(before + 1)
    expect(problems).toEqual([])
  })
})
