import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { APP_SCHEME_PRIVILEGES } from '../../src/main/electron/app-protocol'
import { PRINT_PARTITION } from '../../src/main/electron/print-pdf'
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/security'
import { channelOf, OPERATION_NAMES } from '../../src/shared/ops'
import { expectEverythingDenied, type RecordedHandlers } from '../helpers/permissions'
import { useTempDir } from '../helpers/tmp'
import { forgetPackagedNative, standInPackagedNative } from './packaged-native'

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
    /** Schemes registered as privileged, and whether the app was ready by then. */
    privileged: [] as { schemes: unknown; whenReadyCalled: boolean }[],
    whenReadyCalled: false,
    protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
    headers: undefined as Listener | undefined,
    /** Each session's recorded permission handlers, by partition ('' is the default session). */
    sessions: new Map<string, Record<string, Listener>>(),
    printRequests: undefined as Listener | undefined
  }
  /** A stand-in session recording the handlers set on it. */
  function fakeSession(partition: string) {
    const handlers: Record<string, Listener> = {}
    state.sessions.set(partition, handlers)
    const record = (name: string) => (h: Listener) => (handlers[name] = h)
    return {
      setPermissionRequestHandler: record('request'),
      setPermissionCheckHandler: record('check'),
      setDevicePermissionHandler: record('device'),
      setDisplayMediaRequestHandler: record('displayMedia'),
      setBluetoothPairingHandler: record('bluetooth'),
      webRequest: {
        onHeadersReceived: (l: Listener) => (state.headers = l),
        onBeforeRequest: (l: Listener) => (state.printRequests = l)
      }
    }
  }
  class BrowserWindow {
    webContents: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      const record = { options, url: undefined as string | undefined, contentsListeners: new Map<string, Listener[]>() }
      windows.push(record)
      this.webContents = {
        isLoading: () => false,
        send: () => {},
        once: () => {},
        getURL: () => record.url ?? '',
        printToPDF: async () => new TextEncoder().encode('%PDF-1.7 fake')
      }
      // Electron emits web-contents-created for each new window's contents.
      const contents = {
        on: (name: string, l: Listener) => record.contentsListeners.set(name, [...(record.contentsListeners.get(name) ?? []), l]),
        setWindowOpenHandler: (h: Listener) => record.contentsListeners.set('window-open', [h])
      }
      for (const l of appListeners.get('web-contents-created') ?? []) l({}, contents)
    }
    once(): void {}
    on(): void {}
    destroy(): void {}
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
      whenReady: () => {
        state.whenReadyCalled = true
        return Promise.resolve()
      },
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
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => state.privileged.push({ schemes, whenReadyCalled: state.whenReadyCalled }),
      handle: (scheme: string, h: (request: { url: string; method: string }) => Promise<Response>) => state.protocolHandlers.set(scheme, h)
    },
    session: {
      defaultSession: fakeSession(''),
      fromPartition: (partition: string) => fakeSession(partition)
    },
    shell: { openExternal: async () => {} }
  }
  return { state, electron, session: fakeSession }
})

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }))

describe('the Electron entry wires the parts together', () => {
  const dir = useTempDir()
  const savedDb = process.env.COPYDESK_DB

  beforeAll(() => {
    delete process.env.ELECTRON_RENDERER_URL
  })
  afterAll(() => {
    forgetPackagedNative()
    if (savedDb === undefined) delete process.env.COPYDESK_DB
    else process.env.COPYDESK_DB = savedDb
  })

  it('opens the store, registers every operation for its own page only, guards and shows the window', async () => {
    process.env.COPYDESK_DB = join(dir(), 'copydesk.db')
    // The packaged app loads its database module from its resources folder (Node's build stands in here).
    standInPackagedNative(dir())
    await import('../../src/main/index')
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1))

    // app:// is made standard and secure before the app is ready, then served from the renderer folder.
    expect(fake.state.privileged).toEqual([{ schemes: [APP_SCHEME_PRIVILEGES], whenReadyCalled: false }])
    const serve = fake.state.protocolHandlers.get('app')!
    const page = await serve({ url: 'app://copydesk/', method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await page.text()).toContain('<div id="root">')
    expect((await serve({ url: 'app://copydesk/..%2f..%2fpackage.json', method: 'GET' })).status).toBe(400)

    const [win] = fake.state.windows
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.js$/)
    expect(win.url).toBe('app://copydesk/index.html')

    expect([...fake.state.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(channelOf).sort())
    const list = fake.state.handlers.get(channelOf('listArticles'))!
    expect(await list({ senderFrame: { url: `${win.url}#/` } }, {})).toEqual({ ok: true, value: [] })
    expect(await list({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(await list({ senderFrame: { url: 'file:///opt/copydesk/out/renderer/index.html' } }, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } })

    expect([...win.contentsListeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect', 'window-open'])
    expectEverythingDenied(fake.state.sessions.get('') as RecordedHandlers)
    expect(fake.state.menu).toBeInstanceOf(Array)
    for (const event of ['second-instance', 'window-all-closed', 'will-quit', 'web-contents-created', 'session-created']) {
      expect(fake.state.appListeners.has(event), event).toBe(true)
    }

    // Any session created later denies every permission too.
    for (const l of fake.state.appListeners.get('session-created') ?? []) l(fake.session('later'))
    expectEverythingDenied(fake.state.sessions.get('later') as RecordedHandlers)

    // A PDF export prints in the print session, which denies every permission and loads nothing but the page.
    const importText = fake.state.handlers.get(channelOf('importText'))!
    const imported = (await importText({ senderFrame: { url: win.url } }, { text: 'The council spent £3m on roads.' })) as { ok: true; value: { id: number } }
    const exported = fake.state.handlers.get(channelOf('exportArticle'))!
    expect(await exported({ senderFrame: { url: win.url } }, { id: imported.value.id, format: 'pdf' })).toMatchObject({ ok: true })
    expectEverythingDenied(fake.state.sessions.get(PRINT_PARTITION) as RecordedHandlers)
    const cancelled: boolean[] = []
    fake.state.printRequests?.({ url: 'https://tracker.example/p.png' }, (r: { cancel: boolean }) => cancelled.push(r.cancel))
    expect(cancelled).toEqual([true])
    expect(fake.state.windows[1].options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true } })

    // Quitting closes the store (before the temporary folder goes).
    for (const l of fake.state.appListeners.get('will-quit') ?? []) l()
    expect(await list({ senderFrame: { url: win.url } }, {})).toMatchObject({ ok: false })
  })
})
