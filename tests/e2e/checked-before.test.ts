import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/core/store'
import { useServedApp } from '../helpers/app'
import { openFromList } from '../helpers/article'
import { annotationOn, newArticle } from '../helpers/articles'
import { axeViolations, severe } from '../helpers/axe'
import { strictPage } from '../helpers/browser'
import { copydesk } from '../helpers/cli'
import { waitSaved } from '../helpers/editor'
import { sampleSearchLibrary } from '../helpers/search-library'

const SHOTS = process.env.COPYDESK_SCREENSHOTS
const NEW_CLAIM = 'a 6.8 per cent rise in the property tax rate'

/** The samples with the budget claim checked, and a later story making the same claim in other words. */
function seed(db: string): void {
  sampleSearchLibrary(db)
  const store = openStore(db)
  const a = store.insertArticle(newArticle([`Homeowners in Riverton face ${NEW_CLAIM} next year, the council said.`, 'The vote was 7-2.'], 'What the new budget means for homeowners'))
  store.saveArticle({ id: a.id, baseRevision: 1, annotations: [annotationOn(a.text, NEW_CLAIM, 'claim', 'c-new')], who: 'Test' })
  store.close()
}

describe('checked before, in a claim’s details', () => {
  const app = useServedApp(seed)

  it('shows the earlier check with its verdict and article, and one click links it and copies its evidence', async () => {
    const { page, problems } = await strictPage(app.browser())
    const id = JSON.parse(copydesk(app.db(), '--json', 'search', 'homeowners', 'kind:article').stdout).hits[0].articleId as number
    await page.goto(`${app.served().url}#/article/${id}`)
    await page.locator('.ProseMirror').waitFor()
    await openFromList(page, new RegExp(NEW_CLAIM.slice(0, 20)))
    const region = page.getByRole('region', { name: 'Checked before' })
    await region.waitFor()
    expect(await region.locator('li').count()).toBe(1)
    expect(await region.textContent()).toContain('True')
    expect(await region.textContent()).toContain('“raising the property tax rate by 6.8%”')
    expect(await region.getByRole('link').textContent()).toMatch(/^Riverton council passes \$1\.42 billion budget/)
    expect(severe(await axeViolations(page))).toEqual([])
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'checked-before.png') })

    await region.getByRole('button', { name: 'Same claim: link and copy its evidence' }).click()
    await region.getByText('Linked: the same claim.').waitFor()
    await expect.poll(() => page.getByRole('list', { name: 'Evidence' }).textContent()).toContain('ordinance-2026-41')
    await waitSaved(page)

    const stored = JSON.parse(copydesk(app.db(), '--json', 'annotations', String(id)).stdout) as { id: string; sameAs: string | null; evidence: { url: string }[] }[]
    const claim = stored.find((a) => a.id === 'c-new')!
    expect(claim.sameAs).toBe('c-rate')
    expect(claim.evidence.map((e) => e.url)).toEqual(['https://riverton.example/council/ordinance-2026-41'])
    expect(problems).toEqual([])
  })
})
