import type { Dispatch } from '../core/dispatch'
import type { Result } from '../../shared/errors'
import { channelOf, OPERATION_NAMES } from '../../shared/ops'
import { toWire } from '../../shared/json-text'

/**
 * The Electron door: one `ipcMain.handle` per operation. A call is answered only when it
 * comes from the app's own page; the input then goes to `dispatch`, which validates it
 * against the contract, so nothing unchecked reaches the services.
 */

/** What a handler sees of Electron's invoke event. */
export interface InvokeEvent {
  /** The frame that sent the call; null once it navigated away or was destroyed. */
  readonly senderFrame: { readonly url: string } | null
}

/** The part of Electron's `ipcMain` the door uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'Copydesk refused a request that did not come from its own window.' }
}

/**
 * Registers every operation on `ipcMain`; `isTrustedUrl` says whether a sender frame's URL
 * is the app's page. Returns the function that removes the handlers again.
 */
export function registerOperations(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedUrl: (url: string) => boolean
): () => void {
  for (const op of OPERATION_NAMES) {
    ipcMain.handle(channelOf(op), async (event, input) => {
      const frame = event.senderFrame
      if (!frame || !isTrustedUrl(frame.url)) return REFUSED
      return toWire(await dispatch(op, input, { jsonText: true }))
    })
  }
  return () => {
    for (const op of OPERATION_NAMES) ipcMain.removeHandler(channelOf(op))
  }
}
