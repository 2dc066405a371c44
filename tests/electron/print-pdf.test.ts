import { describe, expect, it } from 'vitest'
import { PRINT_PARTITION, printPdf, type PrintSession, type PrintWindow, type PrintWindowOptions } from '../../src/main/electron/print-pdf'
import { expectEverythingDenied, recordingSession, type RecordedHandlers } from '../helpers/permissions'

// PDF printing with stand-ins for Electron's session and window (Electron cannot run here;
// the real printing is tested with Chromium through the command line's printer).

interface FakePrint {
  set: RecordedHandlers
  partitions: string[]
  windows: { options: PrintWindowOptions<PrintSession>; loaded: string[]; destroyed: boolean }[]
  beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void
}

function fakeElectron(options: { failLoad?: boolean } = {}) {
  const { session, set } = recordingSession()
  const fake: FakePrint = { set, partitions: [], windows: [] }
  const printSession: PrintSession = {
    ...session,
    webRequest: { onBeforeRequest: (listener) => (fake.beforeRequest = listener) }
  }
  const parts = {
    fromPartition(partition: string): PrintSession {
      fake.partitions.push(partition)
      return printSession
    },
    createWindow(windowOptions: PrintWindowOptions<PrintSession>): PrintWindow {
      const record = { options: windowOptions, loaded: [] as string[], destroyed: false }
      fake.windows.push(record)
      return {
        async loadURL(url) {
          if (options.failLoad) throw new Error('ERR_FAILED')
          record.loaded.push(url)
        },
        webContents: { printToPDF: async () => new TextEncoder().encode('%PDF-1.7 fake') },
        destroy: () => (record.destroyed = true)
      }
    }
  }
  return { fake, parts, printSession }
}

describe('a PDF is printed in a window that can do nothing else', () => {
  it('prints the HTML as a data: page in the print session, then closes the window', async () => {
    const { fake, parts, printSession } = fakeElectron()
    const bytes = await printPdf('<h1>Headline</h1>', parts)
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7 fake')
    expect(fake.partitions).toEqual([PRINT_PARTITION])
    expect(PRINT_PARTITION).not.toMatch(/^persist:/)
    const [win] = fake.windows
    expect(win.loaded).toHaveLength(1)
    expect(Buffer.from(win.loaded[0].replace(/^data:text\/html;charset=utf-8;base64,/, ''), 'base64').toString('utf8')).toBe('<h1>Headline</h1>')
    expect(win.options).toEqual({
      show: false,
      webPreferences: { session: printSession, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true }
    })
    expect(win.destroyed).toBe(true)
  })

  it('denies every permission in the print session', async () => {
    const { fake, parts } = fakeElectron()
    await printPdf('<p>x</p>', parts)
    expectEverythingDenied(fake.set)
  })

  it('lets the page itself load and cancels every other request', async () => {
    const { fake, parts } = fakeElectron()
    await printPdf('<p>x</p>', parts)
    const answers = (url: string) => {
      const out: boolean[] = []
      fake.beforeRequest?.({ url }, (r) => out.push(r.cancel))
      return out
    }
    expect(answers('data:text/html;base64,PHA+eDwvcD4=')).toEqual([false])
    for (const url of ['https://tracker.example/pixel.png', 'file:///etc/passwd', 'app://copydesk/index.html', 'http://127.0.0.1:9/']) {
      expect(answers(url), url).toEqual([true])
    }
  })

  it('closes the window when the page fails to load', async () => {
    const { fake, parts } = fakeElectron({ failLoad: true })
    await expect(printPdf('<p>x</p>', parts)).rejects.toThrow('ERR_FAILED')
    expect(fake.windows[0].destroyed).toBe(true)
  })
})
