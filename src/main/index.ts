import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type OpenDialogOptions } from 'electron'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { MenuCommand } from '../shared/bridge'
import type { ExportFormat } from '../shared/contract'
import { toErrorValue } from '../shared/errors'
import { createDispatch, type Dispatch } from './core/dispatch'
import { defaultDatabasePath } from './core/paths'
import { createServices } from './core/services'
import { backupPending, backupSettled, openLibrary } from './core/library'
import type { Store } from './core/store'
import { threadRunner, type JobRunner } from './core/work/runner'
import { importWorkerFile } from './core/work/worker-file'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './electron/app-protocol'
import { APP_SCHEME, isAppUrl, isDevServerEntry, rendererEntryUrl } from './electron/app-url'
import { articleIdFromAppUrl, exportToFiles } from './electron/export-files'
import { IMPORT_FILTERS, isImportablePath } from './electron/import-files'
import { registerOperations } from './electron/ipc'
import { menuTemplate } from './electron/menu'
import { importAndShow, sendMenuCommand } from './electron/menu-commands'
import { chooseNativeBinding } from './electron/native-binding'
import { printPdf } from './electron/print-pdf'
import { denyPermissions, guardContents, guardSession, windowOptions } from './electron/security'

/**
 * The Electron entry: it only wires the parts in ./electron and ./core together. Every
 * decision (window options, guards, IPC sender checks, the menu, the native module) is a
 * tested function of its own; this file holds the calls into Electron.
 */

const APP_NAME = 'Copydesk'
// Before anything asks for paths: userData becomes …/Copydesk, the folder the store uses.
app.setName(APP_NAME)

// Before the app is ready, or Chromium will not treat app:// as standard and secure.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

const entryUrl = rendererEntryUrl({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL })
const rendererDir = join(__dirname, '../renderer')
const preloadPath = join(__dirname, '../preload/index.js')

let store: Store | undefined
let runner: JobRunner | undefined
let dispatch: Dispatch | undefined
let mainWindow: BrowserWindow | null = null
/** Files the OS handed over before the store was open (macOS `open-file` at launch). */
const waitingFiles: string[] = []

function fail(title: string, err: unknown): void {
  dialog.showErrorBox(title, typeof err === 'string' ? err : toErrorValue(err).message)
  app.exit(1)
}

function currentWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? mainWindow
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath))
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  win.loadURL(entryUrl).catch((err: unknown) => fail('Copydesk could not show its window', err))
  mainWindow = win
  return win
}

function send(command: MenuCommand): void {
  const win = currentWindow() ?? createWindow()
  sendMenuCommand(win.webContents, command)
}

async function importPaths(files: string[]): Promise<void> {
  if (!dispatch) {
    waitingFiles.push(...files)
    return
  }
  await importAndShow(files, {
    dispatch,
    addRecentDocument: (file) => app.addRecentDocument(file),
    show: send,
    showFailure: (title, detail) => void message('warning', title, detail)
  })
}

async function openFiles(): Promise<void> {
  const win = currentWindow()
  const options: OpenDialogOptions = {
    title: 'Open an article',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: IMPORT_FILTERS
  }
  const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  if (!choice.canceled) await importPaths(choice.filePaths)
}

function message(kind: 'info' | 'error' | 'warning' | 'question', title: string, detail?: string, buttons = ['OK']): Promise<number> {
  const win = currentWindow()
  const box = { type: kind, message: title, detail, buttons, defaultId: 0, cancelId: buttons.length - 1 }
  return (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box)).then((r) => r.response)
}

async function exportAs(format: ExportFormat): Promise<void> {
  const win = currentWindow()
  if (!dispatch) return
  const documents = app.getPath('documents')
  await exportToFiles(win ? articleIdFromAppUrl(win.webContents.getURL()) : null, format, {
    dispatch,
    async chooseFile(fileName) {
      const options = { title: 'Export the article', defaultPath: join(documents, fileName) }
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return r.canceled || !r.filePath ? null : r.filePath
    },
    async chooseFolder(fileNames) {
      const options: OpenDialogOptions = {
        title: `Choose a folder for ${fileNames.join(' and ')}`,
        buttonLabel: 'Export Here',
        defaultPath: documents,
        properties: ['openDirectory', 'createDirectory']
      }
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0]
    },
    async confirmReplace(fileNames) {
      const answer = await message('question', `Replace ${fileNames.join(' and ')}?`, 'They are already in that folder.', ['Replace', 'Cancel'])
      return answer === 0
    },
    tell: (kind, title, detail) => void message(kind, title, detail)
  })
}

function showMenu(): void {
  const template = menuTemplate(
    {
      openFile: () => void openFiles().catch((err: unknown) => dialog.showErrorBox('Copydesk could not open the file', toErrorValue(err).message)),
      pasteAsNew: () => send({ command: 'paste-as-new' }),
      exportAs: (format) => void exportAs(format).catch((err: unknown) => dialog.showErrorBox('Copydesk could not export the article', toErrorValue(err).message)),
      showExport: () => send({ command: 'show-export' }),
      showImportAnnotations: () => send({ command: 'show-import-annotations' }),
      closeArticle: () => send({ command: 'close-article' }),
      showShortcuts: () => send({ command: 'show-shortcuts' }),
      undo: () => send({ command: 'undo' }),
      redo: () => send({ command: 'redo' }),
      find: () => send({ command: 'find' }),
      print: () => send({ command: 'print' })
    },
    { platform: process.platform, isDev: isDevServerEntry(entryUrl), appName: APP_NAME }
  )
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

/**
 * Opens the library; false (after telling the user) when the app cannot run. A damaged
 * library still opens: the window starts and offers its newest good backup (databaseHealth,
 * restoreBackup), where quitting would leave the user with nothing to act on.
 */
async function openStoreOrFail(): Promise<boolean> {
  const binding = chooseNativeBinding({
    isPackaged: app.isPackaged,
    projectRoot: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron,
    exists: existsSync
  })
  if (!binding.ok) {
    fail('Copydesk cannot start', binding.message)
    return false
  }
  try {
    const file = defaultDatabasePath()
    mkdirSync(dirname(file), { recursive: true })
    store = await openLibrary(file, { nativeBinding: binding.nativeBinding, allowDamaged: true, backUpInBackground: true })
  } catch (err) {
    fail('Copydesk could not open its library', err)
    return false
  }
  const printPdfWithElectron = (html: string): Promise<Uint8Array> =>
    printPdf(html, { fromPartition: (partition) => session.fromPartition(partition), createWindow: (options) => new BrowserWindow(options) })
  // Imports run in a worker thread (a utility process would plug in as another JobRunner).
  runner = threadRunner({ file: importWorkerFile(__dirname), warm: true })
  dispatch = createDispatch(createServices(store, { printPdf: printPdfWithElectron, runner }))
  return true
}

async function onReady(): Promise<void> {
  if (!(await openStoreOrFail()) || !dispatch) return
  guardSession(session.defaultSession, entryUrl)
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir }))
  registerOperations(ipcMain, dispatch, (url) => isAppUrl(url, entryUrl))
  showMenu()
  createWindow()
  if (waitingFiles.length) void importPaths(waitingFiles.splice(0))
}

if (!app.requestSingleInstanceLock()) {
  // Another Copydesk has the library open; it was told (second-instance) and takes over.
  app.quit()
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const win = mainWindow ?? (dispatch ? createWindow() : null)
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
    const files = argv.slice(1).filter(isImportablePath).map((file) => resolve(workingDirectory, file)).filter((file) => existsSync(file))
    if (files.length) void importPaths(files)
  })
  // macOS: a file dropped on the Dock icon or picked from File ▸ Open Recent.
  app.on('open-file', (event, file) => {
    event.preventDefault()
    void importPaths([file])
  })
  // Every session ever created (the print session too) denies every permission.
  app.on('session-created', (created) => denyPermissions(created))
  // Every web contents ever created (the window, and anything a bug might open) is guarded.
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, entryUrl, (url) => void shell.openExternal(url))
  })
  app.on('activate', () => {
    if (dispatch && BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', (event) => {
    // The day's backup (made in the background since the library opened) is finished first.
    if (store && backupPending(store)) {
      event.preventDefault()
      void backupSettled(store).then(() => app.quit())
      return
    }
    void runner?.close()
    store?.close()
    store = undefined
  })
  app
    .whenReady()
    .then(onReady)
    .catch((err: unknown) => fail('Copydesk could not start', err))
}
