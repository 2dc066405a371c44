import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useServedApp } from '../helpers/app'
import { annotationList, openFromList, tabCount, toolbarCommand } from '../helpers/article'
import { strictPage } from '../helpers/browser'
import { cutSideways, layoutProblems, pageAt, SIZES } from '../helpers/layout'
import { copydesk, ROOT } from '../helpers/cli'
import { paintedAnnotations, selectText, waitSaved } from '../helpers/editor'

describe('the article screen fits every window', () => {
  const app = useServedApp((db) => {
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
    expect(copydesk(db, 'annotate', '1', '--kind', 'claim', '--quote', 'raising the property tax rate by 6.8%').code).toBe(0)
    expect(copydesk(db, 'annotate', '1', '--kind', 'attribution', '--quote', 'Becker told reporters').code).toBe(0)
    expect(copydesk(db, 'annotate', '1', '--kind', 'quote', '--quote', "We spent a decade pretending the pension bill would go away if we didn't look at it,").code).toBe(0)
  })

  it('at 1024×700, 1440×900, 2560×1440 and 200% zoom nothing in the top bar, the details or the queue is cut off or overlaps', async () => {
    const url = 'https://riverton.example/documents/2026/adopted-budget-ordinance-114-with-a-very-long-path-that-does-not-break.pdf'
    for (const size of SIZES) {
      const { page, problems } = await pageAt(app.browser(), size)
      const at = `${size.width}×${size.height} at ${size.zoom * 100}%`
      await page.goto(`${app.served().url}#/article/1`)
      await page.locator('.ProseMirror').waitFor()
      // The top bar: every command on one line, none off screen, the save state in view.
      expect(await layoutProblems(page, '.article-topbar > button, .article-topbar .tool, .article-topbar .save-state'), at).toEqual([])
      expect(await page.getByTestId('save-state').isVisible(), at).toBe(true)
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), at).toBe(true)
      // A claim's details, evidence with a long link added: nothing scrolls sideways.
      if (size.zoom > 1 || size.width < 1000) await page.getByRole('button', { name: 'Side panel' }).click()
      await openFromList(page, /raising the property tax/)
      await page.getByLabel('Evidence link').fill(url)
      await page.getByLabel('Evidence note').fill('Adopted budget ordinance, section 4')
      await page.getByRole('button', { name: 'Add evidence' }).click()
      await page.getByRole('list', { name: 'Evidence' }).getByText('Adopted budget ordinance').first().waitFor()
      expect(await cutSideways(page, '.panel, .details-scroll, .details, .panel-body'), at).toEqual([])
      expect(await layoutProblems(page, '.details .field > span:first-child, .details select, .details input, .details textarea, .details button'), at).toEqual([])
      await waitSaved(page)
      // The list: rows as tall as their text.
      await annotationList(page)
      const rows = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.row-list li')].map((li) => li.scrollHeight - li.getBoundingClientRect().height))
      expect(rows.length, at).toBe(3)
      expect(rows.every((d) => d <= 1), at).toBe(true)
      // The queue: the suggestion under review and its buttons inside the panel.
      await page.getByRole('tab', { name: /^Suggestions/ }).click()
      await expect.poll(() => tabCount(page, 'Suggestions')).toBeGreaterThan(0)
      await page.getByRole('button', { name: /^Review the first/ }).click()
      expect(await cutSideways(page, '.panel, .panel-body, .review'), at).toEqual([])
      expect(await layoutProblems(page, '.review button, .bulk button, .sug-controls label'), at).toEqual([])
      expect(problems, at).toEqual([])
      await page.close()
    }
  })

  it('the side panel is resized with its handle (keyboard too), and keeps its width', async () => {
    const { page, problems } = await pageAt(app.browser(), SIZES[1])
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const width = (): Promise<number> => page.locator('.panel').evaluate((e) => e.getBoundingClientRect().width)
    const start = await width()
    const handle = page.getByRole('separator', { name: 'Side panel width' })
    await handle.focus()
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft')
    expect(await width()).toBeCloseTo(start + 96, 0)
    const box = (await handle.boundingBox())!
    await page.mouse.move(box.x + 4, box.y + 200)
    await page.mouse.down()
    await page.mouse.move(box.x - 100, box.y + 200, { steps: 5 })
    await page.mouse.up()
    // (the pointer grabbed the handle a few pixels in)
    const dragged = await width()
    expect(Math.abs(dragged - (start + 196))).toBeLessThanOrEqual(6)
    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    expect(await width()).toBe(dragged)
    expect(problems).toEqual([])
  })

  it('the kind filters hide that kind in the text as in the list', async () => {
    const { page, problems } = await pageAt(app.browser(), SIZES[1])
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const look = (kind: string): Promise<string> =>
      page.locator(`.ProseMirror .cd-ann-${kind}`).first().evaluate((e) => `${getComputedStyle(e).backgroundColor} ${getComputedStyle(e).borderBottomColor}`)
    const shown = await look('claim')
    await annotationList(page)
    await page.getByRole('checkbox', { name: /^Claim/ }).uncheck()
    expect(await look('claim')).toBe('rgba(0, 0, 0, 0) rgba(0, 0, 0, 0)')
    expect(await look('quote')).not.toBe('rgba(0, 0, 0, 0) rgba(0, 0, 0, 0)')
    expect(await page.getByRole('list', { name: 'Annotation list' }).getByText(/raising the property/).count()).toBe(0)
    await page.getByRole('checkbox', { name: /^Claim/ }).check()
    expect(await look('claim')).toBe(shown)
    expect(problems).toEqual([])
  })

  it('find in the article: Ctrl+F, a count, next and previous, and Escape leaves the match selected to tag', async () => {
    const { page, problems } = await pageAt(app.browser(), SIZES[0])
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await page.keyboard.press('Control+f')
    const field = page.getByRole('searchbox', { name: 'Find in the article' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find in the article')
    await field.fill('pension')
    const count = page.locator('.find-count')
    await expect.poll(() => count.textContent()).toMatch(/^1 of \d+$/)
    const total = Number((await count.textContent())!.match(/of (\d+)/)![1])
    expect(total).toBe(await page.evaluate(() => document.querySelector('.ProseMirror')!.textContent!.toLowerCase().split('pension').length - 1))
    expect(await page.locator('.ProseMirror .cd-find').count()).toBe(total)
    await page.keyboard.press('Enter')
    await expect.poll(() => count.textContent()).toBe(`2 of ${total}`)
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.press('Shift+Enter')
    await expect.poll(() => count.textContent()).toBe(`${total} of ${total}`)
    await page.keyboard.press('Escape')
    expect(await page.locator('.ProseMirror .cd-find').count()).toBe(0)
    await expect.poll(() => page.evaluate(() => getSelection()!.toString().toLowerCase())).toBe('pension')
    await page.keyboard.press('Alt+Shift+C')
    await expect.poll(async () => (await paintedAnnotations(page)).filter((a) => a.text.toLowerCase() === 'pension').length).toBe(1)
    expect(problems).toEqual([])
  })

  it('Ctrl+P prints the annotated copy, with its highlights', async () => {
    const { page, problems } = await pageAt(app.browser(), SIZES[1])
    // Count the print dialogs asked for, in any frame of the page.
    await page.addInitScript(() => {
      window.print = () => {
        const top = window.top as unknown as { __printed?: number }
        top.__printed = (top.__printed ?? 0) + 1
      }
    })
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await selectText(page, 'police and fire pensions')
    await page.keyboard.press('Alt+Shift+C')
    await page.keyboard.press('Control+p')
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0)).toBe(1)
    const copy = await page.locator('iframe.print-frame').evaluate((f) => {
      const doc = (f as HTMLIFrameElement).contentDocument!
      return {
        title: doc.querySelector('h1')?.textContent ?? '',
        marks: [...doc.querySelectorAll('mark')].map((m) => m.textContent),
        styled: doc.adoptedStyleSheets.length,
        scripts: doc.querySelectorAll('script').length
      }
    })
    expect(copy.title).toMatch(/Riverton/)
    // The tag just made was saved before printing: the copy has it.
    expect(copy.marks).toEqual(expect.arrayContaining(['raising the property tax rate by 6.8%', 'police and fire pensions']))
    expect(copy.styled).toBe(1)
    expect(copy.scripts).toBe(0)
    // From the toolbar (or its More menu) too.
    await toolbarCommand(page, 'Print…')
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0)).toBe(2)
    expect(problems).toEqual([])
  })
})

describe('importing several bad files', () => {
  const app = useServedApp()

  it('shows every error, in a list that stays until it is dismissed', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    await page.getByText('No articles yet.').waitFor()
    const broken = ['binary.txt', 'empty.txt', 'not-a-zip.docx', 'truncated.docx', 'unknown.xyz'].map((f) => join(ROOT, 'samples', 'broken', f))
    await page.getByTestId('file-input').setInputFiles(broken)
    const list = page.getByRole('alert').filter({ hasText: 'could not be imported' })
    await expect.poll(() => list.locator('li').count()).toBe(5)
    expect(await list.getByRole('heading').textContent()).toBe('5 files could not be imported')
    for (const f of ['binary.txt', 'empty.txt', 'not-a-zip.docx', 'truncated.docx', 'unknown.xyz']) expect(await list.textContent()).toContain(f)
    // Still there well after a toast would have gone.
    await page.waitForTimeout(9_000)
    expect(await list.locator('li').count()).toBe(5)
    await list.getByRole('button', { name: 'Dismiss' }).click()
    expect(await list.count()).toBe(0)
    expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([])
  })
})
