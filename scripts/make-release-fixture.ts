/**
 * npx tsx scripts/make-release-fixture.ts [folder]
 *
 * Writes a library as Copydesk 0.1.0 (schema 3, commit 743249c) wrote it, for the test that
 * a library made by that release loses nothing when a newer Copydesk opens it
 * (tests/store/release-library.test.ts): every sample article imported, annotations of the
 * three kinds with notes, evidence, checkers, links and every kind of history entry (created,
 * updated, retagged, moved, deleted), an orphaned annotation, a text edited after it was
 * annotated, preferences, dismissed suggestions and a deleted article. Beside the .db it
 * writes what that release read back from it (.expected.json): the test compares with that.
 *
 * The fixture is only a fixture when written by that release's code (so this file is left out
 * of the type check: it is typed against that release): run this script in a
 * checkout of 743249c (copy it into scripts/ there), never on a newer tree. The files in
 * tests/fixtures/release-0.1.0/ were made so.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDispatch } from '../src/main/core/dispatch'
import { createServices } from '../src/main/core/services'
import { openStore } from '../src/main/core/store'
import { anchorFor } from '../src/shared/anchor'
import { defaultFields, type Annotation, type AnnotationKind, type FieldsByKind } from '../src/shared/domain'
import type { DocJSON } from '../src/shared/schema'

const ROOT = join(__dirname, '..')
const OUT = process.argv[2] ?? join(ROOT, 'tests', 'fixtures', 'release-0.1.0')
const NAME = 'copydesk-0.1.0'

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const work = join(OUT, `${NAME}.work`)
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work)
  const file = join(work, `${NAME}.db`)
  const store = openStore(file)
  const dispatch = createDispatch(createServices(store))
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const r = await dispatch(op, input)
    if (!r.ok) throw new Error(`${op}: ${r.error.message}`)
    return r.value as T
  }

  await call('setPreferences', { userName: 'Rosa Delgado', organisation: 'Riverton Fact Desk', organisationUrl: 'https://factdesk.example' })
  const samples = readdirSync(join(ROOT, 'samples')).filter((f) => /\.(txt|md|html|docx)$/.test(f) && f !== 'README.md').sort()
  const ids: number[] = []
  for (const name of samples) {
    const bytes = readFileSync(join(ROOT, 'samples', name))
    ids.push((await call<{ id: number }>('importFile', { fileName: name, dataBase64: bytes.toString('base64') })).id)
  }
  await call('importText', { text: 'Ferry fares rise\n\nBy Lee Moss\n\nFares will rise 12% in May, the port authority said on Friday.', headline: 'Ferry fares rise' })

  // Every imported article gets annotations over its own words: a claim, a quote and an
  // attribution the quote is linked to, each with a note; then history of every kind.
  let n = 0
  for (const id of ids) {
    const article = await call<{ text: string; revision: number; body: DocJSON }>('getArticle', { id })
    const sentences = [...article.text.matchAll(/[^.\n]{30,160}[.]/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }))
    if (sentences.length < 4) continue
    const at = (i: number): Annotation['anchor'] => {
      const s = sentences[i]
      let start = s.start
      while (/\s/.test(article.text[start])) start++
      return anchorFor(article.text, start, s.end)
    }
    n++
    const attribution = make(`fx-${id}-attribution`, 'attribution', at(2), { sourceName: 'the city’s budget office', sourceType: 'organisation', cue: 'said', note: `Attribution note ${n}: call the office back.` })
    const quote = make(`fx-${id}-quote`, 'quote', at(1), { speakerId: attribution.id, checked: true, checkedNote: 'Checked against the recording, 14:02.', note: `Quote note ${n}` })
    const claim = make(`fx-${id}-claim`, 'claim', at(0), {
      status: 'in_review',
      explanation: '',
      evidence: [{ url: 'https://data.example/budget-2026.csv', note: 'Line 14 of the adopted budget' }],
      checker: n % 2 ? 'Sam Okafor' : 'Rosa Delgado',
      sourceId: attribution.id,
      note: `Claim note ${n}: ask the desk before publishing.`
    })
    const extra = make(`fx-${id}-extra`, 'claim', at(3), { note: 'A claim that is retagged, then deleted.' })
    let revision = (await call<{ revision: number }>('saveArticle', { id, baseRevision: article.revision, annotations: [attribution, quote, claim, extra] })).revision
    // updated: a verdict with its explanation
    const verdict = { ...claim, fields: { ...claim.fields, status: n % 3 ? 'false' : 'misleading', explanation: `The budget office's own table ${n} says otherwise.` }, updatedAt: later(claim.updatedAt, 1) } as Annotation
    // retagged: the extra claim becomes a quote
    const retagged = { ...extra, kind: 'quote', fields: { ...defaultFields('quote'), note: 'A claim that is retagged, then deleted.' }, updatedAt: later(extra.updatedAt, 1) } as Annotation
    revision = (await call<{ revision: number }>('saveArticle', { id, baseRevision: revision, annotations: [attribution, quote, verdict, retagged] })).revision
    // moved: words typed at the top of the article, then inside the claim; deleted: the extra one
    const edited = structuredClone(article.body) as DocJSON
    const first = edited.content[0].content?.[0]
    if (!first || first.type !== 'text' || !first.text) continue
    first.text = `Updated: ${first.text}`
    const saved = await call<{ text: string }>('getArticle', { id })
    const shift = 'Updated: '.length
    const newText = `Updated: ${saved.text}`
    const moved = [attribution, quote].map((a) => ({ id: a.id, start: a.anchor.start + shift, end: a.anchor.end + shift }))
    const grown = { ...verdict, anchor: anchorFor(newText, verdict.anchor.start + shift, verdict.anchor.end + shift - 1), updatedAt: later(verdict.updatedAt, 1) } as Annotation
    revision = (await call<{ revision: number }>('saveArticle', { id, baseRevision: revision, body: edited, annotations: [grown], moved })).revision
    if (n === 2) {
      // orphaned: an annotation whose words went, kept with its note to re-attach
      const orphan = { ...make(`fx-${id}-orphan`, 'claim', anchorFor(newText, grown.anchor.start, grown.anchor.start + 12), { note: 'Its words were cut from the article.' }), placement: 'orphaned' } as Annotation
      await call('saveArticle', { id, baseRevision: revision, annotations: [grown, orphan], moved: [...moved] })
    }
  }
  const dismissed = ids[0]
  await call('setDismissals', { articleId: dismissed, keys: ['quote|“This is a budget”', 'claim|the largest in the city’s history'], dismissed: true })
  await call('deleteArticle', { id: ids[ids.length - 1] })

  // What this release reads back, through its own store.
  const articles = [...store.listArticles().map((a) => a.id), ids[ids.length - 1]].sort((a, b) => a - b).map((id) => {
    const row = store.db.prepare(`SELECT * FROM articles WHERE id = ?`).get(id) as Record<string, unknown>
    return {
      id,
      headline: row.headline,
      byline: row.byline,
      outlet: row.outlet,
      url: row.url,
      publishedAt: row.published_at,
      body: JSON.parse(String(row.body)),
      text: row.text,
      sourceName: row.source_name,
      sourceFormat: row.source_format,
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deleted: row.deleted_at !== null,
      annotations: store.listAnnotations(id),
      history: store.annotationHistory(id),
      dismissals: store.listDismissals(id)
    }
  })
  const expected = { writtenBy: 'Copydesk 0.1.0 (743249c), schema 3', preferences: store.getPreferences(), articles }
  store.close()
  copyFileSync(file, join(OUT, `${NAME}.db`))
  rmSync(work, { recursive: true, force: true })
  writeFileSync(join(OUT, `${NAME}.expected.json`), `${JSON.stringify(expected, null, 1)}\n`)
  const counts = articles.reduce((c, a) => ({ annotations: c.annotations + a.annotations.length, history: c.history + a.history.length }), { annotations: 0, history: 0 })
  console.log(`Wrote ${join(OUT, NAME)}.db: ${articles.length} articles, ${counts.annotations} annotations, ${counts.history} history entries.`)
}

let clock = Date.parse('2026-11-20T09:00:00.000Z')
/** An annotation made by hand at a time of its own (one minute after the one before). */
function make<K extends AnnotationKind>(id: string, kind: K, anchor: Annotation['anchor'], fields: Partial<FieldsByKind[K]>): Annotation {
  clock += 60_000
  const when = new Date(clock).toISOString()
  return { id, kind, anchor, fields: { ...defaultFields(kind), ...fields }, origin: 'manual', placement: 'anchored', createdBy: 'Rosa Delgado', createdAt: when, updatedBy: 'Rosa Delgado', updatedAt: when } as Annotation
}

function later(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString()
}

main().catch((err: unknown) => {
  console.error(`make-release-fixture: ${(err as Error).message}`)
  process.exitCode = 1
})
