import { FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses'

/**
 * The Electron fuses the packaged app is built with (Electron's security checklist, item
 * 19). Fuses are bits in the Electron binary, flipped by @electron/fuses when
 * `npm run package` builds the app and before it is signed, so the OS's code signing
 * keeps them flipped. This module is read by the packager (electron-builder.config.ts),
 * never by the running app.
 */

/** Every fuse @electron/fuses knows, set explicitly: none is left at Electron's default by accident. */
export const ELECTRON_FUSES: FuseConfig = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node for any script. Off: the
  // app never forks itself; work off the main thread must use Electron's utilityProcess,
  // which does not need this fuse (child_process.fork of the app would fail).
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store encrypted with the OS keychain, as Chrome does.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload any script into the main process. Off.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and SIGUSR1 would open a debugger on the main process. Off.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar is checked against the hash the packager embeds (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never a loose app/ folder beside it that no hash covers.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // One V8 snapshot for every process, as Electron ships it.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The page is served from app://, so file:// pages need none of Electron's extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
}
