import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The packaged app loads its database module from its resources folder: puts Node's build of
 * it in `<dir>/resources/native` and points `process.resourcesPath` there (undo with
 * `forgetPackagedNative`).
 */
export function standInPackagedNative(dir: string): void {
  const resources = join(dir, 'resources')
  mkdirSync(join(resources, 'native'), { recursive: true })
  copyFileSync(require.resolve('better-sqlite3/build/Release/better_sqlite3.node'), join(resources, 'native', 'better_sqlite3.node'))
  Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true })
}

export function forgetPackagedNative(): void {
  delete (process as { resourcesPath?: string }).resourcesPath
}
