import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/core/store'
import type { SearchPage } from '../../src/shared/search/types'
import { copydesk, serve } from '../helpers/cli'
import { sampleSearchLibrary } from '../helpers/search-library'
import { useTempDir } from '../helpers/tmp'

describe('copydesk search', () => {
  const dir = useTempDir()

  it('finds a byline, an outlet and a claim’s evidence in the samples, and says where', () => {
    const db = join(dir(), 'lib.db')
    sampleSearchLibrary(db)
    const byline = copydesk(db, 'search', 'Okafor')
    expect(byline.code, byline.stderr).toBe(0)
    expect(byline.stdout).toMatch(/^\d+\tarticle, in byline\tRiverton council passes \$1\.42 billion budget.*\(The Riverton Ledger, 2026-11-03\)\n\tBy Marisol \*Okafor\*|^\d+\tarticle, in byline\t.*\n\t.*\*Okafor\*/)
    const outlet = copydesk(db, 'search', 'Riverton', 'Ledger')
    expect(outlet.stdout.split('\n')[0]).toMatch(/article, in outlet\tRiverton council passes/)
    const evidence = copydesk(db, 'search', 'ordinance')
    expect(evidence.stdout).toContain('claim, in evidence, true\tRiverton council passes')
    expect(evidence.stdout).toContain('“raising the property tax rate by 6.8%”')
    expect(evidence.stdout).toContain('*ordinance*')
  })

  it('gives the app’s results as JSON, page by page with a cursor or an offset', async () => {
    const db = join(dir(), 'pages.db')
    sampleSearchLibrary(db)
    const store = openStore(db)
    const app = store.search({ query: 'said', limit: 200 })
    store.close()
    expect(app.hits.length).toBeGreaterThanOrEqual(4)

    const all = JSON.parse(copydesk(db, '--json', 'search', 'said', '--limit', '200').stdout) as SearchPage
    expect(all).toEqual(app)
    const first = JSON.parse(copydesk(db, '--json', 'search', 'said', '--limit', '2').stdout) as SearchPage
    expect(first.hits).toEqual(app.hits.slice(0, 2))
    const second = JSON.parse(copydesk(db, '--json', 'search', 'said', '--limit', '2', '--cursor', first.next!).stdout) as SearchPage
    expect(second.hits).toEqual(app.hits.slice(2, 4))
    const skipped = JSON.parse(copydesk(db, '--json', 'search', 'said', '--limit', '2', '--offset', '2').stdout) as SearchPage
    expect(skipped.hits).toEqual(app.hits.slice(2, 4))
    expect(copydesk(db, 'search', 'said', '--limit', '2').stdout).toMatch(/\nMore: copydesk --db \S+ search "said" --cursor \S+\n$/)

    // The HTTP door answers the same.
    const served = await serve(db)
    try {
      const res = await fetch(`${served.origin}/api/search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': served.token },
        body: JSON.stringify({ query: 'said', limit: 200 })
      })
      expect(await res.json()).toEqual({ ok: true, value: app })
    } finally {
      await served.stop()
    }
  })

  it('says in words what is wrong with a query or its options, and exits non-zero', () => {
    const db = join(dir(), 'bad.db')
    sampleSearchLibrary(db)
    const status = copydesk(db, 'search', 'status:maybe')
    expect(status.code).toBe(1)
    expect(status.stderr).toMatch(/There is no status “maybe”\. Use status: with unchecked, in-review/)
    expect(copydesk(db, 'search').stderr).toMatch(/search needs words to look for/)
    expect(copydesk(db, 'search', 'x', '--limit', '0').stderr).toMatch(/--limit takes a whole number from 1 to 200/)
    expect(copydesk(db, 'search', 'x', '--offset', '3', '--cursor', 'abc').stderr).toMatch(/either --cursor or --offset/)
    expect(copydesk(db, 'search', 'council', '--cursor', 'abc').stderr).toMatch(/not one Copydesk gave/)
    expect(copydesk(db, 'search', 'zzyzx').stdout).toBe('Nothing found for zzyzx.\n')
  })
})
