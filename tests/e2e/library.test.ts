import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copydesk, ROOT } from '../helpers/cli'
import { strictPage } from '../helpers/browser'
import { useServedApp } from '../helpers/app'
import { tabCount } from '../helpers/article'
import { waitSaved } from '../helpers/editor'

const SHOTS = process.env.COPYDESK_SCREENSHOTS

describe('the library and the editor in Chromium', () => {
  const app = useServedApp()
  const db = app.db

  it('import → library → open → edit → reload: the edit is there', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    await expect(page.getByText('No articles yet.')).toBeTruthy()
    await page.getByTestId('file-input').setInputFiles(join(ROOT, 'samples', 'city-budget.txt'))
    // A single import opens the article.
    const editor = page.locator('.ProseMirror')
    await editor.waitFor()
    const headline = await page.getByLabel('Headline').inputValue()
    expect(headline.length).toBeGreaterThan(10)

    await editor.click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('EDITED BY THE DESK. ')
    await page.getByLabel('Byline').fill('Desk Editor')
    await waitSaved(page)

    await page.reload()
    await editor.waitFor()
    await expect.poll(() => editor.locator('p').first().textContent()).toMatch(/^EDITED BY THE DESK\. /)
    expect(await page.getByLabel('Byline').inputValue()).toBe('Desk Editor')

    await page.getByRole('button', { name: '← Library' }).click()
    const row = page.getByRole('row', { name: new RegExp(headline.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    await row.waitFor()
    expect(await row.textContent()).toContain('Desk Editor')
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'library.png') })
    expect(problems).toEqual([])
  })

  it('undo and redo in the editor, shown with their shortcuts', async () => {
    copydesk(db(), 'import', join(ROOT, 'samples', 'courts-treasurer.txt'))
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url.replace('/?', '/?') + '#/article/1')
    const editor = page.locator('.ProseMirror')
    await editor.waitFor()
    const undoButton = page.getByRole('button', { name: 'Undo' })
    expect(await undoButton.getAttribute('title')).toMatch(/Undo \((Ctrl\+Z|⌘Z)\)/)
    expect(await undoButton.isDisabled()).toBe(true)
    const before = await editor.locator('p').first().textContent()
    await editor.click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('Typed. ')
    expect(await editor.locator('p').first().textContent()).toBe(`Typed. ${before}`)
    await undoButton.click()
    expect(await editor.locator('p').first().textContent()).toBe(before)
    await page.keyboard.press('Control+Shift+z')
    expect(await editor.locator('p').first().textContent()).toBe(`Typed. ${before}`)
    await page.keyboard.press('Control+z')
    expect(await editor.locator('p').first().textContent()).toBe(before)
    expect(problems).toEqual([])
  })

  it('a file Copydesk cannot read is explained, and the library is unchanged', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    await page.getByTestId('file-input').setInputFiles({ name: 'fake.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('plain text, not a zip') })
    await page.getByRole('alert').filter({ hasText: 'is not a Word document' }).waitFor()
    await page.getByTestId('file-input').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) })
    await page.getByRole('alert').filter({ hasText: 'cannot open "photo.png"' }).waitFor()
    expect(await page.getByText('No articles yet.').count()).toBe(1)
    // The only console errors allowed are the HTTP refusals of the bad file.
    expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([])
  })

  it('a brat .txt chosen with its .ann opens as an annotated article', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    const text = 'Ferry fares rise\n\nFares will rise 12% in May, the port authority said on Friday.'
    const start = text.indexOf('the port authority')
    const cue = text.indexOf('said')
    const content = text.indexOf('Fares')
    const ann = [
      `T1\tSource ${start} ${start + 18}\tthe port authority`,
      `T2\tCue ${cue} ${cue + 4}\tsaid`,
      `T3\tContent ${content} ${content + 27}\tFares will rise 12% in May,`,
      'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1'
    ].join('\n')
    await page.getByTestId('file-input').setInputFiles([
      { name: 'ferry.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
      { name: 'ferry.ann', mimeType: 'text/plain', buffer: Buffer.from(`${ann}\n`) }
    ])
    await page.locator('.ProseMirror').waitFor()
    await expect.poll(() => tabCount(page, 'Annotations')).toBe(2)
    expect(problems).toEqual([])
  })

  it('paste as new article, then delete it and undo the deletion', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    await page.getByRole('button', { name: 'Paste as new article' }).click()
    await page.getByLabel('Article text').fill('Harbour fees to double\n\nBy Lee Moss\n\nFees rise 100% next year, the port said.')
    await page.getByRole('button', { name: 'Create article' }).click()
    await page.locator('.ProseMirror').waitFor()
    expect(await page.getByLabel('Headline').inputValue()).toBe('Harbour fees to double')
    expect(await page.getByLabel('Byline').inputValue()).toBe('Lee Moss')
    await page.getByRole('button', { name: '← Library' }).click()
    await page.getByRole('button', { name: 'Delete “Harbour fees to double”' }).click()
    await page.getByText('No articles yet.').waitFor()
    await page.getByRole('button', { name: 'Undo' }).click()
    await page.getByRole('link', { name: 'Harbour fees to double' }).waitFor()
    expect(problems).toEqual([])
  })

  it('the editor run once while the library shows leaves nothing behind, and the article then opens as usual', async () => {
    copydesk(db(), 'import', join(ROOT, 'samples', 'city-budget.txt'))
    const { page, problems } = await strictPage(app.browser())
    const warnings: string[] = []
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())))
    // Sees the hidden editor come and go, however briefly it is there.
    await page.addInitScript(() => {
      const w = window as unknown as { __warmUps: number }
      w.__warmUps = 0
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement && n.classList.contains('warm-up')) w.__warmUps++
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto(app.served().url)
    await page.getByRole('link', { name: /Riverton council passes/ }).first().waitFor()
    await expect.poll(() => page.evaluate(() => (window as unknown as { __warmUps: number }).__warmUps)).toBe(1)
    await expect.poll(() => page.locator('.warm-up').count()).toBe(0)
    expect(await page.locator('.ProseMirror').count()).toBe(0)
    expect(await page.evaluate(() => (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0)).toBe(0)

    await page.getByRole('link', { name: /Riverton council passes/ }).first().click()
    await page.locator('.ProseMirror').waitFor()
    await page.locator('.ProseMirror').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('Checked. ')
    await expect.poll(() => page.locator('.ProseMirror p').first().textContent()).toMatch(/^Checked\. /)
    expect(warnings.filter((w) => /warming up/.test(w))).toEqual([])
    expect(problems).toEqual([])
  })
})
