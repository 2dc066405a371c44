import type { CopydeskApi } from './contract'
import { channelOf, OPERATION_NAMES } from './ops'

/**
 * What the desktop app's preload puts on `window.copydesk`: one method per operation of the
 * contract, menu commands pushed from the main process, and nothing else. No generic
 * invoke/send and never `ipcRenderer` itself (Electron's context-isolation guidance).
 *
 * Pure TypeScript so the sandboxed preload can bundle it and the tests can build it from a
 * fake `ipcRenderer`.
 */

/** The channel the main process pushes menu commands on. */
export const MENU_CHANNEL = 'copydesk:menu'

/** A command from the native menu that the renderer carries out. */
export type MenuCommand =
  /** An article was just imported (File ▸ Open…): show it. */
  | { command: 'open-article'; articleId: number }
  /** File ▸ Close Article: back to the library. */
  | { command: 'close-article' }
  /** File ▸ Paste as New Article: open the paste dialog. */
  | { command: 'paste-as-new' }
  /** Help ▸ Keyboard Shortcuts: show the shortcuts sheet. */
  | { command: 'show-shortcuts' }
  /** File ▸ Export…: the open article's export dialog. */
  | { command: 'show-export' }
  /** File ▸ Import Annotations…: the open article's annotation import dialog. */
  | { command: 'show-import-annotations' }
  /** Edit ▸ Undo / Redo: the open article's, or a text field's own when one has focus. */
  | { command: 'undo' }
  | { command: 'redo' }
  /** Edit ▸ Find…: find in the open article. */
  | { command: 'find' }
  /** File ▸ Print…: print the open article's annotated copy. */
  | { command: 'print' }

export type MenuCommandName = MenuCommand['command']

export const MENU_COMMAND_NAMES: readonly MenuCommandName[] = [
  'open-article',
  'close-article',
  'paste-as-new',
  'show-shortcuts',
  'show-export',
  'show-import-annotations',
  'undo',
  'redo',
  'find',
  'print'
]

/** The object the renderer sees as `window.copydesk` in the desktop app. */
export type CopydeskBridge = CopydeskApi & {
  /** Calls `listener` for each menu command; returns the function that stops it. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  readonly platform: 'electron'
}

/** The part of Electron's `ipcRenderer` the bridge uses (injected, so tests need no Electron). */
export interface BridgeIpc {
  invoke(channel: string, input: unknown): Promise<unknown>
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
}

/** True when `value` is a menu command the renderer knows (the main process is trusted, but typed at the edge). */
export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false
  const { command, articleId } = value as { command?: unknown; articleId?: unknown }
  if (!MENU_COMMAND_NAMES.includes(command as MenuCommandName)) return false
  return command !== 'open-article' || (Number.isInteger(articleId) && (articleId as number) > 0)
}

/** Builds `window.copydesk` over `ipc`: each operation invokes its own channel with its one argument. */
export function createBridge(ipc: BridgeIpc): CopydeskBridge {
  const operations = Object.fromEntries(
    OPERATION_NAMES.map((op) => [op, (input: unknown) => ipc.invoke(channelOf(op), input)])
  ) as unknown as CopydeskApi // the results are typed by the contract, not by the transport

  return {
    ...operations,
    onMenuCommand(listener) {
      // The IPC event (which holds the sender) never reaches the page; only the payload does.
      const relay = (_event: unknown, payload: unknown): void => {
        if (isMenuCommand(payload)) listener(payload)
      }
      ipc.on(MENU_CHANNEL, relay)
      return () => {
        ipc.removeListener(MENU_CHANNEL, relay)
      }
    },
    platform: 'electron'
  } satisfies CopydeskBridge
}
