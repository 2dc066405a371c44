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
      experimentalFeatures: false,
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

/**
 * A `will-navigate`/`will-frame-navigate`/`will-redirect` listener that lets the page (or
 * any frame in it) go only to the app's own pages.
 */
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

/** The navigation events every web contents is guarded on. */
export const NAVIGATION_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const

/** The parts of a `webContents` the guards attach to (Electron's, or a fake in tests). */
export interface GuardedContents {
  on(event: (typeof NAVIGATION_EVENTS)[number], listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void
}

/**
 * Attaches every guard to `contents`: no new windows, no webviews, and no navigation away,
 * whether the main frame or a subframe tries it (`will-navigate` sees only the main frame;
 * `will-frame-navigate` sees every frame; `will-redirect` sees server redirects).
 */
export function guardContents(contents: GuardedContents, entryUrl: string, openExternal: (url: string) => void): void {
  const guard = navigationGuard(entryUrl)
  for (const name of NAVIGATION_EVENTS) contents.on(name, guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(windowOpenHandler(openExternal))
}

/** The permission handlers of a `session` (Electron's, or a fake in tests). */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: () => boolean): void
  setDevicePermissionHandler(handler: () => boolean): void
  setDisplayMediaRequestHandler(handler: (request: unknown, callback: (streams: null) => void) => void): void
  setBluetoothPairingHandler(handler: (details: unknown, callback: (response: { confirmed: boolean }) => void) => void): void
}

/**
 * Denies every permission in `session`: requests and checks (camera, microphone,
 * notifications, clipboard reads, HID/serial/USB, geolocation …), device access, screen
 * capture and Bluetooth pairing. Electron grants all of them when no handler is set; the
 * app needs none, so the default is no. Set on every session, the print session too.
 */
export function denyPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null))
  session.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }))
}

/** The parts of the app's `session` its policy sets (Electron's, or a fake in tests). */
export interface GuardedSession extends PermissionSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Headers },
        callback: (response: { responseHeaders?: Headers }) => void
      ) => void
    ): void
  }
}

/**
 * The app session's policy: every permission denied, and the CSP header on app pages that
 * do not set it themselves (the dev server's; the app's scheme sends it with each file).
 */
export function guardSession(session: GuardedSession, entryUrl: string): void {
  denyPermissions(session)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.url, details.responseHeaders, entryUrl) })
  })
}
