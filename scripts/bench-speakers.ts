/**
 * tsx scripts/bench-speakers.ts [articles] — what people in the news cost as the library grows.
 *
 * Writes a library of `articles` (default 10,000) short articles, each with 8 quotes and
 * attributions naming people drawn from a pool of 2,000 names written as articles write them
 * ("Finance Minister Ana Okoro", "Ms. Okoro", "Okoro") and 2 claims sourced to them, through
 * the same INSERT the store makes (so the triggers fill speaker_mentions), then prints the
 * median of 5 runs of listSpeakers and getSpeaker (derived afresh, and unchanged since the
 * last call), a merge, and what rewriting 10,000 annotations pays for the triggers. Figures, not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/main/core/store'
import { speakerServices } from '../src/main/core/speakers/service'

const ARTICLES = Number(process.argv[2] ?? 10_000)
const FIRST = ['Ana', 'Tomas', 'Mei', 'Kwame', 'Ingrid', 'Rahul', 'Sofia', 'Dmitri', 'Amara', 'Jonas', 'Leila', 'Pedro', 'Yuki', 'Chidi', 'Elena', 'Marek', 'Nadia', 'Owen', 'Priya', 'Felix']
const LAST = Array.from({ length: 100 }, (_, i) => `Okoro Lindqvist Tanaka Mensah Haddad Novak Ferreira Kowalski Abara Silva`.split(' ')[i % 10] + (i >= 10 ? String.fromCharCode(97 + Math.floor(i / 10)) + 'son' : ''))
const TITLES = ['', 'Finance Minister ', 'Mayor ', 'Dr. ', 'Sen. ', 'Councillor ', 'Chief Executive ']

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function time(fn: () => unknown, runs = 5): number {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    out.push(performance.now() - t)
  }
  return median(out)
}

const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-speakers-'))
try {
  const store = openStore(join(dir, 'bench.db'))
  const db = store.db
  const article = db.prepare(
    `INSERT INTO articles (headline, body, text, source_name, source_format, published_at, created_at, updated_at) VALUES (?, '{"type":"doc","content":[{"type":"paragraph"}]}', ?, 'b.txt', 'txt', ?, ?, ?)`
  )
  const annotation = db.prepare(
    `INSERT INTO annotations (id, article_id, kind, start, end, exact, prefix, suffix, fields, origin, placement, created_by, created_at, updated_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '', '', ?, 'manual', 'anchored', 'Bench', ?, 'Bench', ?)`
  )
  let seed = 7
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n)
  const t0 = performance.now()
  db.transaction(() => {
    for (let a = 1; a <= ARTICLES; a++) {
      const day = `2026-${String(1 + (a % 12)).padStart(2, '0')}-${String(1 + (a % 28)).padStart(2, '0')}`
      const id = Number(article.run(`Article ${a}`, 'x'.repeat(400), day, day, day).lastInsertRowid)
      for (let k = 0; k < 4; k++) {
        const first = FIRST[rand(FIRST.length)]
        const last = LAST[rand(LAST.length)]
        const full = `${TITLES[rand(TITLES.length)]}${first} ${last}`
        const att = `a${a}-${k}`
        annotation.run(att, id, 'attribution', k * 80, k * 80 + 20, full, JSON.stringify({ sourceName: full, sourceType: 'person', cue: 'said', note: '' }), day, day)
        annotation.run(`q${a}-${k}`, id, 'quote', k * 80 + 21, k * 80 + 60, '“words”', JSON.stringify({ speakerId: null, speakerName: rand(2) ? `Ms. ${last}` : last, checked: false, checkedNote: '', note: '' }), day, day)
        if (k < 2) annotation.run(`c${a}-${k}`, id, 'claim', k * 80 + 61, k * 80 + 79, 'a figure', JSON.stringify({ status: 'false', explanation: '', evidence: [], checker: '', sourceId: att, note: '' }), day, day)
      }
    }
  })()
  const write = performance.now() - t0
  const mentions = (db.prepare('SELECT count(*) AS n FROM speaker_mentions').get() as { n: number }).n
  const s = speakerServices(store)
  const list = s.listSpeakers({})
  console.log(`${ARTICLES} articles, ${ARTICLES * 10} annotations, ${mentions} speaker mentions; ${list.length} people (written in ${Math.round(write)} ms)`)
  // A write anywhere makes the next call derive afresh (see readArchive); without one it reuses it.
  const touch = (): void => void db.prepare(`INSERT OR REPLACE INTO preferences (key, value) VALUES ('bench', ?)`).run(String(Math.random()))
  console.log(`listSpeakers, derived   ${time(() => (touch(), s.listSpeakers({}))).toFixed(0)} ms (median of 5, the library changed before each)`)
  console.log(`listSpeakers, unchanged ${time(() => s.listSpeakers({})).toFixed(0)} ms`)
  console.log(`getSpeaker, derived     ${time(() => (touch(), s.getSpeaker({ id: list[0].id }))).toFixed(0)} ms (${list[0].name}: ${list[0].quoteCount} quotes, ${list[0].claimCount} claims)`)
  console.log(`getSpeaker, unchanged   ${time(() => s.getSpeaker({ id: list[0].id })).toFixed(0)} ms`)
  console.log(`mergeSpeakers           ${time(() => s.mergeSpeakers({ a: list[1].id, b: list[2].id }), 1).toFixed(0)} ms (derives before and after)`)
  // What the triggers add to a save: 10,000 annotations deleted and inserted again, as the store's save does.
  const rows = db.prepare(`SELECT * FROM annotations WHERE article_id <= 1000`).all() as Record<string, unknown>[]
  const cols = Object.keys(rows[0])
  const insert = db.prepare(`INSERT INTO annotations (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`)
  const rewrite = (): void =>
    db.transaction(() => {
      db.prepare(`DELETE FROM annotations WHERE article_id <= 1000`).run()
      for (const r of rows) insert.run(...cols.map((c) => r[c]))
    })()
  const withTriggers = time(rewrite)
  db.exec('DROP TRIGGER speaker_mentions_insert; DROP TRIGGER speaker_mentions_delete')
  const without = time(rewrite)
  console.log(`rewriting ${rows.length} annotations: ${withTriggers.toFixed(0)} ms with the speaker triggers, ${without.toFixed(0)} ms without`)
  store.close()
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir)
}
