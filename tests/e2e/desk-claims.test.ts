import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ClaimPage } from '../../src/shared/claims'
import type { Person } from '../../src/shared/domain'
import { useServedApp } from '../helpers/app'
import { openFromList, toolbarCommand } from '../helpers/article'
import { axeViolations, severe } from '../helpers/axe'
import { strictPage } from '../helpers/browser'
import { copydesk, ROOT } from '../helpers/cli'
import { waitSaved } from '../helpers/editor'

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const found = severe(await axeViolations(page))
  expect(found.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).join(', ')}`)).toEqual([])
}

/** A claim's desk fields and its sign-off, worked in the app through the browser door against a real library. */
describe('a claim assigned, proposed, returned and approved in the app', () => {
  const app = useServedApp((db) => {
    const run = (...args: string[]): void => expect(copydesk(db, ...args).code, args.join(' ')).toBe(0)
    run('import', join(ROOT, 'samples', 'city-budget.txt'))
    run('annotate', '1', '--kind', 'claim', '--quote', 'raising the property tax rate by 6.8%')
    run('people', 'add', 'Rosa Díaz', '--role', 'checker')
    run('people', 'add', 'Inés Salgado', '--role', 'editor')
    run('config', 'set', 'userName', 'Inés Salgado')
    run('config', 'set', 'userId', 'Inés Salgado')
  })
  const claims = (): ClaimPage => JSON.parse(copydesk(app.db(), '--json', 'claims').stdout) as ClaimPage

  it('picks people from the roster (a new name adds one), sets a due date, and signs the verdict off, each step undoable', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await openFromList(page, /raising the property tax/)
    const details = page.getByRole('region', { name: 'Claim details' })

    const checker = details.getByLabel('Checker', { exact: true })
    await checker.fill('rosa díaz')
    await checker.press('Enter')
    await expect.poll(() => checker.inputValue()).toBe('Rosa Díaz')
    const reviewer = details.getByLabel('Reviewer', { exact: true })
    await reviewer.fill('Tomás Ferrer')
    await reviewer.press('Enter')
    await details.getByLabel('Due', { exact: true }).fill('2026-12-09')
    await details.getByLabel('Due', { exact: true }).blur()
    await details.getByLabel('Status', { exact: true }).selectOption('false')
    const signoff = details.getByRole('group', { name: 'Sign-off' })
    await expect.poll(() => signoff.innerText()).toMatch(/Proposed by Inés Salgado, waiting for an editor/)
    await waitSaved(page)

    const people = JSON.parse(copydesk(app.db(), '--json', 'people', 'list').stdout) as Person[]
    expect(people.map((p) => [p.name, p.role])).toEqual([
      ['Inés Salgado', 'editor'],
      ['Rosa Díaz', 'checker'],
      ['Tomás Ferrer', 'editor']
    ])
    expect(claims().rows[0]).toMatchObject({ status: 'false', signoff: 'proposed', checker: { name: 'Rosa Díaz' }, reviewer: { name: 'Tomás Ferrer' }, due: '2026-12-09', signedOffBy: { name: 'Inés Salgado' } })

    // Returning needs a reason.
    await signoff.getByRole('button', { name: 'Return…' }).click()
    await signoff.getByRole('button', { name: 'Return verdict' }).click()
    await expect.poll(() => signoff.getByRole('alert').innerText()).toBe('Say why the verdict goes back to the checker.')
    await expectAccessible(page, 'returning a verdict')
    await signoff.getByLabel('Why it goes back').fill('The ordinance says 6.8% over two years, not one.')
    await signoff.getByRole('button', { name: 'Return verdict' }).click()
    await expect.poll(() => signoff.innerText()).toMatch(/Returned by Inés Salgado[\s\S]*“The ordinance says 6\.8% over two years, not one\.”/)
    await waitSaved(page)
    expect(claims().rows[0]).toMatchObject({ signoff: 'returned' })

    // Undo takes the return back; redo brings it again.
    await toolbarCommand(page, 'Undo')
    await expect.poll(() => signoff.innerText()).toMatch(/Proposed by Inés Salgado/)
    await toolbarCommand(page, 'Redo')
    await expect.poll(() => signoff.innerText()).toMatch(/Returned by/)

    await signoff.getByRole('button', { name: 'Propose again' }).click()
    await signoff.getByRole('button', { name: 'Approve' }).click()
    await expect.poll(() => signoff.innerText()).toMatch(/Approved by Inés Salgado/)
    await waitSaved(page)
    expect(claims().rows[0]).toMatchObject({ status: 'false', signoff: 'approved', signedOffBy: { name: 'Inés Salgado' } })

    // Each step is in the claim's history.
    const history = details.getByRole('list', { name: 'History' })
    await expect.poll(() => history.innerText()).toMatch(/approved the verdict/)
    const said = await history.innerText()
    expect(said).toMatch(/checker: — → Rosa Díaz/)
    expect(said).toMatch(/reviewer: — → Tomás Ferrer/)
    expect(said).toMatch(/returned the verdict: “The ordinance says 6\.8% over two years, not one\.”/)
    await expectAccessible(page, 'claim details with a sign-off')

    // Changing an approved verdict proposes it again.
    await details.getByLabel('Status', { exact: true }).selectOption('misleading')
    await expect.poll(() => signoff.innerText()).toMatch(/Proposed by Inés Salgado/)
    await waitSaved(page)
    expect(claims().rows[0]).toMatchObject({ status: 'misleading', signoff: 'proposed' })

    // The library says how far the article's claims are: approved of all, and the worst verdict.
    await page.goto(app.served().url)
    const row = page.getByRole('row', { name: /Riverton council passes/ })
    await expect.poll(() => row.innerText()).toMatch(/0\/1 claims approved · worst: Misleading/)
    await expectAccessible(page, 'library with desk columns')
    expect(problems).toEqual([])
  }, 180_000)

  it('a checker cannot approve; Preferences keeps the roster: add, rename, change a role, archive', async () => {
    expect(copydesk(app.db(), 'config', 'set', 'userId', 'Rosa Díaz').code).toBe(0)
    expect(copydesk(app.db(), 'annotate', '1', '--kind', 'claim', '--quote', 'the largest increase since 1998', '--status', 'false').code).toBe(0)
    const { page, problems } = await strictPage(app.browser())
    await page.goto(`${app.served().url}#/article/1`)
    await page.locator('.ProseMirror').waitFor()
    await openFromList(page, /the largest increase/)
    const signoff = page.getByRole('group', { name: 'Sign-off' })
    await expect.poll(() => signoff.innerText()).toMatch(/Only an editor can approve a verdict, and Rosa Díaz is a checker/)
    expect(await signoff.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true)

    await toolbarCommand(page, 'Preferences…')
    const dialog = page.getByRole('dialog', { name: 'Preferences' })
    const roster = dialog.getByRole('list', { name: 'Desk roster' })
    await roster.waitFor()
    await expectAccessible(page, 'preferences with the roster')
    await dialog.getByLabel('New person’s name').fill('Kwame Mensah')
    await dialog.getByLabel('New person’s role').selectOption('editor')
    await dialog.getByRole('button', { name: 'Add to roster' }).click()
    await expect.poll(() => roster.locator('li').count()).toBe(3)
    // A name already taken is refused in words.
    await dialog.getByLabel('New person’s name').fill('ROSA DÍAZ')
    await dialog.getByRole('button', { name: 'Add to roster' }).click()
    await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/Rosa Díaz is already on the desk roster/)
    const name = dialog.getByLabel('Name of Kwame Mensah')
    await name.fill('Kwame A. Mensah')
    await name.press('Enter')
    await dialog.getByLabel('Role of Rosa Díaz').selectOption('editor')
    await dialog.getByRole('button', { name: 'Archive Inés Salgado' }).click()
    await expect.poll(() => roster.locator('li').count()).toBe(2)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })

    const people = JSON.parse(copydesk(app.db(), '--json', 'people', 'list', '--all').stdout) as Person[]
    expect(people.map((p) => [p.name, p.role, p.archived])).toEqual([
      ['Kwame A. Mensah', 'editor', false],
      ['Rosa Díaz', 'editor', false],
      ['Inés Salgado', 'editor', true]
    ])
    // Rosa is an editor now: she may approve.
    await expect.poll(() => signoff.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(false)
    // The one refusal (the name taken) is the door's 400, which the browser logs.
    expect(problems).toEqual(['console error: Failed to load resource: the server responded with a status of 400 (Bad Request)'])
  }, 180_000)
})
