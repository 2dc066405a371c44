/**
 * Takes the README's export screenshots from real exports:
 *   npx tsx scripts/screenshots-export.ts
 * Imports samples/city-budget.txt into a throwaway database, annotates it as a fact-checker
 * would (claims with verdicts, quotes linked to their speakers, attributions), exports the
 * HTML copy and the PDF through the same operation as the app, and writes
 * docs/screenshots/export-html.png (the copy in Chromium) and export-pdf.png (page 1 of the
 * PDF, by pdftoppm). Reads only samples/; writes only docs/screenshots/.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { annotateByQuote } from '../src/main/core/annotate'
import { createDispatch } from '../src/main/core/dispatch'
import { readArticleFile } from '../src/main/core/import'
import { findChromium, printWithChromium } from '../src/main/core/pdf'
import { createServices } from '../src/main/core/services'
import { openStore, type Store } from '../src/main/core/store'
import type { ExportedFileValue } from '../src/shared/contract'
import type { Annotation, ClaimFields, SourceType } from '../src/shared/domain'
import { approvePatch, isVerdict } from '../src/shared/signoff'

const ROOT = join(__dirname, '..')
const OUT = join(ROOT, 'docs', 'screenshots')
const CHECKER = 'Rosa Alvarez'

/** The sample article with the annotations a desk would have made by the end of a check. */
async function annotatedSample(store: Store): Promise<number> {
  const file = 'city-budget.txt'
  const { id } = store.insertArticle(await readArticleFile(file, readFileSync(join(ROOT, 'samples', file))))
  const add = (kind: Annotation['kind'], quote: string, occurrence?: number): Annotation =>
    annotateByQuote(store, { articleId: id, kind, quote, occurrence })
  const claims: [Annotation, Partial<ClaimFields>][] = [
    [
      add('claim', 'raising the property tax rate by 6.8%'),
      {
        status: 'true',
        explanation: 'The adopted ordinance sets the 2027 rate 6.8% above 2026.',
        evidence: [{ url: 'https://riverton.example/ordinance-2026-114', note: 'Adopted budget ordinance' }]
      }
    ],
    [
      add('claim', 'the largest increase since 1998'),
      { status: 'mostly_true', explanation: 'The 1998 rise was 7.1%; 2009 came close at 6.5%. Largest since 1998 holds.' }
    ],
    [
      add('claim', 'the annual pension contribution was $104 million in 2016'),
      { status: 'false', explanation: 'The 2016 audited statement shows $118 million, not $104 million.' }
    ],
    [
      add('claim', 'more than $60 million sitting in reserves'),
      { status: 'misleading', explanation: 'The $148 million reserve is mostly committed by bond covenants; about $4 million is free.' }
    ],
    [add('claim', 'a downgrade added an estimated $4.3 million to the cost of a single bond issue'), { status: 'in_review' }],
    [
      add('claim', "push Riverton's tax burden above every neighboring suburb"),
      { status: 'false', explanation: "The city's comparison puts Riverton's effective rate below Eastfield and Marlow Heights." }
    ],
    [add('claim', 'the first installment due March 31'), { status: 'unverifiable', explanation: 'The treasurer has not published the 2027 billing calendar.' }]
  ]
  const becker = add('attribution', 'Becker told reporters')
  const vail = add('attribution', 'Vail said')
  const castellanos = add('attribution', 'Castellanos said', 2)
  const pension = add('quote', "We spent a decade pretending the pension bill would go away if we didn't look at it,")
  const twoPercent = add('quote', "If we can't find 2% in a $1.4 billion budget, we aren't looking very hard,")
  const downgrade = add('quote', 'A downgrade would cost us more in interest than the reserve would ever save.')
  const alliance = add('attribution', 'the Riverton Taxpayers Alliance wrote')
  const letter = add('quote', "push Riverton's tax burden above every neighboring suburb.")
  const staff = add('attribution', 'Two council staff members, who spoke on condition of anonymity')

  const sources: Record<string, { name: string; cue: string; type: SourceType }> = {
    [becker.id]: { name: 'Mayor Lorraine Becker', cue: 'told reporters', type: 'person' },
    [vail.id]: { name: 'Council member Terrence Vail', cue: 'said', type: 'person' },
    [castellanos.id]: { name: 'Finance Director Amira Castellanos', cue: 'said', type: 'person' },
    [alliance.id]: { name: 'Riverton Taxpayers Alliance', cue: 'wrote', type: 'organisation' },
    [staff.id]: { name: 'Two council staff members', cue: 'said', type: 'anonymous' }
  }
  const speakers: Record<string, string> = { [pension.id]: becker.id, [twoPercent.id]: vail.id, [downgrade.id]: castellanos.id, [letter.id]: alliance.id }
  const verdicts = new Map(claims.map(([a, f]) => [a.id, f]))
  // The verdicts are approved: a public copy publishes only those.
  const checker = store.personFor(CHECKER, 'checker').id
  const editor = store.personFor('Inés Salgado', 'editor').id
  const at = new Date().toISOString()
  const all = store.listAnnotations(id).map((a): Annotation => {
    if (a.kind === 'claim') {
      const fields = { ...a.fields, checkerId: checker, reviewerId: editor, ...verdicts.get(a.id) }
      return { ...a, fields: { ...fields, ...(isVerdict(fields.status) ? approvePatch(editor, at) : {}) } }
    }
    if (a.kind === 'attribution') return { ...a, fields: { ...a.fields, sourceName: sources[a.id].name, sourceType: sources[a.id].type, cue: sources[a.id].cue } }
    return { ...a, fields: { ...a.fields, speakerId: speakers[a.id] ?? null, checked: a.id === pension.id, checkedNote: a.id === pension.id ? 'Council video, 1:42:10' : '' } }
  })
  store.saveArticle({ id, baseRevision: store.getArticle(id).revision, annotations: all, who: CHECKER })
  return id
}

async function main(): Promise<void> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('Chromium is needed (apt-get install chromium, or set CHROMIUM_PATH)')
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-export-shots-'))
  const store = openStore(join(dir, 'shots.db'))
  try {
    store.setPreferences({ userName: CHECKER, organisation: 'Ledger Fact Desk', organisationUrl: 'https://factdesk.example' })
    const id = await annotatedSample(store)
    const dispatch = createDispatch(createServices(store, { printPdf: printWithChromium }))
    const exported = async (format: 'html' | 'pdf'): Promise<Buffer> => {
      const result = await dispatch('exportArticle', { id, format })
      if (!result.ok) throw new Error(result.error.message)
      return Buffer.from((result.value as { files: ExportedFileValue[] }).files[0].dataBase64, 'base64')
    }

    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
      // The copy is self-contained: anything it tried to fetch would show as a failure here.
      await page.route('**/*', (route) => route.abort())
      await page.setContent((await exported('html')).toString('utf8'), { waitUntil: 'load' })
      // The end of the text with its highlights, and the numbered notes with their verdicts.
      await page.evaluate(() => {
        const notes = document.querySelector<HTMLElement>('.notes')
        if (notes) window.scrollTo(0, notes.getBoundingClientRect().top + window.scrollY - 520)
      })
      await page.screenshot({ path: join(OUT, 'export-html.png') })
    } finally {
      await browser.close()
    }

    const pdf = join(dir, 'copy.pdf')
    writeFileSync(pdf, await exported('pdf'))
    const ppm = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'page')], { encoding: 'utf8' })
    if (ppm.status !== 0) throw new Error(`pdftoppm failed (apt-get install poppler-utils): ${ppm.stderr || ppm.error?.message}`)
    copyFileSync(join(dir, 'page.png'), join(OUT, 'export-pdf.png'))
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
  console.log('Wrote docs/screenshots/export-html.png and docs/screenshots/export-pdf.png')
}

main().catch((err: unknown) => {
  console.error(`screenshots-export: ${(err as Error).message}`)
  process.exitCode = 1
})
