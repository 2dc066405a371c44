import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { CopydeskErrorValue, ErrorCode } from '../../shared/errors'
import type { Dispatch } from './dispatch'
import { resultBody } from '../../shared/json-text'

/**
 * The loopback HTTP door: serves the real renderer to a plain browser and the contract at
 * POST /api/<operation>. It listens on 127.0.0.1 only; every request needs the per-launch
 * token; a Host or Origin other than this loopback origin is refused, so neither DNS
 * rebinding nor another web page can reach the store.
 */

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

const MAX_BODY_BYTES = 16 * 1024 * 1024
const TOKEN_COOKIE = 'copydesk_token'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  unsupported_format: 415,
  empty_file: 422,
  file_too_large: 413,
  corrupt_file: 422,
  conflict: 409,
  forbidden: 403,
  database_too_new: 500,
  unauthorized: 403,
  busy: 503,
  disk_full: 507,
  read_only: 409,
  database_damaged: 503,
  internal: 500
}

export interface HttpDoorOptions {
  dispatch: Dispatch
  /** Folder holding the built renderer (index.html and assets/). */
  rendererDir: string
  port?: number
  token?: string
  /** Where the door writes one line for each refused or failed request (default: stderr). */
  log?: (line: string) => void
}

export interface HttpDoor {
  server: Server
  port: number
  token: string
  url: string
  close: () => Promise<void>
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return undefined
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
  res.setHeader('Cache-Control', 'no-store')
}

function sendError(res: ServerResponse, status: number, error: CopydeskErrorValue): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.end(JSON.stringify({ ok: false, error }))
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_BODY_BYTES) {
      reject(new RangeError('too large'))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) {
        reject(new RangeError('too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Starts the door on 127.0.0.1 (port 0 picks a free one). */
export function startHttpDoor(options: HttpDoorOptions): Promise<HttpDoor> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = 0
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`]
  const allowedOrigins = (): string[] => allowedHosts().map((h) => `http://${h}`)

  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  // What a request asked for, printable on one line whatever bytes it held.
  const described = (req: IncomingMessage): string => `${req.method ?? '?'} ${JSON.stringify(req.url ?? '').slice(1, -1).slice(0, 300)}`

  /** The last guard: whatever a handler throws is answered with 500 and logged, never ends the door. */
  function failed(req: IncomingMessage, res: ServerResponse, err: unknown): void {
    log(`copydesk serve: ${described(req)} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    if (res.headersSent) {
      res.destroy()
      return
    }
    sendError(res, 500, { code: 'internal', message: 'Copydesk could not answer this request; it keeps running, and the details are in its log.' })
  }

  const server = createServer((req, res) => {
    try {
      route(req, res)
    } catch (err) {
      failed(req, res, err)
    }
  })

  function route(req: IncomingMessage, res: ServerResponse): void {
    securityHeaders(res)
    const host = req.headers.host ?? ''
    if (!allowedHosts().includes(host)) {
      sendError(res, 403, { code: 'unauthorized', message: 'This Copydesk door only answers requests addressed to 127.0.0.1.' })
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().includes(origin)) {
      sendError(res, 403, { code: 'unauthorized', message: 'Requests from other web pages are refused.' })
      return
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      sendError(res, 403, { code: 'unauthorized', message: 'Requests from other web pages are refused.' })
      return
    }
    let url: URL
    try {
      url = new URL(req.url ?? '/', `http://${host}`)
    } catch {
      refuse(req, res, 'not a valid address')
      return
    }
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice(5)).catch((err: unknown) => failed(req, res, err))
      return
    }
    handleStatic(req, res, url)
  }

  /** A request the door cannot read: 400 with words, and one line in the log. */
  function refuse(req: IncomingMessage, res: ServerResponse, why: string): void {
    log(`copydesk serve: refused ${described(req)}: ${why}`)
    sendError(res, 400, { code: 'invalid_input', message: 'That address is not one Copydesk can read. Open Copydesk from the address it printed.' })
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, op: string): Promise<void> {
    const headerToken = req.headers['x-copydesk-token']
    if (!sameToken(typeof headerToken === 'string' ? headerToken : undefined, token)) {
      sendError(res, 401, { code: 'unauthorized', message: 'Missing or wrong Copydesk token.' })
      return
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      sendError(res, 405, { code: 'invalid_input', message: 'Use POST for Copydesk operations.' })
      return
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendError(res, 415, { code: 'invalid_input', message: 'Copydesk operations take a JSON body.' })
      return
    }
    let input: unknown
    try {
      const raw = await readBody(req)
      input = raw.length ? JSON.parse(raw.toString('utf8')) : {}
    } catch (err) {
      if (err instanceof RangeError) {
        sendError(res, 413, { code: 'file_too_large', message: 'The request is larger than Copydesk accepts (16 MB).' })
      } else {
        sendError(res, 400, { code: 'invalid_input', message: 'The request body is not valid JSON.' })
      }
      return
    }
    const result = await options.dispatch(op, input, { jsonText: true })
    if (!result.ok && result.error.code === 'internal') log(`copydesk serve: ${described(req)} failed: ${result.error.message}`)
    res.statusCode = result.ok ? 200 : STATUS[result.error.code]
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    res.end(resultBody(result))
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, { code: 'invalid_input', message: 'Only GET is served here.' })
      return
    }
    const queryToken = url.searchParams.get('token') ?? undefined
    const authorised = sameToken(queryToken, token) || sameToken(cookie(req, TOKEN_COOKIE), token)
    if (!authorised) {
      sendError(res, 401, { code: 'unauthorized', message: 'Open Copydesk with the address it printed, including its token.' })
      return
    }
    if (sameToken(queryToken, token)) {
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`)
    }
    let rel: string
    try {
      rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1))
    } catch {
      refuse(req, res, 'a malformed % escape')
      return
    }
    const file = normalize(join(options.rendererDir, rel))
    if (!file.startsWith(normalize(options.rendererDir) + sep) || !existsSync(file) || !statSync(file).isFile()) {
      sendError(res, 404, { code: 'not_found', message: `No such page: ${url.pathname}` })
      return
    }
    res.statusCode = 200
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream')
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    // A file that vanishes or cannot be read between the check and the read ends this answer only.
    createReadStream(file)
      .on('error', (err) => failed(req, res, err))
      .pipe(res)
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          })
      })
    })
  })
}
