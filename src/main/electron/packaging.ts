import type { AfterPackContext, Configuration } from 'electron-builder'
import { ELECTRON_FUSES } from './fuses'
import { electronNativeBindingPath, PACKAGED_NATIVE_BINDING } from './native-binding'

/**
 * How `npm run package` builds the installable app with electron-builder: what goes into
 * app.asar, where the database module goes, and the fuses flipped before signing. Read by
 * electron-builder.config.ts, never by the running app.
 */

/** Files of the project that the app needs; everything else stays out of app.asar. */
export const PACKAGED_FILES = [
  'out/main/**/*',
  'out/preload/**/*',
  'out/renderer/**/*',
  // The command line is not part of the app; neither is the Chromium driver it prints with.
  '!out/main/cli.js',
  '!**/node_modules/playwright-core/**',
  // Node's build and the sources of better-sqlite3: the app loads its Electron build from resources.
  '!**/node_modules/better-sqlite3/{build,deps,src}/**'
]

/** Flips the fuses on the packed app, before electron-builder signs it (electron-builder's own API). */
export async function flipFusesAfterPack(context: AfterPackContext): Promise<void> {
  await context.packager.addElectronFuses(context, ELECTRON_FUSES)
}

/**
 * electron-builder's configuration for the project at `projectRoot` with Electron
 * `electronVersion`. `nativeBinding` is the better_sqlite3.node built for that Electron
 * (scripts/electron-native.mjs makes it); `electronDist` is only for tests, which stand in
 * an Electron binary because the real one cannot be downloaded where they run.
 */
export function packagingConfig(options: {
  projectRoot: string
  electronVersion: string
  nativeBinding?: string
  electronDist?: string
}): Configuration {
  const nativeBinding = options.nativeBinding ?? electronNativeBindingPath(options.projectRoot, options.electronVersion)
  return {
    appId: 'org.copydesk.desktop',
    productName: 'Copydesk',
    executableName: 'copydesk',
    electronVersion: options.electronVersion,
    ...(options.electronDist ? { electronDist: options.electronDist } : {}),
    directories: { output: 'dist', buildResources: 'build' },
    files: PACKAGED_FILES,
    asar: true,
    // Rebuilding native modules in place would put an Electron build into
    // node_modules/better-sqlite3 and break `npm test` and the command line; the Electron
    // build scripts/electron-native.mjs keeps in a cache goes into resources instead.
    npmRebuild: false,
    extraResources: [{ from: nativeBinding, to: PACKAGED_NATIVE_BINDING.join('/') }],
    afterPack: flipFusesAfterPack,
    mac: { target: ['dmg'], category: 'public.app-category.productivity' },
    win: { target: ['nsis'] },
    linux: { target: ['AppImage'], category: 'Office' }
  }
}
