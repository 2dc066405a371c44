import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_SCHEME_PRIVILEGES, appFileFor, contentTypeOf, createAppProtocolHandler } from '../../src/main/electron/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/security'
import { useTempDir } from '../helpers/tmp'

// The app's scheme is served by a plain function over real files; Electron only calls it.

/** A built renderer folder in `root`/renderer, with a secret beside it that must never be served. */
function rendererFolder(root: string): string {
  const dir = join(root, 'renderer')
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>')
  writeFileSync(join(dir, 'assets', 'index.js'), 'console.log("copydesk")')
  writeFileSync(join(dir, 'assets', 'index.css'), 'body{}')
  writeFileSync(join(root, 'secret.txt'), 'the user’s private notes')
  mkdirSync(join(root, 'renderer-evil'))
  writeFileSync(join(root, 'renderer-evil', 'index.html'), 'a sibling folder sharing the prefix')
  return dir
}

/** The handler over `dir`, recording every file it was asked to read. */
function handlerOver(dir: string): { handle: ReturnType<typeof createAppProtocolHandler>; reads: string[] } {
  const reads: string[] = []
  const handle = createAppProtocolHandler({
    rendererDir: dir,
    read: (file) => {
      reads.push(file)
      return readFile(file)
    }
  })
  return { handle, reads }
}

const get = (url: string, initiatorOrigin?: string) => ({ url, method: 'GET', initiatorOrigin })

describe('the app scheme is registered as the checklist asks', () => {
  it('is standard and secure, and may not bypass the page’s policy or run service workers', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app')
    expect(APP_SCHEME_PRIVILEGES.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true })
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeUndefined()
    expect(APP_SCHEME_PRIVILEGES.privileges?.allowServiceWorkers).toBeUndefined()
    expect(APP_SCHEME_PRIVILEGES.privileges?.corsEnabled).toBeUndefined()
  })
})

describe('an app:// address names a file of the renderer folder, or nothing', () => {
  const root = '/opt/copydesk/out/renderer'

  it('maps the root and every path inside the folder', () => {
    expect(appFileFor('app://copydesk/', root)).toEqual({ ok: true, file: join(root, 'index.html') })
    expect(appFileFor('app://copydesk', root)).toEqual({ ok: true, file: join(root, 'index.html') })
    expect(appFileFor('app://copydesk/index.html#/article/4', root)).toEqual({ ok: true, file: join(root, 'index.html') })
    expect(appFileFor('app://copydesk/assets/index-x1.js?v=2', root)).toEqual({ ok: true, file: join(root, 'assets', 'index-x1.js') })
    expect(appFileFor('app://copydesk/assets/a%20b.css', root)).toEqual({ ok: true, file: join(root, 'assets', 'a b.css') })
  })

  it('stays inside the folder when the URL itself climbs (the URL parser removes the dots)', () => {
    expect(appFileFor('app://copydesk/../../etc/passwd', root)).toEqual({ ok: true, file: join(root, 'etc', 'passwd') })
    expect(appFileFor('app://copydesk/assets/%2e%2e/%2e%2e/secret.txt', root)).toEqual({ ok: true, file: join(root, 'secret.txt') })
  })

  it.each([
    ['an escaped slash', 'app://copydesk/..%2f..%2fsecret.txt'],
    ['an escaped slash deeper down', 'app://copydesk/assets/..%2F..%2F..%2Fetc%2Fpasswd'],
    ['an escaped backslash', 'app://copydesk/..%5c..%5csecret.txt'],
    ['a backslash', 'app://copydesk/..\\..\\secret.txt'],
    ['a drive letter', 'app://copydesk/C:%5cWindows%5cwin.ini'],
    ['a stream name', 'app://copydesk/index.html::$DATA'],
    ['a NUL byte', 'app://copydesk/index.html%00.png'],
    ['a malformed escape (issue 18’s door-killing URL)', 'app://copydesk/%E0%A4%A'],
    ['a lone percent sign', 'app://copydesk/100%.html']
  ])('refuses %s as a bad request', (_what, url) => {
    expect(appFileFor(url, root)).toMatchObject({ ok: false, status: 400 })
  })

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a host sharing the prefix', 'app://copydesk.evil/index.html'],
    ['a user name', 'app://me@copydesk/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['an empty segment', 'app://copydesk//etc/passwd'],
    ['a folder', 'app://copydesk/assets/'],
    ['not a URL', 'no url at all']
  ])('serves nothing for %s', (_what, url) => {
    expect(appFileFor(url, root).ok).toBe(false)
  })
})

describe('the handler serves the renderer with the app’s policy', () => {
  const dir = useTempDir()

  it('answers files with their type, the Content-Security-Policy and nosniff', async () => {
    const { handle } = handlerOver(rendererFolder(dir()))
    const page = await handle(get('app://copydesk/'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('assets/index.js')

    const script = await handle(get('app://copydesk/assets/index.js', 'app://copydesk'))
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log("copydesk")')
    expect((await handle(get('app://copydesk/assets/index.css'))).headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const { handle } = handlerOver(rendererFolder(dir()))
    const head = await handle({ url: 'app://copydesk/index.html', method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const post = await handle({ url: 'app://copydesk/index.html', method: 'POST' })
    expect(post.status).toBe(405)
  })

  it('never reads outside the folder, whatever the address, and every refusal carries the policy', async () => {
    const root = dir()
    const { handle, reads } = handlerOver(rendererFolder(root))
    const attempts = [
      'app://copydesk/../secret.txt',
      'app://copydesk/%2e%2e/secret.txt',
      'app://copydesk/..%2fsecret.txt',
      'app://copydesk/..%5csecret.txt',
      'app://copydesk/..%2frenderer-evil%2findex.html',
      'app://copydesk/%E0%A4%A',
      `app://copydesk/${encodeURIComponent(join(root, 'secret.txt'))}`,
      'app://evil/secret.txt'
    ]
    for (const url of attempts) {
      const res = await handle(get(url))
      expect(res.status, url).toBeGreaterThanOrEqual(400)
      expect(await res.text(), url).not.toContain('private notes')
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY)
    }
    const outside = reads.filter((file) => relative(join(root, 'renderer'), file).startsWith('..'))
    expect(outside).toEqual([])
  })

  it('refuses a request made by a page of another origin', async () => {
    const { handle, reads } = handlerOver(rendererFolder(dir()))
    for (const origin of ['https://evil.example', 'null', 'file://', 'app://evil']) {
      expect((await handle(get('app://copydesk/index.html', origin))).status, origin).toBe(403)
    }
    expect(reads).toEqual([])
  })

  it('says 404 for a missing file and 500 when a file cannot be read', async () => {
    const root = rendererFolder(dir())
    const { handle } = handlerOver(root)
    expect((await handle(get('app://copydesk/missing.js'))).status).toBe(404)
    expect((await handle(get('app://copydesk/assets'))).status).toBe(404)
    const denied = createAppProtocolHandler({
      rendererDir: root,
      read: async () => {
        throw Object.assign(new Error('permission denied'), { code: 'EACCES' })
      }
    })
    const res = await denied(get('app://copydesk/index.html'))
    expect(res.status).toBe(500)
    expect(await res.text()).not.toContain('permission denied')
  })
})

describe('the built renderer is served whole', () => {
  // npm test builds first; alone: npx electron-vite build.
  const RENDERER = join(resolve(__dirname, '../..'), 'out', 'renderer')

  it('serves every built file, each script as JavaScript, and every file index.html names', async () => {
    if (!existsSync(RENDERER)) throw new Error(`${RENDERER} is missing: run "npx electron-vite build" first`)
    const handle = createAppProtocolHandler({ rendererDir: RENDERER })
    const files = readdirSync(RENDERER, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(RENDERER, join(entry.parentPath, entry.name)).split(/[\\/]/).join('/'))
    expect(files).toContain('index.html')
    for (const file of files) {
      const res = await handle(get(`app://copydesk/${file.split('/').map(encodeURIComponent).join('/')}`))
      expect(res.status, file).toBe(200)
      expect(res.headers.get('content-type'), file).not.toBe('application/octet-stream')
      if (file.endsWith('.js')) expect(res.headers.get('content-type'), file).toBe('text/javascript; charset=utf-8')
    }
    const html = readFileSync(join(RENDERER, 'index.html'), 'utf8')
    const named = [...html.matchAll(/(?:src|href)="(\.?\/[^"]+)"/g)].map((m) => new URL(m[1], 'app://copydesk/').href)
    expect(named.length).toBeGreaterThan(0)
    for (const url of named) expect((await handle(get(url, 'app://copydesk'))).status, url).toBe(200)
  })

  it('knows the type of each file the build writes', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('a/worker.MJS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('a/font.woff2')).toBe('font/woff2')
    expect(contentTypeOf('a/unknown.xyz')).toBe('application/octet-stream')
  })
})
