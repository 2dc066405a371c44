import type { BrowserWindowConstructorOptions, HandlerDetails, WindowOpenHandlerResponse } from 'electron'
import { isAppUrl } from './app-url'
import { isSafeExternalUrl } from './external-links'

/**
 * The renderer is a web page with no Node: the window's options, the page's
 * Content-Security-Policy and the guards on its web contents. Each is a plain value or a
 * function of injected parts, so the tests check them without Electron.
 */

/** The page's policy: only the app's own scripts, styles and data; no frames, forms or plugins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'"
].join('; ')

/** Options of the app's window: isolated, sandboxed, no Node, web security on. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Copydesk',
    // Shown once the page has painted, so the user never sees a blank white window.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true
    }
  }
}

type Headers = Record<string, string | string[]>

/**
 * Response headers for `url` with the app's policy added when it is an app page (any
 * policy the server sent is replaced, so the header cannot be weakened upstream).
 */
export function withContentSecurityPolicy(url: string, headers: Headers | undefined, entryUrl: string): Headers {
  const out: Headers = { ...(headers ?? {}) }
  if (!isAppUrl(url, entryUrl)) return out
  for (const name of Object.keys(out)) {
    if (name.toLowerCase() === 'content-security-policy') delete out[name]
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
  return out
}

/** What a navigation guard sees of Electron's navigation event. */
export interface NavigationEvent {
  url: string
  preventDefault(): void
}

/** A `will-navigate`/`will-redirect` listener that lets the page go only to the app's own URL. */
export function navigationGuard(entryUrl: string): (event: NavigationEvent) => void {
  return (event) => {
    if (!isAppUrl(event.url, entryUrl)) event.preventDefault()
  }
}

/**
 * The `setWindowOpenHandler` handler: no new window ever opens; a safe http(s) link is handed
 * to `openExternal` (the user's browser) instead.
 */
export function windowOpenHandler(openExternal: (url: string) => void): (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse {
  return ({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  }
}

/** The parts of a `webContents` the guards attach to (Electron's, or a fake in tests). */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void
}

/** Attaches every guard to `contents`: no new windows, no navigation away, no webviews. */
export function guardContents(contents: GuardedContents, entryUrl: string, openExternal: (url: string) => void): void {
  const guard = navigationGuard(entryUrl)
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(windowOpenHandler(openExternal))
}

/** The parts of a `session` the app's policy sets (Electron's, or a fake in tests). */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: () => boolean): void
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Headers },
        callback: (response: { responseHeaders?: Headers }) => void
      ) => void
    ): void
  }
}

/** Denies every permission (camera, notifications, clipboard reads …) and adds the CSP header to app pages. */
export function guardSession(session: GuardedSession, entryUrl: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.url, details.responseHeaders, entryUrl) })
  })
}
