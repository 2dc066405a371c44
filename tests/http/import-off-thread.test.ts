import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serve, type Served } from '../helpers/cli'
import { bigHtml, longArticleText } from '../helpers/hostile-files'
import { useTempDir } from '../helpers/tmp'

/** Calls an operation through `copydesk serve`, as the page does; resolves with the answer and when it came. */
async function api(s: Served, op: string, input: unknown): Promise<{ ok: boolean; error?: { code: string; message: string }; at: number }> {
  const r = await fetch(`${s.origin}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': s.token },
    body: JSON.stringify(input)
  })
  return { ...((await r.json()) as { ok: boolean; error?: { code: string; message: string } }), at: performance.now() }
}

describe('the door keeps answering while a file is imported (issue 18, 2 and 4)', () => {
  const dir = useTempDir()
  let served: Served
  beforeEach(async () => {
    served = await serve(join(dir(), 'copydesk.db'))
  })
  afterEach(() => served.stop())

  it('answers the library in well under a second while a 9.9 MB page is read and refused off its thread', async () => {
    // One warm import first, so the worker is started and the timing below is the page's own.
    const warm = await api(served, 'importText', { text: longArticleText(2000) })
    expect(warm.ok).toBe(true)
    const page = bigHtml(9.9e6, 6.37e6)
    const t0 = performance.now()
    const importing = api(served, 'importFile', { fileName: 'big.html', dataBase64: page.toString('base64') })
    // Give the door time to take in the 13 MB request and hand it to the worker.
    await new Promise((resolve) => setTimeout(resolve, 400))
    const answers: number[] = []
    for (let i = 0; i < 5; i++) {
      const asked = performance.now()
      const listed = await api(served, 'listArticles', {})
      expect(listed.ok).toBe(true)
      answers.push(listed.at - asked)
    }
    const lastAnswer = performance.now()
    const imported = await importing
    expect(imported).toMatchObject({ ok: false, error: { code: 'file_too_large', message: expect.stringContaining('up to 5,000,000 characters') } })
    expect(Math.max(...answers)).toBeLessThan(1000)
    // The library was answered while the page was still being read.
    expect(lastAnswer).toBeLessThan(imported.at)
    expect(imported.at - t0).toBeLessThan(10_000)
  })
})
