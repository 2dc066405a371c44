import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'

/** A fresh folder on disk for each test, removed after it: `const dir = useTempDir(); dir()`. */
export function useTempDir(): () => string {
  let dir = ''
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-test-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  return () => dir
}
