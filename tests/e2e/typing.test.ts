import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { copydesk, ROOT } from '../helpers/cli'
import { strictPage } from '../helpers/browser'
import { useServedApp } from '../helpers/app'
import { tabCount } from '../helpers/article'
import { selectText, waitSaved } from '../helpers/editor'

describe('typing in Chromium', () => {
  const app = useServedApp((db) => {
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
    expect(copydesk(db, 'annotate', '1', '--kind', 'claim', '--quote', '$1.42 billion operating budget', '--status', 'in_review').code).toBe(0)
    expect(copydesk(db, 'annotate', '1', '--kind', 'attribution', '--quote', 'Becker told reporters').code).toBe(0)
  })

  const firstParagraph = (page: Page): Promise<string | null> => page.locator('.ProseMirror p').first().textContent()

  /** Types `keys` and expects the first paragraph to hold `text` then. */
  async function typeAndSee(page: Page, keys: string, text: string): Promise<void> {
    await page.keyboard.type(keys)
    await expect.poll(() => firstParagraph(page)).toContain(text)
  }

  /** Waits for the save, reloads, and expects the first paragraph to hold `text`. */
  async function savedAndReopened(page: Page, text: string): Promise<void> {
    await waitSaved(page)
    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(() => firstParagraph(page)).toContain(text)
  }

  async function open(): Promise<Awaited<ReturnType<typeof strictPage>>> {
    const opened = await strictPage(app.browser())
    await opened.page.goto(`${app.served().url}#/article/1`)
    await opened.page.locator('.ProseMirror').waitFor()
    return opened
  }


  it('the editor puts typed characters in itself, in order, over the selection, and they are saved', async () => {
    const { page, problems } = await open()
    // The browser's own insertion announces itself with a beforeinput event; the editor's does not.
    await page.evaluate(() => {
      const w = window as unknown as { nativeInserts: number }
      w.nativeInserts = 0
      document.addEventListener('beforeinput', (e) => void (e.inputType === 'insertText' && w.nativeInserts++), true)
    })
    await selectText(page, 'late Monday')
    await typeAndSee(page, 'on Tuesday night, after 9 p.m.', 'voted 7-2 on Tuesday night, after 9 p.m. to adopt')
    expect(await page.evaluate(() => (window as unknown as { nativeInserts: number }).nativeInserts)).toBe(0)
    // The caret is after the last character typed.
    await typeAndSee(page, '!', '9 p.m.! to adopt')
    await savedAndReopened(page, 'voted 7-2 on Tuesday night, after 9 p.m.! to adopt')
    expect(problems).toEqual([])
  })

  it('typed text takes the marks at the caret, and one undo takes a typed run back', async () => {
    const { page, problems } = await open()
    await selectText(page, 'late Monday')
    await page.keyboard.press('Control+b')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.type(' night')
    await expect.poll(() => page.locator('.ProseMirror p').first().locator('strong').textContent()).toBe('late Monday night')
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('.ProseMirror p').first().locator('strong').textContent()).toBe('late Monday')
    expect(problems).toEqual([])
  })

  it('an input method still composes through the browser', async () => {
    const { page, problems } = await open()
    await selectText(page, 'late Monday')
    await page.keyboard.press('ArrowRight')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Input.imeSetComposition', { text: ' ろ', selectionStart: 2, selectionEnd: 2 })
    await cdp.send('Input.imeSetComposition', { text: ' ろん', selectionStart: 3, selectionEnd: 3 })
    await cdp.send('Input.insertText', { text: ' 論' })
    await expect.poll(() => firstParagraph(page)).toContain('late Monday 論 to adopt')
    await typeAndSee(page, 'x', 'late Monday 論x to adopt')
    await savedAndReopened(page, 'late Monday 論x to adopt')
    expect(problems).toEqual([])
  })

  it('a word typed at the top saves the paragraph typed in and how the annotations after it moved, and they reopen there', async () => {
    const { page, problems } = await open()
    const listed = (): { exact: string; start: number; status?: string }[] => JSON.parse(copydesk(app.db(), 'annotations', '1', '--json').stdout)
    const before = listed()
    const sent: { body?: unknown; bodyChange?: { blocks: unknown[] }; changes?: unknown }[] = []
    await page.route('**/api/saveArticle', (route) => {
      sent.push(JSON.parse(route.request().postData() ?? '{}'))
      return route.continue()
    })
    await page.locator('.ProseMirror p').first().click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('Late news: ')
    await waitSaved(page)
    // Each save sends the paragraph typed in and one shift for the annotations after the words
    // typed since the save before: nothing else of the article, and no annotation whole.
    expect(sent.length).toBeGreaterThan(0)
    for (const s of sent) {
      expect(s).toMatchObject({ bodyChange: { from: 0, remove: 1, blocks: [{}] }, changes: { upsert: [], removed: [], shifts: [{}] } })
      expect(s.body).toBeUndefined()
    }
    const after = listed()
    expect(after.map((a) => [a.exact, a.start, a.status])).toEqual(before.map((a) => [a.exact, a.start + 'Late news: '.length, a.status]))
    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(() => tabCount(page, 'Annotations')).toBe(2)
    await expect.poll(() => firstParagraph(page)).toMatch(/^Late news: The Riverton/)
    expect(problems).toEqual([])
  })
})
