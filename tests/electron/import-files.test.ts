import { closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Dispatch } from '../../src/main/core/dispatch'
import { importFailureMessage, importFiles, isImportablePath, IMPORT_FILTERS } from '../../src/main/electron/import-files'
import { importAndShow, sendMenuCommand, type CommandTarget } from '../../src/main/electron/menu-commands'
import { MENU_CHANNEL, type MenuCommand } from '../../src/shared/bridge'
import { MAX_IMPORT_BYTES } from '../../src/shared/limits'
import { useTempDir } from '../helpers/tmp'

/** Stands in for the importFile operation: text files become articles, anything else is refused. */
function fakeImport(): { dispatch: Dispatch; received: { op: string; fileName: string; text: string }[] } {
  const received: { op: string; fileName: string; text: string }[] = []
  let nextId = 1
  const dispatch: Dispatch = async (op, input) => {
    const { fileName, dataBase64 } = input as { fileName: string; dataBase64: string }
    const text = Buffer.from(dataBase64, 'base64').toString('utf8')
    received.push({ op, fileName, text })
    if (!fileName.endsWith('.txt')) {
      return { ok: false, error: { code: 'unsupported_format', message: `Copydesk does not read ${fileName}.` } }
    }
    return { ok: true, value: { id: nextId++, headline: text.split('\n')[0] } }
  }
  return { dispatch, received }
}

describe('File ▸ Open imports what the editor picked', () => {
  const dir = useTempDir()

  it('offers the formats Copydesk reads', () => {
    expect(IMPORT_FILTERS[0].extensions).toEqual(['txt', 'html', 'htm', 'md', 'markdown', 'docx'])
    expect(['a.txt', 'B.HTML', 'c.htm', 'd.md', 'e.markdown', 'f.docx'].every(isImportablePath)).toBe(true)
    expect(['a.pdf', 'b', '.', 'out/main/index.js', '--no-sandbox'].some(isImportablePath)).toBe(false)
  })

  it('sends the file’s name and bytes to the import operation', async () => {
    const file = join(dir(), 'council-vote.txt')
    writeFileSync(file, 'Council votes to close library\nThe council voted 7–2 on Tuesday.')
    const { dispatch, received } = fakeImport()
    const outcomes = await importFiles([file], dispatch)
    expect(received).toEqual([
      { op: 'importFile', fileName: 'council-vote.txt', text: 'Council votes to close library\nThe council voted 7–2 on Tuesday.' }
    ])
    expect(outcomes).toEqual([{ file, ok: true, articleId: 1, headline: 'Council votes to close library' }])
  })

  it('refuses a file over 10 MB before reading it, and goes on with the others', async () => {
    const big = join(dir(), 'huge.txt')
    const fd = openSync(big, 'w')
    ftruncateSync(fd, MAX_IMPORT_BYTES + 1)
    closeSync(fd)
    const small = join(dir(), 'small.txt')
    writeFileSync(small, 'Small story')
    const { dispatch, received } = fakeImport()

    const outcomes = await importFiles([big, small], dispatch)
    expect(outcomes[0]).toEqual({ file: big, ok: false, message: 'huge.txt is larger than 10 MB, the most Copydesk imports.' })
    expect(outcomes[1]).toMatchObject({ ok: true, headline: 'Small story' })
    expect(received.map((r) => r.fileName)).toEqual(['small.txt'])
  })

  it('says plainly when a file is gone, is a folder, or is refused by the importer', async () => {
    const folder = join(dir(), 'folder.txt')
    mkdirSync(folder)
    const pdf = join(dir(), 'scan.pdf')
    writeFileSync(pdf, '%PDF-1.7')
    const outcomes = await importFiles([join(dir(), 'gone.txt'), folder, pdf], fakeImport().dispatch)
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.message))).toEqual([
      'gone.txt is no longer there.',
      'folder.txt is a folder, not a file.',
      'Copydesk does not read scan.pdf.'
    ])
  })

  it('writes one dialog for the failures, naming each file when there are several', () => {
    expect(importFailureMessage([{ file: '/a/ok.txt', ok: true, articleId: 1, headline: 'x' }])).toBeNull()
    expect(importFailureMessage([{ file: '/a/scan.pdf', ok: false, message: 'Copydesk does not read scan.pdf.' }])).toEqual({
      title: 'Copydesk could not import scan.pdf',
      detail: 'Copydesk does not read scan.pdf.'
    })
    expect(
      importFailureMessage([
        { file: '/a/one.pdf', ok: false, message: 'Not read.' },
        { file: '/a/fine.txt', ok: true, articleId: 2, headline: 'Fine' },
        { file: '/a/two.bin', ok: false, message: 'Not read either.' }
      ])
    ).toEqual({ title: 'Copydesk could not import 2 of the 3 files', detail: 'one.pdf: Not read.\ntwo.bin: Not read either.' })
  })

  it('remembers imported files as recent documents, opens the last one and reports the rest', async () => {
    const first = join(dir(), 'first.txt')
    const second = join(dir(), 'second.txt')
    const broken = join(dir(), 'broken.docx')
    writeFileSync(first, 'First')
    writeFileSync(second, 'Second')
    writeFileSync(broken, 'not a zip')
    const recent: string[] = []
    const shown: MenuCommand[] = []
    const failures: [string, string][] = []
    await importAndShow([first, broken, second], {
      dispatch: fakeImport().dispatch,
      addRecentDocument: (f) => recent.push(f),
      show: (c) => shown.push(c),
      showFailure: (title, detail) => failures.push([title, detail])
    })
    expect(recent).toEqual([first, second])
    expect(shown).toEqual([{ command: 'open-article', articleId: 2 }])
    expect(failures).toEqual([['Copydesk could not import broken.docx', 'Copydesk does not read broken.docx.']])
  })

  it('opens nothing and adds no recent document when every file fails', async () => {
    const shown: MenuCommand[] = []
    const recent: string[] = []
    const failures: string[] = []
    await importAndShow([join(dir(), 'missing.txt')], {
      dispatch: fakeImport().dispatch,
      addRecentDocument: (f) => recent.push(f),
      show: (c) => shown.push(c),
      showFailure: (title) => failures.push(title)
    })
    expect([shown, recent, failures]).toEqual([[], [], ['Copydesk could not import missing.txt']])
  })
})

describe('menu commands reach the page', () => {
  class FakeTarget implements CommandTarget {
    loading = true
    sent: [string, MenuCommand][] = []
    onLoad: (() => void)[] = []
    isLoading(): boolean {
      return this.loading
    }
    once(_event: 'did-finish-load', listener: () => void): this {
      this.onLoad.push(listener)
      return this
    }
    send(channel: string, payload: MenuCommand): void {
      this.sent.push([channel, payload])
    }
    finishLoading(): void {
      this.loading = false
      for (const l of this.onLoad.splice(0)) l()
    }
  }

  it('waits for a page that is still loading, then delivers on the menu channel', () => {
    const target = new FakeTarget()
    sendMenuCommand(target, { command: 'open-article', articleId: 3 })
    expect(target.sent).toEqual([])
    target.finishLoading()
    expect(target.sent).toEqual([[MENU_CHANNEL, { command: 'open-article', articleId: 3 }]])
    sendMenuCommand(target, { command: 'paste-as-new' })
    expect(target.sent[1]).toEqual([MENU_CHANNEL, { command: 'paste-as-new' }])
  })
})
