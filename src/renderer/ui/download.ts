import type { ExportedFileValue } from '../../shared/contract'

/**
 * Hands exported bytes to the browser as downloads: base64 → Blob → object URL → a
 * temporary `<a download>` click → revoke. In a browser the file downloads; in the desktop
 * app Electron turns the same download into a native save dialog.
 */

/** The bytes a base64 string stands for (what crosses a door as `dataBase64`). */
export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** How long an object URL outlives its click: the download must have read the blob first. */
const REVOKE_AFTER_MS = 10_000

/** Saves one exported file through a download the user sees (or a save dialog in the app). */
export function downloadFile(file: ExportedFileValue, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytesFromBase64(file.dataBase64)], { type: file.mime }))
  const a = doc.createElement('a')
  a.href = url
  a.download = file.fileName
  a.rel = 'noopener'
  a.hidden = true
  doc.body.append(a)
  try {
    a.click()
  } finally {
    a.remove()
    // Revoking at once can cancel a download that has not read the blob yet (Firefox, and
    // Electron while its save dialog is open), so the URL lives a little longer.
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
}

/** Saves every file of an export (brat gives two), one download each. */
export function downloadFiles(files: readonly ExportedFileValue[], doc: Document = document): void {
  for (const f of files) downloadFile(f, doc)
}
