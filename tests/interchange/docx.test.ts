import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildNode, Element } from 'domhandler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Annotation } from '../../src/shared/domain'
import { exportDocx } from '../../src/shared/interchange/docx'
import { annotations, article, history, make, threads } from '../fixtures/interchange/article'
import { elements, parse, textOf } from './dom'
import { readZip } from './zip'

/**
 * The body of word/document.xml read as Word would: the text of its paragraphs joined by
 * blank lines (as Copydesk's plain text is), and for each comment the text between its
 * range start and end.
 */
function readDocument(xml: string) {
  const doc = parse(xml, true)
  const body = elements(doc).find((e) => e.name === 'w:body') as Element
  let text = ''
  let paragraphs = 0
  const starts = new Map<number, number>()
  const ranges = new Map<number, string>()
  const order: string[] = []
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type !== 'tag') continue
      const el = node as Element
      const id = Number(el.attribs['w:id'])
      switch (el.name) {
        case 'w:p':
          if (paragraphs++ > 0) text += '\n\n'
          walk(el.children)
          break
        case 'w:t':
          text += textOf(el)
          break
        case 'w:br':
          text += '\n'
          break
        case 'w:commentRangeStart':
          starts.set(id, text.length)
          order.push(`+${id}`)
          break
        case 'w:commentRangeEnd':
          ranges.set(id, text.slice(starts.get(id), text.length))
          order.push(`-${id}`)
          break
        default:
          walk(el.children)
      }
    }
  }
  walk(body.children)
  return { text, ranges, order, doc }
}

function comments(xml: string): Map<number, { author: string; text: string }> {
  const out = new Map<number, { author: string; text: string }>()
  for (const c of elements(parse(xml, true)).filter((e) => e.name === 'w:comment')) {
    const text = elements(c)
      .filter((e) => e.name === 'w:p')
      .map((p) => elements(p).filter((e) => e.name === 'w:t').map((e) => textOf(e)).join(''))
      .join('\n')
    out.set(Number(c.attribs['w:id']), { author: c.attribs['w:author'], text })
  }
  return out
}

describe('the Word export', () => {
  let bytes: Uint8Array
  let files: Map<string, Buffer>
  beforeAll(async () => {
    bytes = await exportDocx(article, annotations, { includeInternal: true, history, threads })
    files = readZip(bytes)
  })

  it('is a Word package with the document, its comments and its numbering', () => {
    expect(bytes[0]).toBe(0x50) // "PK"
    for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/comments.xml', 'word/numbering.xml']) {
      expect(files.has(name), name).toBe(true)
    }
    expect(files.get('[Content_Types].xml')!.toString()).toContain('/word/comments.xml')
    expect(files.get('word/_rels/document.xml.rels')!.toString()).toContain('comments.xml')
  })

  it('anchors every annotation as a comment on exactly its text, overlapping ones too', () => {
    const { text, ranges, order } = readDocument(files.get('word/document.xml')!.toString())
    // Title and metadata paragraphs come first, then the article's own text.
    expect(text.endsWith(article.text)).toBe(true)
    annotations.forEach((a, i) => expect(ranges.get(i + 1), a.id).toBe(a.anchor.exact))
    // Claims 7 and 8 overlap: 8 starts inside 7 and ends after it.
    const at = (m: string) => order.indexOf(m)
    expect(at('+7')).toBeLessThan(at('+8'))
    expect(at('+8')).toBeLessThan(at('-7'))
    expect(at('-7')).toBeLessThan(at('-8'))
    const references = elements(parse(files.get('word/document.xml')!.toString(), true)).filter(
      (e) => e.name === 'w:commentReference'
    )
    expect(references.map((r) => Number(r.attribs['w:id'])).sort((x, y) => x - y)).toEqual(annotations.map((_, i) => i + 1))
  })

  it('writes each comment with the annotation’s details and author', () => {
    const all = comments(files.get('word/comments.xml')!.toString())
    expect(all.size).toBe(annotations.length)
    const first = all.get(1)!
    expect(first.author).toBe('Dana Reyes')
    expect(first.text).toContain('Claim 1 · Misleading')
    expect(first.text).toContain('Explanation: The 2022 estimate was £31 million')
    expect(first.text).toContain('2022 capital budget, page 14')
    expect(first.text).toContain('Source: Millbrook City Council (comment 2)')
    expect(first.text).toContain('Comment: Dana Reyes, 2024-06-05 11:05: Desk to decide between misleading and false.')
    expect(first.text).toContain('Comment: Lee Park, 2024-06-05 12:40 (edited 2024-06-05 12:44): Misleading: the £48m is right,')
    expect(all.get(5)!.text).toContain('Thread: Resolved by Lee Park, 2024-06-05 13:00')
    expect(all.get(3)!.text).toContain('Speaker: Amara Osei (comment 4)')
  })

  it('leaves the desk’s threads out of a public copy, even when given them', async () => {
    const publicCopy = readZip(await exportDocx(article, annotations, { history, threads }))
    const all = comments(publicCopy.get('word/comments.xml')!.toString())
    expect(all.size).toBe(annotations.length)
    for (const c of all.values()) expect(c.text).not.toMatch(/Comment:|Thread:|Desk to decide|History:/)
  })

  it('keeps headings, the list, emphasis and the link', () => {
    const { doc } = readDocument(files.get('word/document.xml')!.toString())
    const styles = elements(doc).filter((e) => e.name === 'w:pStyle').map((e) => e.attribs['w:val'])
    expect(styles).toContain('Title')
    expect(styles).toContain('Heading2')
    expect(elements(doc).filter((e) => e.name === 'w:numPr')).toHaveLength(2)
    expect(elements(doc).some((e) => e.name === 'w:i')).toBe(true)
    const link = elements(doc).find((e) => e.name === 'w:hyperlink' && textOf(e).includes('council website'))!
    const rels = files.get('word/_rels/document.xml.rels')!.toString()
    const rel = elements(parse(rels, true)).find((e) => e.attribs.Id === link.attribs['r:id'])
    expect(rel?.attribs.Target).toBe('https://council.example.org/bridge-report')
    expect(rel?.attribs.TargetMode).toBe('External')
  })

  it('comments an annotation not found in the text on a closing list', async () => {
    const orphan: Annotation = { ...make('quote', 'q-gone', 'Who pays'), placement: 'orphaned' }
    const zip = readZip(await exportDocx(article, [annotations[0], orphan]))
    const { ranges } = readDocument(zip.get('word/document.xml')!.toString())
    expect(ranges.get(2)).toBe('Who pays')
    expect(comments(zip.get('word/comments.xml')!.toString()).get(2)!.text).toContain('Not found in the text')
  })

  describe('opened by LibreOffice', () => {
    let dir = ''
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'copydesk-docx-'))
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('converts to PDF without error, with the article’s text in it', () => {
      const path = join(dir, 'article.docx')
      writeFileSync(path, bytes)
      if (spawnSync('libreoffice', ['--version'], { encoding: 'utf8' }).status !== 0) {
        // CI installs it (.ci/run); a developer without it is told, not failed.
        if (process.env.CI) throw new Error('libreoffice is not installed; .ci/run should have installed it')
        console.log('libreoffice is not installed: the PDF conversion of the .docx was not checked')
        return
      }
      const run = spawnSync(
        'libreoffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, path],
        { encoding: 'utf8', timeout: 120_000 }
      )
      expect(run.status, run.stderr).toBe(0)
      const pdf = readFileSync(join(dir, 'article.pdf'))
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      const text = spawnSync('pdftotext', [join(dir, 'article.pdf'), '-'], { encoding: 'utf8' })
      if (text.status === 0) {
        const flat = text.stdout.replace(/\s+/g, ' ')
        expect(flat).toContain('The cost of repairing the Millbrook harbour bridge has doubled to £48 million')
        expect(flat).toContain('Steel: up 40% since 2021')
      } else if (process.env.CI) throw new Error('pdftotext is not installed; .ci/run should have installed it')
      else console.log('pdftotext is not installed: the PDF text was not read back')
    }, 150_000)
  })
})
