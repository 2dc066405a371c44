import { execFileSync } from 'node:child_process'
import { symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArticleFile } from '../../src/main/core/import'
import { openWordPackage, wordProperties } from '../../src/main/core/import/word'
import { readImportFile } from '../../src/main/core/read-file'
import { importFiles } from '../../src/main/electron/import-files'
import {
  backtrackingPropsDocx,
  bigHtml,
  deepHtml,
  docx,
  emptyParagraphsText,
  entityDocx,
  inflatingDocx,
  wordParagraph
} from '../helpers/hostile-files'
import { refusal } from '../helpers/refusal'
import { useTempDir } from '../helpers/tmp'

/** Runs `f`, returning its result and how long it took. */
async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now()
  const value = await f()
  return { value, ms: performance.now() - t0 }
}

describe('a Word file is checked before it is inflated (issue 18, 2)', () => {
  it('refuses a 200 KB file whose text inflates to 200 MB from its sizes alone, in well under a second', async () => {
    const file = await inflatingDocx(200)
    expect(file.length).toBeLessThan(1_000_000)
    const { value, ms } = await timed(() => refusal(readArticleFile('bomb.docx', file)))
    expect(value).toEqual({ code: 'file_too_large', message: expect.stringContaining('its text unpacks to 200 MB') })
    expect(ms).toBeLessThan(1500)
  })

  it('refuses a 5.5 MB file whose text says it holds 1 MB and inflates to 5 GB, after reading a few MB of it', async () => {
    const file = await inflatingDocx(5400, 1_000_000)
    expect(file.length).toBeGreaterThan(5_000_000)
    const before = process.memoryUsage().rss
    const { value, ms } = await timed(() => refusal(readArticleFile('lying.docx', file)))
    expect(value).toEqual({ code: 'corrupt_file', message: expect.stringContaining('unpacks to more than it says it holds') })
    expect(ms).toBeLessThan(5000)
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1048576)
  })

  it('a Word file that uses an entity Word never writes is called damaged, in words, not two lines of parser internals', async () => {
    const r = await refusal(readArticleFile('entity.docx', entityDocx()))
    expect(r).toEqual({ code: 'corrupt_file', message: expect.stringContaining('uses a character name (&nbsp;) that Word files never contain') })
    const message = (r as { message: string }).message
    expect(message).not.toMatch(/xmldom|line:|\n/)
  })
})

describe('the Word properties are read with an XML parser (issue 18, 3)', () => {
  it('reads the 2 KB file of 20,000 unclosed property tags in under 100 ms, and imports it', async () => {
    const file = backtrackingPropsDocx()
    expect(file.length).toBeLessThan(4096)
    // Warm the parser on an ordinary file first: what is timed is the hostile input, not a cold start.
    await wordProperties(await openWordPackage('plain.docx', docx({ core: '<cp:coreProperties><dc:title>T</dc:title></cp:coreProperties>', custom: '<Properties/>' })))
    const zip = await openWordPackage('props.docx', file)
    // The fastest of five, so a busy machine's scheduling is not what is measured (the old expressions took 64 s each time).
    const times: number[] = []
    for (let i = 0; i < 5; i++) times.push((await timed(() => wordProperties(zip))).ms)
    expect(Math.min(...times)).toBeLessThan(100)
    const a = await readArticleFile('props.docx', file)
    expect(a.text).toBe('A short story.')
  })

  it('still reads title, author and the custom properties, entities decoded', async () => {
    const file = docx({
      body: wordParagraph('Fees rise next year, the port said.') + wordParagraph('More of the story.'),
      core: '<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>Fees &amp; fares rise</dc:title><dc:creator>Lee Moss</dc:creator></cp:coreProperties>',
      custom:
        '<?xml version="1.0"?><Properties xmlns:vt="v"><property fmtid="{x}" pid="2" name="Outlet"><vt:lpwstr>The Harbour &lt;Gazette&gt;</vt:lpwstr></property>' +
        '<property pid="3" name="PublishedDate"><vt:lpwstr>2026-03-02</vt:lpwstr></property><property pid="4" name="URL"><vt:lpwstr>https://gazette.example/fees</vt:lpwstr></property></Properties>'
    })
    const a = await readArticleFile('fees.docx', file)
    expect(a).toMatchObject({
      headline: 'Fees & fares rise',
      byline: 'Lee Moss',
      outlet: 'The Harbour <Gazette>',
      publishedAt: '2026-03-02',
      url: 'https://gazette.example/fees'
    })
  })
})

describe('an article is bounded in text, blocks and nesting, the same for every importer (issue 18, 4 and 11)', () => {
  it('refuses 4.5 MB of empty-looking paragraphs as too many paragraphs, in seconds', async () => {
    const { value, ms } = await timed(() => refusal(readArticleFile('empty.txt', emptyParagraphsText(4.5e6))))
    expect(value).toEqual({ code: 'file_too_large', message: expect.stringContaining('more than 100,000 paragraphs') })
    expect(ms).toBeLessThan(5000)
  })

  it('refuses a 9.9 MB page of 6.37 million characters as longer than the 5 million an article may hold', async () => {
    const page = bigHtml(9.9e6, 6.37e6)
    expect(page.length).toBeGreaterThan(8.5e6)
    const r = await refusal(readArticleFile('big.html', page))
    expect(r).toEqual({ code: 'file_too_large', message: expect.stringContaining('Copydesk keeps articles of up to 5,000,000 characters') })
  })

  it('the same limit holds for a text file and a Markdown file', async () => {
    const words = 'word '.repeat(200) + '\n\n'
    const text = Buffer.from('Headline\n\n' + words.repeat(5100))
    expect(await refusal(readArticleFile('long.txt', text))).toMatchObject({ code: 'file_too_large' })
    expect(await refusal(readArticleFile('long.md', text))).toMatchObject({ code: 'file_too_large' })
  })

  it('refuses 100,000 nested elements and 2,000 nested quotes in plain words, with no stack overflow', async () => {
    for (const [name, page] of [
      ['deep.html', deepHtml(100_000)],
      ['quotes.html', deepHtml(2000, 'blockquote')]
    ] as const) {
      const { value, ms } = await timed(() => refusal(readArticleFile(name, page)))
      expect(value, name).toEqual({ code: 'file_too_large', message: expect.stringContaining('nested more than 1,000 levels deep') })
      expect(ms, name).toBeLessThan(3000)
    }
    // Deep enough to pass as a page, too deep as an article's quotes.
    expect(await refusal(readArticleFile('quotes.html', deepHtml(200, 'blockquote')))).toEqual({
      code: 'file_too_large',
      message: expect.stringContaining('The article’s quotes and lists are nested more than 40 levels deep')
    })
    expect(await refusal(readArticleFile('quotes.md', Buffer.from(`# Quotes\n\n${'>'.repeat(2000)} deep`)))).not.toMatchObject({ code: 'internal' })
  })

  it('a paragraph with a long run of spaces inside it is read in linear time (the old /\\s+$/ backtracked)', async () => {
    const text = Buffer.from(`Headline\n\nSpaces${' '.repeat(200_000)}inside.\n`)
    const { value, ms } = await timed(() => readArticleFile('spaces.txt', text))
    expect(value.text.endsWith('inside.')).toBe(true)
    expect(ms).toBeLessThan(1000)
  })
})

describe('only ordinary files are read, and never past the limit (issue 18, 7)', () => {
  const dir = useTempDir()

  it('refuses /dev/zero, a link to it named like an article, and a pipe, without reading them', async () => {
    const link = join(dir(), 'zero.txt')
    symlinkSync('/dev/zero', link)
    const pipe = join(dir(), 'pipe.txt')
    execFileSync('mkfifo', [pipe])
    for (const file of ['/dev/zero', link, pipe]) {
      const { value, ms } = await timed(() => refusal(readImportFile(file)))
      expect(value, file).toEqual({ code: 'unsupported_format', message: expect.stringContaining('is not an ordinary file') })
      expect(ms, file).toBeLessThan(1000)
    }
  })

  it('counts what it reads instead of trusting the reported size (a /proc file reports 0 bytes)', async () => {
    const status = await readImportFile('/proc/self/status')
    expect(status.toString()).toContain('VmRSS')
    expect(await refusal(readImportFile('/proc/self/status', 100))).toEqual({
      code: 'file_too_large',
      message: 'status is larger than 0 MB, the most Copydesk imports.'
    })
  })

  it('File ▸ Open refuses /dev/zero behind an article’s name instead of reading it', async () => {
    const link = join(dir(), 'story.txt')
    symlinkSync('/dev/zero', link)
    const small = join(dir(), 'small.txt')
    writeFileSync(small, 'Small story')
    const sent: string[] = []
    const outcomes = await importFiles([link, small], async (_op, input) => {
      sent.push((input as { fileName: string }).fileName)
      return { ok: true, value: { id: 1, headline: 'Small story' } }
    })
    expect(outcomes[0]).toMatchObject({ ok: false, message: expect.stringContaining('is not an ordinary file') })
    expect(sent).toEqual(['small.txt'])
  })
})
