import { MENU_CHANNEL, type MenuCommand } from '../../shared/bridge'
import type { Dispatch } from '../core/dispatch'
import { importFailureMessage, importFiles } from './import-files'

/**
 * What the menu's items do once the main process has decided which window they act on:
 * push a command to the page, or import files and show the result. Electron's parts are
 * injected, so the tests drive these with fakes.
 */

/** The part of a window's `webContents` that receives menu commands. */
export interface CommandTarget {
  isLoading(): boolean
  once(event: 'did-finish-load', listener: () => void): unknown
  send(channel: string, payload: MenuCommand): void
}

/** Sends `command` to the page, waiting for it to finish loading when it has not yet. */
export function sendMenuCommand(target: CommandTarget, command: MenuCommand): void {
  if (target.isLoading()) target.once('did-finish-load', () => target.send(MENU_CHANNEL, command))
  else target.send(MENU_CHANNEL, command)
}

export interface ImportEffects {
  dispatch: Dispatch
  /** Electron's `app.addRecentDocument`. */
  addRecentDocument(file: string): void
  /** Tells the page to show an article. */
  show(command: MenuCommand): void
  /** A dialog the editor reads, e.g. `dialog.showMessageBox`. */
  showFailure(title: string, detail: string): void
}

/**
 * Imports `files`, adds each imported one to the recent documents, opens the last article
 * imported, and reports every file that failed in one dialog.
 */
export async function importAndShow(files: readonly string[], effects: ImportEffects): Promise<void> {
  const outcomes = await importFiles(files, effects.dispatch)
  let last: number | undefined
  for (const outcome of outcomes) {
    if (!outcome.ok) continue
    effects.addRecentDocument(outcome.file)
    last = outcome.articleId
  }
  if (last !== undefined) effects.show({ command: 'open-article', articleId: last })
  const failure = importFailureMessage(outcomes)
  if (failure) effects.showFailure(failure.title, failure.detail)
}
