import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useServedApp } from '../helpers/app'
import { annotationList, openFromList, tabCount, toolbarCommand } from '../helpers/article'
import { axeViolations, severe } from '../helpers/axe'
import { strictPage } from '../helpers/browser'
import { copydesk, ROOT } from '../helpers/cli'
import { selectText } from '../helpers/editor'

/** Fails with what axe-core found, when it found anything critical or serious. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const found = severe(await axeViolations(page))
  expect(found.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).join(', ')}`)).toEqual([])
}

/** Tab 15 times: focus must stay in the dialog; Escape closes it and focus goes back to what `opener` selects. */
async function expectModal(page: Page, name: string, opener: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name })
  await dialog.waitFor()
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press(i % 4 === 3 ? 'Shift+Tab' : 'Tab')
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `${name}: focus left the dialog at Tab ${i + 1}`).toBe(true)
  }
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
  await expect.poll(() => page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, opener), { message: `${name}: focus back on ${opener}` }).toBe(true)
}

describe('accessible to everyone', () => {
  const app = useServedApp((db) => {
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'housing-rents.docx')).code).toBe(0)
    expect(copydesk(db, 'annotate', '1', '--kind', 'claim', '--quote', 'raising the property tax rate by 6.8%', '--status', 'false').code).toBe(0)
    expect(copydesk(db, 'annotate', '1', '--kind', 'attribution', '--quote', 'Becker told reporters').code).toBe(0)
    expect(copydesk(db, 'annotate', '1', '--kind', 'quote', '--quote', "We spent a decade pretending the pension bill would go away if we didn't look at it,").code).toBe(0)
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe-core finds nothing critical or serious on any screen (${colorScheme})`, async () => {
      const { page, problems } = await strictPage(app.browser())
      await page.emulateMedia({ colorScheme })
      await page.goto(app.served().url)
      await page.getByRole('table', { name: 'Articles' }).waitFor()
      await expectAccessible(page, 'library')
      await page.getByRole('button', { name: 'Paste as new article' }).click()
      await page.getByRole('dialog', { name: 'Paste as new article' }).waitFor()
      await expectAccessible(page, 'paste dialog')
      await page.keyboard.press('Escape')

      await page.goto(`${app.served().url}#/article/1`)
      await page.locator('.ProseMirror').waitFor()
      await annotationList(page)
      await expectAccessible(page, 'article')
      await openFromList(page, /raising the property tax/)
      await page.getByRole('region', { name: 'Claim details' }).waitFor()
      await expectAccessible(page, 'details')
      await page.getByRole('tab', { name: /^Suggestions/ }).click()
      await expect.poll(() => tabCount(page, 'Suggestions')).toBeGreaterThan(0)
      await page.getByRole('button', { name: /^Review the first/ }).click()
      await expectAccessible(page, 'suggestions')
      await page.keyboard.press('Control+f')
      await page.getByRole('searchbox', { name: 'Find in the article' }).fill('pension')
      await expectAccessible(page, 'find')
      await page.keyboard.press('Escape')
      for (const [command, dialog] of [
        ['Export…', 'Export'],
        ['Import annotations…', 'Import annotations'],
        ['Preferences…', 'Preferences'],
        ['Keyboard shortcuts', 'Keyboard shortcuts']
      ]) {
        await toolbarCommand(page, command)
        await page.getByRole('dialog', { name: dialog }).waitFor()
        await expectAccessible(page, `${dialog} dialog`)
        await page.keyboard.press('Escape')
      }
      await selectText(page, 'police and fire pensions')
      const box = (await page.locator('.ProseMirror p').nth(1).boundingBox())!
      await page.mouse.click(box.x + 60, box.y + 10, { button: 'right' })
      await page.getByRole('menu', { name: 'Annotation' }).waitFor()
      await expectAccessible(page, 'context menu')
      await page.keyboard.press('Escape')
      expect(problems).toEqual([])
    })
  }

  it('the library with no articles, and a narrow window with the panel as a drawer', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.setViewportSize({ width: 720, height: 450 })
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await page.getByRole('button', { name: 'Side panel' }).click()
    await openFromList(page, /raising the property tax/)
    await expectAccessible(page, 'drawer')
    await page.getByRole('button', { name: 'More ▾' }).click()
    await page.getByRole('menu', { name: 'More commands' }).waitFor()
    await expectAccessible(page, 'more menu')
    await page.keyboard.press('Escape')
    expect(copydesk(app.db(), 'delete', '1').code).toBe(0)
    expect(copydesk(app.db(), 'delete', '2').code).toBe(0)
    await page.goto(app.served().url)
    await page.getByText('No articles yet.').waitFor()
    await expectAccessible(page, 'empty library')
    expect(problems).toEqual([])
  })

  it('dialogs keep focus and give it back; annotations say what they are; tagging, removing, accepting and dismissing are announced', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    await page.getByRole('table', { name: 'Articles' }).waitFor()
    await page.getByRole('button', { name: 'Paste as new article' }).click()
    await expectModal(page, 'Paste as new article', '.actions button:nth-of-type(2)')
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    // The caret is in the text as the article opens.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
    for (const [command, dialog] of [
      ['Preferences…', 'Preferences'],
      ['Keyboard shortcuts', 'Keyboard shortcuts'],
      ['Export…', 'Export']
    ]) {
      await toolbarCommand(page, command)
      // Back to the command's button, or to "More" when the command was in its menu.
      await expectModal(page, dialog, '[role=toolbar] button')
    }
    // Each annotation in the text tells a screen reader its kind, status or speaker.
    const described = await page.locator('.ProseMirror [role=mark]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-description')))
    expect(described).toEqual(expect.arrayContaining(['Claim, false', 'Attribution, source not named', 'Quote, no speaker']))
    const heard = page.getByTestId('announcer')
    await selectText(page, 'police and fire pensions')
    await page.keyboard.press('Alt+Shift+C')
    await expect.poll(() => heard.textContent()).toMatch(/^Claim “police and fire pensions” tagged\./)
    await page.keyboard.press('Alt+Shift+X')
    await expect.poll(() => heard.textContent()).toMatch(/Claim “police and fire pensions” removed\./)
    await page.getByRole('tab', { name: /^Suggestions/ }).click()
    await expect.poll(() => tabCount(page, 'Suggestions')).toBeGreaterThan(1)
    await page.getByRole('button', { name: /^Review the first/ }).click()
    // Focus goes to the card's Accept button, where the queue's keys work.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Accept')
    await page.keyboard.press('a')
    await expect.poll(() => heard.textContent()).toMatch(/^Accepted /)
    await page.getByRole('region', { name: 'Under review' }).getByRole('button', { name: 'Dismiss', exact: true }).click()
    await expect.poll(() => heard.textContent()).toMatch(/^Dismissed .* Undo is available\./)
    expect(problems).toEqual([])
  })
})
