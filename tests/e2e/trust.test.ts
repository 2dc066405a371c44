import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useServedApp } from '../helpers/app'
import { annotationList } from '../helpers/article'
import { strictPage } from '../helpers/browser'
import { copydesk, ROOT } from '../helpers/cli'
import { paintedAnnotations, selectText, textBox, waitSaved } from '../helpers/editor'

interface Listed {
  kind: string
  exact: string
  status?: string
  id: string
}

/** Presses the mouse at one point and lets go at another, in small steps, as a hand drags. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8)
  await page.mouse.up()
}

describe('an editor can trust the text with their annotations', () => {
  const app = useServedApp((db) => {
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
  })
  const listed = (): Listed[] => JSON.parse(copydesk(app.db(), '--json', 'annotations', '1').stdout) as Listed[]

  it('after tagging, the caret follows the words, so a drag across them selects them; text is never dragged within the article', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const words = 'the largest increase since 1998'
    const text = await page.locator('.ProseMirror').textContent()
    await selectText(page, words)
    await page.keyboard.press('Alt+Shift+C')
    await expect.poll(async () => (await paintedAnnotations(page)).map((a) => a.text)).toEqual([words])
    // Tagging leaves the caret after the words, so a drag across them, to select them again, selects.
    expect(await page.evaluate(() => getSelection()!.isCollapsed)).toBe(true)
    const box = await textBox(page, words)
    const y = box.y + box.height / 2
    await drag(page, { x: box.x + box.width * 0.3, y }, { x: box.x + box.width * 0.9, y })
    await page.waitForTimeout(300)
    expect(await page.locator('.ProseMirror').textContent()).toBe(text)
    const selected = await page.evaluate(() => getSelection()!.toString())
    expect(selected.length).toBeGreaterThan(0)
    expect(words).toContain(selected)
    expect((await paintedAnnotations(page)).map((a) => a.text)).toEqual([words])
    // Dragging text within the article is refused (a drop from elsewhere is not): the browser's
    // drag of selected words would move them.
    const refused = await page.evaluate(() => {
      const p = document.querySelector('.ProseMirror p')!
      const e = new DragEvent('dragstart', { bubbles: true, cancelable: true })
      p.firstChild!.dispatchEvent(e)
      return e.defaultPrevented
    })
    expect(refused).toBe(true)
    expect(await page.locator('.ProseMirror').textContent()).toBe(text)
    await waitSaved(page)
    expect(listed().map((a) => a.exact)).toEqual([words])
    expect(problems).toEqual([])
  })

  it('deleting an annotation’s words says which was removed, and Undo in the notice brings it back', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await selectText(page, 'a $38 million expansion of the bus network')
    await page.keyboard.press('Alt+Shift+C')
    await waitSaved(page)
    await selectText(page, 'a $38 million expansion of the bus network')
    await page.keyboard.press('Backspace')
    const notice = page.getByRole('region', { name: 'Notifications' }).locator('.notice-card').filter({ hasText: 'removed' })
    await expect.poll(() => notice.textContent()).toMatch(/Claim “a \$38 million expansion of the bus network” removed/)
    // The screen reader hears it too.
    await expect.poll(() => page.getByTestId('announcer').textContent()).toMatch(/removed/)
    await waitSaved(page)
    expect(listed()).toEqual([])
    await notice.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(async () => (await paintedAnnotations(page)).map((a) => a.text)).toEqual(['a $38 million expansion of the bus network'])
    await waitSaved(page)
    expect(listed().map((a) => a.exact)).toEqual(['a $38 million expansion of the bus network'])
    expect(problems).toEqual([])
  })

  it('Ctrl+Z works from the side panel, and an article’s undo history survives a visit to the library', async () => {
    expect(copydesk(app.db(), 'annotate', '1', '--kind', 'claim', '--quote', 'raising the property tax rate by 6.8%').code).toBe(0)
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    // A verdict set in the panel, undone with focus still on the status list.
    await (await annotationList(page)).getByRole('button', { name: /raising the property tax/ }).click()
    const status = page.getByLabel('Status', { exact: true })
    await status.selectOption('false')
    await waitSaved(page)
    expect(listed()[0].status).toBe('false')
    await status.focus()
    await page.keyboard.press('Control+z')
    await expect.poll(() => status.inputValue()).toBe('unchecked')
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => status.inputValue()).toBe('false')

    // A tag, then the library and back: Ctrl+Z still takes the tag away.
    await selectText(page, 'police and fire pensions')
    await page.keyboard.press('Alt+Shift+Q')
    await waitSaved(page)
    expect(listed().map((a) => a.kind).sort()).toEqual(['claim', 'quote'])
    await page.getByRole('button', { name: '← Library' }).click()
    await page.getByRole('table', { name: 'Articles' }).waitFor()
    await page.getByRole('link', { name: /Riverton/ }).click()
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(async () => (await paintedAnnotations(page)).length).toBe(2)
    // The caret is in the text as the article opens.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await paintedAnnotations(page)).map((a) => a.kind)).toEqual(['claim'])
    await page.keyboard.press('Control+z')
    await waitSaved(page)
    expect(listed()).toMatchObject([{ kind: 'claim', status: 'unchecked' }])
    expect(problems).toEqual([])
  })

  it('a click on an annotation inside words still selected opens it', async () => {
    expect(copydesk(app.db(), 'annotate', '1', '--kind', 'claim', '--quote', 'raising the property tax rate by 6.8%').code).toBe(0)
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await selectText(page, 'late Monday to adopt a $1.42 billion operating budget for 2027, raising the property tax')
    const box = await textBox(page, 'property tax rate')
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await page.getByRole('region', { name: 'Claim details' }).waitFor()
    expect(problems).toEqual([])
  })
})
