/**
 * Takes the README's screenshots from the real renderer in Chromium:
 *   npx tsx scripts/screenshots.ts   (after npm run build)
 * Imports the samples into a fresh database, annotates one article as a fact-checker
 * would, and writes docs/screenshots/{library,article,suggestions}.png, and the article and
 * the suggestions in the dark theme (-dark.png).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { annotateByQuote } from '../src/main/core/annotate'
import { createDispatch } from '../src/main/core/dispatch'
import { startHttpDoor } from '../src/main/core/http'
import { readArticleFile } from '../src/main/core/import'
import { createServices } from '../src/main/core/services'
import { openStore } from '../src/main/core/store'
import type { Annotation } from '../src/shared/domain'
import { proposePatch } from '../src/shared/signoff'

const ROOT = join(__dirname, '..')
const OUT = join(ROOT, 'docs', 'screenshots')

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-shots-'))
  const store = openStore(join(dir, 'shots.db'))
  store.setPreferences({ userName: 'Rosa Alvarez', organisation: 'Ledger Fact Desk', organisationUrl: 'https://factdesk.example' })
  const samples = readdirSync(join(ROOT, 'samples')).filter((f) => /\.(txt|html|md|docx)$/.test(f) && f !== 'README.md' && f !== 'city-budget.txt')
  for (const f of [...samples, 'city-budget.txt']) store.insertArticle(await readArticleFile(f, readFileSync(join(ROOT, 'samples', f))))
  const budget = store.listArticles()[0]
  const add = (kind: Annotation['kind'], quote: string): Annotation => annotateByQuote(store, { articleId: budget.id, kind, quote })
  const claim = add('claim', 'raising the property tax rate by 6.8%')
  const record = add('claim', 'the largest increase since 1998')
  add('claim', 'The spending plan is $96 million, or 7.3%, larger than this year\'s budget')
  const quote = add('quote', 'We spent a decade pretending the pension bill would go away if we didn\'t look at it,')
  const becker = add('attribution', 'Becker told reporters')
  add('quote', 'pension bill')
  const rosa = store.personFor('Rosa Alvarez', 'checker').id
  const at = new Date().toISOString()
  const all = store.listAnnotations(budget.id).map((a) => {
    if (a.id === claim.id && a.kind === 'claim') return { ...a, fields: { ...a.fields, status: 'true' as const, ...proposePatch(rosa, at), explanation: 'The adopted ordinance sets the rate 6.8% above 2026.', checkerId: rosa, evidence: [{ url: 'https://riverton.example/ordinance-2026-114', note: 'Adopted budget ordinance' }] } }
    if (a.id === record.id && a.kind === 'claim') return { ...a, fields: { ...a.fields, status: 'in_review' as const, checkerId: rosa } }
    if (a.id === quote.id && a.kind === 'quote') return { ...a, fields: { ...a.fields, speakerId: becker.id, checked: true, checkedNote: 'Council video, 1:42:10' } }
    if (a.id === becker.id && a.kind === 'attribution') return { ...a, fields: { ...a.fields, sourceName: 'Mayor Lorraine Becker', cue: 'told reporters' } }
    return a
  }) as Annotation[]
  const article = store.getArticle(budget.id)
  store.saveArticle({ id: budget.id, baseRevision: article.revision, annotations: all, who: 'Rosa Alvarez' })

  const door = await startHttpDoor({ dispatch: createDispatch(createServices(store)), rendererDir: join(ROOT, 'out', 'renderer') })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      const suffix = colorScheme === 'dark' ? '-dark' : ''
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme })
      await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (r) => r.abort())
      await page.goto(door.url)
      await page.getByRole('table', { name: 'Articles' }).waitFor()
      if (!suffix) await page.screenshot({ path: join(OUT, 'library.png') })

      await page.goto(`${door.url}#/article/${budget.id}`)
      await page.locator('.ProseMirror').waitFor()
      // Once the suggestions are counted, so the tab does not show a passing 0.
      await page.waitForFunction(() => !/\b0$/.test(document.querySelector('[role=tab][id$=suggestions]')?.textContent?.trim() ?? ' 0'))
      await page.getByRole('list', { name: 'Annotation list' }).getByRole('button', { name: /raising the property tax/ }).click()
      await page.getByRole('region', { name: 'Claim details' }).waitFor()
      await page.waitForTimeout(600)
      await page.mouse.move(10, 10)
      await page.screenshot({ path: join(OUT, `article${suffix}.png`) })

      await page.keyboard.press('Escape')
      await page.getByRole('tab', { name: /^Suggestions/ }).click()
      await page.getByRole('button', { name: /^Review the first/ }).click()
      await page.keyboard.press('n')
      await page.keyboard.press('n')
      await page.waitForTimeout(900)
      await page.screenshot({ path: join(OUT, `suggestions${suffix}.png`) })
      await page.close()
    }
  } finally {
    await browser.close()
    await door.close()
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(`Wrote ${['library', 'article', 'article-dark', 'suggestions', 'suggestions-dark'].map((n) => `docs/screenshots/${n}.png`).join(', ')}`)
}

main().catch((err: unknown) => {
  console.error(`screenshots: ${(err as Error).message}`)
  process.exitCode = 1
})
