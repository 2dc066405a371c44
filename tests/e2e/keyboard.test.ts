import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useServedApp } from '../helpers/app'
import { annotationList, openFromList } from '../helpers/article'
import { strictPage } from '../helpers/browser'
import { copydesk, ROOT } from '../helpers/cli'
import { selectText, waitSaved } from '../helpers/editor'

/** What has focus: its role or tag, and its text or label. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return 'nothing'
    if (el.classList.contains('ProseMirror')) return 'the text'
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`
  })
}

describe('working the article from the keyboard', () => {
  const app = useServedApp((db) => {
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
    for (const [kind, quote] of [
      ['claim', 'raising the property tax rate by 6.8%'],
      ['claim', 'the largest increase since 1998'],
      ['quote', "We spent a decade pretending the pension bill would go away if we didn't look at it,"],
      ['claim', 'the pension bill would go away']
    ]) {
      expect(copydesk(db, 'annotate', '1', '--kind', kind, '--quote', quote).code).toBe(0)
    }
  })

  it('Alt+↓ steps through annotations and the details show each one’s own words', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await page.keyboard.press('Control+Home')
    const quoted = (): Promise<string> => page.locator('blockquote.details-quote').first().innerText()
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(quoted).toBe('raising the property tax rate by 6.8%')
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(quoted).toBe('the largest increase since 1998')
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(quoted).toMatch(/^We spent a decade/)
    await page.keyboard.press('Alt+ArrowUp')
    await expect.poll(quoted).toBe('the largest increase since 1998')
    expect(problems).toEqual([])
  })

  it('Alt+↓ skips the kinds hidden by the filter', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await page.getByRole('checkbox', { name: /^Claim/ }).uncheck()
    await page.locator('.ProseMirror').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => page.locator('blockquote.details-quote').first().innerText()).toMatch(/^We spent a decade/)
    expect(problems).toEqual([])
  })

  it('clicking an annotation inside another opens the inner one, and clicking again the one around it', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const box = (await page.locator('.ProseMirror .cd-ann-claim', { hasText: 'the pension bill would go away' }).first().boundingBox())!
    const quoted = (): Promise<string> => page.locator('blockquote.details-quote').first().innerText()
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect.poll(quoted).toBe('the pension bill would go away')
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect.poll(quoted).toMatch(/^We spent a decade/)
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect.poll(quoted).toBe('the pension bill would go away')
    expect(problems).toEqual([])
  })

  it('a tag key that can do nothing says why', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await page.locator('.ProseMirror').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Alt+Shift+C')
    await page.locator('.notice-card', { hasText: 'Select the words to tag as a claim first.' }).waitFor()
    await selectText(page, 'the largest increase since 1998')
    await page.keyboard.press('Alt+Shift+C')
    await page.locator('.notice-card', { hasText: 'These words are already tagged as a claim.' }).waitFor()
    expect(await page.locator('.ProseMirror .cd-ann-claim', { hasText: 'the largest increase since 1998' }).count()).toBe(1)
    expect(problems).toEqual([])
  })

  it('focus stays in the side panel as details open and close from the keyboard, and after Remove', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const list = await annotationList(page)
    await list.getByRole('button', { name: /largest increase/ }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Claim details' }).waitFor()
    await expect.poll(() => focused(page)).toBe('button ← All annotations')
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toMatch(/^button Claim\s*Unchecked.*largest increase/)
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Remove' }).click()
    await expect.poll(() => focused(page)).not.toBe('nothing')
    expect(await focused(page)).not.toBe('the text')
    expect(problems).toEqual([])
  })

  it('Ctrl+Z in a details field with nothing typed undoes the article’s last change, not another field’s typing', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await openFromList(page, /raising the property tax/)
    const explanation = page.getByLabel('Explanation', { exact: true })
    await explanation.fill('Because the budget says so.')
    await explanation.blur()
    await waitSaved(page)
    const checker = page.getByLabel('Checker', { exact: true })
    await checker.focus()
    await page.keyboard.press('Control+z')
    // The explanation's whole change is undone as one step, not a character of it.
    await expect.poll(() => explanation.inputValue()).toBe('')
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => explanation.inputValue()).toBe('Because the budget says so.')
    // Typing in the checker field, Ctrl+Z undoes that typing.
    await checker.type('Rosa')
    await page.keyboard.press('Control+z')
    await expect.poll(() => checker.inputValue()).toBe('')
    expect(await explanation.inputValue()).toBe('Because the budget says so.')
    expect(problems).toEqual([])
  })

  it('changing a claim with a verdict to a quote says what was cleared, with Undo', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await openFromList(page, /raising the property tax/)
    await page.getByLabel('Status', { exact: true }).selectOption('false')
    await page.getByLabel('Kind', { exact: true }).selectOption('quote')
    const notice = page.locator('.notice-card').filter({ hasText: 'is now a quote' })
    await expect.poll(() => notice.textContent()).toMatch(/its verdict was cleared/)
    await notice.getByRole('button', { name: 'Undo' }).click()
    await page.getByRole('region', { name: 'Claim details' }).waitFor()
    await expect.poll(() => page.getByLabel('Status', { exact: true }).inputValue()).toBe('false')
    expect(problems).toEqual([])
  })

  it('Shift+F10 opens the menu at the caret without scrolling the article', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await page.locator('.ProseMirror p').nth(2).click()
    const scrolled = await page.evaluate(() => scrollY)
    await page.keyboard.press('Shift+F10')
    const menu = page.getByRole('menu', { name: 'Annotation' })
    await menu.waitFor()
    expect(await page.evaluate(() => scrollY)).toBe(scrolled)
    const box = (await menu.boundingBox())!
    const caret = await page.evaluate(() => getSelection()!.getRangeAt(0).getBoundingClientRect().bottom)
    expect(Math.abs(box.y - caret)).toBeLessThan(40)
    await page.keyboard.press('Escape')
    expect(await menu.count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('in a narrow window Esc closes the details, then the drawer', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.setViewportSize({ width: 720, height: 450 })
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const span = page.locator('.ProseMirror [data-ann-id]').filter({ hasText: 'raising the property' }).first()
    await span.click()
    const drawer = page.getByRole('complementary', { name: 'Side panel' })
    await page.getByRole('region', { name: 'Claim details' }).waitFor()
    expect(await drawer.isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await page.getByRole('region', { name: 'Claim details' }).waitFor({ state: 'detached' })
    await page.keyboard.press('Escape')
    await expect.poll(() => drawer.isVisible()).toBe(false)
    expect(problems).toEqual([])
  })
})
