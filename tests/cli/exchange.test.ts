import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copydesk } from '../helpers/cli'
import { useTempDir } from '../helpers/tmp'

const STORY = [
  'Harbour fees to double next year',
  '',
  'By Lee Moss',
  '',
  'Port fees will rise 100% in 2027, the largest increase since 1998, the harbour board said on Monday.',
  '',
  '“We have no choice but to charge more,” said Dana Ruiz, the board’s chair. She added that costs rose 40% since 2021.',
  '',
  'Shipping firms disputed the figures. <script>alert(1)</script> is not a tag here.'
].join('\n')

interface Listed {
  id: string
  kind: string
  start: number
  end: number
  exact: string
  status?: string
  explanation?: string
  speakerId?: string | null
  sourceName?: string
}

describe('exporting and exchanging annotations from the command line', () => {
  const dir = useTempDir()
  const db = (): string => join(dir(), 'x.db')
  const annotate = (...args: string[]): void => {
    const r = copydesk(db(), 'annotate', '1', ...args)
    expect(r.stderr).toBe('')
  }
  const setup = (): void => {
    writeFileSync(join(dir(), 'fees.txt'), STORY)
    expect(copydesk(db(), 'import', join(dir(), 'fees.txt')).code).toBe(0)
    annotate('--kind', 'claim', '--quote', 'Port fees will rise 100% in 2027, the largest increase since 1998', '--status', 'false', '--comment', 'internal: call the board')
    annotate('--kind', 'quote', '--quote', 'We have no choice but to charge more,')
    annotate('--kind', 'attribution', '--quote', 'said Dana Ruiz')
    annotate('--kind', 'claim', '--quote', 'costs rose 40% since 2021')
  }
  const list = (): Listed[] => JSON.parse(copydesk(db(), '--json', 'annotations', '1').stdout) as Listed[]

  it('html: self-contained, escaped, with every annotation; internal notes only on request', () => {
    setup()
    const r = copydesk(db(), 'export', '1', '--format', 'html')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^<!doctype html>/i)
    expect(r.stdout).not.toMatch(/<script/i)
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(r.stdout).not.toMatch(/(src|href)="https?:\/\/(?!example)/)
    expect(r.stdout).not.toContain('call the board')
    expect(copydesk(db(), 'export', '1', '--format', 'html', '--internal').stdout).toContain('call the board')
    const claimsOnly = copydesk(db(), 'export', '1', '--format', 'csv', '--kinds', 'claim', '--statuses', 'false')
    expect(claimsOnly.stdout.trim().split('\n')).toHaveLength(2)
  })

  it('md, csv, w3c and brat go to stdout or files; docx and pdf need -o', () => {
    setup()
    expect(copydesk(db(), 'export', '1', '--format', 'md').stdout).toMatch(/\[\^1\]/)
    const w3c = JSON.parse(copydesk(db(), 'export', '1', '--format', 'w3c').stdout) as { type: string; first: { items: unknown[] } }
    expect(w3c.type).toBe('AnnotationCollection')
    expect(w3c.first.items.length).toBeGreaterThanOrEqual(4)
    expect(copydesk(db(), 'export', '1', '--format', 'docx')).toMatchObject({ code: 2 })
    const docx = join(dir(), 'fees.docx')
    expect(copydesk(db(), 'export', '1', '--format', 'docx', '-o', docx).code).toBe(0)
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK')
    const brat = join(dir(), 'out.txt')
    expect(copydesk(db(), 'export', '1', '--format', 'brat', '-o', brat).stderr).toMatch(/Wrote .*out\.txt and .*out\.ann/)
    expect(readFileSync(join(dir(), 'out.ann'), 'utf8')).toMatch(/^T1\t(Claim|Quote|Attribution) \d+ \d+\t/m)
    expect(copydesk(db(), 'export', '1', '--format', 'claimreview').stderr).toMatch(/set it in Preferences/)
    expect(copydesk(db(), 'export', '1', '--format', 'odt').stderr).toMatch(/--format html\|pdf/)
  })

  it('pdf: printed by Chromium, and its text reads back', () => {
    setup()
    const pdf = join(dir(), 'fees.pdf')
    const r = copydesk(db(), 'export', '1', '--format', 'pdf', '-o', pdf)
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    expect(text.status).toBe(0)
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('Harbour fees to double next year')
  })

  it('w3c round trip: export, import onto a fresh copy, the same annotations come back exactly', () => {
    setup()
    const before = list()
    writeFileSync(join(dir(), 'fees.jsonld'), copydesk(db(), 'export', '1', '--format', 'w3c', '--internal').stdout)
    expect(copydesk(db(), 'import', join(dir(), 'fees.txt')).code).toBe(0)
    const r = copydesk(db(), 'import-annotations', '2', join(dir(), 'fees.jsonld'))
    expect(r.stdout).toBe('4 placed exactly, 0 placed approximately, 0 not found in the text\n')
    const after = JSON.parse(copydesk(db(), '--json', 'annotations', '2').stdout) as Listed[]
    const shape = (xs: Listed[]): unknown[] => xs.map(({ kind, start, end, exact, status }) => ({ kind, start, end, exact, status }))
    expect(shape(after)).toEqual(shape(before))
  })

  it('brat round trip: the exported .txt and .ann import as a new annotated article', () => {
    setup()
    // (Links between annotations travel too: see tests/interchange/roundtrip.test.ts.)
    const ann = list()
    const store = join(dir(), 'out.txt')
    copydesk(db(), 'export', '1', '--format', 'brat', '-o', store)
    const r = copydesk(db(), 'import', join(dir(), 'out.ann'))
    expect(r.stdout).toMatch(/as article 2: .* \(4 placed exactly, 0 placed approximately, 0 not found in the text\)/)
    const again = JSON.parse(copydesk(db(), '--json', 'annotations', '2').stdout) as Listed[]
    expect(again.map((a) => [a.kind, a.exact])).toEqual(ann.map((a) => [a.kind, a.exact]))
  })

  it('annotations on a changed text are placed approximately or listed as not found', () => {
    setup()
    writeFileSync(join(dir(), 'fees.jsonld'), copydesk(db(), 'export', '1', '--format', 'w3c').stdout)
    const edited = STORY.replace('costs rose 40% since 2021', 'costs rose 41% since 2021').replace('said Dana Ruiz', 'said the chair')
    writeFileSync(join(dir(), 'edited.txt'), edited)
    copydesk(db(), 'import', join(dir(), 'edited.txt'))
    const r = copydesk(db(), 'import-annotations', '2', join(dir(), 'fees.jsonld'))
    expect(r.stdout).toBe('2 placed exactly, 1 placed approximately, 1 not found in the text\n')
    const bad = join(dir(), 'bad.json')
    writeFileSync(bad, '{"not": "annotations"')
    const refused = copydesk(db(), 'import-annotations', '2', bad)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/could not read the annotations in "bad\.json": it is not valid JSON/)
  })

  it('suggest --json prints the engine’s suggestions with offsets into the file', () => {
    writeFileSync(join(dir(), 'fees.txt'), STORY)
    const r = copydesk(db(), '--json', 'suggest', join(dir(), 'fees.txt'))
    expect(r.code).toBe(0)
    const { suggestions } = JSON.parse(r.stdout) as { suggestions: { kind: string; start: number; end: number; text: string; score: number }[] }
    const quote = suggestions.find((s) => s.kind === 'quote')!
    expect(quote.text).toBe('We have no choice but to charge more,')
    for (const s of suggestions) {
      expect(STORY.slice(s.start, s.end)).toBe(s.text)
      expect(s.score).toBeGreaterThanOrEqual(0)
      expect(s.score).toBeLessThanOrEqual(1)
    }
    expect(suggestions.some((s) => s.kind === 'claim' && s.text.includes('100%'))).toBe(true)
    expect(suggestions.some((s) => s.kind === 'attribution')).toBe(true)
  })
})
