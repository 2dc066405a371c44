import { join } from 'node:path'

/**
 * better-sqlite3 is compiled for Node's ABI by `npm install` (tests and the command line use
 * that build). The app runs under Electron's own ABI, so `scripts/electron-native.mjs` keeps
 * a second build in a cache folder of the project, and the app hands its path to
 * better-sqlite3 as `nativeBinding`. node_modules/better-sqlite3/build is never touched.
 */

/** Where the build of better_sqlite3.node for Electron `electronVersion` lives (same rule as the script). */
export function electronNativeBindingPath(projectRoot: string, electronVersion: string): string {
  return join(projectRoot, 'node_modules', '.cache', 'copydesk-electron', electronVersion, 'better_sqlite3.node')
}

/** Where a packaged app keeps its build of better_sqlite3.node (electron-builder.config.ts puts it there). */
export const PACKAGED_NATIVE_BINDING = ['native', 'better_sqlite3.node'] as const

/** The packaged app's better_sqlite3.node, in its resources folder (outside app.asar, as a native module must be). */
export function packagedNativeBindingPath(resourcesPath: string): string {
  return join(resourcesPath, ...PACKAGED_NATIVE_BINDING)
}

export type NativeBindingChoice = { ok: true; nativeBinding: string } | { ok: false; message: string }

/**
 * The `nativeBinding` to open the store with. A packaged app carries the build for its own
 * Electron in its resources folder (`npm run package` copies the cached build there rather
 * than rebuilding node_modules in place, which would break Node's build); an app run from
 * the project uses the cached build, and says how to make it when it is missing.
 */
export function chooseNativeBinding(options: {
  isPackaged: boolean
  projectRoot: string
  resourcesPath: string
  electronVersion: string
  exists: (file: string) => boolean
}): NativeBindingChoice {
  if (options.isPackaged) {
    const file = packagedNativeBindingPath(options.resourcesPath)
    if (options.exists(file)) return { ok: true, nativeBinding: file }
    return {
      ok: false,
      message: `This copy of Copydesk is incomplete: its database module is missing (looked for ${file}). Install Copydesk again.`
    }
  }
  const file = electronNativeBindingPath(options.projectRoot, options.electronVersion)
  if (options.exists(file)) return { ok: true, nativeBinding: file }
  return {
    ok: false,
    message:
      `The database module has not been built for Electron ${options.electronVersion} yet ` +
      `(looked for ${file}). Start Copydesk with "npm start", which builds it first, ` +
      'or run "node scripts/electron-native.mjs".'
  }
}
