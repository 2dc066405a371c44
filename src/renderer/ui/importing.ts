import type { Article } from '../../shared/domain'
import { MAX_IMPORT_BYTES } from '../../shared/limits'
import { call } from '../api'

const ACCEPTED = /\.(txt|text|html?|xhtml|md|markdown|docx)$/i
export const ACCEPT_ATTRIBUTE = '.txt,.html,.htm,.md,.markdown,.docx'

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
