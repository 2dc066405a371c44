/**
 * Measures the suggestion engine (src/shared/suggest) against annotated data read by path.
 *
 *   npm run eval -- <corpus folder>          a brat corpus laid out as PolNeAR: text/*.txt and
 *                                            attributions/*.ann (e.g. ../shared/corpora/polnear/dev)
 *   npm run eval -- --claims <file.json>     ClaimBuster sentences: [{ text, label }]
 *   npm run eval                             both, at their usual places beside the project
 *   add --errors quote|source|cue|content    to list misses and false alarms (for development)
 *
 * Nothing from the corpora is kept; a folder or file that is absent is said so, exit 0.
 *
 * PolNeAR: some articles have several annotators' files (name_XXXX.ann); the first one in
 * alphabetical order is used for each article. Brat offsets count code points; they are
 * turned into JavaScript string indices. Discontinuous spans ("a b;c d") keep their pieces.
 * Metrics (precision = right suggestions / suggestions, recall = gold spans found / gold
 * spans, F1 their harmonic mean; spans in one article are compared as sets, duplicates merged):
 * - direct-quote content: gold = the words between a double quotation mark pair inside each
 *   annotated Content span (a quote running over paragraphs is one span, from its first
 *   opening mark to its last closing mark; in a discontinuous Content, a pair whose marks lie
 *   in different pieces counts too: annotators often split a long quotation sentence by
 *   sentence, and reading each piece alone would lose it); predicted = the engine's quote suggestions scored
 *   0.5 or more (a line below gives overlap for every quote suggestion, whatever its score).
 *   Exact: same start and end once spaces are trimmed. Overlap: share at least one character.
 * - source, cue: gold = the Source and Cue spans (a discontinuous one from its first to last
 *   character); predicted = the source and cue of each attribution suggestion. Exact and overlap.
 * - content (overlap): gold = every Content span (any of its pieces); predicted = the content
 *   of each attribution suggestion.
 * - throughput: words (runs of non-space) of all texts / seconds spent in suggest(), one core.
 * - hand tagging: the corpus texts joined into one article of 20,000 words or more; the time of
 *   describeAttribution() on every attribution the engine proposes in it and of speakerForQuote()
 *   on every quote (each called once before, so the code is warm, then timed three times and
 *   the fastest kept), median, 95th percentile and slowest, with the slowest single call of all
 *   and one suggest() over the whole article beside them.
 * ClaimBuster: a sentence is predicted check-worthy when claimScore(text).score >= 0.5;
 * precision, recall and F1 of that against label 1.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { claimScore, describeAttribution, speakerForQuote, suggest, type Suggestion } from '../src/shared/suggest'

interface Piece {
  start: number
  end: number
}
interface Gold {
  label: string
  pieces: Piece[]
}
interface Article {
  name: string
  text: string
  gold: Gold[]
}

/** Maps code-point offsets to string indices (identity when the text has no astral characters). */
function codePointMap(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp
  const idx: number[] = []
  let i = 0
  for (const ch of text) {
    idx.push(i)
    i += ch.length
  }
  idx.push(i)
  return (cp) => idx[cp] ?? i
}

function loadBrat(folder: string): Article[] {
  const annDir = join(folder, 'attributions')
  const files = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort()
  const chosen = new Map<string, string>()
  for (const f of files) {
    const base = f.replace(/_[0-9a-z]{4}\.ann$/, '').replace(/\.ann$/, '')
    if (!chosen.has(base)) chosen.set(base, f)
  }
  const out: Article[] = []
  for (const [base, f] of chosen) {
    const txtPath = join(folder, 'text', base + '.txt')
    if (!existsSync(txtPath)) continue
    const text = readFileSync(txtPath, 'utf8').replace(/^\uFEFF/, '')
    const at = codePointMap(text)
    const gold: Gold[] = []
    for (const line of readFileSync(join(annDir, f), 'utf8').split('\n')) {
      const m = /^T\d+\t(\S+) ([\d ;]+)\t/.exec(line)
      if (!m) continue
      const pieces = m[2].split(';').map((p) => {
        const [a, b] = p.trim().split(/\s+/).map(Number)
        return { start: at(a), end: at(b) }
      })
      gold.push({ label: m[1], pieces })
    }
    out.push({ name: base, text, gold })
  }
  return out
}

const OPEN = /["\u201C\u201E\u00AB]|''|``/y
/** The double-quoted stretches inside one gold Content piece. */
function quotedInside(text: string, p: Piece): Piece[] {
  const out: Piece[] = []
  let open = -1
  for (let i = p.start; i < p.end; i++) {
    const c = text[i]
    const two = text.slice(i, i + 2)
    const isStraight = c === '"' || two === "''"
    const len = two === "''" || two === '``' ? 2 : 1
    const isOpen = c === '\u201C' || c === '\u201E' || c === '\u00AB' || two === '``' || (isStraight && open < 0)
    const isClose = c === '\u201D' || c === '\u00BB' || (isStraight && open >= 0)
    if (open < 0 && isOpen) {
      open = i + len
      i += len - 1
    } else if (open >= 0 && isClose) {
      if (i > open) out.push({ start: open, end: i })
      open = -1
      i += len - 1
    } else if (open >= 0 && c === '\n') {
      // A quote carries on over paragraphs only when the next paragraph opens with a mark.
      let j = i
      while (j < p.end && /\s/.test(text[j])) j++
      OPEN.lastIndex = j
      const m = OPEN.exec(text)
      if (!m) open = -1
      else i = j + m[0].length - 1
    }
  }
  return out
}

/**
 * The quotations inside one Content span: those within a piece, and, when the span has several
 * pieces, those whose opening and closing marks lie in different pieces (one quotation split
 * sentence by sentence).
 */
function quotedInContent(text: string, pieces: Piece[]): Piece[] {
  const within = pieces.flatMap((p) => quotedInside(text, p))
  if (pieces.length < 2) return within
  const inPiece = (i: number): boolean => pieces.some((p) => p.start <= i && i < p.end)
  const across = quotedInside(text, { start: pieces[0].start, end: pieces[pieces.length - 1].end }).filter(
    (q) => !within.some((w) => w.start < q.end && q.start < w.end) && inPiece(q.start - 1) && inPiece(q.end)
  )
  return [...within, ...across]
}

function trimPiece(text: string, p: Piece): Piece {
  let { start, end } = p
  while (start < end && /\s/.test(text[start])) start++
  while (end > start && /\s/.test(text[end - 1])) end--
  return { start, end }
}

class Score {
  tp = 0
  predicted = 0
  found = 0
  gold = 0
  add(predictedRight: number, predicted: number, goldFound: number, gold: number): void {
    this.tp += predictedRight
    this.predicted += predicted
    this.found += goldFound
    this.gold += gold
  }
  line(name: string): string {
    const p = this.predicted ? this.tp / this.predicted : 0
    const r = this.gold ? this.found / this.gold : 0
    const f = p + r ? (2 * p * r) / (p + r) : 0
    return `${name.padEnd(28)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}   (gold ${this.gold}, predicted ${this.predicted})`
  }
}

const key = (p: Piece): string => `${p.start}:${p.end}`
function uniq(ps: Piece[]): Piece[] {
  const m = new Map<string, Piece>()
  for (const p of ps) m.set(key(p), p)
  return [...m.values()]
}
const overlaps = (a: Piece, b: Piece): boolean => a.start < b.end && b.start < a.end

function compare(exact: Score | null, overlap: Score, gold: Piece[][], pred: Piece[], report?: (what: string, p: Piece) => void): void {
  const goldFlat = gold.flat()
  if (exact) {
    const gk = new Set(gold.map((g) => key({ start: g[0].start, end: g[g.length - 1].end })))
    const pk = new Set(pred.map(key))
    const right = [...pk].filter((k) => gk.has(k)).length
    exact.add(right, pk.size, right, gk.size)
  }
  const pr = pred.filter((p) => goldFlat.some((g) => overlaps(p, g))).length
  const gf = gold.filter((g) => g.some((piece) => pred.some((p) => overlaps(p, piece)))).length
  overlap.add(pr, pred.length, gf, gold.length)
  if (report) {
    const gk = new Set(gold.map((g) => key({ start: g[0].start, end: g[g.length - 1].end })))
    const pk = new Set(pred.map(key))
    for (const g of gold) {
      const whole = { start: g[0].start, end: g[g.length - 1].end }
      if (!pk.has(key(whole))) report('MISS', whole)
    }
    for (const p of pred) if (!gk.has(key(p))) report('FALSE', p)
  }
}

function evalBrat(folder: string, errors: string | null): void {
  const arts = loadBrat(folder)
  console.log(`PolNeAR-style corpus ${folder}: ${arts.length} articles (first annotator file of each)`)
  const s = {
    quoteExact: new Score(), quoteOverlap: new Score(), quoteOverlapAll: new Score(), srcExact: new Score(), srcOverlap: new Score(),
    cueExact: new Score(), cueOverlap: new Score(), contentOverlap: new Score()
  }
  let words = 0
  let ms = 0
  for (const a of arts) {
    words += a.text.split(/\s+/).filter(Boolean).length
    const t0 = performance.now()
    const sugg: Suggestion[] = suggest(a.text, { kinds: ['quote', 'attribution'] })
    ms += performance.now() - t0
    const whole = (label: string): Piece[][] => {
      const seen = new Set<string>()
      const out: Piece[][] = []
      for (const g of a.gold) {
        if (g.label !== label) continue
        const ps = g.pieces.map((p) => trimPiece(a.text, p))
        const k = ps.map(key).join(',')
        if (!seen.has(k)) out.push(ps)
        seen.add(k)
      }
      return out
    }
    const contents = whole('Content')
    const goldQuotes = uniq(contents.flatMap((ps) => quotedInContent(a.text, ps)).map((p) => trimPiece(a.text, p)))
    const attrs = sugg.filter((x) => x.kind === 'attribution')
    // Quotes: the ones the engine ranks 0.5 or more count as predicted (the editor shows all of them).
    const predQuotes = uniq(sugg.filter((x) => x.kind === 'quote' && x.score >= 0.5).map((x) => trimPiece(a.text, x)))
    const allQuotes = uniq(sugg.filter((x) => x.kind === 'quote').map((x) => trimPiece(a.text, x)))
    const predSrc = uniq(attrs.flatMap((x) => (x.source ? [x.source] : [])))
    const predCue = uniq(attrs.map((x) => x.cue))
    const predContent = uniq(attrs.flatMap((x) => (x.content ? [x.content] : [])))
    const rep = (kind: string) =>
      errors === kind
        ? (what: string, p: Piece) => {
            const ctx = (a.text.slice(Math.max(0, p.start - 70), p.start) + '[' + a.text.slice(p.start, p.end) + ']' + a.text.slice(p.end, p.end + 50)).replace(/\n/g, ' / ')
            console.log(`${what.padEnd(6)} ${ctx}`)
          }
        : undefined
    compare(s.quoteExact, s.quoteOverlap, goldQuotes.map((p) => [p]), predQuotes, rep('quote'))
    compare(null, s.quoteOverlapAll, goldQuotes.map((p) => [p]), allQuotes)
    compare(s.srcExact, s.srcOverlap, whole('Source'), predSrc, rep('source'))
    compare(s.cueExact, s.cueOverlap, whole('Cue'), predCue, rep('cue'))
    compare(null, s.contentOverlap, contents, predContent, rep('content'))
  }
  console.log(s.quoteExact.line('direct-quote content exact'))
  console.log(s.quoteOverlap.line('direct-quote content overlap'))
  console.log(s.quoteOverlapAll.line('  (every quote, any score)'))
  console.log(s.srcExact.line('source exact'))
  console.log(s.srcOverlap.line('source overlap'))
  console.log(s.cueExact.line('cue exact'))
  console.log(s.cueOverlap.line('cue overlap'))
  console.log(s.contentOverlap.line('content overlap'))
  // Throughput: time the whole engine (all kinds) again over every text, for at least a second.
  let rounds = 0
  let w = 0
  const t0 = performance.now()
  while (performance.now() - t0 < 1000 || rounds < 2) {
    for (const a of arts) suggest(a.text)
    w += words
    rounds++
  }
  const secs = (performance.now() - t0) / 1000
  console.log(`throughput (all kinds)       ${Math.round(w / secs).toLocaleString('en')} words/s over ${rounds} passes of ${words.toLocaleString('en')} words (quote+attribution first pass: ${Math.round(words / (ms / 1000)).toLocaleString('en')} words/s)`)
  handTagging(arts)
}

/** Times the hand-tagging helpers on one long article made of the corpus texts (see the header). */
function handTagging(arts: Article[]): void {
  let text = ''
  for (const a of arts) {
    if (text.split(/\s+/).length >= 20_000) break
    text += a.text + '\n\n'
  }
  const words = text.split(/\s+/).filter(Boolean).length
  const t0 = performance.now()
  const all = suggest(text)
  const whole = performance.now() - t0
  // Each call is timed three times: the fastest says what the work costs, the slowest single
  // call what garbage collection and other programs on the machine add to it.
  let slowest = 0
  const ms = (spans: Suggestion[], f: (t: string, s: number, e: number) => unknown): number[] => {
    for (const x of spans) f(text, x.start, x.end)
    return spans
      .map((x) => {
        let best = Infinity
        for (let k = 0; k < 3; k++) {
          const t = performance.now()
          f(text, x.start, x.end)
          const d = performance.now() - t
          best = Math.min(best, d)
          slowest = Math.max(slowest, d)
        }
        return best
      })
      .sort((a, b) => a - b)
  }
  const line = (name: string, t: number[]): string => {
    const at = (q: number): string => (t.length ? t[Math.min(t.length - 1, Math.floor(q * t.length))].toFixed(2) : '-')
    return `${name.padEnd(28)} median ${at(0.5)} ms  p95 ${at(0.95)} ms  slowest ${at(1)} ms  (${t.length} calls, fastest of 3 each)`
  }
  console.log(`hand tagging on one article of ${words.toLocaleString('en')} words (suggest() on all of it: ${whole.toFixed(0)} ms):`)
  console.log(line('  describeAttribution', ms(all.filter((x) => x.kind === 'attribution'), describeAttribution)))
  console.log(line('  speakerForQuote', ms(all.filter((x) => x.kind === 'quote'), speakerForQuote)))
  console.log(`  slowest single call, with garbage collection and the machine's other work: ${slowest.toFixed(1)} ms`)
}

function evalClaims(file: string, errors: string | null): void {
  const rows = JSON.parse(readFileSync(file, 'utf8')) as Array<{ text: string; label: number }>
  const s = new Score()
  let tp = 0
  let pred = 0
  let gold = 0
  for (const r of rows) {
    const yes = claimScore(r.text).score >= 0.5
    if (yes) pred++
    if (r.label === 1) gold++
    if (yes && r.label === 1) tp++
    if (errors === 'claims' && yes !== (r.label === 1)) console.log(`${yes ? 'FALSE' : 'MISS '} ${claimScore(r.text).score} ${r.text}`)
  }
  s.add(tp, pred, tp, gold)
  console.log(`ClaimBuster ${file}: ${rows.length} sentences`)
  console.log(s.line('check-worthy (score >= 0.5)'))
}

function main(argv: string[]): void {
  const errAt = argv.indexOf('--errors')
  const errors = errAt >= 0 ? argv[errAt + 1] : null
  const args = errAt >= 0 ? argv.filter((_, i) => i !== errAt && i !== errAt + 1) : argv
  const claimsAt = args.indexOf('--claims')
  const root = resolve(import.meta.dirname, '..')
  const claimsFile = claimsAt >= 0 ? args[claimsAt + 1] : args.length === 0 ? join(root, '../shared/corpora/claimbuster/train.json') : null
  const folders = args.filter((_, i) => claimsAt < 0 || (i !== claimsAt && i !== claimsAt + 1))
  if (args.length === 0) folders.push(join(root, '../shared/corpora/polnear/dev'))
  for (const folder of folders) {
    if (!existsSync(folder) || !statSync(folder).isDirectory() || !existsSync(join(folder, 'attributions'))) {
      console.log(`corpus folder ${folder} is absent (needs text/ and attributions/): skipped`)
      continue
    }
    evalBrat(folder, errors)
  }
  if (claimsFile) {
    if (!existsSync(claimsFile)) console.log(`claims file ${claimsFile} is absent: skipped`)
    else evalClaims(claimsFile, errors)
  }
}

main(process.argv.slice(2))
