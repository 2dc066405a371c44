import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copydesk, ROOT } from '../helpers/cli'
import { strictPage } from '../helpers/browser'
import { useServedApp } from '../helpers/app'

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
    await page.locator('[data-testid=save-state][data-status=saved]').waitFor({ timeout: 10_000 })

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
    await expect.poll(() => page.getByRole('tab', { name: /^Annotations/ }).textContent()).toBe('Annotations (2)')
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
})
