import { access, writeFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { ExportedFileValue, ExportFormat } from '../../shared/contract'
import type { Dispatch } from '../core/dispatch'

/**
 * File ▸ Export: the article open in the window, in the format picked from the menu, saved
 * where the editor chooses. The bytes come from the same exportArticle operation as the
 * other doors; this module only decides where they go. Dialogs and writing are injected.
 */

/** The Export submenu, in menu order: what an editor reads for each format. */
export const EXPORT_LABELS: Record<ExportFormat, string> = {
  html: 'Annotated HTML…',
  pdf: 'PDF…',
  md: 'Markdown with Footnotes…',
  docx: 'Word with Comments…',
  w3c: 'W3C Web Annotations (JSON-LD)…',
  claimreview: 'ClaimReview (schema.org)…',
  brat: 'brat Standoff…',
  csv: 'Claims as CSV…'
}

/** The article a window shows, read from its route (`#/article/12`), or null in the library. */
export function articleIdFromAppUrl(url: string): number | null {
  let hash: string
  try {
    hash = new URL(url).hash
  } catch {
    return null
  }
  const m = /^#\/article\/(\d+)$/.exec(hash)
  const id = m ? Number(m[1]) : NaN
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

export interface ExportEffects {
  dispatch: Dispatch
  /** A save dialog proposing `fileName`; the chosen path, or null when cancelled. */
  chooseFile(fileName: string): Promise<string | null>
  /** A folder dialog for exports of several files (brat); the folder, or null when cancelled. */
  chooseFolder(fileNames: string[]): Promise<string | null>
  /** Asks before replacing files that are already there. */
  confirmReplace(fileNames: string[]): Promise<boolean>
  /** A message the editor reads. */
  tell(kind: 'info' | 'error', title: string, detail?: string): void
  write?: (file: string, bytes: Uint8Array) => Promise<void>
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false
  )
}

/** Exports article `articleId` (null: none open) as `format`; returns the files written. */
export async function exportToFiles(articleId: number | null, format: ExportFormat, effects: ExportEffects): Promise<string[]> {
  const write = effects.write ?? ((file, bytes) => writeFile(file, bytes))
  if (articleId === null) {
    effects.tell('info', 'Open an article to export it', 'Export saves the article open in the window, with its annotations.')
    return []
  }
  const result = await effects.dispatch('exportArticle', { id: articleId, format })
  if (!result.ok) {
    effects.tell('error', 'Copydesk could not export the article', result.error.message)
    return []
  }
  const files = (result.value as { files: ExportedFileValue[] }).files
  let targets: string[]
  if (files.length === 1) {
    const chosen = await effects.chooseFile(files[0].fileName)
    if (!chosen) return []
    // The save dialog already asked about replacing; keep the format's extension if it was dropped.
    targets = [extname(chosen) ? chosen : `${chosen}${extname(files[0].fileName)}`]
  } else {
    const folder = await effects.chooseFolder(files.map((f) => f.fileName))
    if (!folder) return []
    targets = files.map((f) => join(folder, basename(f.fileName)))
    const present = (await Promise.all(targets.map(async (t) => ((await exists(t)) ? basename(t) : null)))).filter(
      (n): n is string => n !== null
    )
    if (present.length && !(await effects.confirmReplace(present))) return []
  }
  try {
    for (const [i, target] of targets.entries()) await write(target, Buffer.from(files[i].dataBase64, 'base64'))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'Copydesk is not allowed to write there.'
        : code === 'ENOSPC'
          ? 'The disk is full.'
          : (err as Error).message
    effects.tell('error', 'Copydesk could not save the export', why)
    return []
  }
  return targets
}
