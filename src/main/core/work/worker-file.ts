import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The built import worker for an entry running from `entryDir`: beside it in a bundle
 * (out/main holds index.js, cli.js and import-worker.js), or, when the entry runs from its
 * source (the Electron entry's tests run src/main/index.ts), the project's out/main one.
 */
export function importWorkerFile(entryDir: string): string {
  const beside = join(entryDir, 'import-worker.js')
  if (existsSync(beside)) return beside
  for (let dir = entryDir; dirname(dir) !== dir; dir = dirname(dir)) {
    const built = join(dir, 'out', 'main', 'import-worker.js')
    if (existsSync(built)) return built
  }
  return beside
}
