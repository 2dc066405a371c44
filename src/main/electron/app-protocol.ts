import type { CustomScheme } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import { APP_ORIGIN, APP_SCHEME, isAppOrigin } from './app-url'
import { CONTENT_SECURITY_POLICY } from './security'

/**
 * The app's own scheme, `app://copydesk/…`, serving the built renderer folder and nothing
 * else. The URL-to-file mapping is a pure function and the handler takes its file reader
 * injected, so both are tested on real files without Electron.
 */

/**
 * How the scheme is registered (before the app is ready): standard, so relative URLs,
 * origins and storage work as on the web; secure, so the page is a secure context. It may
 * never bypass the page's Content-Security-Policy and registers no service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    // fetch() of the app's own files (a JSON or font asset) works as on the web.
    supportFetchAPI: true,
    // V8 keeps compiled code for the ~600 KB bundle between launches.
    codeCache: true
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm'
}

/** The Content-Type of a renderer file (module scripts must have a JavaScript type). */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

export type AppFile = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string }

/**
 * The file in `rendererDir` that an `app://copydesk/…` URL names, or why none is served:
 * another scheme or host, a malformed escape, or a path that would leave the folder
 * (`..`, an escaped slash or backslash, a drive letter, a NUL byte).
 */
export function appFileFor(requestUrl: string, rendererDir: string): AppFile {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' }
  }
  if (!isAppOrigin(url)) {
    return { ok: false, status: 404, reason: 'not an address of this app' }
  }
  const path = url.pathname === '' || url.pathname === '/' ? '/index.html' : url.pathname
  const names: string[] = []
  for (const segment of path.slice(1).split('/')) {
    let name: string
    try {
      name = decodeURIComponent(segment)
    } catch {
      return { ok: false, status: 400, reason: 'malformed escape in the path' }
    }
    if (name === '' || name === '.' || name === '..') return { ok: false, status: 404, reason: 'empty or relative path segment' }
    // A separator or a drive or stream colon inside one segment could only come from an escape.
    if (/[/\\:\u0000]/.test(name)) return { ok: false, status: 400, reason: 'separator or control character in a path segment' }
    names.push(name)
  }
  const root = resolve(rendererDir)
  const file = resolve(root, ...names)
  const inside = relative(root, file)
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return { ok: false, status: 403, reason: 'outside the app folder' }
  return { ok: true, file }
}

/** What the handler reads of Electron's request (a Fetch `Request` plus Electron's initiator). */
export interface AppRequest {
  readonly url: string
  readonly method: string
  /** The origin of the page that made the request; absent when the browser made it itself. */
  readonly initiatorOrigin?: string
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache'
}

function refusal(status: number, reason: string): Response {
  return new Response(reason, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

/**
 * The `protocol.handle` handler for the app's scheme: GET and HEAD of files in
 * `rendererDir`, each with the app's Content-Security-Policy; a request made by a page of
 * another origin is refused, as is anything `appFileFor` refuses.
 */
export function createAppProtocolHandler(options: {
  rendererDir: string
  read?: (file: string) => Promise<Uint8Array>
}): (request: AppRequest) => Promise<Response> {
  const read = options.read ?? ((file: string) => readFile(file))
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'only GET and HEAD are served')
    if (request.initiatorOrigin !== undefined && request.initiatorOrigin !== APP_ORIGIN) {
      return refusal(403, 'requests from other pages are refused')
    }
    const target = appFileFor(request.url, options.rendererDir)
    if (!target.ok) return refusal(target.status, target.reason)
    let body: Uint8Array
    try {
      body = await read(target.file)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return refusal(404, 'no such file')
      return refusal(500, 'the file could not be read')
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(target.file) }
    // A file's bytes are never a SharedArrayBuffer, which is all the cast rules out.
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers })
  }
}
