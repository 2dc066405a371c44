import { randomUUID } from 'node:crypto'
import { anchorFor, reanchor } from '../../shared/anchor'
import {
  ANNOTATION_KINDS,
  CLAIM_STATUSES,
  type Annotation,
  type AnnotationKind,
  type Article,
  type ClaimStatus
} from '../../shared/domain'
import { CopydeskError } from '../../shared/errors'
import {
  exportBrat,
  exportClaimReview,
  exportCsv,
  exportDocx,
  exportHtml,
  exportMarkdown,
  exportW3C,
  parseBrat,
  parseW3C,
  plainTextToDoc,
  type ExportOptions,
  type ImportResult
} from '../../shared/interchange'
import type { ExportFormat } from '../../shared/contract'
import { checkAnnotations } from './annotations'
import { bodyText } from './import/body'
import type { Store } from './store'

/**
 * Exports and annotation imports over the store. The formats themselves are pure functions
 * in shared/interchange; this module only gathers what they need and names the files.
 */

export { EXPORT_FORMATS, type ExportFormat } from '../../shared/contract'

export interface ExportedFile {
  fileName: string
  mime: string
  bytes: Uint8Array
}

export interface ExportRequest {
  id: number
  format: ExportFormat
  kinds?: AnnotationKind[]
  statuses?: ClaimStatus[]
  includeInternal?: boolean
}

/** Prints self-contained HTML to PDF bytes (Chromium: Electron's, or the machine's). */
export type PrintPdf = (html: string) => Promise<Uint8Array>

function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'article'
  )
}

const encoder = new TextEncoder()

/** The annotated copy of an article in one format, as files (brat gives two). */
export async function exportArticle(store: Store, req: ExportRequest, printPdf?: PrintPdf): Promise<ExportedFile[]> {
  const article = store.getArticle(req.id)
  const annotations = store.listAnnotations(req.id)
  const prefs = store.getPreferences()
  const options: ExportOptions = {
    kinds: req.kinds,
    statuses: req.statuses,
    includeInternal: req.includeInternal ?? false,
    organisation: prefs.organisation ? { name: prefs.organisation, url: prefs.organisationUrl } : undefined,
    history: req.includeInternal ? store.annotationHistory(req.id) : undefined
  }
  const base = slug(article.headline)
  const text = (fileName: string, mime: string, s: string): ExportedFile => ({ fileName, mime, bytes: encoder.encode(s) })
  switch (req.format) {
    case 'html':
      return [text(`${base}.html`, 'text/html', exportHtml(article, annotations, options))]
    case 'pdf': {
      if (!printPdf) throw new CopydeskError('internal', 'PDF export needs Chromium, which is not available here.')
      return [{ fileName: `${base}.pdf`, mime: 'application/pdf', bytes: await printPdf(exportHtml(article, annotations, options)) }]
    }
    case 'md':
      return [text(`${base}.md`, 'text/markdown', exportMarkdown(article, annotations, options))]
    case 'docx':
      return [
        {
          fileName: `${base}.docx`,
          mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          bytes: await exportDocx(article, annotations, options)
        }
      ]
    case 'w3c':
      return [text(`${base}.annotations.jsonld`, 'application/ld+json', exportW3C(article, annotations, options))]
    case 'claimreview': {
      if (!options.organisation) {
        throw new CopydeskError('invalid_input', 'A ClaimReview names the organisation that checked the claims: set it in Preferences first.')
      }
      return [text(`${base}.claimreview.jsonld`, 'application/ld+json', exportClaimReview(article, annotations, options))]
    }
    case 'brat': {
      const files = exportBrat(article, annotations, options)
      return [text(`${base}.txt`, 'text/plain', files.txt), text(`${base}.ann`, 'text/plain', files.ann)]
    }
    case 'csv':
      return [text(`${base}.claims.csv`, 'text/csv', exportCsv(article, annotations, options))]
  }
}

export interface PlacementReport {
  exact: number
  fuzzy: number
  orphaned: number
  skipped: string[]
}

/** Reads an annotation file by its name: W3C JSON(-LD) or brat standoff. */
export function parseAnnotationFile(fileName: string, content: string, articleText: string): ImportResult {
  const lower = fileName.toLowerCase()
  try {
    if (lower.endsWith('.ann')) return parseBrat(content, articleText)
    if (lower.endsWith('.json') || lower.endsWith('.jsonld')) {
      let json: unknown
      try {
        json = JSON.parse(content)
      } catch (err) {
        throw new Error(`it is not valid JSON (${(err as Error).message})`)
      }
      return parseW3C(json, articleText)
    }
  } catch (err) {
    throw new CopydeskError('corrupt_file', `Copydesk could not read the annotations in "${fileName}": ${(err as Error).message}`)
  }
  throw new CopydeskError('unsupported_format', `"${fileName}" is not an annotation file Copydesk reads (W3C .json/.jsonld or brat .ann).`)
}

/**
 * Places imported annotations in an article's text (exact first, then approximate, else
 * orphaned and listed), gives them new ids with their links kept, and adds them to the
 * article's annotations in one save.
 */
export function placeImported(store: Store, articleId: number, result: ImportResult): PlacementReport {
  const article = store.getArticle(articleId)
  const { placed, report } = place(article, result)
  const all = [...store.listAnnotations(articleId), ...placed]
  checkAnnotations(all, article.text)
  store.saveArticle({ id: articleId, baseRevision: article.revision, annotations: all, who: store.getPreferences().userName })
  return report
}

function place(article: Pick<Article, 'text'>, result: ImportResult): { placed: Annotation[]; report: PlacementReport } {
  const ids = new Map(result.annotations.map((a) => [a.ref, randomUUID()]))
  const report: PlacementReport = { exact: 0, fuzzy: 0, orphaned: 0, skipped: result.skipped }
  const now = new Date().toISOString()
  const placed = result.annotations.map((a): Annotation => {
    const guess = { start: a.start ?? -1, end: a.end ?? -1, exact: a.exact, prefix: a.prefix, suffix: a.suffix }
    const found = reanchor(article.text, guess)
    report[found.how]++
    const anchor =
      found.how === 'orphaned'
        ? { start: 0, end: Math.max(1, a.exact.length), exact: a.exact || '?', prefix: a.prefix, suffix: a.suffix }
        : anchorFor(article.text, found.start, found.end)
    const fields = { ...a.fields } as Record<string, unknown>
    for (const key of ['speakerId', 'sourceId']) {
      if (typeof fields[key] === 'string') fields[key] = ids.get(fields[key] as string) ?? null
    }
    return {
      id: ids.get(a.ref)!,
      kind: a.kind,
      anchor,
      fields,
      origin: 'imported',
      placement: found.how === 'orphaned' ? 'orphaned' : 'anchored',
      createdBy: a.createdBy ?? '',
      createdAt: a.createdAt ?? now,
      updatedBy: a.createdBy ?? '',
      updatedAt: a.updatedAt ?? now
    } as unknown as Annotation
  })
  return { placed, report }
}

/** A brat .txt with its .ann as a new annotated article: the text is kept exactly, so spans fit. */
export function importBratArticle(store: Store, name: string, text: string, ann: string): { article: Article; report: PlacementReport } {
  const clean = text.replace(/^\ufeff/, '')
  if (!clean.trim()) throw new CopydeskError('empty_file', `"${name}" has no text in it.`)
  let result: ImportResult
  try {
    result = parseBrat(ann, clean)
  } catch (err) {
    throw new CopydeskError('corrupt_file', `Copydesk could not read the annotations for "${name}": ${(err as Error).message}`)
  }
  const body = plainTextToDoc(clean)
  const projected = bodyText(body)
  if (projected !== clean) throw new CopydeskError('internal', `The text of "${name}" could not be kept exactly.`)
  const { placed, report } = place({ text: clean }, result)
  checkAnnotations(placed, clean)
  const headline = clean.split('\n', 1)[0].trim().slice(0, 500) || name
  const article = store.insertArticle(
    { headline, byline: '', outlet: '', url: '', publishedAt: '', body, text: clean, sourceName: name, sourceFormat: 'brat' },
    placed,
    store.getPreferences().userName
  )
  return { article, report }
}

/** Parses a comma-separated list of kinds or statuses from a user. */
export function parseList<T extends string>(value: string, allowed: readonly T[], what: string): T[] {
  const items = value.split(',').map((s) => s.trim().toLowerCase().replace(/[\s-]+/g, '_')).filter(Boolean)
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) throw new CopydeskError('invalid_input', `"${item}" is not a ${what}; use ${allowed.join(', ')}.`)
  }
  return items as T[]
}

export { ANNOTATION_KINDS, CLAIM_STATUSES }
