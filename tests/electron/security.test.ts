import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL } from '../../src/main/electron/app-url'
import {
  CONTENT_SECURITY_POLICY,
  denyPermissions,
  guardContents,
  guardSession,
  navigationGuard,
  windowOpenHandler,
  windowOptions,
  withContentSecurityPolicy,
  type GuardedContents,
  type NavigationEvent,
  type PermissionSession
} from '../../src/main/electron/security'
import { expectEverythingDenied, recordingSession } from '../helpers/permissions'

const entry = APP_ENTRY_URL

function navigation(url: string): NavigationEvent & { prevented: boolean } {
  const event = {
    url,
    prevented: false,
    preventDefault() {
      event.prevented = true
    }
  }
  return event
}

/** A stand-in for a window's webContents that records the listeners the guards attach. */
class FakeContents {
  listeners = new Map<string, ((event: never) => void)[]>()
  openHandler: ((details: { url: string }) => { action: string }) | undefined
  on(name: string, listener: (event: never) => void): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }
  emit(name: string, event: unknown): void {
    for (const l of this.listeners.get(name) ?? []) l(event as never)
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler
  }
}

describe('the window is a web page with no Node', () => {
  it('isolates the page, sandboxes it and gives it no Node', () => {
    const prefs = windowOptions('/opt/copydesk/out/preload/index.js').webPreferences
    expect(prefs).toMatchObject({
      preload: '/opt/copydesk/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false
    })
    // Checklist items 9 and 10: no experimental or extra Blink features.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  })

  it('allows only the app’s own scripts and no frames, forms, plugins or base changes', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/)
        return [name, values.join(' ')]
      })
    )
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'"
    })
  })

  it('puts the policy on app pages, replacing any weaker one, and leaves other responses alone', () => {
    const headers = withContentSecurityPolicy(`${entry}#/`, { 'content-security-policy': ["script-src *"], 'X-Other': ['1'] }, entry)
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Other': ['1'] })
    expect(withContentSecurityPolicy('https://example.com/', { 'X-Other': ['1'] }, entry)).toEqual({ 'X-Other': ['1'] })
    expect(withContentSecurityPolicy(entry, undefined, entry)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
})

describe('the page cannot leave the app', () => {
  it('stays on its own page and moves between its routes', () => {
    const guard = navigationGuard(entry)
    const own = navigation(`${entry}#/article/4`)
    guard(own)
    expect(own.prevented).toBe(false)
  })

  it.each(['https://example.com/', 'file:///home/editor/article.html', 'javascript:alert(1)', 'data:text/html,hi', 'about:blank', 'app://evil/index.html'])(
    'does not navigate to %s',
    (url) => {
      const event = navigation(url)
      navigationGuard(entry)(event)
      expect(event.prevented).toBe(true)
    }
  )

  it('never opens a window; a web link goes to the browser instead', () => {
    const opened: string[] = []
    const handler = windowOpenHandler((url) => opened.push(url))
    expect(handler({ url: 'https://www.bbc.co.uk/news' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(handler({ url: `${entry}#/article/1` })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://www.bbc.co.uk/news'])
  })

  it('guards every web contents: navigation of any frame, redirects, webviews and new windows', () => {
    const contents = new FakeContents()
    const opened: string[] = []
    guardContents(contents as unknown as GuardedContents, entry, (url) => opened.push(url))

    expect([...contents.listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect'])
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = navigation('https://evil.example/')
      contents.emit(name, away)
      expect(away.prevented, name).toBe(true)
      const home = navigation(entry)
      contents.emit(name, home)
      expect(home.prevented, name).toBe(false)
    }

    const webview = navigation('')
    contents.emit('will-attach-webview', webview)
    expect(webview.prevented).toBe(true)

    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.com/'])
  })
})

describe('the page gets no permissions', () => {
  it('denies every permission request and check, device, screen capture and pairing in any session', () => {
    const { session, set } = recordingSession()
    denyPermissions(session as PermissionSession)
    expectEverythingDenied(set)
    expect(set.headers).toBeUndefined()
  })

  it('denies every permission in the app session and adds the policy header to app pages', () => {
    const { session, set } = recordingSession()
    guardSession(session, entry)
    expectEverythingDenied(set)

    const responses: unknown[] = []
    set.headers?.({ url: entry, responseHeaders: {} }, (r) => responses.push(r))
    expect(responses).toEqual([{ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }])
  })
})
