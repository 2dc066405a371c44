/**
 * Prints how long the Claims view's first page and a later page take over a library of
 * many claims (default 1,000,000 annotations, all claims, in 100,000 articles): each filter
 * the view drives by, read through the store as the app and `copydesk claims` read it.
 * Usage: tsx scripts/claims-scale.ts [annotations] [file]  (the file is kept and reused).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { openStore } from '../src/main/core/store'
import { CLAIM_STATUSES, VERDICTS } from '../src/shared/domain'
import type { ClaimQuery } from '../src/shared/claims'

const total = Number(process.argv[2] ?? 1_000_000)
const file = process.argv[3] ?? join(tmpdir(), `copydesk-claims-${total}.db`)
const fresh = !existsSync(file)
const store = openStore(file)
const people = Array.from({ length: 20 }, (_, i) => (fresh ? store.addPerson({ name: `Checker ${i + 1}`, role: i < 4 ? 'editor' : 'checker' }) : store.listPeople()[i]))

if (fresh) {
  const started = performance.now()
  const text = 'The council said rents rose 14 per cent last year, the largest rise since 1998, and fares fell. '.repeat(3)
  const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
  const article = store.db.prepare(`INSERT INTO articles (headline, body, text, source_name, source_format, created_at, updated_at) VALUES (?, ?, ?, 'gen.txt', 'txt', ?, ?)`)
  const claim = store.db.prepare(
    `INSERT INTO annotations (id, article_id, kind, start, end, exact, prefix, suffix, fields, origin, placement, created_by, created_at, updated_by, updated_at)
     VALUES (?, ?, 'claim', 17, 41, 'rents rose 14 per cent l', '', '', ?, 'manual', 'anchored', 'gen', ?, 'gen', ?)`
  )
  let seed = 1
  const rnd = (): number => ((seed = (seed * 48271) % 2147483647) / 2147483647)
  const perArticle = 10
  store.db.transaction(() => {
    for (let a = 0; a < total / perArticle; a++) {
      const at = new Date(Date.UTC(2024, 0, 1) + a * 600_000).toISOString()
      const id = Number(article.run(`Story ${a}`, body, text, at, at).lastInsertRowid)
      for (let c = 0; c < perArticle; c++) {
        const status = CLAIM_STATUSES[Math.floor(rnd() * CLAIM_STATUSES.length)]
        const verdict = VERDICTS.includes(status)
        const fields = {
          status, explanation: '', evidence: [], sourceId: null, note: '',
          checkerId: rnd() < 0.2 ? null : people[Math.floor(rnd() * people.length)].id,
          reviewerId: rnd() < 0.5 ? null : people[Math.floor(rnd() * 4)].id,
          due: rnd() < 0.3 ? `2026-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-1${Math.floor(rnd() * 9)}` : '',
          signoff: verdict ? (rnd() < 0.5 ? 'approved' : 'proposed') : 'none',
          signedOffBy: null, signedOffAt: '', returnReason: ''
        }
        const when = new Date(Date.parse(at) + c * 1000).toISOString()
        claim.run(`g-${a}-${c}`, id, JSON.stringify(fields), when, when)
      }
    }
  })()
  store.db.exec('ANALYZE')
  console.log(`built ${total} claims in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`)
}

const queries: [string, ClaimQuery][] = [
  ['every claim, newest change first', {}],
  ['status false', { statuses: ['false'] }],
  ['status false or misleading', { statuses: ['false', 'misleading'] }],
  ['checker', { checkerId: people[7].id }],
  ['no checker', { checkerId: 'none' }],
  ['needs review', { needsReview: true }],
  ['due soonest', { sort: 'due' }],
  ['checker + status false', { checkerId: people[7].id, statuses: ['false'] }]
]
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log('query'.padEnd(34), 'first page ms (median of 5)', '  3rd page ms (median of 5)')
for (const [name, q] of queries) {
  const firsts: number[] = []
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    store.listClaims({ ...q, limit: 100 })
    firsts.push(performance.now() - t)
  }
  const p1 = store.listClaims({ ...q, limit: 100 })
  const p2 = p1.nextCursor ? store.listClaims({ ...q, limit: 100, cursor: p1.nextCursor }) : null
  const thirds: number[] = []
  for (let i = 0; i < 5 && p2?.nextCursor; i++) {
    const t = performance.now()
    store.listClaims({ ...q, limit: 100, cursor: p2.nextCursor })
    thirds.push(performance.now() - t)
  }
  console.log(name.padEnd(34), median(firsts).toFixed(1).padStart(10), (thirds.length ? median(thirds).toFixed(1) : '—').padStart(22))
}
store.close()
