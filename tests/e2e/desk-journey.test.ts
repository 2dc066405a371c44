import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ClaimPage } from '../../src/shared/claims'
import { useServedApp } from '../helpers/app'
import { toolbarCommand } from '../helpers/article'
import { axeViolations, severe } from '../helpers/axe'
import { strictPage } from '../helpers/browser'
import { copydesk } from '../helpers/cli'
import { selectText, waitSaved } from '../helpers/editor'
import { FOLLOW_UP_HEADLINE, journeyFiles, TAX_AGAIN, TAX_CLAIM } from '../helpers/journey'

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const found = severe(await axeViolations(page))
  expect(found.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).join(', ')}`)).toEqual([])
}

/**
 * The desk's "done when" in the app, through the browser door on a fresh, empty library: a new
 * user imports a dozen articles, says who is on the desk, tags claims in several articles,
 * assigns them, discusses one, proposes and approves its verdict, accepts a quote with its
 * speaker, sees "checked before" on a later story's repeated claim, then finds the claims in
 * the Claims view and by search from the library, and opens the speaker's page.
 */
describe('the desk in the app, as a new user walks it', () => {
  const app = useServedApp()

  it('imports a dozen, assigns, discusses, signs off, sees checked before, finds the claims, and opens a speaker', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    await page.getByText('No articles yet.').waitFor()
    await page.getByTestId('file-input').setInputFiles(journeyFiles(app.dir()))
    const rows = page.locator('tr.article-row:not(.loading)')
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(12)
    const open = async (headline: RegExp): Promise<void> => {
      if (!(await rows.count())) {
        await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Library' }).click()
        await rows.first().waitFor()
      }
      await page.getByRole('row', { name: headline }).getByRole('link').first().click()
      await page.locator('.ProseMirror').waitFor()
    }
    const toLibrary = async (): Promise<void> => {
      await waitSaved(page)
      await page.getByRole('button', { name: '← Library' }).click()
      await rows.first().waitFor()
    }

    // Who is on the desk, and who I am: Preferences, from the first article.
    await open(/Riverton council passes/)
    await toolbarCommand(page, 'Preferences…')
    const prefs = page.getByRole('dialog', { name: 'Preferences' })
    await prefs.getByLabel('Your name').fill('Inés Salgado')
    for (const [name, role] of [['Inés Salgado', 'editor'], ['Rosa Díaz', 'checker']]) {
      await prefs.getByLabel('New person’s name').fill(name)
      await prefs.getByLabel('New person’s role').selectOption(role)
      await prefs.getByRole('button', { name: 'Add to roster' }).click()
      await prefs.getByLabel(`Name of ${name}`).waitFor()
    }
    await prefs.getByLabel('You on the desk roster').selectOption({ label: 'Inés Salgado (editor)' })
    await prefs.getByRole('button', { name: 'Save' }).click()
    await prefs.waitFor({ state: 'detached' })

    // A claim tagged, assigned, discussed, its verdict proposed and approved.
    await selectText(page, TAX_CLAIM)
    await page.keyboard.press('Alt+Shift+C')
    const details = page.getByRole('region', { name: 'Claim details' })
    await details.waitFor()
    const checker = details.getByLabel('Checker', { exact: true })
    await checker.fill('Rosa Díaz')
    await checker.press('Enter')
    await expect.poll(() => checker.inputValue()).toBe('Rosa Díaz')
    const reviewer = details.getByLabel('Reviewer', { exact: true })
    await reviewer.fill('Inés Salgado')
    await reviewer.press('Enter')
    await expect.poll(() => reviewer.inputValue()).toBe('Inés Salgado')
    const reply = page.getByRole('region', { name: /^Comments/ }).getByRole('textbox', { name: /^(Reply|Add a comment)$/ })
    await reply.fill('The ordinance text says 6.8%; the mayor proposed 4.9% in September.')
    await reply.press('Control+Enter')
    await page.getByRole('region', { name: /^Comments/ }).getByText('The ordinance text says 6.8%').waitFor()
    await details.getByLabel('Status', { exact: true }).selectOption('false')
    const signoff = details.getByRole('group', { name: 'Sign-off' })
    await expect.poll(() => signoff.innerText()).toMatch(/Proposed by Inés Salgado, waiting for an editor/)
    await signoff.getByRole('button', { name: 'Approve' }).click()
    await expect.poll(() => signoff.innerText()).toMatch(/Approved by Inés Salgado/)
    await waitSaved(page)

    // A quote with its speaker, accepted from the suggestions.
    await page.getByRole('tab', { name: /^Suggestions/ }).click()
    await page.getByRole('combobox', { name: /^Show/ }).selectOption('quote')
    await page.getByRole('list', { name: 'Suggestion list' }).getByRole('button', { name: /We spent a decade pretending the pension bill/ }).click()
    const review = page.getByRole('region', { name: 'Under review' })
    await expect.poll(() => review.textContent()).toMatch(/We spent a decade pretending/)
    await review.getByRole('button', { name: 'Accept', exact: true }).click()
    await toLibrary()

    // A claim in a second article, assigned.
    await open(/treasurer gets six years/)
    await selectText(page, 'siphoned $4.7 million from public accounts over 11 years')
    await page.keyboard.press('Alt+Shift+C')
    await details.waitFor()
    await details.getByLabel('Checker', { exact: true }).fill('Rosa Díaz')
    await details.getByLabel('Checker', { exact: true }).press('Enter')
    await expect.poll(() => details.getByLabel('Checker', { exact: true }).inputValue()).toBe('Rosa Díaz')
    await toLibrary()

    // A later story repeats the tax claim in other words: checked before, with its verdict.
    await open(new RegExp(FOLLOW_UP_HEADLINE))
    await selectText(page, TAX_AGAIN)
    await page.keyboard.press('Alt+Shift+C')
    await details.waitFor()
    const before = page.getByRole('region', { name: 'Checked before' })
    await before.waitFor()
    await expect.poll(() => before.textContent()).toMatch(/False/)
    expect(await before.textContent()).toContain(`“${TAX_CLAIM}”`)
    expect(await before.getByRole('link').first().textContent()).toMatch(/^Riverton council passes/)
    await before.getByRole('button', { name: /^Same claim: link/ }).first().click()
    await before.getByText('Linked: the same claim.').waitFor()
    await toLibrary()

    // The Claims view has the three claims; the approved one says so.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Claims' }).click()
    const list = page.getByRole('list', { name: 'Claims' })
    await list.waitFor()
    await expect.poll(() => list.locator('li').count()).toBe(3)
    const taxRow = list.locator('li', { hasText: TAX_CLAIM })
    expect(await taxRow.innerText()).toMatch(/False · Approved · Riverton council passes .* · Checker Rosa Díaz · Reviewer Inés Salgado/)
    await page.getByLabel('Checker').selectOption({ label: 'Rosa Díaz' })
    await expect.poll(() => list.locator('li').count()).toBe(2)
    await expectAccessible(page, 'claims view after the journey')
    // The command line reads the same desk.
    const cli = JSON.parse(copydesk(app.db(), '--json', 'claims').stdout) as ClaimPage
    expect(cli.rows.map((r) => [r.text, r.status, r.signoff]).sort()).toEqual([
      [TAX_AGAIN, 'unchecked', 'none'],
      [TAX_CLAIM, 'false', 'approved'],
      ['siphoned $4.7 million from public accounts over 11 years', 'unchecked', 'none']
    ].sort())

    // Search from the library: the claim, found by its words, with its verdict.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Library' }).click()
    await page.getByLabel('Search the library').fill('property tax kind:claim')
    const hits = page.locator('.search-hit')
    await expect.poll(() => hits.count()).toBe(2)
    expect(await hits.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/CLAIM[\s\S]*False[\s\S]*Riverton council passes/)]))

    // The speaker's page, from People in the news.
    await page.getByLabel('Search the library').fill('')
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'People in the news' }).click()
    await page.getByRole('table', { name: 'People in the news' }).getByRole('link', { name: /Becker/ }).first().click()
    await page.getByRole('heading', { name: /Becker/, level: 2 }).waitFor()
    const quotes = page.getByRole('region', { name: 'Quotes, newest first' }).getByRole('listitem')
    await expect.poll(() => quotes.allTextContents()).toEqual([expect.stringMatching(/We spent a decade pretending the pension bill/)])
    await expectAccessible(page, 'speaker page after the journey')
    expect(problems).toEqual([])
  }, 300_000)
})
