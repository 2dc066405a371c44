import { randomUUID } from 'node:crypto'
import { anchorFor, FUZZY_BUDGET_STEPS, FuzzyBudget, reanchor } from '../../../shared/anchor'
import { tooManyBlocks } from '../../../shared/body-limits'
import { cleanStrings, cleanText } from '../../../shared/clean-text'
import type { PlacementCounts } from '../../../shared/contract'
import type { Annotation } from '../../../shared/domain'
import { CopydeskError } from '../../../shared/errors'
import { parseBrat, parseW3C, plainTextToDoc, type ImportResult } from '../../../shared/interchange'
import { NotAnnotationsError } from '../../../shared/interchange/w3c-import'
import { MAX_BLOCKS } from '../../../shared/limits'
import type { NewArticle, NewThreads } from '../store'
import { bodyText } from './body'

/**
 * Reading annotation files (W3C JSON(-LD), brat standoff) and placing what they hold in an
 * article's text: exact first, then approximately within a budget, else orphaned and
 * counted. Nothing here touches the store, so it runs in the import worker.
 */

/** Annotations placed in a text, how each was placed, and the threads that came with them. */
export interface Placed {
  placed: Annotation[]
  threads: NewThreads
  report: PlacementCounts
  /** Claims' checkers as the file named them, by the new annotation's id (see exchange.ts). */
  checkers: Record<string, string>
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
    if (err instanceof NotAnnotationsError) {
      throw err.empty
        ? new CopydeskError('empty_file', `"${fileName}" holds no annotations.`)
        : new CopydeskError(
            'corrupt_file',
            `"${fileName}" is not an annotation file: Copydesk reads W3C Web Annotations (as Copydesk, Hypothesis and other annotation tools export them) and brat .ann files.`
          )
    }
    throw new CopydeskError('corrupt_file', `Copydesk could not read the annotations in "${fileName}": ${(err as Error).message}`)
  }
  throw new CopydeskError('unsupported_format', `"${fileName}" is not an annotation file Copydesk reads (W3C .json/.jsonld or brat .ann).`)
}

/**
 * Places imported annotations in `text` and gives them new ids with their links kept. The
 * approximate search of the whole batch shares one budget: past it, quotes are looked for
 * only word for word and counted as `unsearched`.
 */
export function placeAnnotations(text: string, result: ImportResult, budget = new FuzzyBudget(FUZZY_BUDGET_STEPS)): Placed {
  const ids = new Map(result.annotations.map((a) => [a.ref, randomUUID()]))
  const report: PlacementCounts = { exact: 0, fuzzy: 0, orphaned: 0, unsearched: 0, skipped: result.skipped.map(cleanText) }
  const now = new Date().toISOString()
  const threads: NewThreads = { comments: [], resolved: [] }
  const checkers: Record<string, string> = {}
  for (const a of result.annotations) if (a.checkerName) checkers[ids.get(a.ref)!] = cleanText(a.checkerName)
  const placed = result.annotations.map((a): Annotation => {
    const guess = { start: a.start ?? -1, end: a.end ?? -1, exact: a.exact, prefix: a.prefix, suffix: a.suffix }
    const found = reanchor(text, guess, { budget })
    report[found.how]++
    if (found.how === 'orphaned' && found.unsearched) report.unsearched++
    const anchor =
      found.how === 'orphaned'
        ? { start: 0, end: Math.max(1, a.exact.length), exact: a.exact || '?', prefix: a.prefix, suffix: a.suffix }
        : anchorFor(text, found.start, found.end)
    const fields = { ...a.fields } as Record<string, unknown>
    for (const key of ['speakerId', 'sourceId']) {
      if (typeof fields[key] === 'string') fields[key] = ids.get(fields[key] as string) ?? null
    }
    const id = ids.get(a.ref)!
    // A file's strings are cleaned as a request's are (see clean-text.ts). A comment with no
    // author of its own was written by the annotation's creator.
    for (const c of a.comments) {
      const authorName = c.authorName ?? a.createdBy ?? ''
      threads.comments.push(cleanStrings({ annotationId: id, authorId: null, authorName, body: c.body, createdAt: c.createdAt ?? a.createdAt ?? now, editedAt: c.editedAt ?? null }))
    }
    if (a.resolvedAt && a.comments.length) threads.resolved!.push({ annotationId: id, resolvedAt: cleanText(a.resolvedAt) })
    return cleanStrings({
      id,
      kind: a.kind,
      anchor,
      fields,
      origin: 'imported',
      placement: found.how === 'orphaned' ? 'orphaned' : 'anchored',
      createdBy: a.createdBy ?? '',
      createdAt: a.createdAt ?? now,
      updatedBy: a.createdBy ?? '',
      updatedAt: a.updatedAt ?? now
    }) as unknown as Annotation
  })
  return { placed, threads, report, checkers }
}

/** A brat .txt with its .ann as a new annotated article: the text is kept exactly, so spans fit. */
export function readAnnotatedArticle(name: string, text: string, ann: string): Placed & { article: NewArticle } {
  const clean = text.replace(/^\ufeff/, '')
  if (!clean.trim()) throw new CopydeskError('empty_file', `"${name}" has no text in it.`)
  let result: ImportResult
  try {
    result = parseBrat(ann, clean)
  } catch (err) {
    throw new CopydeskError('corrupt_file', `Copydesk could not read the annotations for "${name}": ${(err as Error).message}`)
  }
  let paragraphs = 0
  for (let at = clean.indexOf('\n\n'); at >= 0; at = clean.indexOf('\n\n', at + 2)) if (++paragraphs >= MAX_BLOCKS) throw tooManyBlocks()
  const body = plainTextToDoc(clean)
  const projected = bodyText(body)
  if (projected !== clean) throw new CopydeskError('internal', `The text of "${name}" could not be kept exactly.`)
  const { placed, threads, report, checkers } = placeAnnotations(clean, result)
  const headline = clean.split('\n', 1)[0].trim().slice(0, 500) || name
  return {
    article: { headline, byline: '', outlet: '', url: '', publishedAt: '', body, text: clean, sourceName: name, sourceFormat: 'brat' },
    placed,
    threads,
    report,
    checkers
  }
}
