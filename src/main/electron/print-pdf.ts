import type { PrintToPDFOptions } from 'electron'
import { denyPermissions, type PermissionSession } from './security'

/**
 * PDF export in the app: Chromium prints the same self-contained HTML the HTML export
 * writes, in a hidden window of its own session that runs no script, may fetch nothing and
 * is granted no permission. Electron's parts are injected, so the tests check the policy.
 */

/** The partition of the print window's session (in memory: it keeps nothing on disk). */
export const PRINT_PARTITION = 'copydesk-print'

const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  margins: { top: 0.71, bottom: 0.71, left: 0.63, right: 0.63 }
}

/** The print session's parts the policy sets. */
export interface PrintSession extends PermissionSession {
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void
  }
}

/** The print window's parts the printing uses. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>
  webContents: { printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> }
  destroy(): void
}

/** Options of the hidden print window (a `BrowserWindow`'s, with the print session). */
export interface PrintWindowOptions<S> {
  show: false
  webPreferences: { session: S; javascript: false; sandbox: true; contextIsolation: true; nodeIntegration: false; webSecurity: true }
}

/** Electron's parts, injected: the session by partition and a window constructor. */
export interface PrintParts<S extends PrintSession> {
  fromPartition(partition: string): S
  createWindow(options: PrintWindowOptions<S>): PrintWindow
}

/** Options of the hidden print window: no script, sandboxed, isolated, in the print session. */
export function printWindowOptions<S>(printSession: S): PrintWindowOptions<S> {
  return {
    show: false,
    webPreferences: { session: printSession, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true }
  }
}

/**
 * Sets the print session's policy: every permission denied, and every request but the
 * page itself (a data: URL) cancelled, so images or fonts it names from elsewhere do not load.
 */
export function guardPrintSession(printSession: PrintSession): void {
  denyPermissions(printSession)
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }))
}

/** Prints `html` to A4 PDF bytes in a hidden window; the window is destroyed whatever happens. */
export async function printPdf<S extends PrintSession>(html: string, parts: PrintParts<S>): Promise<Uint8Array> {
  const printSession = parts.fromPartition(PRINT_PARTITION)
  guardPrintSession(printSession)
  const win = parts.createWindow(printWindowOptions(printSession))
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
    return new Uint8Array(await win.webContents.printToPDF(PDF_OPTIONS))
  } finally {
    win.destroy()
  }
}
