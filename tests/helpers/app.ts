import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { launch } from './browser'
import { serve, type Served } from './cli'
import { useTempDir } from './tmp'

export interface ServedApp {
  /** This test's folder on disk. */
  dir: () => string
  /** This test's database file. */
  db: () => string
  browser: () => Browser
  served: () => Served
}

/**
 * One Chromium for the file, and for each test a fresh folder, a database `seed` fills
 * (through the command line, as a user would), and `copydesk serve` over it.
 */
export function useServedApp(seed: (db: string) => void = () => {}): ServedApp {
  const dir = useTempDir()
  const db = (): string => join(dir(), 'copydesk.db')
  let browser: Browser | undefined
  let served: Served | undefined
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(() => browser?.close())
  beforeEach(async () => {
    seed(db())
    served = await serve(db())
  })
  afterEach(() => served?.stop())
  return {
    dir,
    db,
    browser: () => browser!,
    served: () => served!
  }
}
