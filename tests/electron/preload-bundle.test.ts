import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { channelOf, OPERATION_NAMES } from '../../src/shared/ops'

// The built preload (npm test builds before it runs the tests; alone: npx electron-vite build).
const BUNDLE = join(resolve(__dirname, '../..'), 'out', 'preload', 'index.js')

describe('the built preload runs in Electron’s sandbox', () => {
  let code = ''
  beforeAll(() => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run "npx electron-vite build" first`)
    code = readFileSync(BUNDLE, 'utf8')
  })

  it('is CommonJS and requires nothing but electron', () => {
    const required = [...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2])
    expect(required).toEqual(['electron'])
    expect(code.match(/\brequire\(/g)).toHaveLength(1)
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
  })

  it('exposes one method per operation as window.copydesk, and never ipcRenderer', async () => {
    const exposed: Record<string, unknown> = {}
    const invoked: [string, unknown[]][] = []
    const ipcRenderer = {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push([channel, args])
        return { ok: true, value: null }
      },
      on: () => ipcRenderer,
      removeListener: () => ipcRenderer
    }
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer
    }
    // A sandboxed preload's require knows only 'electron' (and a few polyfills we do not use).
    const sandboxRequire = (id: string): unknown => {
      if (id === 'electron') return electron
      throw new Error(`module not found: ${id}`)
    }
    runInNewContext(code, { require: sandboxRequire, console })

    expect(Object.keys(exposed)).toEqual(['copydesk'])
    const api = exposed.copydesk as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES, 'onMenuCommand', 'platform'].sort())
    expect(Object.values(api)).not.toContain(ipcRenderer)
    await (api.getArticle as (input: unknown) => Promise<unknown>)({ id: 3 })
    expect(invoked).toEqual([[channelOf('getArticle'), [{ id: 3 }]]])
  })
})
