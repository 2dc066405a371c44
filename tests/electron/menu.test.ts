import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { menuTemplate, type MenuActions } from '../../src/main/electron/menu'
import { EXPORT_FORMATS } from '../../src/shared/contract'

type Item = MenuItemConstructorOptions

function recordingActions(): { actions: MenuActions; calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    actions: {
      openFile: () => calls.push('openFile'),
      pasteAsNew: () => calls.push('pasteAsNew'),
      exportAs: (format) => calls.push(`export:${format}`),
      showExport: () => calls.push('showExport'),
      showImportAnnotations: () => calls.push('showImportAnnotations'),
      closeArticle: () => calls.push('closeArticle'),
      showShortcuts: () => calls.push('showShortcuts'),
      undo: () => calls.push('undo'),
      redo: () => calls.push('redo'),
      find: () => calls.push('find'),
      print: () => calls.push('print')
    }
  }
}

function items(template: Item[]): Item[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

function find(template: Item[], key: string): Item | undefined {
  return items(template).find((i) => i.role === key || i.label === key)
}

function clickItem(item: Item | undefined): void {
  ;(item?.click as (() => void) | undefined)?.()
}

const linux = { platform: 'linux' as const, isDev: false, appName: 'Copydesk' }

describe('the native menu', () => {
  it('has the usual items with their shortcuts', () => {
    const template = menuTemplate(recordingActions().actions, linux)
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
    const accelerators = Object.fromEntries(
      ['Open…', 'Paste as New Article', 'Export…', 'Print…', 'Close Article', 'close', 'quit', 'Undo', 'Redo', 'cut', 'copy', 'paste', 'selectAll', 'Find…'].map(
        (key) => [key, find(template, key)?.accelerator]
      )
    )
    expect(accelerators).toEqual({
      'Open…': 'CmdOrCtrl+O',
      'Paste as New Article': 'CmdOrCtrl+Shift+N',
      'Export…': 'CmdOrCtrl+E',
      'Print…': 'CmdOrCtrl+P',
      'Close Article': 'CmdOrCtrl+W',
      close: 'CmdOrCtrl+Shift+W',
      quit: 'Ctrl+Q',
      Undo: 'CmdOrCtrl+Z',
      Redo: 'CmdOrCtrl+Shift+Z',
      cut: 'CmdOrCtrl+X',
      copy: 'CmdOrCtrl+C',
      paste: 'CmdOrCtrl+V',
      selectAll: 'CmdOrCtrl+A',
      'Find…': 'CmdOrCtrl+F'
    })
  })

  it('runs the app’s own actions from File and Help', () => {
    const { actions, calls } = recordingActions()
    const template = menuTemplate(actions, linux)
    for (const label of ['Open…', 'Paste as New Article', 'Export…', 'Import Annotations…', 'Print…', 'Close Article', 'Undo', 'Redo', 'Find…', 'Keyboard Shortcuts']) clickItem(find(template, label))
    expect(calls).toEqual(['openFile', 'pasteAsNew', 'showExport', 'showImportAnnotations', 'print', 'closeArticle', 'undo', 'redo', 'find', 'showShortcuts'])
  })

  it('exports the open article in every format the core writes', () => {
    const { actions, calls } = recordingActions()
    const exportMenu = find(menuTemplate(actions, linux), 'Quick Export')
    const formats = exportMenu?.submenu as Item[]
    expect(formats).toHaveLength(EXPORT_FORMATS.length)
    formats.forEach(clickItem)
    expect(calls).toEqual(EXPORT_FORMATS.map((f) => `export:${f}`))
    expect(formats.map((i) => i.label)).toContain('PDF…')
  })

  it('has no disabled placeholders', () => {
    const all = items(menuTemplate(recordingActions().actions, linux))
    expect(all.filter((i) => i.enabled === false)).toEqual([])
  })

  it('has reload and developer tools only in development', () => {
    const prod = menuTemplate(recordingActions().actions, linux)
    const dev = menuTemplate(recordingActions().actions, { ...linux, isDev: true })
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) {
      expect(find(prod, role), role).toBeUndefined()
      expect(find(dev, role), role).toBeDefined()
    }
  })

  it('follows macOS: an app menu with Quit, Open Recent, a Window menu', () => {
    const template = menuTemplate(recordingActions().actions, { ...linux, platform: 'darwin' })
    expect(template[0].label).toBe('Copydesk')
    expect(find([template[0]], 'quit')?.accelerator).toBe('Cmd+Q')
    expect(find(template, 'recentDocuments')).toBeDefined()
    expect(find(template, 'windowMenu')).toBeDefined()
    expect(items(template).filter((i) => i.role === 'quit')).toHaveLength(1)
  })

  it('follows Windows: Redo on Ctrl+Y, Exit left to the system’s Alt+F4', () => {
    const template = menuTemplate(recordingActions().actions, { ...linux, platform: 'win32' })
    expect(find(template, 'Redo')?.accelerator).toBe('Ctrl+Y')
    expect(find(template, 'quit')).toBeDefined()
    expect(find(template, 'quit')?.accelerator).toBeUndefined()
  })
})
