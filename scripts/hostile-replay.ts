/**
 * Replays the hostile files of issue 18 through the real command line and prints a table:
 * each file, its size, how long the `copydesk` process took (wall clock, start-up included),
 * its peak memory (the process's maximum resident set, worker thread included, from
 * /usr/bin/time) and what it answered. Target: any input up to the 10 MB limit is imported
 * or refused within 10 s and 600 MB.
 *
 *   npm run build && npx tsx scripts/hostile-replay.ts
 *
 * The files are made in a temporary folder and removed afterwards; nothing is committed.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SaxesParser } from 'saxes'
import {
  absentAnnotations,
  backtrackingPropsDocx,
  bigHtml,
  deepHtml,
  docx,
  emptyParagraphsText,
  entityDocx,
  inflatingDocx,
  longArticleText,
  utf16
} from '../tests/helpers/hostile-files'
import { readZip } from '../tests/interchange/zip'

const ROOT = join(__dirname, '..')
const BIN = join(ROOT, 'bin', 'copydesk.js')
const TIME_LIMIT_S = 10
const MEMORY_LIMIT_MB = 600

interface Row {
  file: string
  bytes: number | null
  seconds: number
  peakMb: number
  outcome: string
  withinTarget: boolean
}

/** Runs one copydesk command under /usr/bin/time; its first line of output is the outcome. */
function run(db: string, label: string, bytes: number | null, args: string[]): Row {
  const r = spawnSync('/usr/bin/time', ['-f', '@@%e %M', process.execPath, BIN, '--db', db, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 })
  const stderr = r.stderr ?? ''
  const measured = stderr.match(/@@([\d.]+) (\d+)/)
  const seconds = measured ? Number(measured[1]) : NaN
  const peakMb = measured ? Number(measured[2]) / 1024 : NaN
  const said = `${r.stdout ?? ''}\n${stderr.replace(/@@.*/, '').replace(/^Command exited.*$/m, '')}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)[0] ?? ''
  const outcome = `${r.status === 0 ? 'ok' : r.signal ? `killed (${r.signal})` : `refused (exit ${r.status})`}: ${said.replace(/^copydesk: /, '')}`
  return { file: label, bytes, seconds, peakMb, outcome, withinTarget: seconds <= TIME_LIMIT_S && peakMb <= MEMORY_LIMIT_MB }
}

function size(file: string): number | null {
  try {
    const s = statSync(file)
    return s.isFile() ? s.size : null
  } catch {
    return null
  }
}

/** Parses every XML part of an exported .docx strictly; 'well-formed' or the first fault. */
function checkDocx(file: string): string {
  for (const [name, data] of readZip(readFileSync(file))) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue
    const parser = new SaxesParser()
    let fault = ''
    parser.on('error', (err) => {
      fault ||= `${name}: ${err.message}`
    })
    parser.write(new TextDecoder('utf-8', { fatal: true }).decode(data)).close()
    if (fault) return `ill-formed (${fault})`
  }
  return 'well-formed XML (saxes, strict)'
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm run build')
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-hostile-'))
  const db = join(dir, 'replay.db')
  const rows: Row[] = []
  const file = (name: string, content: Buffer | string): string => {
    const path = join(dir, name)
    writeFileSync(path, content)
    return path
  }
  const importing = (name: string, content: Buffer | string): void => {
    const path = file(name, content)
    rows.push(run(db, name, size(path), ['import', path]))
  }
  try {
    importing('word-inflates-to-200mb.docx', await inflatingDocx(200))
    importing('word-5.5mb-lying-sizes.docx', await inflatingDocx(5400, 1_000_000))
    importing('word-props-20000-unclosed.docx', backtrackingPropsDocx())
    importing('word-undefined-entity.docx', entityDocx())
    // The heaviest Word file accepted: formatted runs, its text part just under the 4 MB it may unpack to.
    const text = 'The council voted to raise the water rates by eight percent next year, the minutes show. '
    const runs = text
      .split(' ')
      .map((w) => `<w:r><w:rPr><w:rFonts w:ascii="Times"/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">${w} </w:t></w:r>`)
      .join('')
    importing('word-3.8mb-of-xml-accepted.docx', docx({ body: `<w:p>${runs}</w:p>`.repeat(2050) }))
    importing('empty-paragraphs-4.5mb.txt', emptyParagraphsText(4.5e6))
    importing('page-9.9mb-6.37m-characters.html', bigHtml(9.9e6, 6.37e6))
    importing('nested-100000-levels.html', deepHtml(100_000))
    importing('nested-2000-blockquotes.html', deepHtml(2000, 'blockquote'))
    importing('article-4.9m-characters-accepted.txt', longArticleText(4_900_000))

    rows.push(run(db, '/dev/zero', null, ['import', '/dev/zero']))
    const zero = join(dir, 'zero.txt')
    symlinkSync('/dev/zero', zero)
    rows.push(run(db, 'zero.txt → /dev/zero', null, ['import', zero]))
    const fifo = join(dir, 'pipe.txt')
    execFileSync('mkfifo', [fifo])
    rows.push(run(db, 'pipe.txt (a named pipe)', null, ['import', fifo]))

    // 200 W3C annotations quoting nothing in a 1 MB article.
    importing('article-1mb.txt', longArticleText(1_000_000))
    const articleId = rows[rows.length - 1].outcome.match(/as article (\d+)/)?.[1] ?? '1'
    const absent = file('absent-200.annotations.jsonld', absentAnnotations(200))
    rows.push(run(db, `absent-200.annotations.jsonld → article ${articleId}`, size(absent), ['import-annotations', articleId, absent]))

    // Noncharacters in a file, lone surrogates in an annotation file; then a Word export of both.
    importing('noncharacters.txt', 'U+FFFE and U+FFFF\n\nFees rise\uffff by 8%\ufffe, the port said.\n')
    const oddId = rows[rows.length - 1].outcome.match(/as article (\d+)/)?.[1] ?? '1'
    const lone = file(
      'lone-surrogates.jsonld',
      JSON.stringify([{ type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'by 8' } }, body: { value: 'a note with \ud800 and \udfff alone' } }])
    )
    rows.push(run(db, `lone-surrogates.jsonld → article ${oddId}`, size(lone), ['import-annotations', oddId, lone]))
    const exported = join(dir, 'odd.docx')
    const exportRow = run(db, `export article ${oddId} as .docx`, null, ['export', oddId, '--format', 'docx', '--internal', '-o', exported])
    rows.push({ ...exportRow, outcome: `${exportRow.outcome}; ${existsSync(exported) ? checkDocx(exported) : 'no file'}` })

    const story = 'Café owners “relieved”\n\nBy Zoë Brontë\n\nThe fee fell by 8% — at last.\n'
    importing('utf16le-with-bom.txt', utf16(story, 'le'))
    importing('utf16be-with-bom.html', utf16(`<h1>Café owners “relieved”</h1><p>The fee fell by 8% — at last.</p>`, 'be'))
    importing('utf16le-without-bom.txt', utf16(story, 'le', false))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }

  for (const r of rows) r.outcome = r.outcome.split(`${dir}/`).join('')
  const mb = (n: number | null): string => (n === null ? '—' : n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`)
  console.log(`| file | bytes | time | peak memory | outcome |`)
  console.log(`| --- | ---: | ---: | ---: | --- |`)
  for (const r of rows) {
    const outcome = r.outcome.length > 160 ? `${r.outcome.slice(0, 157)}…` : r.outcome
    console.log(`| ${r.file} | ${mb(r.bytes)} | ${r.seconds.toFixed(2)} s | ${Math.round(r.peakMb)} MB | ${outcome.replace(/\|/g, '\\|')} |`)
  }
  const over = rows.filter((r) => !r.withinTarget)
  console.log(`\n${rows.length} runs; ${over.length ? `${over.length} over the target (${over.map((r) => r.file).join(', ')})` : `all within ${TIME_LIMIT_S} s and ${MEMORY_LIMIT_MB} MB`}.`)
}

void main()
