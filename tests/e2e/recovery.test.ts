import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useServedApp } from '../helpers/app'
import { strictPage } from '../helpers/browser'
import { copydesk } from '../helpers/cli'
import { corruptArticlesPage } from '../helpers/damage'

describe('a damaged library in Chromium', () => {
  const app = useServedApp((db) => {
    const story = (name: string, headline: string): string => {
      const file = join(db, '..', name)
      writeFileSync(file, `${headline}\n\nThe council approved the budget.\n`)
      return file
    }
    expect(copydesk(db, 'import', story('a.txt', 'Before the backup')).code).toBe(0)
    expect(copydesk(db, 'list').code).toBe(0) // the day's first open with articles: backed up
    expect(copydesk(db, 'import', story('b.txt', 'After the backup')).code).toBe(0)
    corruptArticlesPage(db)
  })

  it('the library says it is damaged, offers the backup with its date, and restores it without claiming later work', async () => {
    const { page, problems } = await strictPage(app.browser())
    await page.goto(app.served().url)
    // (The library's list, refused, is also told in a toast.)
    const notice = page.getByRole('alert').filter({ has: page.getByRole('button', { name: /^Restore the backup from / }) })
    await notice.waitFor()
    expect(await notice.textContent()).toMatch(/The library at .+ is damaged/)
    expect(await notice.textContent()).toMatch(/The newest good backup is from .+\. Restoring it brings the library back as it was then: changes made after that are not in it\./)
    await notice.getByRole('button', { name: /^Restore the backup from / }).click()
    const done = page.getByRole('status').filter({ hasText: 'Restored the library' })
    await done.waitFor()
    expect(await done.textContent()).toMatch(/^Restored the library from the backup of .+ \(1 article\)\. Changes made after .+ are not in it; the library as it was before this restore is kept at .+\.$/)
    await page.getByRole('link', { name: 'Before the backup' }).waitFor()
    expect(await page.getByRole('link', { name: 'After the backup' }).count()).toBe(0)
    // The damaged library's own refusals are answered with 503, which Chromium logs.
    expect(problems.filter((p) => !/status of 503/.test(p))).toEqual([])
  })
})
