import { basename, extname } from 'node:path'
import type { Article } from '../../shared/domain'
import { CopydeskError } from '../../shared/errors'
import type { Dispatch } from '../core/dispatch'
import { readImportFile } from '../core/read-file'

/**
 * File ▸ Open: read the files the user picked and import each through the same operation
 * the other doors use. Reading is bounded before anything is sent (only regular files, never
 * more than the import limit, counted as read: a 50 MB file or /dev/zero is never read into
 * memory); the outcome of each file is reported in words an editor
 * understands.
 */

/** The extensions Copydesk imports, as the open dialog's filters. */
export const IMPORT_FILTERS = [
  { name: 'Articles', extensions: ['txt', 'html', 'htm', 'md', 'markdown', 'docx'] },
  { name: 'Plain text', extensions: ['txt'] },
  { name: 'Web page', extensions: ['html', 'htm'] },
  { name: 'Markdown', extensions: ['md', 'markdown'] },
  { name: 'Word document', extensions: ['docx'] }
]

const IMPORTABLE = new Set(IMPORT_FILTERS[0].extensions.map((e) => `.${e}`))

/** True when `file` has an extension Copydesk imports (for files handed over by the OS). */
export function isImportablePath(file: string): boolean {
  return IMPORTABLE.has(extname(file).toLowerCase())
}

export type ImportOutcome =
  | { file: string; ok: true; articleId: number; headline: string }
  | { file: string; ok: false; message: string }

function readError(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  const name = basename(file)
  if (code === 'ENOENT') return `${name} is no longer there.`
  if (code === 'EACCES' || code === 'EPERM') return `Copydesk is not allowed to read ${name}.`
  if (code === 'EISDIR') return `${name} is a folder, not a file.`
  return `Copydesk could not read ${name}: ${err instanceof Error ? err.message : String(err)}`
}

/** Reads `file` for import (regular files only, never more than the import limit) as base64. */
async function readForImport(file: string): Promise<string> {
  return (await readImportFile(file)).toString('base64')
}

/** Imports each file in turn; one file's failure never stops the others. */
export async function importFiles(files: readonly string[], dispatch: Dispatch): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for (const file of files) {
    let dataBase64: string
    try {
      dataBase64 = await readForImport(file)
    } catch (err) {
      outcomes.push({ file, ok: false, message: err instanceof CopydeskError ? err.message : readError(file, err) })
      continue
    }
    const result = await dispatch('importFile', { fileName: basename(file), dataBase64 })
    if (result.ok) {
      const article = result.value as Article
      outcomes.push({ file, ok: true, articleId: article.id, headline: article.headline })
    } else {
      outcomes.push({ file, ok: false, message: result.error.message })
    }
  }
  return outcomes
}

/** The dialog text for the files that failed, or null when all were imported. */
export function importFailureMessage(outcomes: readonly ImportOutcome[]): { title: string; detail: string } | null {
  const failed = outcomes.filter((o): o is Extract<ImportOutcome, { ok: false }> => !o.ok)
  if (!failed.length) return null
  const title =
    failed.length === 1
      ? `Copydesk could not import ${basename(failed[0].file)}`
      : `Copydesk could not import ${failed.length} of the ${outcomes.length} files`
  const detail = failed.map((o) => (failed.length === 1 ? o.message : `${basename(o.file)}: ${o.message}`)).join('\n')
  return { title, detail }
}
