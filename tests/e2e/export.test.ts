import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { strictPage } from '../helpers/browser'
import { copydesk, ROOT } from '../helpers/cli'
import { useServedApp } from '../helpers/app'
import { toolbarCommand } from '../helpers/article'
import { paintedAnnotations } from '../helpers/editor'

const CLAIM = 'the annual pension contribution was $104 million in 2016'

/** The HTTP door answers a refused operation with a 4xx, which Chromium logs; nothing else may. */
function realProblems(problems: string[]): string[] {
  return problems.filter((p) => !/status of 4\d\d/.test(p))
}

async function openExport(page: Page): Promise<ReturnType<Page['getByRole']>> {
  await toolbarCommand(page, 'Export…')
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.waitFor()
  return dialog
}

describe('exporting an annotated copy and importing annotations in Chromium', () => {
  const app = useServedApp((db) => {
    // Article 1 carries one claim judged false; article 2 is a clean copy of the same text.
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
    const annotated = copydesk(db, 'annotate', '1', '--kind', 'claim', '--quote', CLAIM, '--status', 'false')
    expect(annotated.stderr).toBe('')
    // An editor approves the verdict: a public copy publishes only approved ones.
    for (const args of [['people', 'add', 'Inés Salgado', '--role', 'editor'], ['config', 'set', 'userId', 'Inés Salgado']]) expect(copydesk(db, ...args).code).toBe(0)
    const claim = (JSON.parse(copydesk(db, '--json', 'annotations', '1').stdout) as { id: string }[])[0]
    expect(copydesk(db, 'signoff', '1', claim.id, 'approve').code).toBe(0)
  })
  const db = app.db
  const dir = app.dir

  it('Export… → Annotated HTML downloads a copy with the claim and its verdict, and no script', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const dialog = await openExport(page)
    // Public by default: every kind and status in, the desk’s comments out.
    expect(await dialog.getByRole('radio', { name: /^Annotated HTML copy — for the desk/ }).isChecked()).toBe(true)
    for (const kind of ['Claim', 'Quote', 'Attribution']) expect(await dialog.getByRole('checkbox', { name: kind, exact: true }).isChecked()).toBe(true)
    expect(await dialog.getByRole('checkbox', { name: 'False', exact: true }).isChecked()).toBe(true)
    const internal = dialog.getByRole('checkbox', { name: 'Include the desk’s comments and history' })
    expect(await internal.isChecked()).toBe(false)
    expect(await internal.getAttribute('aria-describedby')).toBeTruthy()

    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.html$/)
    const saved = join(dir(), file.suggestedFilename())
    await file.saveAs(saved)
    const html = readFileSync(saved, 'utf8')
    expect(html).not.toMatch(/<script/i)
    // The claim is highlighted as a claim (not merely present in the text), with its verdict.
    const claimPattern = CLAIM.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    expect(html).toMatch(new RegExp(`<mark[^>]*claim[^>]*>${claimPattern}</mark>`))
    expect(html).toContain('False')
    // The dialog closes once the file is handed over, and focus returns to the toolbar.
    await dialog.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export…')
    expect(problems).toEqual([])
  })

  it('a verdict no editor approved stays out of a public copy, which says so, unless the editor asks for it', async () => {
    expect(copydesk(db(), 'annotate', '2', '--kind', 'claim', '--quote', CLAIM, '--status', 'misleading').code).toBe(0)
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/2`)
    await page.locator('.ProseMirror').waitFor()
    const claimPattern = new RegExp(`<mark[^>]*claim[^>]*>${CLAIM.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</mark>`)
    const exportHtml = async (unapproved: boolean): Promise<string> => {
      const dialog = await openExport(page)
      const box = dialog.getByRole('checkbox', { name: 'Include verdicts not approved yet' })
      expect(await box.isChecked()).toBe(false)
      if (unapproved) await box.check()
      const download = page.waitForEvent('download')
      await dialog.getByRole('button', { name: 'Export', exact: true }).click()
      const file = await download
      const saved = join(dir(), `${unapproved ? 'all' : 'approved'}-${file.suggestedFilename()}`)
      await file.saveAs(saved)
      await dialog.waitFor({ state: 'detached' })
      return readFileSync(saved, 'utf8')
    }
    const publicCopy = await exportHtml(false)
    expect(publicCopy).not.toMatch(claimPattern)
    expect(publicCopy).toContain('Only verdicts approved by an editor are published here: 1 claim whose verdict is not approved yet was left out.')
    // The notice says it too (and the announcer reads it out).
    await page.getByText(/1 claim was left out: its verdict is not approved yet/).first().waitFor()
    const asked = await exportHtml(true)
    expect(asked).toMatch(claimPattern)
    expect(asked).toContain('1 verdict here is not approved by an editor yet.')
    expect(problems).toEqual([])
  })

  it('Export… → Word shows progress while it works and downloads a .docx (a zip)', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const dialog = await openExport(page)
    // The keyboard alone picks the format: arrows move within the radio group.
    await dialog.getByRole('radio', { name: /^PDF/ }).focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    const word = dialog.getByRole('radio', { name: /^Word with comments — for the writer/ })
    expect(await word.isChecked()).toBe(true)

    // Hold the answer back so the progress can be seen while the call runs.
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api/exportArticle', async (route) => {
      await held
      await route.continue()
    })
    const download = page.waitForEvent('download')
    await page.keyboard.press('Enter')
    await dialog.getByRole('progressbar', { name: 'Exporting' }).waitFor()
    const busyButton = dialog.getByRole('button', { name: 'Exporting…' })
    expect(await busyButton.isDisabled()).toBe(true)
    release()

    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.docx$/)
    const saved = join(dir(), file.suggestedFilename())
    await file.saveAs(saved)
    const bytes = readFileSync(saved)
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(problems).toEqual([])
  })

  it('ClaimReview without an organisation is explained in the dialog, which stays open; Escape closes it', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    const dialog = await openExport(page)
    await dialog.getByRole('radio', { name: /^ClaimReview JSON-LD/ }).check()
    let downloads = 0
    page.on('download', () => downloads++)
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    const alert = dialog.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/organisation.*Preferences/)
    // Still open and usable: the editor can pick another format and try again.
    expect(await dialog.getByRole('button', { name: 'Export', exact: true }).isEnabled()).toBe(true)
    expect(downloads).toBe(0)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    // Cancel closes it too.
    await openExport(page)
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('dialog', { name: 'Export' }).waitFor({ state: 'detached' })
    expect(realProblems(problems)).toEqual([])
  })

  it('Import annotations… places a W3C file exported from one copy exactly on another copy', async () => {
    const exported = copydesk(db(), 'export', '1', '--format', 'w3c')
    expect(exported.code).toBe(0)
    const file = join(dir(), 'city-budget.annotations.jsonld')
    writeFileSync(file, exported.stdout)

    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/2`)
    await page.locator('.ProseMirror').waitFor()
    expect(await paintedAnnotations(page)).toEqual([])
    await toolbarCommand(page, 'Import annotations…')
    const dialog = page.getByRole('dialog', { name: 'Import annotations' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('W3C Web Annotation JSON (Copydesk\'s own or Hypothesis\'s) or brat .ann')
    const input = dialog.getByLabel('Annotation file')
    expect(await input.getAttribute('accept')).toBe('.json,.jsonld,.ann')
    await input.setInputFiles(file)
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    const result = dialog.getByRole('status')
    await result.getByText('1 placed exactly').waitFor()
    expect(await result.textContent()).toContain('1 placed exactly, 0 placed approximately, 0 not found in the text')

    // The store has it; Done hands over to the article, which shows it.
    const listed = JSON.parse(copydesk(db(), '--json', 'annotations', '2').stdout) as { kind: string; exact: string; status: string }[]
    expect(listed).toMatchObject([{ kind: 'claim', exact: CLAIM, status: 'false' }])
    await dialog.getByRole('button', { name: 'Done' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(async () => (await paintedAnnotations(page)).map((a) => `${a.kind}: ${a.text}`)).toEqual([`claim: ${CLAIM}`])
    expect(realProblems(problems)).toEqual([])
  })

  it('a file that is not annotations is explained in the dialog', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/2`)
    await page.locator('.ProseMirror').waitFor()
    await toolbarCommand(page, 'Import annotations…')
    const dialog = page.getByRole('dialog', { name: 'Import annotations' })
    await dialog.getByLabel('Annotation file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": ') })
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await dialog.getByRole('alert').waitFor()
    expect((await dialog.getByRole('alert').textContent())?.length).toBeGreaterThan(10)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(JSON.parse(copydesk(db(), '--json', 'annotations', '2').stdout)).toEqual([])
    expect(realProblems(problems)).toEqual([])
  })
})
