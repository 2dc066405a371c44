import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openStore } from '../../src/main/core/store'
import { CopydeskError } from '../../src/shared/errors'
import { generateArticle } from '../../scripts/scale-data'
import { writeGenerated } from '../../scripts/scale-library'
import { corruptArticlesPage } from '../helpers/damage'
import { useTempDir } from '../helpers/tmp'

function library(file: string): void {
  const store = openStore(file)
  writeGenerated(store.db, Array.from({ length: 40 }, (_, i) => generateArticle(2, i, 40, 3)))
  store.db.pragma('wal_checkpoint(TRUNCATE)')
  store.close()
}

describe('opening a large library', () => {
  const dir = useTempDir()
  afterEach(() => vi.restoreAllMocks())

  it('reads its edges, not every page, and lists it', () => {
    const file = join(dir(), 'big.db')
    library(file)
    const pragmas = vi.spyOn(Database.prototype, 'pragma')
    const store = openStore(file, { wholeCheckBytes: 0 })
    expect(pragmas.mock.calls.map((c) => String(c[0]))).not.toContain('quick_check')
    expect(store.libraryPage({ limit: 5 }).total).toBe(40)
    store.close()
    // A small one is still read whole.
    pragmas.mockClear()
    openStore(file).close()
    expect(pragmas.mock.calls.map((c) => String(c[0]))).toContain('quick_check')
  })

  it('still refuses one whose table is damaged at its root, in an editor’s words', () => {
    const file = join(dir(), 'big.db')
    library(file)
    corruptArticlesPage(file)
    let error: unknown
    try {
      openStore(file, { wholeCheckBytes: 0 })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(CopydeskError)
    expect(error).toMatchObject({ code: 'database_damaged', message: expect.stringMatching(/is damaged/) })
  })
})
