import { describe, expect, it } from 'vitest'
import { createBridge, MENU_CHANNEL, type BridgeIpc, type MenuCommand } from '../../src/shared/bridge'
import { channelOf, OPERATION_NAMES } from '../../src/shared/ops'

type Listener = (event: unknown, payload: unknown) => void

/** A stand-in for ipcRenderer that records invocations and lets the test push messages. */
class FakeIpcRenderer implements BridgeIpc {
  invoked: { channel: string; args: unknown[] }[] = []
  listeners = new Map<string, Set<Listener>>()
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    return Promise.resolve({ ok: true, value: channel })
  }
  on(channel: string, listener: Listener): this {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set())
    this.listeners.get(channel)!.add(listener)
    return this
  }
  removeListener(channel: string, listener: Listener): this {
    this.listeners.get(channel)?.delete(listener)
    return this
  }
  push(channel: string, payload: unknown): void {
    const event = { sender: this, senderId: 0 }
    for (const l of this.listeners.get(channel) ?? []) l(event, payload)
  }
}

describe('what the preload gives the page', () => {
  it('is one method per operation, menu commands and the platform — nothing generic', () => {
    const bridge = createBridge(new FakeIpcRenderer())
    expect(Object.keys(bridge).sort()).toEqual([...OPERATION_NAMES, 'onMenuCommand', 'platform'].sort())
    expect(bridge.platform).toBe('electron')
    for (const key of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'postMessage']) {
      expect(bridge, key).not.toHaveProperty(key)
    }
  })

  it('sends each operation on its own channel with only the page’s input', async () => {
    const ipc = new FakeIpcRenderer()
    const bridge = createBridge(ipc)
    const call = bridge as unknown as Record<string, (input: unknown) => Promise<unknown>>
    for (const op of OPERATION_NAMES) {
      expect(await call[op]({ probe: op })).toEqual({ ok: true, value: channelOf(op) })
    }
    expect(ipc.invoked).toEqual(OPERATION_NAMES.map((op) => ({ channel: channelOf(op), args: [{ probe: op }] })))
  })

  it('passes menu commands to the page without the IPC event, and stops when asked', () => {
    const ipc = new FakeIpcRenderer()
    const bridge = createBridge(ipc)
    const received: unknown[][] = []
    const stop = bridge.onMenuCommand((...args: unknown[]) => received.push(args))
    const open: MenuCommand = { command: 'open-article', articleId: 7 }

    ipc.push(MENU_CHANNEL, open)
    ipc.push(MENU_CHANNEL, { command: 'paste-as-new' })
    expect(received).toEqual([[open], [{ command: 'paste-as-new' }]])

    stop()
    ipc.push(MENU_CHANNEL, { command: 'close-article' })
    expect(received).toHaveLength(2)
    expect(ipc.listeners.get(MENU_CHANNEL)?.size).toBe(0)
  })

  it('ignores menu messages it does not know', () => {
    const ipc = new FakeIpcRenderer()
    const received: MenuCommand[] = []
    createBridge(ipc).onMenuCommand((c) => received.push(c))
    for (const junk of [null, 'open-article', { command: 'format-disk' }, { command: 'open-article' }, { command: 'open-article', articleId: -1 }]) {
      ipc.push(MENU_CHANNEL, junk)
    }
    expect(received).toEqual([])
  })
})
