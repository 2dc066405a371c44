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
  type ExportOptions
} from '../../shared/interchange'
import { selectForExport } from '../../shared/interchange/options'
import type { ExportFormat } from '../../shared/contract'
import { checkAnnotations } from './annotations'
import type { NewArticle, NewThreads, Store } from './store'

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
  includeUnapproved?: boolean
}

/** An export's files, and how many claims it left out because their verdict is not approved yet. */
export interface ExportOutcome {
  files: ExportedFile[]
  unapprovedLeftOut: number
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
export async function exportArticle(store: Store, req: ExportRequest, printPdf?: PrintPdf): Promise<ExportOutcome> {
  const article = store.getArticle(req.id)
  const annotations = store.listAnnotations(req.id)
  const options = exportOptions(store, req)
  const files = await exportFiles(article, annotations, options, req, printPdf)
  return { files, unapprovedLeftOut: options.approvedOnly ? selectForExport(article, annotations, options).unapprovedLeftOut : 0 }
}

/** The formats that publish verdicts to readers: a public copy of them carries only approved ones unless asked. */
const PUBLISHING: ReadonlySet<ExportFormat> = new Set(['html', 'pdf', 'md', 'docx', 'claimreview'])

function exportOptions(store: Store, req: ExportRequest): ExportOptions {
  const prefs = store.getPreferences()
  // ClaimReview has no internal form: it is always for publication.
  const forReaders = PUBLISHING.has(req.format) && (req.format === 'claimreview' || !req.includeInternal)
  return {
    kinds: req.kinds,
    statuses: req.statuses,
    includeInternal: req.includeInternal ?? false,
    organisation: prefs.organisation ? { name: prefs.organisation, url: prefs.organisationUrl } : undefined,
    history: req.includeInternal ? store.annotationHistory(req.id) : undefined,
    // Threads are the desk's own: read only for an internal copy.
    threads: req.includeInternal ? store.threads.forArticle(req.id) : undefined,
    people: Object.fromEntries(store.listPeople(true).map((p) => [p.id, p.name])),
    approvedOnly: forReaders && !req.includeUnapproved
  }
}

async function exportFiles(article: Article, annotations: Annotation[], options: ExportOptions, req: ExportRequest, printPdf?: PrintPdf): Promise<ExportedFile[]> {
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

/**
 * Adds annotations placed by an import (see import/annotations.ts, run in the import
 * worker), with their threads, to the article they were placed in, in one save; refused when
 * the article changed since its text was read.
 */
export function saveImported(
  store: Store,
  article: Pick<Article, 'id' | 'text' | 'revision'>,
  placed: Annotation[],
  threads?: NewThreads,
  checkers: Record<string, string> = {}
): void {
  const all = [...store.listAnnotations(article.id), ...withCheckers(store, placed, checkers)]
  checkAnnotations(all, article.text)
  store.saveArticle({ id: article.id, baseRevision: article.revision, annotations: all, threads, who: store.getPreferences().userName })
}

/** Imported claims with the checkers their file named, found on the roster or added to it. */
function withCheckers(store: Store, placed: Annotation[], checkers: Record<string, string>): Annotation[] {
  return placed.map((a) => {
    const name = checkers[a.id]
    if (a.kind !== 'claim' || !name) return a
    return { ...a, fields: { ...a.fields, checkerId: store.personFor(name, 'checker').id } }
  })
}

/** Stores an article read with its annotations (a brat .txt and .ann) and their threads as a new article. */
export function insertAnnotated(store: Store, article: NewArticle, placed: Annotation[], threads?: NewThreads, checkers: Record<string, string> = {}): Article {
  checkAnnotations(placed, article.text)
  return store.insertArticle(article, withCheckers(store, placed, checkers), store.getPreferences().userName, threads)
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
