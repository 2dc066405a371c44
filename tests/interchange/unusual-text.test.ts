import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { SaxesParser } from 'saxes'
import { beforeEach, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../src/main/core/dispatch'
import { createServices } from '../../src/main/core/services'
import { openStore, type Store } from '../../src/main/core/store'
import { EXPORT_FORMATS, type ExportedFileValue } from '../../src/shared/contract'
import { parseBrat } from '../../src/shared/interchange'
import { annotationOn, docOf, newArticle } from '../helpers/articles'
import { useTempDir } from '../helpers/tmp'
import { parse, textOf } from './dom'
import { readZip } from './zip'

/** Text as Word would refuse it: noncharacters, lone surrogates, a control character. */
const PARAGRAPHS = ['Fees \ud800rise\uffff by 8%, the port said\ufffe today.', 'Then \u{10FFFF} and \u0001 and \udc00 again.']
const UNWANTED = /[\ufffe\uffff\u0001]|\udbff\udfff|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u

/** Parses an XML part strictly (XML 1.0's characters, well-formedness), throwing on the first fault. */
function strictXml(xml: string): void {
  const parser = new SaxesParser()
  parser.on('error', (err) => {
    throw err
  })
  parser.write(xml).close()
}

/** Decodes bytes as UTF-8, refusing anything that is not (a lone surrogate cannot be written in UTF-8). */
function utf8(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
}

/** Checks one exported file with a parser for its format; returns its text. */
function checkExport(format: string, f: ExportedFileValue): string {
  const bytes = Buffer.from(f.dataBase64, 'base64')
  if (format === 'docx') {
    const parts = readZip(bytes)
    let all = ''
    for (const [name, data] of parts) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue
      const xml = utf8(data)
      expect(() => strictXml(xml), name).not.toThrow()
      all += xml
    }
    return all
  }
  const text = utf8(bytes)
  if (format === 'html') textOf(parse(text))
  if (format === 'md') new MarkdownIt().render(text)
  if (format === 'w3c' || format === 'claimreview') JSON.parse(text)
  if (f.fileName.endsWith('.ann')) parseBrat(text)
  if (format === 'csv') expect(text.split('\r\n').length).toBeGreaterThan(2)
  return text
}

describe('every export of text with noncharacters and lone surrogates is well-formed (issue 18, 8)', () => {
  const dir = useTempDir()
  let store: Store
  let dispatch: Dispatch
  beforeEach(async () => {
    store = openStore(join(dir(), 'c.db'))
    dispatch = createDispatch(createServices(store))
    store.setPreferences({ organisation: 'Harbour Checks', organisationUrl: 'https://checks.example' })
    return () => store.close()
  })

  const exportAll = async (id: number): Promise<Map<string, string>> => {
    const out = new Map<string, string>()
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'pdf')) {
      // Unapproved verdicts too: ClaimReview would otherwise leave the claim (and its text) out.
      const r = await dispatch('exportArticle', { id, format, includeInternal: true, includeUnapproved: true })
      expect(r.ok, format).toBe(true)
      for (const f of (r as { value: { files: ExportedFileValue[] } }).value.files) out.set(f.fileName, checkExport(format, f))
    }
    return out
  }

  it('sent through the contract: every format parses and none holds the characters', async () => {
    store.insertArticle(newArticle())
    const text = PARAGRAPHS.join('\n\n')
    const claim = annotationOn(text, 'by 8%', 'claim', 'c1', { status: 'false', explanation: 'Minutes say 6%\uffff. desk \ud800 checker' })
    const saved = await dispatch('saveArticle', { id: 1, baseRevision: 1, meta: { headline: 'Fees\uffff rise' }, body: docOf(PARAGRAPHS), annotations: [claim] })
    expect(saved.ok).toBe(true)
    const files = await exportAll(1)
    expect(files.size).toBe(8)
    for (const [name, text] of files) {
      expect(UNWANTED.test(text), name).toBe(false)
      expect(text.includes('\ufffd') || name.endsWith('.ann'), name).toBe(true)
    }
  })

  it('stored before the contract cleaned text: the Word export still opens', async () => {
    // Written straight to the store, as an older Copydesk let it through.
    const text = PARAGRAPHS.join('\n\n')
    store.insertArticle({ ...newArticle(PARAGRAPHS, 'Fees\uffff rise'), text }, [annotationOn(text, 'by 8%', 'claim', 'c1', { explanation: 'x\uffffy' })])
    const r = await dispatch('exportArticle', { id: 1, format: 'docx', includeInternal: true })
    expect(r.ok).toBe(true)
    const xml = checkExport('docx', (r as { value: { files: ExportedFileValue[] } }).value.files[0])
    expect(xml.includes('Fees\ufffd rise')).toBe(true)
  })
})
