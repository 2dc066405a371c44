import { describe, expect, it } from 'vitest'
import type { Dispatch } from '../../src/main/core/dispatch'
import { registerOperations, type InvokeEvent, type IpcMainLike } from '../../src/main/electron/ipc'
import { JsonText, fromWire } from '../../src/shared/json-text'
import { channelOf, OPERATION_NAMES } from '../../src/shared/ops'

const APP = 'app://copydesk/index.html'

/** Records handlers the way ipcMain does (one per channel) and invokes them as a page would. */
class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>()
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
  invoke(channel: string, frameUrl: string | null, input: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, input)
  }
}

function recordingDispatch(): { dispatch: Dispatch; calls: [string, unknown][] } {
  const calls: [string, unknown][] = []
  const dispatch: Dispatch = async (op, input) => {
    calls.push([op, input])
    return { ok: true, value: { op } }
  }
  return { dispatch, calls }
}

const isApp = (url: string): boolean => url.split('#')[0] === APP

describe('the Electron door', () => {
  it('answers every operation of the contract on its own channel', async () => {
    const ipc = new FakeIpcMain()
    const { dispatch, calls } = recordingDispatch()
    registerOperations(ipc, dispatch, isApp)
    expect([...ipc.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(channelOf).sort())

    for (const op of OPERATION_NAMES) {
      expect(await ipc.invoke(channelOf(op), `${APP}#/article/1`, { probe: op })).toEqual({ ok: true, value: { op } })
    }
    expect(calls).toEqual(OPERATION_NAMES.map((op) => [op, { probe: op }]))
  })

  it('passes the page’s input to dispatch untouched, so the contract validates it', async () => {
    const ipc = new FakeIpcMain()
    const { dispatch, calls } = recordingDispatch()
    registerOperations(ipc, dispatch, isApp)
    await ipc.invoke(channelOf('getArticle'), APP, { id: 'not a number' })
    expect(calls).toEqual([['getArticle', { id: 'not a number' }]])
  })

  it('refuses a call from a page that is not the app, with an error the renderer can show', async () => {
    const ipc = new FakeIpcMain()
    const { dispatch, calls } = recordingDispatch()
    registerOperations(ipc, dispatch, isApp)
    for (const sender of ['https://evil.example/', 'file:///home/editor/Downloads/article.html', null]) {
      const result = await ipc.invoke(channelOf('deleteArticle'), sender, { id: 1 })
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    expect(calls).toEqual([])
  })

  it('sends what the store wrote as JSON as that text, which the page reads back into the same value', async () => {
    const ipc = new FakeIpcMain()
    const text = '[{"id":"c1","fields":{"explanation":"“quoted” \\\\ 🧾"}}]'
    const asked: unknown[] = []
    registerOperations(ipc, async (_op, _input, options) => {
      asked.push(options)
      return { ok: true, value: new JsonText(text) }
    }, isApp)
    const wire = await ipc.invoke(channelOf('listAnnotations'), APP, { articleId: 1 })
    expect(asked).toEqual([{ jsonText: true }])
    expect(wire).toEqual({ ok: true, json: text })
    expect(fromWire(wire as never)).toEqual({ ok: true, value: JSON.parse(text) })
  })

  it('can be taken down again, so a reopened window registers cleanly', () => {
    const ipc = new FakeIpcMain()
    const unregister = registerOperations(ipc, recordingDispatch().dispatch, isApp)
    unregister()
    expect(ipc.handlers.size).toBe(0)
    registerOperations(ipc, recordingDispatch().dispatch, isApp)
    expect(ipc.handlers.size).toBe(OPERATION_NAMES.length)
  })
})
