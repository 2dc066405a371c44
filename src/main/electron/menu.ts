import type { MenuItemConstructorOptions } from 'electron'
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/contract'
import { EXPORT_LABELS } from './export-files'

/**
 * The native menu as a plain template, built from injected actions so the tests read it
 * without Electron. Undo and Redo are the page's to decide (the article's history wherever
 * focus is, a text field's own typing while it has focus): Electron's roles would undo only
 * what has the browser's focus, and nothing from the side panel. Cut, copy, paste and select
 * all use Electron's roles.
 */

/** What the app's own menu items do (the main process supplies them). */
export interface MenuActions {
  /** File ▸ Open…: pick files, import them, show the new article. */
  openFile(): void
  /** File ▸ Paste as New Article. */
  pasteAsNew(): void
  /** File ▸ Quick Export ▸ a format: save the open article's public annotated copy. */
  exportAs(format: ExportFormat): void
  /** File ▸ Export…: the export dialog (format and options) of the open article. */
  showExport(): void
  /** File ▸ Import Annotations…: add W3C or brat annotations to the open article. */
  showImportAnnotations(): void
  /** File ▸ Close Article: back to the library. */
  closeArticle(): void
  /** Help ▸ Keyboard Shortcuts. */
  showShortcuts(): void
  /** Edit ▸ Undo and Redo. */
  undo(): void
  redo(): void
  /** Edit ▸ Find…: find in the open article. */
  find(): void
  /** File ▸ Print…: the open article's annotated copy. */
  print(): void
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Development build (`npm run dev`): adds reload and developer tools. */
  isDev: boolean
  appName: string
}

/** The application menu for `options.platform`. */
export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const windows = options.platform === 'win32'

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', accelerator: 'Cmd+Q' }
    ]
  }

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFile() },
      ...(mac
        ? [{ label: 'Open Recent', role: 'recentDocuments', submenu: [{ role: 'clearRecentDocuments' }] } satisfies MenuItemConstructorOptions]
        : []),
      { label: 'Paste as New Article', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.pasteAsNew() },
      { type: 'separator' },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.showExport() },
      {
        label: 'Quick Export',
        submenu: EXPORT_FORMATS.map((format) => ({ label: EXPORT_LABELS[format], click: () => actions.exportAs(format) }))
      },
      { label: 'Import Annotations…', click: () => actions.showImportAnnotations() },
      { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
      { type: 'separator' },
      { label: 'Close Article', accelerator: 'CmdOrCtrl+W', click: () => actions.closeArticle() },
      { role: 'close', label: 'Close Window', accelerator: 'CmdOrCtrl+Shift+W' },
      // Windows names it Exit and closes with Alt+F4, which the system already handles.
      ...(mac ? [] : [{ type: 'separator' } as const, windows ? ({ role: 'quit' } as const) : ({ role: 'quit', accelerator: 'Ctrl+Q' } as const)])
    ]
  }

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.undo() },
      { label: 'Redo', accelerator: windows ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z', click: () => actions.redo() },
      { type: 'separator' },
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      { type: 'separator' },
      { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: () => actions.find() }
    ]
  }

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(options.isDev
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' }
    ]
  }

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'Keyboard Shortcuts', click: () => actions.showShortcuts() },
      ...(mac ? [] : [{ role: 'about', label: `About ${options.appName}` } as const])
    ]
  }

  return [...(mac ? [appMenu] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' } as const] : []), help]
}
