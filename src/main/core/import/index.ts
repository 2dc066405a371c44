import MarkdownIt from 'markdown-it'
import { parse as parseYaml } from 'yaml'
import { tooManyBlocks } from '../../../shared/body-limits'
import { cleanStrings } from '../../../shared/clean-text'
import { MAX_BLOCKS, MAX_IMPORT_BYTES } from '../../../shared/limits'
import type { ArticleMeta, ImportFormat } from '../../../shared/domain'
import { CopydeskError } from '../../../shared/errors'
import type { DocJSON, NodeJSON } from '../../../shared/schema'
import type { NewArticle } from '../store'
import { bodyText, checkBody } from './body'
import { checkHtmlDepth, htmlToDoc, sanitize } from './html-to-doc'
import { decodeText } from './decode'
import { htmlMeta, normaliseDate } from './meta'
import { openWordPackage, wordProperties, wordToHtml } from './word'

/**
 * Reading article files: plain text, HTML (sanitised), Markdown with front matter, and Word.
 * Every reader ends in the same place, a checked article body plus its metadata, and every
 * failure is a CopydeskError an editor can read; nothing here writes anything.
 */

const FORMATS: Record<string, ImportFormat> = {
  txt: 'txt', text: 'txt', html: 'html', htm: 'html', xhtml: 'html', md: 'md', markdown: 'md', docx: 'docx'
}

/** The format a file name says it is in, or a clear error. */
export function formatOf(fileName: string): ImportFormat {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? ''
  const f = FORMATS[ext]
  if (!f) {
    throw new CopydeskError(
      'unsupported_format',
      `Copydesk cannot open "${fileName}": it reads .txt, .html, .md and .docx files${ext ? `, not .${ext}` : ''}.`
    )
  }
  return f
}

/** Reads a file's bytes into a new article (not yet stored). */
export async function readArticleFile(fileName: string, bytes: Uint8Array): Promise<NewArticle> {
  const format = formatOf(fileName)
  if (bytes.length === 0) throw new CopydeskError('empty_file', `"${fileName}" is empty.`)
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new CopydeskError(
      'file_too_large',
      `"${fileName}" is ${(bytes.length / 1048576).toFixed(1)} MB; Copydesk opens articles up to ${MAX_IMPORT_BYTES / 1048576} MB.`
    )
  }
  const parsed = format === 'docx' ? await readDocx(fileName, bytes) : readTextual(fileName, format, decodeText(fileName, bytes, format === 'html'))
  return finish(fileName, format, parsed)
}

interface Parsed {
  meta: Partial<ArticleMeta>
  body: DocJSON | null
}

function readTextual(fileName: string, format: ImportFormat, text: string): Parsed {
  if (format === 'html') return readHtml(text)
  if (format === 'md') return readMarkdown(fileName, text)
  return readPlainText(text)
}

/** Plain text: the first line is the headline, "By ..." and a date line below it are metadata. */
export function readPlainText(text: string): Parsed {
  const pieces = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/)
  // Refused before a body is built: a file of blank lines would become a million paragraphs.
  if (pieces.length > MAX_BLOCKS && pieces.filter((p) => p.trim()).length > MAX_BLOCKS) throw tooManyBlocks()
  // trimEnd, not /\s+$/: that pattern backtracks quadratically over a long run of spaces.
  const paragraphs = pieces.map((p) => trimNewlinesStart(p).trimEnd()).filter((p) => p.trim())
  const meta: Partial<ArticleMeta> = {}
  if (paragraphs.length > 1) {
    const first = paragraphs[0]
    const lines = first.split('\n')
    meta.headline = lines[0].trim()
    const rest = lines.slice(1)
    paragraphs[0] = rest.join('\n')
    if (!paragraphs[0].trim()) paragraphs.shift()
  }
  // Byline, outlet, date and URL lines at the top (each on its own line or paragraph).
  for (let i = 0; i < 6 && paragraphs.length > 1; i++) {
    const lines = paragraphs[0].split('\n')
    const found = detailsLine(lines[0], lines.length > 1 || i > 0)
    if (!found) break
    fillMissing(meta, found)
    lines.shift()
    paragraphs[0] = lines.join('\n')
    if (!paragraphs[0].trim()) paragraphs.shift()
  }
  const content: NodeJSON[] = paragraphs.map((p) => {
    const inline: NodeJSON[] = []
    p.split('\n').forEach((line, i) => {
      if (i > 0) inline.push({ type: 'hard_break' })
      if (line) inline.push({ type: 'text', text: line })
    })
    return { type: 'paragraph', content: inline }
  })
  return { meta, body: content.length ? { type: 'doc', content } : null }
}

function trimNewlinesStart(s: string): string {
  let i = 0
  while (s.charCodeAt(i) === 10) i++
  return i ? s.slice(i) : s
}

/**
 * The details a line under a headline may give: "By Name", a date, a URL, an outlet name,
 * or several of them separated by "·" or "|" ("The Ledger · November 3, 2026"). Null when
 * the line is story text. A bare name counts as the outlet only beside other details.
 */
export function detailsLine(line: string, nameAllowed: boolean): Partial<ArticleMeta> | null {
  const t = line.trim()
  if (!t || t.length > 300) return null
  const parts = t.split(/\s+[·|•]\s+/)
  const out: Partial<ArticleMeta> = {}
  let names = 0
  for (const part of parts) {
    const p = part.trim()
    if (/^by\s+\S/i.test(p) && p.length < 120 && !out.byline) out.byline = p.replace(/^by\s+/i, '').trim()
    else if (normaliseDate(p) && !out.publishedAt) out.publishedAt = normaliseDate(p)
    else if (/^https?:\/\/\S+$/.test(p) && !out.url) out.url = p
    else if (p.length <= 60 && /^[\p{Lu}\d]/u.test(p) && !/[.!?:;,"“”]$/.test(p) && p.split(/\s+/).length <= 6 && !out.outlet) {
      out.outlet = p
      names++
    } else return null
  }
  if (names > 0 && !(nameAllowed || parts.length > 1)) return null
  return out
}

function readHtml(html: string): Parsed {
  // Before anything builds a tree of it: 100,000 nested elements take seconds to parse.
  checkHtmlDepth(html)
  const meta = htmlMeta(html)
  const body = htmlToDoc(sanitize(html), meta.url)
  // The page's own top heading is the headline as printed; meta tags are often shortened.
  const headline = leadingHeading(body) ?? meta.headline ?? meta.title
  return { meta: { ...meta, headline }, body: dropHeadlineHeading(body, headline) }
}

/** The text of a heading that opens the body (first or second block), if there is one. */
function leadingHeading(body: DocJSON | null): string | undefined {
  const h = body?.content.slice(0, 2).find((b) => b.type === 'heading')
  return h ? inlineText(h).trim() || undefined : undefined
}

function firstHeading(body: DocJSON | null): string | undefined {
  const h = body?.content.find((b) => b.type === 'heading' && b.attrs?.level === 1) ?? body?.content.find((b) => b.type === 'heading')
  return h ? inlineText(h) : undefined
}

function inlineText(n: NodeJSON): string {
  return (n.content ?? []).map((c) => (c.type === 'text' ? c.text ?? '' : inlineText(c))).join('')
}

/** The headline is metadata; a leading heading repeating it is not kept in the body. */
function dropHeadlineHeading(body: DocJSON | null, headline: string | undefined): DocJSON | null {
  if (!body || !headline) return body
  const i = body.content.findIndex((b) => b.type === 'heading')
  if (i < 0 || i > 1 || inlineText(body.content[i]).trim() !== headline.trim()) return body
  const content = body.content.filter((_, j) => j !== i)
  return content.length ? { type: 'doc', content } : body
}

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false })

function readMarkdown(fileName: string, source: string): Parsed {
  let text = source.replace(/\r\n?/g, '\n')
  const meta: Partial<ArticleMeta> = {}
  const fm = text.match(/^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/)
  if (fm) {
    let data: unknown
    try {
      data = parseYaml(fm[1])
    } catch (err) {
      throw new CopydeskError('corrupt_file', `The front matter of "${fileName}" is not valid YAML: ${(err as Error).message.split('\n')[0]}`)
    }
    if (data && typeof data === 'object') {
      const d = data as Record<string, unknown>
      const str = (...keys: string[]): string | undefined => {
        for (const k of keys) {
          const v = d[k]
          if (typeof v === 'string' && v.trim()) return v.trim()
          if (v instanceof Date) return v.toISOString().slice(0, 10)
          if (Array.isArray(v) && v.length && typeof v[0] === 'string') return v.join(', ')
        }
        return undefined
      }
      meta.headline = str('title', 'headline')
      meta.byline = str('author', 'byline', 'authors')
      meta.outlet = str('outlet', 'publication', 'publisher', 'site')
      meta.url = str('url', 'canonical', 'link')
      meta.publishedAt = normaliseDate(str('date', 'published', 'publishedAt', 'published_at') ?? '')
    }
    text = text.slice(fm[0].length)
  }
  const body = htmlToDoc(sanitize(markdown.render(text)))
  const headline = meta.headline ?? firstHeading(body)
  return { meta: { ...meta, headline }, body: dropHeadlineHeading(body, headline) }
}

async function readDocx(fileName: string, bytes: Uint8Array): Promise<Parsed> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const zip = await openWordPackage(fileName, buffer)
  const html = await wordToHtml(fileName, buffer)
  const properties = await wordProperties(zip)
  let body = htmlToDoc(sanitize(html))
  const headline = properties.headline ?? firstHeading(body)
  body = dropHeadlineHeading(body, headline)
  const meta: Partial<ArticleMeta> = { ...properties, headline }
  // Byline and dateline paragraphs at the top are details, not story.
  for (let i = 0; i < 3 && body && body.content.length > 1; i++) {
    const first = body.content[0]
    const found = first.type === 'paragraph' ? detailsLine(inlineText(first), false) : null
    if (!found) break
    fillMissing(meta, found)
    body = { type: 'doc', content: body.content.slice(1) }
  }
  return { meta, body }
}

function fillMissing(meta: Partial<ArticleMeta>, found: Partial<ArticleMeta>): void {
  for (const [k, v] of Object.entries(found) as [keyof ArticleMeta, string][]) if (!meta[k]) meta[k] = v
}

function finish(fileName: string, format: ImportFormat, parsed: Parsed): NewArticle {
  // A file's text is cleaned as a request's is (see clean-text.ts).
  const p = cleanStrings(parsed)
  if (!p.body) throw new CopydeskError('empty_file', `"${fileName}" has no article text in it.`)
  const body = checkBody(p.body)
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
  return {
    headline: (p.meta.headline ?? '').trim().slice(0, 500) || stem,
    byline: (p.meta.byline ?? '').trim().slice(0, 500),
    outlet: (p.meta.outlet ?? '').trim().slice(0, 500),
    url: (p.meta.url ?? '').trim().slice(0, 2000),
    publishedAt: p.meta.publishedAt ?? '',
    body,
    text: bodyText(body),
    sourceName: fileName.replace(/^.*[\\/]/, ''),
    sourceFormat: format
  }
}

/** Pasted text becomes an article the same way a .txt file does. */
export function articleFromText(text: string, headline?: string): NewArticle {
  const clean = text.replace(/^\ufeff/, '')
  if (!clean.trim()) throw new CopydeskError('empty_file', 'There is no text to make an article from.')
  const parsed = readPlainText(clean)
  const meta = headline?.trim() ? { ...parsed.meta, headline: headline.trim() } : parsed.meta
  const a = finish('Pasted text', 'txt', { ...parsed, meta })
  return { ...a, sourceFormat: 'paste', headline: a.headline === 'Pasted text' ? 'Untitled article' : a.headline }
}
