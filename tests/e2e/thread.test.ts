import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Thread } from '../../src/shared/domain'
import { useServedApp } from '../helpers/app'
import { openFromList } from '../helpers/article'
import { axeViolations, severe } from '../helpers/axe'
import { copydesk, ROOT } from '../helpers/cli'
import { selectText } from '../helpers/editor'
import { cutSideways, layoutProblems, pageAt, SIZES } from '../helpers/layout'

const SHOTS = process.env.COPYDESK_SCREENSHOTS

/** Sets who "me" is in the library file, as Preferences would. */
function setUser(db: string, name: string): void {
  const d = new Database(db)
  d.prepare(`INSERT INTO preferences (key, value) VALUES ('userName', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(name))
  d.close()
}

let claimId = ''

describe('an annotation’s thread in its details', { timeout: 240_000 }, () => {
  // A claim Ada tagged with a first comment, and Ben's reply; the app is Ada's.
  const app = useServedApp((db) => {
    expect(copydesk(db, 'import', join(ROOT, 'samples', 'city-budget.txt')).code).toBe(0)
    setUser(db, 'Ada Obi')
    const added = copydesk(db, '--json', 'annotate', '1', '--kind', 'claim', '--quote', 'raising the property tax rate by 6.8%', '--comment', 'The ordinance says 6.5%; ask the finance office which is final.')
    claimId = (JSON.parse(added.stdout) as { id: string }).id
    setUser(db, 'Ben Cole')
    expect(copydesk(db, 'comment', 'add', '1', claimId, 'Finance office says 6.8% after the amendment; minutes to follow.').code).toBe(0)
    setUser(db, 'Ada Obi')
  })

  const thread = (page: Page) => page.getByRole('region', { name: /^Comments/ })
  const stored = (): Thread => JSON.parse(copydesk(app.db(), '--json', 'comments', '1', claimId).stdout) as Thread
  const notice = (page: Page, text: string | RegExp) => page.locator('.notice-card').filter({ hasText: text })
  /** A window of `size` on article 1, its text shown. */
  const article = async (size = SIZES[1], scheme: 'light' | 'dark' = 'light'): Promise<Awaited<ReturnType<typeof pageAt>>> => {
    const opened = await pageAt(app.browser(), size, scheme)
    await opened.page.goto(`${app.served().url}#/article/1`)
    await opened.page.locator('.ProseMirror').waitFor()
    return opened
  }

  it('reads, replies, edits and deletes one’s own comment with Undo, resolves and reopens; all kept in the store and the history', async () => {
    const { page, problems } = await article()
    await openFromList(page, /raising the property tax/)
    const comments = thread(page).getByRole('list', { name: 'Comments' }).getByRole('listitem')
    await expect.poll(() => comments.count()).toBe(2)
    // Author, time and words; only one's own comment has Edit and Delete.
    expect(await comments.nth(0).textContent()).toMatch(/^Ada Obi .*\d.*The ordinance says 6\.5%; ask the finance office which is final\.EditDelete$/)
    expect(await comments.nth(1).textContent()).toMatch(/^Ben Cole .*Finance office says 6\.8% after the amendment; minutes to follow\.$/)
    expect(await comments.nth(1).getByRole('button').count()).toBe(0)

    // A reply, sent with Ctrl+Enter; a notice offers Undo.
    const reply = thread(page).getByRole('textbox', { name: 'Reply' })
    await reply.fill('Minutes are in: 6.8% stands.')
    await reply.press('Control+Enter')
    await expect.poll(() => comments.count()).toBe(3)
    expect(await reply.inputValue()).toBe('')
    await notice(page, 'Comment added to the claim').waitFor()
    expect(stored().comments.map((c) => [c.authorName, c.body])).toEqual([
      ['Ada Obi', 'The ordinance says 6.5%; ask the finance office which is final.'],
      ['Ben Cole', 'Finance office says 6.8% after the amendment; minutes to follow.'],
      ['Ada Obi', 'Minutes are in: 6.8% stands.']
    ])

    // Edit one's own: it says it was edited.
    await thread(page).getByRole('button', { name: /^Edit your comment “Minutes are in/ }).click()
    const edit = thread(page).getByRole('textbox', { name: 'Edit your comment' })
    await edit.fill('Minutes are in (p. 4): 6.8% stands.')
    await edit.press('Control+Enter')
    await expect.poll(() => comments.nth(2).textContent()).toMatch(/· edited.*Minutes are in \(p\. 4\): 6\.8% stands\./)

    // Delete it, and Undo brings it back.
    await thread(page).getByRole('button', { name: /^Delete your comment “Minutes are in/ }).click()
    await expect.poll(() => comments.count()).toBe(2)
    expect(stored().comments).toHaveLength(2)
    await notice(page, /deleted\./).getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => comments.count()).toBe(3)
    expect(stored().comments[2].body).toBe('Minutes are in (p. 4): 6.8% stands.')

    // Resolve: the reply box gives way to Reopen, which has the focus; Reopen brings it back.
    await thread(page).getByRole('button', { name: 'Resolve' }).click()
    await expect.poll(() => thread(page).textContent()).toMatch(/Resolved by Ada Obi/)
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Reopen')
    expect(stored().resolvedAt).not.toBeNull()
    await page.keyboard.press('Enter')
    await reply.waitFor()
    expect(stored().resolvedAt).toBeNull()

    // The history tells each change.
    const history = page.getByRole('list', { name: 'History' }).getByRole('listitem')
    await expect
      .poll(async () => (await history.allTextContents()).map((t) => t.replace(/^.*?(Ada Obi|Ben Cole) /, '$1: ')))
      .toEqual([
        'Ada Obi: tagged it',
        'Ada Obi: commented “The ordinance says 6.5%; ask the finance office w…”',
        'Ben Cole: commented “Finance office says 6.8% after the amendment; min…”',
        'Ada Obi: commented “Minutes are in: 6.8% stands.”',
        'Ada Obi: edited a comment: “Minutes are in: 6.8% stands.” → “Minutes are in (p. 4): 6.8% stands.”',
        'Ada Obi: deleted a comment “Minutes are in (p. 4): 6.8% stands.”',
        'Ada Obi: brought back a comment “Minutes are in (p. 4): 6.8% stands.”',
        'Ada Obi: resolved the thread',
        'Ada Obi: reopened the thread'
      ])

    // After a reload the thread is as left.
    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await openFromList(page, /raising the property tax/)
    await expect.poll(() => comments.count()).toBe(3)
    expect(problems).toEqual([])
    await page.close()
  })

  it('is reached and worked with the keyboard alone, and someone else’s comment cannot be changed', async () => {
    const { page, problems } = await article()
    await openFromList(page, /raising the property tax/)
    await expect.poll(() => thread(page).getByRole('listitem').count()).toBe(2)
    // Tab from the details' first control reaches Edit, Delete, the reply box, Resolve.
    await page.getByLabel('Status', { exact: true }).focus()
    const reached: string[] = []
    for (let i = 0; i < 60 && !reached.includes('Resolve'); i++) {
      await page.keyboard.press('Tab')
      reached.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? ''))
    }
    // Edit and Delete on one's own comment, the reply box (named by its label), Resolve.
    expect(reached.slice(-4)).toEqual(['Edit your comment “The ordinance says 6.5%; ask the financ…”', 'Delete your comment “The ordinance says 6.5%; ask the financ…”', '', 'Resolve'])
    // Shift+Tab back to the reply box, type, Ctrl+Enter sends.
    await page.keyboard.press('Shift+Tab')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
    await page.keyboard.type('Sent from the keyboard.')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => stored().comments.map((c) => c.body)).toContain('Sent from the keyboard.')

    // An edit refused by the store (the comment is Ben's) says why and changes nothing.
    const ben = stored().comments.find((c) => c.authorName === 'Ben Cole')!
    const refused = copydesk(app.db(), 'comment', 'edit', '1', claimId, ben.id, 'Not mine to change')
    expect(refused.stderr).toBe('copydesk: Only its author can edit a comment, and this one is Ben Cole’s.\n')
    expect(problems).toEqual([])
    await page.close()
  })

  it('a comment on an annotation tagged a moment ago waits for its save, and lands on it', async () => {
    const { page, problems } = await article()
    await selectText(page, 'Becker told reporters')
    await page.keyboard.press('Alt+Shift+A')
    await page.getByRole('region', { name: 'Attribution details' }).waitFor()
    const box = thread(page).getByRole('textbox', { name: 'Add a comment' })
    await box.fill('Becker is the mayor: check the title in the first reference.')
    await box.press('Control+Enter')
    await expect.poll(() => thread(page).getByRole('listitem').count()).toBe(1)
    const listed = JSON.parse(copydesk(app.db(), '--json', 'annotations', '1').stdout) as { id: string; kind: string }[]
    const attribution = listed.find((a) => a.kind === 'attribution')!
    const t = JSON.parse(copydesk(app.db(), '--json', 'comments', '1', attribution.id).stdout) as Thread
    expect(t.comments.map((c) => [c.authorName, c.body])).toEqual([['Ada Obi', 'Becker is the mayor: check the title in the first reference.']])
    expect(problems).toEqual([])
    await page.close()
  })

  it('fits 1024×700, 1440×900, 2560×1440 and 200% zoom, light and dark, with no severe axe finding', async () => {
    const dir = SHOTS ? join(SHOTS, 'thread') : null
    if (dir) mkdirSync(dir, { recursive: true })
    for (const scheme of ['light', 'dark'] as const) {
      for (const size of SIZES) {
        const at = `${size.width}×${size.height} at ${size.zoom * 100}%, ${scheme}`
        const { page, problems } = await article(size, scheme)
        if (size.zoom > 1 || size.width < 1000) await page.getByRole('button', { name: 'Side panel' }).click()
        await openFromList(page, /raising the property tax/)
        await expect.poll(() => thread(page).getByRole('listitem').count()).toBe(2)
        await thread(page).scrollIntoViewIfNeeded()
        expect(await cutSideways(page, '.thread, .comments, .comment, .reply'), at).toEqual([])
        expect(await layoutProblems(page, '.thread .comment-head, .thread .comment-body, .thread button, .thread textarea, .thread .reply-actions .small'), at).toEqual([])
        expect(severe(await axeViolations(page)), at).toEqual([])
        if (dir) await page.screenshot({ path: join(dir, `thread-${size.width}x${size.height}-${size.zoom * 100}-${scheme}.png`) })
        expect(problems, at).toEqual([])
        await page.close()
      }
    }
  })
})
