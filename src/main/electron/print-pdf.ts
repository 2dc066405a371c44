import { BrowserWindow, session } from 'electron'

/**
 * PDF export in the app: Chromium prints the same self-contained HTML the HTML export
 * writes, in a hidden window that runs no script and may fetch nothing.
 */

const PRINT_PARTITION = 'copydesk-print'

/** Prints `html` to A4 PDF bytes with Electron's own Chromium. */
export async function printPdfWithElectron(html: string): Promise<Uint8Array> {
  const printSession = session.fromPartition(PRINT_PARTITION)
  // Only the page itself (a data: URL) loads; images or fonts it names from elsewhere do not.
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }))
  const win = new BrowserWindow({
    show: false,
    webPreferences: { session: printSession, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false }
  })
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
    const pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      margins: { top: 0.71, bottom: 0.71, left: 0.63, right: 0.63 }
    })
    return new Uint8Array(pdf)
  } finally {
    win.destroy()
  }
}
