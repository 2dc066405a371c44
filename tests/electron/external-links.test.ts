import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl, openExternalIfSafe } from '../../src/main/electron/external-links'

describe('links leave the app only as plain web links', () => {
  it.each(['https://www.reuters.com/world/', 'http://example.org/a?b=c#d', 'https://example.com:8443/path'])(
    'opens %s in the browser',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true)
    }
  )

  it.each([
    ['javascript:alert(1)', 'script'],
    ['JavaScript:alert(1)', 'script in capitals'],
    ['file:///etc/passwd', 'local file'],
    ['data:text/html,<script>alert(1)</script>', 'data URL'],
    ['vbscript:msgbox', 'vbscript'],
    ['ms-msdt:/id PCWDiagnostic', 'custom scheme'],
    ['slack://open', 'app scheme'],
    ['smb://server/share', 'network share'],
    ['https://user:secret@example.com/', 'credentials'],
    ['https://user@example.com/', 'user name'],
    ['https://exa mple.com/', 'malformed host'],
    ['not a url', 'malformed'],
    ['//example.com/', 'relative'],
    ['', 'empty'],
    [' https://example.com/', 'leading space'],
    ['https://example.com/\n', 'control character'],
    ['https:\\\\evil.com', 'backslashes'],
    ['http:', 'no host']
  ])('refuses %s (%s)', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })

  it('refuses what is not a string', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false)
    expect(isSafeExternalUrl({ href: 'https://example.com' })).toBe(false)
  })

  it('hands a safe link to the opener and keeps an unsafe one away from it', async () => {
    const opened: string[] = []
    const open = async (url: string): Promise<void> => {
      opened.push(url)
    }
    expect(await openExternalIfSafe('https://example.com/story', open)).toBe(true)
    expect(await openExternalIfSafe('file:///etc/passwd', open)).toBe(false)
    expect(opened).toEqual(['https://example.com/story'])
  })
})
