import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/core/store'
import { generateArticle } from '../../scripts/scale-data'
import { writeGenerated } from '../../scripts/scale-library'
import { copydesk } from '../helpers/cli'
import { useTempDir } from '../helpers/tmp'

describe('copydesk list, a page at a time', () => {
  const dir = useTempDir()
  const db = (): string => join(dir(), 'desk.db')

  function library(n: number): void {
    const store = openStore(db())
    writeGenerated(store.db, Array.from({ length: n }, (_, i) => generateArticle(9, i, n, 1)))
    store.close()
  }

  it('walks the library with --limit and the cursor each page names, each article once', () => {
    library(45)
    const all = JSON.parse(copydesk(db(), '--json', 'list').stdout) as { id: number }[]
    expect(all).toHaveLength(45)
    const seen: number[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const r = copydesk(db(), '--json', 'list', '--limit', '20', ...(cursor ? ['--cursor', cursor] : []))
      expect(r.code).toBe(0)
      const page = JSON.parse(r.stdout) as { rows: { id: number }[]; total: number; nextCursor: string | null }
      expect(page.total).toBe(45)
      seen.push(...page.rows.map((x) => x.id))
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 10)
    expect(pages).toBe(3)
    expect(seen).toEqual(all.map((r) => r.id))
  })

  it('prints a table and, on stderr, the command for the next page; --offset and --sort too', () => {
    library(12)
    const r = copydesk(db(), 'list', '--limit', '5', '--sort', 'headline')
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(6) // the head and five rows
    const next = /Next page: copydesk --db \S+ list --sort headline --limit 5 --cursor (\S+)/.exec(r.stderr)
    expect(r.stderr).toMatch(/^5 of 12 articles\. /)
    expect(next).not.toBeNull()
    const byHeadline = JSON.parse(copydesk(db(), '--json', 'list', '--sort', 'headline').stdout) as { id: number; headline: string }[]
    const heads = byHeadline.map((x) => x.headline.toLowerCase())
    expect(heads).toEqual([...heads].sort())
    const second = JSON.parse(copydesk(db(), '--json', 'list', '--sort', 'headline', '--limit', '5', '--cursor', next![1]).stdout) as { rows: { id: number }[] }
    expect(second.rows.map((x) => x.id)).toEqual(byHeadline.slice(5, 10).map((x) => x.id))
    const last = copydesk(db(), 'list', '--sort', 'headline', '--limit', '5', '--offset', '10')
    expect(last.stderr).toBe('2 of 12 articles; this is the last page.\n')
  })

  it('says plainly what is wrong with a paging option', () => {
    library(3)
    const cases: [string[], RegExp, number][] = [
      [['list', '--limit', '0'], /^copydesk: --limit takes a whole number from 1 to 1000\n$/, 2],
      [['list', '--sort', 'size'], /^copydesk: --sort takes one of updated, created, headline\n$/, 2],
      [['list', '--cursor', 'abc', '--offset', '2'], /^copydesk: give --cursor or --offset, not both\n$/, 2],
      [['list', '--limit', '2', '--cursor', 'abc'], /^copydesk: That page marker \(cursor\) is not one this list gave/, 1]
    ]
    for (const [args, message, code] of cases) {
      const r = copydesk(db(), ...args)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.code, args.join(' ')).toBe(code)
    }
  })
})
