import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Document, Packer, Paragraph, HeadingLevel, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import { readArticleFile } from '../../src/main/core/import'
import { CopydeskError } from '../../src/shared/errors'

const SAMPLES = join(__dirname, '..', '..', 'samples')
const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'no error'
  } catch (err) {
    return err instanceof CopydeskError ? err.code : `unexpected ${String(err)}`
  }
}

describe('importing the sample articles', () => {
  const files = readdirSync(SAMPLES).filter((f) => /\.(txt|html|md|docx)$/.test(f) && f !== 'README.md')

  it('there are at least six samples across .txt, .html, .md and .docx', () => {
    expect(files.length).toBeGreaterThanOrEqual(6)
    for (const ext of ['.txt', '.html', '.md', '.docx']) expect(files.some((f) => f.endsWith(ext)), ext).toBe(true)
  })

  it.each(files)('%s opens with a headline, a byline and the whole story', async (name) => {
    const a = await readArticleFile(name, readFileSync(join(SAMPLES, name)))
    expect(a.headline.length).toBeGreaterThan(10)
    expect(a.headline).not.toBe(name.replace(/\.[^.]+$/, ''))
    expect(a.byline).not.toBe('')
    expect(a.text.split(/\s+/).length).toBeGreaterThan(250)
    // The headline is metadata, not repeated as the body's first line.
    expect(a.text.startsWith(a.headline)).toBe(false)
    expect(a.body.content.length).toBeGreaterThan(3)
  })
})

describe('reading each format', () => {
  it('detail lines under a headline give byline, outlet, date and URL, and are not story text', async () => {
    const a = await readArticleFile(
      'x.txt',
      enc('Harbour fees to double\nBy Lee Moss\nThe Harbour Gazette\nMarch 2, 2026\nhttps://gazette.example/fees\n\nFees rise 100% next year, the port said.\n')
    )
    expect(a).toMatchObject({ byline: 'Lee Moss', outlet: 'The Harbour Gazette', publishedAt: '2026-03-02', url: 'https://gazette.example/fees' })
    expect(a.text).toBe('Fees rise 100% next year, the port said.')
    const dateline = await readArticleFile('y.txt', enc('Headline here\n\nThe Ledger · 3 November 2026\n\nStory text.\n'))
    expect(dateline).toMatchObject({ outlet: 'The Ledger', publishedAt: '2026-11-03' })
    // A short first sentence is story text, not an outlet.
    const story = await readArticleFile('z.txt', enc('Headline here\n\nMayor Park resigned\n\nMore text.\n'))
    expect(story.text.startsWith('Mayor Park resigned')).toBe(true)
  })

  it('a text file: first line headline, then byline and date lines, paragraphs on blank lines', async () => {
    const a = await readArticleFile(
      'story.txt',
      enc('\ufeffCouncil approves record budget\r\n\r\nBy Ana Ruiz\r\nNovember 3, 2026\r\n\r\nFirst paragraph.\r\nSame paragraph, new line.\r\n\r\n“Second,” she said.\r\n')
    )
    expect(a).toMatchObject({ headline: 'Council approves record budget', byline: 'Ana Ruiz', publishedAt: '2026-11-03', sourceFormat: 'txt' })
    expect(a.text).toBe('First paragraph.\nSame paragraph, new line.\n\n“Second,” she said.')
  })

  it('an HTML page: meta tags give the details, the structure is kept, scripts are gone', async () => {
    const html = `<!doctype html><html><head><title>Site | Story</title>
      <meta property="og:title" content="Water rates to rise 8%">
      <meta name="author" content="Sam Lee"><meta property="og:site_name" content="Valley News">
      <meta property="og:url" content="https://news.example/water"><meta property="article:published_time" content="2026-05-01T08:00:00Z">
      <script>alert('x')</script></head><body><nav>Menu</nav><article><h1>Water rates to rise 8%</h1>
      <p>The board <em>voted</em> on <strong>Monday</strong>, <a href="https://board.example/minutes">minutes show</a>.</p>
      <blockquote><p>“We had no choice,” the chair said.</p></blockquote>
      <ul><li>Residential: 8%</li><li>Business: 5%</li></ul>
      <p onclick="steal()">Clean <a href="javascript:alert(1)">link</a><img src="http://tracker.example/p.gif"></p>
      <iframe src="https://evil.example"></iframe></article></body></html>`
    const a = await readArticleFile('water.html', enc(html))
    expect(a).toMatchObject({ headline: 'Water rates to rise 8%', byline: 'Sam Lee', outlet: 'Valley News', url: 'https://news.example/water', publishedAt: '2026-05-01T08:00:00.000Z' })
    expect(a.text).toBe('The board voted on Monday, minutes show.\n\n“We had no choice,” the chair said.\n\nResidential: 8%\n\nBusiness: 5%\n\nClean link')
    const json = JSON.stringify(a.body)
    expect(json).toContain('"type":"blockquote"')
    expect(json).toContain('"type":"bullet_list"')
    expect(json).toContain('"href":"https://board.example/minutes"')
    for (const bad of ['alert', 'javascript', 'tracker', 'steal', 'iframe', 'evil', 'Menu']) expect(json).not.toContain(bad)
  })

  it('Markdown: front matter gives the details; emphasis, lists, quotes and links are kept', async () => {
    const md = `---\ntitle: "Transit ridership hits record"\nauthor: Maya Chen\noutlet: Metro Daily\nurl: https://metro.example/transit\ndate: 2026-09-14\n---\n\n# Transit ridership hits record\n\nRidership rose **12%** in *August*, [the agency said](https://agency.example).\n\n> “Trains are full,” a rider said.\n\n1. Buses\n2. Trains\n\n<script>alert(1)</script>\n`
    const a = await readArticleFile('transit.md', enc(md))
    expect(a).toMatchObject({ headline: 'Transit ridership hits record', byline: 'Maya Chen', outlet: 'Metro Daily', url: 'https://metro.example/transit', publishedAt: '2026-09-14' })
    expect(a.text).toBe('Ridership rose 12% in August, the agency said.\n\n“Trains are full,” a rider said.\n\nBuses\n\nTrains')
    expect(JSON.stringify(a.body)).toContain('"type":"ordered_list"')
  })

  it('a Word document: title, byline paragraph, formatted paragraphs', async () => {
    const doc = new Document({
      creator: 'Jo Park',
      title: 'Port traffic falls 3%',
      sections: [
        {
          children: [
            new Paragraph({ text: 'Port traffic falls 3%', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'By Jo Park' }),
            new Paragraph({ children: [new TextRun('Container volume fell '), new TextRun({ text: '3%', bold: true }), new TextRun(' in October.')] }),
            new Paragraph({ text: '“It is seasonal,” the port director said.' })
          ]
        }
      ]
    })
    const a = await readArticleFile('port.docx', await Packer.toBuffer(doc))
    expect(a).toMatchObject({ headline: 'Port traffic falls 3%', byline: 'Jo Park', sourceFormat: 'docx' })
    expect(a.text).toBe('Container volume fell 3% in October.\n\n“It is seasonal,” the port director said.')
    expect(JSON.stringify(a.body)).toContain('"type":"strong"')
  })
})

describe('bad input gets a clear error', () => {
  it('an empty file', async () => {
    expect(await codeOf(readArticleFile('empty.txt', new Uint8Array()))).toBe('empty_file')
    expect(await codeOf(readArticleFile('blank.md', enc('  \n\n '))) ).toBe('empty_file')
  })

  it('a binary file called .txt', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256)
    await expect(readArticleFile('photo.txt', bytes)).rejects.toThrow(/does not look like a text file/)
  })

  it('a 50 MB file is refused before it is read', async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61)
    await expect(readArticleFile('huge.txt', big)).rejects.toThrow(/50\.0 MB; Copydesk opens articles up to 10 MB/)
  })

  it('an unknown extension', async () => {
    await expect(readArticleFile('notes.xyz', enc('text'))).rejects.toThrow(/reads \.txt, \.html, \.md and \.docx files, not \.xyz/)
  })

  it('a .docx that is not a zip, or is cut short', async () => {
    expect(await codeOf(readArticleFile('fake.docx', enc('just text')))).toBe('corrupt_file')
    const real = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Some words here.')] }] }))
    expect(await codeOf(readArticleFile('cut.docx', real.subarray(0, real.length >> 1)))).toBe('corrupt_file')
  })

  it('broken HTML still gives its text', async () => {
    const a = await readArticleFile('broken.html', enc('<html><body><div><p>First <b>bold <i>both</b> italic?</p></span><p>Second paragraph</div></div>'))
    expect(a.text).toContain('First bold both')
    expect(a.text).toContain('Second paragraph')
  })

  it('HTML with nothing but scripts and handlers has no article text', async () => {
    expect(await codeOf(readArticleFile('x.html', enc('<script>alert(1)</script><img src=x onerror=alert(1)>')))).toBe('empty_file')
  })

  it('Markdown with broken front matter', async () => {
    await expect(readArticleFile('x.md', enc('---\ntitle: [unclosed\n---\n\nText here.'))).rejects.toThrow(/front matter of "x.md" is not valid YAML/)
  })

  it('every file in samples/broken is refused or cleaned, never a crash', async () => {
    const dir = join(SAMPLES, 'broken')
    for (const name of readdirSync(dir).filter((f) => !f.endsWith('.md'))) {
      const result = await readArticleFile(name, readFileSync(join(dir, name))).then(
        (a) => ({ ok: true as const, a }),
        (e: unknown) => ({ ok: false as const, e })
      )
      if (result.ok) {
        expect(name, 'only the HTML files can be cleaned into an article').toMatch(/\.html$/)
        expect(JSON.stringify(result.a.body)).not.toMatch(/script|onerror|onclick|javascript:|iframe/i)
      } else {
        expect(result.e, name).toBeInstanceOf(CopydeskError)
      }
    }
  })
})
