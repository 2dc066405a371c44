import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Dispatch } from '../../src/main/core/dispatch'
import { articleIdFromAppUrl, exportToFiles, type ExportEffects } from '../../src/main/electron/export-files'
import { useTempDir } from '../helpers/tmp'

const b64 = (s: string): string => Buffer.from(s).toString('base64')

/** Stands in for exportArticle: brat gives two files, every other format one; article 9 does not exist. */
const fakeExport: Dispatch = async (op, input) => {
  const { id, format } = input as { id: number; format: string }
  if (op !== 'exportArticle') throw new Error(op)
  if (id === 9) return { ok: false, error: { code: 'not_found', message: 'There is no article 9.' } }
  const files =
    format === 'brat'
      ? [
          { fileName: 'council-vote.txt', mime: 'text/plain', dataBase64: b64('text') },
          { fileName: 'council-vote.ann', mime: 'text/plain', dataBase64: b64('T1\tClaim 0 4\ttext') }
        ]
      : [{ fileName: `council-vote.${format}`, mime: 'text/plain', dataBase64: b64(`as ${format}`) }]
  return { ok: true, value: { files } }
}

function effects(overrides: Partial<ExportEffects> = {}): ExportEffects & { told: string[] } {
  const told: string[] = []
  return {
    told,
    dispatch: fakeExport,
    chooseFile: async () => null,
    chooseFolder: async () => null,
    confirmReplace: async () => false,
    tell: (kind, title, detail) => told.push(`${kind}: ${title}${detail ? ` — ${detail}` : ''}`),
    ...overrides
  }
}

describe('File ▸ Export saves the open article', () => {
  const dir = useTempDir()

  it('knows which article the window shows from its route', () => {
    const page = 'app://copydesk/index.html'
    expect(articleIdFromAppUrl(`${page}#/article/12`)).toBe(12)
    expect(articleIdFromAppUrl(`${page}#/`)).toBeNull()
    expect(articleIdFromAppUrl(page)).toBeNull()
    expect(articleIdFromAppUrl(`${page}#/article/0`)).toBeNull()
    expect(articleIdFromAppUrl(`${page}#/article/12/x`)).toBeNull()
    expect(articleIdFromAppUrl('not a url')).toBeNull()
  })

  it('writes one file where the editor chose, adding the extension if it was dropped', async () => {
    const chosen: string[] = []
    const target = join(dir(), 'for-the-desk')
    const written = await exportToFiles(4, 'md', effects({ chooseFile: async (name) => (chosen.push(name), target) }))
    expect(chosen).toEqual(['council-vote.md'])
    expect(written).toEqual([`${target}.md`])
    expect(readFileSync(`${target}.md`, 'utf8')).toBe('as md')
  })

  it('writes the two brat files into a chosen folder, asking before replacing', async () => {
    writeFileSync(join(dir(), 'council-vote.ann'), 'old')
    const asked: string[][] = []
    const refuse = effects({ chooseFolder: async () => dir(), confirmReplace: async (names) => (asked.push(names), false) })
    expect(await exportToFiles(4, 'brat', refuse)).toEqual([])
    expect(asked).toEqual([['council-vote.ann']])
    expect(readFileSync(join(dir(), 'council-vote.ann'), 'utf8')).toBe('old')

    const accept = effects({ chooseFolder: async () => dir(), confirmReplace: async () => true })
    expect(await exportToFiles(4, 'brat', accept)).toEqual([join(dir(), 'council-vote.txt'), join(dir(), 'council-vote.ann')])
    expect(readFileSync(join(dir(), 'council-vote.ann'), 'utf8')).toBe('T1\tClaim 0 4\ttext')
  })

  it('tells the editor to open an article first, and shows the core’s error in words', async () => {
    const none = effects()
    expect(await exportToFiles(null, 'html', none)).toEqual([])
    expect(none.told).toEqual(['info: Open an article to export it — Export saves the article open in the window, with its annotations.'])

    const missing = effects()
    expect(await exportToFiles(9, 'html', missing)).toEqual([])
    expect(missing.told).toEqual(['error: Copydesk could not export the article — There is no article 9.'])
  })

  it('writes nothing when the editor cancels, and says so when the disk refuses', async () => {
    expect(await exportToFiles(4, 'csv', effects())).toEqual([])
    const denied = effects({
      chooseFile: async () => join(dir(), 'claims.csv'),
      write: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
      }
    })
    expect(await exportToFiles(4, 'csv', denied)).toEqual([])
    expect(denied.told).toEqual(['error: Copydesk could not save the export — Copydesk is not allowed to write there.'])
  })
})
