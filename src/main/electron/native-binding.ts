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

export type NativeBindingChoice = { ok: true; nativeBinding: string | undefined } | { ok: false; message: string }

/**
 * The `nativeBinding` to open the store with. A packaged app carries a build for its own
 * Electron (the packager rebuilds native modules), so it uses the default; an app run from
 * the project needs the cached Electron build, and says how to make it when it is missing.
 */
export function chooseNativeBinding(options: {
  isPackaged: boolean
  projectRoot: string
  electronVersion: string
  exists: (file: string) => boolean
}): NativeBindingChoice {
  if (options.isPackaged) return { ok: true, nativeBinding: undefined }
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
