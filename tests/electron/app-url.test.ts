import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAppUrl, rendererEntryUrl } from '../../src/main/electron/app-url'

const indexFile = '/opt/copydesk/out/renderer/index.html'
const fileEntry = pathToFileURL(indexFile).href

describe('the app knows its own page', () => {
  it('loads the built page, or the dev server on loopback in an unpackaged app', () => {
    expect(rendererEntryUrl({ isPackaged: false, devServerUrl: undefined, indexFile })).toBe(fileEntry)
    expect(rendererEntryUrl({ isPackaged: false, devServerUrl: 'http://localhost:5173/', indexFile })).toBe('http://localhost:5173/')
    expect(rendererEntryUrl({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173', indexFile })).toBe('http://127.0.0.1:5173/')
  })

  it('never lets an environment variable point the app at a remote page', () => {
    expect(rendererEntryUrl({ isPackaged: false, devServerUrl: 'https://evil.example/', indexFile })).toBe(fileEntry)
    expect(rendererEntryUrl({ isPackaged: false, devServerUrl: 'file:///tmp/evil.html', indexFile })).toBe(fileEntry)
    expect(rendererEntryUrl({ isPackaged: false, devServerUrl: 'garbage', indexFile })).toBe(fileEntry)
    expect(rendererEntryUrl({ isPackaged: true, devServerUrl: 'http://localhost:5173/', indexFile })).toBe(fileEntry)
  })

  it('treats the built page with any route as its own, and nothing else on disk', () => {
    expect(isAppUrl(fileEntry, fileEntry)).toBe(true)
    expect(isAppUrl(`${fileEntry}#/article/12`, fileEntry)).toBe(true)
    expect(isAppUrl(`${fileEntry}?x=1`, fileEntry)).toBe(true)
    expect(isAppUrl('file:///opt/copydesk/out/renderer/other.html', fileEntry)).toBe(false)
    expect(isAppUrl('file:///home/editor/Downloads/article.html', fileEntry)).toBe(false)
    expect(isAppUrl('file://evilhost/opt/copydesk/out/renderer/index.html', fileEntry)).toBe(false)
    expect(isAppUrl('https://example.com/', fileEntry)).toBe(false)
    expect(isAppUrl('about:blank', fileEntry)).toBe(false)
    expect(isAppUrl('', fileEntry)).toBe(false)
  })

  it('treats the dev server origin as its own, and other ports or hosts not', () => {
    const dev = 'http://localhost:5173/'
    expect(isAppUrl('http://localhost:5173/#/article/3', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false)
  })
})
