import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArticleFile } from '../../src/main/core/import'
import { copyLineKind, suggest } from '../../src/shared/suggest'
import type { Claim, Quote } from './helpers'

const FILE = join(__dirname, '..', '..', 'samples', 'wire-ukraine-talks.txt')

/** The sample as a page would give it (every line in the text) and as Copydesk imports it (headline and details taken out). */
async function texts(): Promise<Array<[string, string]>> {
  const raw = readFileSync(FILE, 'utf8')
  const imported = await readArticleFile('wire-ukraine-talks.txt', readFileSync(FILE))
  return [
    ['the whole file', raw],
    ['the imported article', imported.text]
  ]
}

describe('the wire story sample', () => {
  it('imports with its headline, byline, outlet and date, and a body that opens with the dateline', async () => {
    const a = await readArticleFile('wire-ukraine-talks.txt', readFileSync(FILE))
    expect(a).toMatchObject({ byline: 'Marta Kovalenko and Daniel Reiss', outlet: 'Meridian Wire Service', publishedAt: '2026-11-03' })
    expect(a.headline).toMatch(/^Russia and Ukraine agree/)
    expect(a.text.startsWith('KYIV, Ukraine (MWS) — ')).toBe(true)
    expect(a.text.trimEnd().endsWith('contributed to this report.')).toBe(true)
  })

  it('gets no claim on a byline, a date, a link, the contributors’ line or the dateline', async () => {
    for (const [what, text] of await texts()) {
      const cs = suggest(text).filter((s): s is Claim => s.kind === 'claim')
      expect(cs.length, what).toBeGreaterThan(10)
      let at = 0
      for (const line of text.split('\n')) {
        const kind = copyLineKind(line)
        if (kind) expect(cs.filter((c) => c.start < at + line.length && at < c.end).map((c) => c.text), `${what}: ${line}`).toEqual([])
        at += line.length + 1
      }
      expect(cs.some((c) => c.text.includes('(MWS)') || c.text.includes('KYIV')), what).toBe(false)
      expect(cs.find((c) => c.text.startsWith('Russia and Ukraine will send delegations'))?.text.endsWith('three Ukrainian regions.'), what).toBe(true)
    }
  })

  it('proposes no quotation again as a claim', async () => {
    for (const [what, text] of await texts()) {
      const all = suggest(text)
      const quotes = all.filter((s): s is Quote => s.kind === 'quote' && s.score >= 0.5)
      const cs = all.filter((s): s is Claim => s.kind === 'claim')
      for (const said of ['We are ready to sit at the table', 'Every week we wait', 'Nothing about this meeting', 'I heard it coming', 'We are alive']) {
        expect(cs.filter((c) => c.text.includes(said)).map((c) => c.text), `${what}: ${said}`).toEqual([])
      }
      for (const c of cs) {
        const quoted = quotes.filter((q) => q.start < c.end && c.start < q.end).reduce((n, q) => n + q.text.split(/\s+/).length, 0)
        expect(quoted, `${what}: ${c.text}`).toBeLessThan(c.text.split(/\s+/).length / 2)
      }
    }
  })
})
