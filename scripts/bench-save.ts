/**
 * npx tsx scripts/bench-save.ts — what a one-word edit costs the server to save.
 *
 * For a 20,000-word and a 100,000-word article with an annotation every ten words (2,000 and
 * 10,000, kinds mixed, some nested), types one word at a time at places spread through the
 * text and saves each edit as the editor's autosave sends it (the same function builds the
 * request). Timed: the server's part, from the request's JSON text to the store's answer
 * (parse, validate, check, write, commit), median and 95th percentile. After the runs the
 * article is read back and compared with what the editor holds, so the figures are of saves
 * that kept everything. Exports benchSave() for scripts/bench.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatch } from '../src/main/core/dispatch'
import { createServices } from '../src/main/core/services'
import { openStore } from '../src/main/core/store'
import { anchorFor } from '../src/shared/anchor'
import type { SaveArticleInput } from '../src/shared/contract'
import type { Annotation } from '../src/shared/domain'
import { articleSchema, type DocJSON } from '../src/shared/schema'
import { annotationChanges, bodyChange } from '../src/shared/save-request'
import { generateArticle } from './bench-data'
import { makeAnnotations } from './bench-interactions'
import { pct } from './bench-stats'

/** Saves timed per article size (after two not timed, to warm up). */
const SAVES = 25
const WARM_UP = 2
const BUDGET_MS = 25

export interface SaveFigures {
  words: number
  annotations: number
  median: number
  p95: number
}

/** One article's edits: times each save's server part, then checks the store kept everything. */
async function measure(words: number): Promise<SaveFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-save-'))
  const store = openStore(join(dir, 'bench.db'))
  try {
    const generated = generateArticle(words)
    const paragraphs = generated.body.content.map((p) => (p.content as { text: string }[])[0].text)
    const created = store.insertArticle({
      headline: `Benchmark: a ${words.toLocaleString('en')}-word article`,
      byline: 'Bench',
      outlet: 'Copydesk',
      url: '',
      publishedAt: '2026-12-07',
      body: generated.body as DocJSON,
      text: generated.text,
      sourceName: 'bench.txt',
      sourceFormat: 'txt'
    })
    let current = makeAnnotations(generated.text, Math.round(words / 10))
    let revision = store.saveArticle({ id: created.id, baseRevision: created.revision, annotations: current, who: 'Bench' }).revision
    let saved = new Map(current.map((a) => [a.id, a]))
    const dispatch = createDispatch(createServices(store))
    let savedDoc = articleSchema.nodeFromJSON(generated.body)
    const times: number[] = []
    for (let i = 0; i < WARM_UP + SAVES; i++) {
      // A word typed at the start of a paragraph, the paragraphs taken in a spread order.
      const p = Math.floor(((i * 0.618034) % 1) * paragraphs.length)
      const at = paragraphs.slice(0, p).reduce((n, t) => n + t.length + 2, 0)
      const word = 'Reportedly '
      paragraphs[p] = word + paragraphs[p]
      const text = paragraphs.join('\n\n')
      current = current.map((a) => shifted(a, text, at, word.length))
      // The editor's document after the edit shares every paragraph but the one typed in.
      const blocks = Array.from({ length: savedDoc.childCount }, (_, j) => savedDoc.child(j))
      blocks[p] = articleSchema.node('paragraph', null, [articleSchema.text(paragraphs[p])])
      const doc = articleSchema.node('doc', null, blocks)
      const input: SaveArticleInput = { id: created.id, baseRevision: revision, bodyChange: bodyChange(savedDoc, doc, text.length), changes: annotationChanges(current, saved) }
      const json = JSON.stringify(input)
      const t0 = performance.now()
      const result = await dispatch('saveArticle', JSON.parse(json))
      const ms = performance.now() - t0
      if (!result.ok) throw new Error(`save ${i} failed: ${result.error.message}`)
      revision = (result.value as { revision: number }).revision
      saved = new Map(current.map((a) => [a.id, a]))
      savedDoc = doc
      if (i >= WARM_UP) times.push(ms)
    }
    const back = store.getArticle(created.id)
    if (back.text !== paragraphs.join('\n\n')) throw new Error('the stored text is not the text saved')
    if (JSON.stringify(back.body) !== JSON.stringify(savedDoc.toJSON())) throw new Error('the stored body is not the body saved')
    const stored = store.listAnnotations(created.id)
    const want = [...current].sort((a, b) => a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end || (a.id < b.id ? -1 : 1))
    if (JSON.stringify(stored) !== JSON.stringify(want)) throw new Error('the stored annotations are not those saved')
    return { words, annotations: current.length, median: pct(times, 50), p95: pct(times, 95) }
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `a` after `length` characters were typed at `at`, as the editor's copy has it. */
function shifted(a: Annotation, text: string, at: number, length: number): Annotation {
  const start = a.anchor.start >= at ? a.anchor.start + length : a.anchor.start
  const end = a.anchor.end > at ? a.anchor.end + length : a.anchor.end
  const anchor = anchorFor(text, start, end)
  const same = anchor.start === a.anchor.start && anchor.end === a.anchor.end && anchor.exact === a.anchor.exact && anchor.prefix === a.anchor.prefix && anchor.suffix === a.anchor.suffix
  return same ? a : { ...a, anchor }
}

/** Measures both sizes and prints them; gives the figures (for scripts/bench.ts). */
export async function benchSave(): Promise<SaveFigures[]> {
  const out: SaveFigures[] = []
  for (const words of [20_000, 100_000]) {
    const f = await measure(words)
    out.push(f)
    const over = f.median > BUDGET_MS ? '  OVER BUDGET' : ''
    console.log(
      `save, one word typed, ${f.words.toLocaleString('en')} words, ${f.annotations.toLocaleString('en')} annotations: server median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms (budget ${BUDGET_MS} ms)${over}`
    )
  }
  const ratio = out[1].median / out[0].median
  console.log(`save, 100,000 words against 20,000: ${ratio.toFixed(2)}x (budget 1.5x)${ratio > 1.5 ? '  OVER BUDGET' : ''}`)
  return out
}

if (require.main === module) {
  benchSave().catch((err: unknown) => {
    console.error(`bench-save: ${(err as Error).message}`)
    process.exitCode = 1
  })
}
