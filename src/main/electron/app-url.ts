/**
 * Where the app's own page lives, and whether a URL is that page. IPC sender checks,
 * navigation guards and the Content-Security-Policy header all ask the same question.
 *
 * The built page is served from the app's own scheme, `app://copydesk/`, not `file://`
 * (Electron's security checklist, item 18): a `file:` page may read any other file the user
 * can, while an `app:` page is one origin holding only the renderer's files (see
 * app-protocol.ts), and its storage (IndexedDB) belongs to that origin alone.
 */

/** The scheme the app's page is served from (registered as standard and secure). */
export const APP_SCHEME = 'app'
/** The one host of that scheme; any other host is not the app. */
export const APP_HOST = 'copydesk'
/** The page's origin, as Chromium spells it (e.g. in a request's initiator). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The URL the window loads: electron-vite's dev server when it runs (`electron-vite dev`),
 * the app's own scheme otherwise. The dev server is honoured only in an unpackaged app and
 * only on loopback, so an environment variable can never point the app at a remote page.
 */
export function rendererEntryUrl(options: { isPackaged: boolean; devServerUrl: string | undefined }): string {
  const dev = options.isPackaged ? undefined : loopbackHttpUrl(options.devServerUrl)
  return dev ?? APP_ENTRY_URL
}

/** True when the window shows electron-vite's dev server rather than the built page. */
export function isDevServerEntry(entryUrl: string): boolean {
  return entryUrl !== APP_ENTRY_URL
}

function loopbackHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    if ((url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)) return url.href
  } catch {
    // not a URL: ignored like an unset variable
  }
  return undefined
}

/**
 * The origin of `url` as Chromium sees it. Node's URL gives 'null' for a scheme it does not
 * know and keeps its host's case, but Electron makes `app:` a standard scheme whose origin
 * is scheme plus lower-cased host.
 */
function originOf(url: URL): string {
  if (url.protocol === `${APP_SCHEME}:`) {
    return url.host && !url.username && !url.password ? `${url.protocol}//${url.host.toLowerCase()}` : 'null'
  }
  return url.origin
}

/** True when `url` is on the app's scheme and host (the origin `app://copydesk`). */
export function isAppOrigin(url: URL): boolean {
  return originOf(url) === APP_ORIGIN
}

/**
 * True when `candidate` is a page of the app whose entry is `entryUrl`: the same origin
 * (`app://copydesk`, or the dev server's), with any path, query or hash.
 */
export function isAppUrl(candidate: string, entryUrl: string): boolean {
  let url: URL
  let entry: URL
  try {
    url = new URL(candidate)
    entry = new URL(entryUrl)
  } catch {
    return false
  }
  const origin = originOf(url)
  return origin !== 'null' && origin === originOf(entry)
}
