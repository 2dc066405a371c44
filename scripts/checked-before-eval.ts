/**
 * "Checked before", measured on the labelled set in tests/fixtures/checked-before/claims.json:
 * each earlier claim goes into a fresh library (one article each, with its verdict), each new
 * claim is looked up, and the top 3 are compared with the claims labelled the same.
 *
 *   npx tsx scripts/checked-before-eval.ts
 *
 * Precision at 3: of the matches offered (at most 3 per claim), how many are right.
 * Recall at 3: of the right matches, how many were offered.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkedBefore } from '../src/main/core/search/checked-before'
import { openStore } from '../src/main/core/store'
import type { ClaimStatus } from '../src/shared/domain'
import { defaultFields } from '../src/shared/domain'

interface LabelledSet {
  earlier: { id: string; status: ClaimStatus; text: string }[]
  new: { text: string; same: string[] }[]
}

export interface Evaluation {
  precision: number
  recall: number
  offered: number
  right: number
  labelled: number
  /** The claims where what was offered is not what was labelled. */
  misses: { text: string; offered: string[]; same: string[] }[]
}

/** Runs the labelled set through checkedBefore on a real library file. */
export function evaluate(file = join(__dirname, '..', 'tests', 'fixtures', 'checked-before', 'claims.json')): Evaluation {
  const set = JSON.parse(readFileSync(file, 'utf8')) as LabelledSet
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-checked-before-'))
  const store = openStore(join(dir, 'library.db'))
  try {
    for (const e of set.earlier) {
      const a = store.insertArticle({ headline: `Story ${e.id}`, byline: '', outlet: 'Desk', url: '', publishedAt: '2026-01-01', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: e.text }] }] }, text: e.text, sourceName: `${e.id}.txt`, sourceFormat: 'txt' })
      const at = '2026-01-02T00:00:00.000Z'
      store.saveArticle({
        id: a.id,
        baseRevision: 1,
        who: '',
        annotations: [{ id: e.id, kind: 'claim', anchor: { start: 0, end: e.text.length, exact: e.text, prefix: '', suffix: '' }, fields: { ...defaultFields('claim'), status: e.status }, origin: 'manual', placement: 'anchored', createdBy: '', createdAt: at, updatedBy: '', updatedAt: at }]
      })
    }
    let offered = 0
    let right = 0
    let labelled = 0
    const misses: Evaluation['misses'] = []
    for (const n of set.new) {
      const found = checkedBefore(store.db, { text: n.text, limit: 3 }).map((m) => m.annotationId)
      offered += found.length
      right += found.filter((id) => n.same.includes(id)).length
      labelled += n.same.length
      if (found.join() !== n.same.join()) misses.push({ text: n.text, offered: found, same: n.same })
    }
    return { precision: offered ? right / offered : 1, recall: labelled ? right / labelled : 1, offered, right, labelled, misses }
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  const r = evaluate()
  console.log(`Checked before, on ${r.labelled} labelled matches: precision at 3 ${(r.precision * 100).toFixed(1)}% (${r.right} of ${r.offered} offered), recall at 3 ${(r.recall * 100).toFixed(1)}% (${r.right} of ${r.labelled})`)
  for (const m of r.misses) console.log(`  ${m.text}\n    offered [${m.offered.join(', ')}], labelled [${m.same.join(', ')}]`)
}
