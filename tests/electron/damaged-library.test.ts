import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { openLibrary } from '../../src/main/core/library'
import { listBackups } from '../../src/main/core/store/backups'
import { channelOf } from '../../src/shared/ops'
import { newArticle } from '../helpers/articles'
import { corruptArticlesPage } from '../helpers/damage'
import { useTempDir } from '../helpers/tmp'
import { forgetPackagedNative, standInPackagedNative } from './packaged-native'

// The entry file (src/main/index.ts) over a damaged library, against a stand-in for Electron:
// the app must start and let the page offer the backup, not show an error box and quit.
// Electron itself cannot run here. Any part of Electron this stand-in does not name is a
// function that does nothing, so the test follows the entry file as it grows.
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
  const state = { handlers, windows: 0, url: '', errors: [] as string[], exited: false }
  const nothing: unknown = new Proxy(function () {}, {
    get: (_t, key) => (key === 'then' ? undefined : nothing),
    apply: () => nothing,
    construct: () => nothing as object
  })
  const stand = <T extends object>(known: T): T =>
    new Proxy(known, {
      get: (t, key) => (key in t ? t[key as keyof T] : key === 'then' ? undefined : nothing),
      has: (_t, key) => key !== 'then'
    })
  class BrowserWindow {
    webContents = stand({ getURL: () => state.url })
    constructor() {
      state.windows++
    }
    once(): void {}
    on(): void {}
    async loadURL(url: string): Promise<void> {
      state.url = url
    }
    static getFocusedWindow(): null {
      return null
    }
    static getAllWindows(): unknown[] {
      return []
    }
  }
  const electron = stand({
    default: undefined as unknown,
    app: stand({
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      getAppPath: () => '/nowhere',
      getPath: () => '/nowhere',
      exit: () => {
        state.exited = true
      }
    }),
    BrowserWindow,
    dialog: stand({ showErrorBox: (title: string, message: string) => state.errors.push(`${title}: ${message}`) }),
    ipcMain: stand({ handle: (channel: string, h: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, h) })
  })
  electron.default = electron
  return { state, electron }
})

vi.mock('electron', () => fake.electron)

describe('the desktop app over a damaged library', () => {
  const dir = useTempDir()
  const savedDb = process.env.COPYDESK_DB
  afterAll(() => {
    forgetPackagedNative()
    if (savedDb === undefined) delete process.env.COPYDESK_DB
    else process.env.COPYDESK_DB = savedDb
  })

  it('starts, says the library is damaged, offers the backup, and restores it', async () => {
    const file = join(dir(), 'copydesk.db')
    const seeded = await openLibrary(file, { now: new Date(Date.now() - 2 * 86_400_000) })
    seeded.insertArticle(newArticle(['Before.'], 'In yesterday’s backup'))
    seeded.close()
    ;(await openLibrary(file, { now: new Date(Date.now() - 86_400_000) })).close()
    corruptArticlesPage(file)
    const [backup] = listBackups(file)
    expect(backup).toBeDefined()

    process.env.COPYDESK_DB = file
    // The packaged app loads its database module from its resources folder (Node's build stands in here).
    standInPackagedNative(dir())
    await import('../../src/main/index')
    await vi.waitFor(() => expect(fake.state.windows).toBe(1))
    expect(fake.state.errors).toEqual([])
    expect(fake.state.exited).toBe(false)

    const page = { senderFrame: { url: `${fake.state.url}#/` } }
    const call = (op: 'databaseHealth' | 'listArticles' | 'restoreBackup', input: unknown): Promise<unknown> =>
      fake.state.handlers.get(channelOf(op))!(page, input)
    expect(await call('listArticles', {})).toMatchObject({ ok: false, error: { code: 'database_damaged' } })
    expect(await call('databaseHealth', {})).toMatchObject({ ok: true, value: { status: 'damaged', newestGoodBackup: { name: backup.name } } })
    expect(await call('restoreBackup', { name: backup.name })).toMatchObject({ ok: true, value: { message: expect.stringMatching(/are not in it/) } })
    expect(await call('listArticles', {})).toMatchObject({ ok: true, value: [{ headline: 'In yesterday’s backup' }] })
  })
})
