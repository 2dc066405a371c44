import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serve, type Served } from '../helpers/cli'
import { useTempDir } from '../helpers/tmp'

interface Reply {
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}

/** A raw request, so Host and Origin can be set to anything. */
function send(served: Served, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { port } = new URL(served.origin)
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: Number(port), path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let body = ''
        res.on('data', (d: Buffer) => (body += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      }
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

const api = (s: Served, op: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
  send(s, `/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': s.token, ...headers },
    body: JSON.stringify(input)
  })

describe('the loopback HTTP door', () => {
  const dir = useTempDir()
  let served: Served
  beforeEach(async () => {
    served = await serve(join(dir(), 'door.db'))
  })
  afterEach(() => served.stop())

  it('prints its address and token first, and serves the app with the token', async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
    const page = await send(served, `/?token=${served.token}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<div id="root">')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/)
  })

  it('answers operations with the token and the right origin', async () => {
    const r = await api(served, 'listArticles', {}, { Origin: served.origin })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: [] })
  })

  it('refuses a missing or wrong token', async () => {
    expect((await send(served, '/')).status).toBe(401)
    expect((await send(served, '/?token=wrong')).status).toBe(401)
    const noToken = await api(served, 'listArticles', {}, { 'X-Copydesk-Token': '' })
    expect(noToken.status).toBe(401)
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect((await api(served, 'listArticles', {}, { 'X-Copydesk-Token': served.token.slice(1) })).status).toBe(401)
  })

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    const r = await api(served, 'listArticles', {}, { Host: 'evil.example:80' })
    expect(r.status).toBe(403)
    const page = await send(served, `/?token=${served.token}`, { headers: { Host: 'attacker.example' } })
    expect(page.status).toBe(403)
  })

  it('refuses a request from another web page (foreign Origin)', async () => {
    const r = await api(served, 'importText', { text: 'Injected\n\nBody' }, { Origin: 'https://evil.example' })
    expect(r.status).toBe(403)
    const list = await api(served, 'listArticles', {})
    expect(JSON.parse(list.body).value).toEqual([])
  })

  it('bad arguments get a typed error and change nothing', async () => {
    const cases: [string, unknown, string][] = [
      ['getArticle', { id: -1 }, 'invalid_input'],
      ['getArticle', { id: 'one' }, 'invalid_input'],
      ['getArticle', { id: 42 }, 'not_found'],
      ['importFile', { fileName: 'x.exe', dataBase64: 'AAAA' }, 'unsupported_format'],
      ['importText', { text: 'x', extra: true }, 'invalid_input'],
      ['noSuchOperation', {}, 'invalid_input']
    ]
    for (const [op, input, code] of cases) {
      const r = await api(served, op, input)
      expect(JSON.parse(r.body), `${op} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code } })
    }
    const notJson = await send(served, '/api/listArticles', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': served.token }, body: '{nope' })
    expect(notJson.status).toBe(400)
    expect(JSON.parse((await api(served, 'listArticles', {})).body).value).toEqual([])
  })

  it('does not serve files outside the app', async () => {
    const r = await send(served, '/../../package.json', { headers: { Cookie: `copydesk_token=${served.token}` } })
    expect([403, 404]).toContain(r.status)
    const r2 = await send(served, '/%2e%2e/%2e%2e/package.json', { headers: { Cookie: `copydesk_token=${served.token}` } })
    expect(r2.status).toBe(404)
  })
})
