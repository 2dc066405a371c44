import type { Article } from '../../shared/domain'
import { MAX_IMPORT_BYTES } from '../../shared/limits'
import { call } from '../api'

const ACCEPTED = /\.(txt|text|html?|xhtml|md|markdown|docx)$/i
export const ACCEPT_ATTRIBUTE = '.txt,.html,.htm,.md,.markdown,.docx,.ann'

function toBase64(bytes: Uint8Array): string {
  let s = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) s += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(s)
}

/** Imports one file picked or dropped by the user; errors are thrown in words. */
export async function importBrowserFile(file: File): Promise<Article> {
  if (!ACCEPTED.test(file.name)) {
    throw new Error(`Copydesk cannot open "${file.name}": it reads .txt, .html, .md and .docx files.`)
  }
  if (file.size > MAX_IMPORT_BYTES) {
    throw new Error(`"${file.name}" is ${(file.size / 1048576).toFixed(1)} MB; Copydesk opens articles up to ${MAX_IMPORT_BYTES / 1048576} MB.`)
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  return call('importFile', { fileName: file.name, dataBase64: toBase64(bytes) })
}

/** One import job: an article file, or a brat .txt with its .ann. */
export type ImportJob = { kind: 'file'; file: File } | { kind: 'brat'; text: File; ann: File }

const stem = (name: string): string => name.replace(/\.[^.]+$/, '')

/** Pairs each brat .ann with the .txt of the same name (an annotator suffix "_abcd" allowed). */
export function planImport(files: File[]): { jobs: ImportJob[]; problems: string[] } {
  const texts = new Map(files.filter((f) => /\.txt$/i.test(f.name)).map((f) => [stem(f.name), f]))
  const used = new Set<File>()
  const jobs: ImportJob[] = []
  const problems: string[] = []
  for (const ann of files.filter((f) => /\.ann$/i.test(f.name))) {
    const text = texts.get(stem(ann.name)) ?? texts.get(stem(ann.name).replace(/_[0-9a-z]{4}$/i, ''))
    if (!text) {
      problems.push(`"${ann.name}" is brat annotations: choose it together with its .txt file.`)
      continue
    }
    used.add(text).add(ann)
    jobs.push({ kind: 'brat', text, ann })
  }
  for (const f of files) if (!used.has(f) && !/\.ann$/i.test(f.name)) jobs.push({ kind: 'file', file: f })
  return { jobs, problems }
}

/** Runs one import job; returns the new article. */
export async function runImport(job: ImportJob): Promise<Article> {
  if (job.kind === 'file') return importBrowserFile(job.file)
  const [text, ann] = await Promise.all([job.text.text(), job.ann.text()])
  return (await call('importAnnotatedArticle', { fileName: job.text.name, text, ann })).article
}
