import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, isAppUrl, isDevServerEntry, rendererEntryUrl } from '../../src/main/electron/app-url'

describe('the app knows its own page', () => {
  it('loads the built page from its own scheme, never from file://', () => {
    expect(APP_ENTRY_URL).toBe('app://copydesk/index.html')
    expect(rendererEntryUrl({ isPackaged: true, devServerUrl: undefined })).toBe(APP_ENTRY_URL)
    expect(rendererEntryUrl({ isPackaged: false, devServerUrl: undefined })).toBe(APP_ENTRY_URL)
    expect(isDevServerEntry(APP_ENTRY_URL)).toBe(false)
  })

  it('loads the dev server on loopback in an unpackaged app', () => {
    expect(rendererEntryUrl({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })).toBe('http://localhost:5173/')
    expect(rendererEntryUrl({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173' })).toBe('http://127.0.0.1:5173/')
    expect(isDevServerEntry('http://localhost:5173/')).toBe(true)
  })

  it('never lets an environment variable point the app at a remote page or a file', () => {
    for (const devServerUrl of ['https://evil.example/', 'file:///tmp/evil.html', 'app://evil/index.html', 'garbage']) {
      expect(rendererEntryUrl({ isPackaged: false, devServerUrl }), devServerUrl).toBe(APP_ENTRY_URL)
    }
    expect(rendererEntryUrl({ isPackaged: true, devServerUrl: 'http://localhost:5173/' })).toBe(APP_ENTRY_URL)
  })

  it.each(['app://copydesk/index.html', 'app://copydesk/index.html#/article/12', 'app://copydesk/', 'app://copydesk/assets/index.js', 'APP://COPYDESK/index.html'])(
    'treats %s as its own page',
    (url) => expect(isAppUrl(url, APP_ENTRY_URL)).toBe(true)
  )

  it.each([
    'app://evil/index.html',
    'app://copydesk.evil.example/index.html',
    'app://user:pw@copydesk/index.html',
    'app:copydesk/index.html',
    'file:///opt/copydesk/out/renderer/index.html',
    'https://copydesk/index.html',
    'about:blank',
    ''
  ])('does not treat %s as its own page', (url) => expect(isAppUrl(url, APP_ENTRY_URL)).toBe(false))

  it('treats the dev server origin as its own, and other ports, hosts or the app scheme not', () => {
    const dev = 'http://localhost:5173/'
    expect(isAppUrl('http://localhost:5173/#/article/3', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isAppUrl(APP_ENTRY_URL, dev)).toBe(false)
  })
})
