import { pathToFileURL } from 'node:url'

/**
 * Where the app's own page lives, and whether a URL is that page. IPC sender checks,
 * navigation guards and the Content-Security-Policy header all ask the same question.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The URL the window loads: electron-vite's dev server when it runs (`npm run dev`), the
 * built index.html otherwise. The dev server is honoured only in an unpackaged app and only
 * on loopback, so an environment variable can never point the app at a remote page.
 */
export function rendererEntryUrl(options: {
  isPackaged: boolean
  devServerUrl: string | undefined
  indexFile: string
}): string {
  const dev = options.isPackaged ? undefined : loopbackHttpUrl(options.devServerUrl)
  return dev ?? pathToFileURL(options.indexFile).href
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
 * True when `candidate` is the app's page at `entryUrl`: the same file (any query or hash,
 * which the renderer uses for routes) or, for the dev server, the same origin.
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
  if (entry.protocol === 'file:') {
    return url.protocol === 'file:' && url.host === entry.host && url.pathname === entry.pathname
  }
  return url.origin === entry.origin
}
