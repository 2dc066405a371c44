import type { CopydeskApi, InputOf, OutputOf } from '../shared/contract'
import type { CopydeskBridge, MenuCommand } from '../shared/bridge'
import type { Result } from '../shared/errors'
import { OPERATION_NAMES, type OperationName } from '../shared/ops'
import { fromWire, type WireResult } from '../shared/json-text'
import { jsonBlob } from './sliced-json'

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

/** The launch token, read as the page loads (the desktop app's bridge does without). */
const launchToken = window.copydesk ? '' : tokenFromPage()

/** Posts an operation's JSON to the loopback door with the launch token. */
async function post(op: OperationName, body: Blob): Promise<Result<unknown>> {
  try {
    const res = await fetch(`/api/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': launchToken },
      // As a Blob: posting a 1.5 MB string held the page for 60–130 ms here, a Blob for 1–6 ms.
      body,
      // Lets a save started as the page closes still reach the store (browsers refuse a
      // keepalive body over 64 KB).
      keepalive: op === 'saveArticle' && body.size < 60_000
    })
    return (await res.json()) as Result<unknown>
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Copydesk is not reachable. Is `copydesk serve` still running?' } }
  }
}

function httpApi(): CopydeskApi {
  const api: Partial<Record<OperationName, (input: unknown) => Promise<Result<unknown>>>> = {}
  for (const op of OPERATION_NAMES) api[op] = async (input) => post(op, await jsonBlob(input ?? {}))
  return api as CopydeskApi
}

declare global {
  interface Window {
    /** The desktop app's preload bridge; absent in a plain browser. */
    copydesk?: CopydeskBridge
  }
}

/**
 * The desktop app's operations, each result made whole: a value the store wrote as JSON text
 * crosses IPC as that text (a string is cheap to copy; 10,000 annotations as objects are not)
 * and is read here.
 */
function bridgeApi(bridge: CopydeskBridge): CopydeskApi {
  const api: Partial<Record<OperationName, (input: unknown) => Promise<Result<unknown>>>> = {}
  const ops = bridge as unknown as Record<OperationName, (input: unknown) => Promise<WireResult>>
  for (const op of OPERATION_NAMES) api[op] = async (input) => fromWire(await ops[op](input))
  return api as CopydeskApi
}

export const api: CopydeskApi = window.copydesk ? bridgeApi(window.copydesk) : httpApi()

/** Menu commands pushed by the desktop app's native menu (nothing in a browser). */
export function onMenuCommand(cb: (command: MenuCommand) => void): () => void {
  return window.copydesk?.onMenuCommand(cb) ?? (() => {})
}

/** Calls an operation and throws its error as an Error with the message an editor reads. */
export async function call<K extends OperationName>(op: K, input: InputOf<K>): Promise<OutputOf<K>> {
  return unwrap(await api[op](input))
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
  return result.value
}

/**
 * `call` for a large input sent while the user may be typing (a save after a pause): over the
 * loopback door its JSON is written in slices of a few milliseconds, each when the page is
 * free (`pause`), so a key pressed meanwhile waits for one slice, not the whole. The desktop
 * app's bridge copies the input in one step, as `call` does.
 */
export async function callInSlices<K extends OperationName>(
  op: K,
  input: InputOf<K>,
  pause: () => Promise<void>,
  /** Given the request's JSON before it is sent (to keep it until the store confirms it). */
  onBody?: (body: Blob) => void
): Promise<OutputOf<K>> {
  if (window.copydesk) {
    if (onBody) onBody(await jsonBlob(input, { pause }))
    return call(op, input)
  }
  const body = await jsonBlob(input, { pause })
  onBody?.(body)
  return unwrap((await post(op, body)) as Result<OutputOf<K>>)
}
