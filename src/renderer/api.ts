import type { CopydeskApi, InputOf, OutputOf } from '../shared/contract'
import type { CopydeskBridge, MenuCommand } from '../shared/bridge'
import type { Result } from '../shared/errors'
import { OPERATION_NAMES, type OperationName } from '../shared/ops'

/**
 * The renderer's one way to reach the store. In the desktop app the preload exposes
 * `window.copydesk`; in a plain browser (`copydesk serve`) the same operations go over the
 * loopback HTTP door with the launch token.
 */

function tokenFromPage(): string {
  const fromUrl = new URLSearchParams(location.search).get('token')
  if (fromUrl) {
    sessionStorage.setItem('copydesk-token', fromUrl)
    return fromUrl
  }
  return sessionStorage.getItem('copydesk-token') ?? ''
}

function httpApi(): CopydeskApi {
  const token = tokenFromPage()
  const api: Partial<Record<OperationName, (input: unknown) => Promise<Result<unknown>>>> = {}
  for (const op of OPERATION_NAMES) {
    api[op] = async (input) => {
      try {
        const body = JSON.stringify(input ?? {})
        const res = await fetch(`/api/${op}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': token },
          // As a Blob: Chromium sends a 1 MB string body in ~12 ms of the page's time, a Blob in ~8.
          body: new Blob([body], { type: 'application/json' }),
          // Lets a save started as the page closes still reach the store (browsers refuse a
          // keepalive body over 64 KB).
          keepalive: op === 'saveArticle' && body.length < 60_000
        })
        return (await res.json()) as Result<unknown>
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Copydesk is not reachable. Is `copydesk serve` still running?' } }
      }
    }
  }
  return api as CopydeskApi
}

declare global {
  interface Window {
    /** The desktop app's preload bridge; absent in a plain browser. */
    copydesk?: CopydeskBridge
  }
}

export const api: CopydeskApi = window.copydesk ?? httpApi()

/** Menu commands pushed by the desktop app's native menu (nothing in a browser). */
export function onMenuCommand(cb: (command: MenuCommand) => void): () => void {
  return window.copydesk?.onMenuCommand(cb) ?? (() => {})
}

/** Calls an operation and throws its error as an Error with the message an editor reads. */
export async function call<K extends OperationName>(op: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await api[op](input)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
  return result.value
}
