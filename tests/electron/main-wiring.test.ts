import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { channelOf, OPERATION_NAMES } from '../../src/shared/ops'
import { useTempDir } from '../helpers/tmp'

// The entry file (src/main/index.ts) run against a stand-in for Electron: it shows that the
// parts are wired together (lock, guards, IPC over the real store, menu, window) — not that
// Electron itself behaves, which cannot run here.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown
  const appListeners = new Map<string, Listener[]>()
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
  const windows: { options: Record<string, unknown>; url?: string; contentsListeners: Map<string, Listener[]> }[] = []
  const state = {
    appListeners,
    handlers,
    windows,
    menu: undefined as unknown,
    permissionRequest: undefined as Listener | undefined,
    headers: undefined as Listener | undefined
  }
  class BrowserWindow {
    webContents: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      const record = { options, url: undefined as string | undefined, contentsListeners: new Map<string, Listener[]>() }
      windows.push(record)
      this.webContents = { isLoading: () => false, send: () => {}, once: () => {}, getURL: () => record.url ?? '' }
      // Electron emits web-contents-created for each new window's contents.
      const contents = {
        on: (name: string, l: Listener) => record.contentsListeners.set(name, [...(record.contentsListeners.get(name) ?? []), l]),
        setWindowOpenHandler: (h: Listener) => record.contentsListeners.set('window-open', [h])
      }
      for (const l of appListeners.get('web-contents-created') ?? []) l({}, contents)
    }
    once(): void {}
    on(): void {}
    async loadURL(url: string): Promise<void> {
      windows[windows.length - 1].url = url
    }
    static getFocusedWindow(): null {
      return null
    }
    static getAllWindows(): unknown[] {
      return windows
    }
  }
  const electron = {
    app: {
      isPackaged: true,
      setName: () => {},
      requestSingleInstanceLock: () => true,
      on: (name: string, l: Listener) => appListeners.set(name, [...(appListeners.get(name) ?? []), l]),
      whenReady: () => Promise.resolve(),
      getAppPath: () => '/nowhere',
      getPath: () => '/nowhere',
      addRecentDocument: () => {},
      quit: () => {},
      exit: (code: number) => {
        throw new Error(`app.exit(${code})`)
      }
    },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => {
        throw new Error(`${title}: ${message}`)
      }
    },
    ipcMain: {
      handle: (channel: string, h: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, h),
      removeHandler: (channel: string) => handlers.delete(channel)
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (state.permissionRequest = h),
        setPermissionCheckHandler: () => {},
        webRequest: { onHeadersReceived: (l: Listener) => (state.headers = l) }
      },
      fromPartition: () => undefined
    },
    shell: { openExternal: async () => {} }
  }
  return { state, electron }
})

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }))

describe('the Electron entry wires the parts together', () => {
  const dir = useTempDir()
  const savedDb = process.env.COPYDESK_DB

  beforeAll(() => {
    delete process.env.ELECTRON_RENDERER_URL
  })
  afterAll(() => {
    if (savedDb === undefined) delete process.env.COPYDESK_DB
    else process.env.COPYDESK_DB = savedDb
  })

  it('opens the store, registers every operation for its own page only, guards and shows the window', async () => {
    process.env.COPYDESK_DB = join(dir(), 'copydesk.db')
    await import('../../src/main/index')
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1))

    const [win] = fake.state.windows
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.js$/)
    expect(win.url).toMatch(/^file:\/\/.*renderer\/index\.html$/)

    expect([...fake.state.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(channelOf).sort())
    const list = fake.state.handlers.get(channelOf('listArticles'))!
    expect(await list({ senderFrame: { url: `${win.url}#/` } }, {})).toEqual({ ok: true, value: [] })
    expect(await list({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } })

    expect([...win.contentsListeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect', 'window-open'])
    const answers: boolean[] = []
    fake.state.permissionRequest?.({}, 'media', (granted: boolean) => answers.push(granted))
    expect(answers).toEqual([false])
    expect(fake.state.menu).toBeInstanceOf(Array)
    for (const event of ['second-instance', 'window-all-closed', 'will-quit', 'web-contents-created']) {
      expect(fake.state.appListeners.has(event), event).toBe(true)
    }
    // Quitting closes the store (before the temporary folder goes).
    for (const l of fake.state.appListeners.get('will-quit') ?? []) l()
    expect(await list({ senderFrame: { url: win.url } }, {})).toMatchObject({ ok: false })
  })
})
