import fc from 'fast-check'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OPERATION_NAMES, type OperationName } from '../../src/shared/ops'
import { serve, type Served } from '../helpers/cli'
import { useTempDir } from '../helpers/tmp'
import { httpBytes, rawRequest, type RawReply } from './raw'

/**
 * The door never dies of a request: malformed paths, headers and bodies, and every operation
 * with arguments made up at random or broken from valid ones, each answered, and the door
 * still serving afterwards. Each property runs for a bounded time (a few seconds in all);
 * fast-check prints the seed and the smallest failing request when one fails.
 */

const TIME_PER_PROPERTY_MS = 1_500

const portOf = (s: Served): number => Number(new URL(s.origin).port)
const host = (s: Served): [string, string] => ['Host', `127.0.0.1:${portOf(s)}`]
const cookie = (s: Served): [string, string] => ['Cookie', `copydesk_token=${s.token}`]

function apiBytes(s: Served, op: string, body: string, extra: [string, string][] = []): Buffer {
  const length = Buffer.byteLength(body)
  return httpBytes('POST', `/api/${op}`, [host(s), ['Content-Type', 'application/json'], ['X-Copydesk-Token', s.token], ['Content-Length', String(length)], ...extra], body)
}

/** Every answer from the contract is a Result: `{ ok: true, value }` or an error with a code and words. */
function expectResult(reply: RawReply): void {
  expect(reply.status, reply.body.slice(0, 300)).toBeGreaterThanOrEqual(200)
  expect(reply.status).toBeLessThan(600)
  const parsed = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; message: string } }
  expect(typeof parsed.ok).toBe('boolean')
  if (!parsed.ok) {
    expect(parsed.error?.code).toMatch(/^[a-z_]+$/)
    expect(parsed.error?.message.length).toBeGreaterThan(0)
  }
}

/** A valid input for the operations that take one, to break a piece at a time. */
const VALID: Partial<Record<OperationName, Record<string, unknown>>> = {
  listArticles: { query: 'budget' },
  getArticle: { id: 1 },
  importFile: { fileName: 'a.txt', dataBase64: Buffer.from('A headline\n\nSome text.').toString('base64') },
  importText: { text: 'Pasted\n\nText.', headline: 'Pasted' },
  saveArticle: { id: 1, baseRevision: 1, meta: { outlet: 'Desk' }, annotations: [] },
  deleteArticle: { id: 1 },
  restoreArticle: { id: 1 },
  listAnnotations: { articleId: 1 },
  annotationHistory: { articleId: 1 },
  exportArticle: { id: 1, format: 'md' },
  importAnnotations: { articleId: 1, fileName: 'a.ann', content: 'T1\tClaim 0 5\tBudget\n' },
  importAnnotatedArticle: { fileName: 'b.txt', text: 'Budget up.', ann: 'T1\tClaim 0 6\tBudget\n' },
  listDismissals: { articleId: 1 },
  setDismissals: { articleId: 1, keys: ['k'], dismissed: true },
  getPreferences: {},
  setPreferences: { userName: 'Ana' }
}

const operation = fc.constantFrom(...OPERATION_NAMES, 'noSuchOperation', '', '..%2F', '%E0%A4%A', '__proto__', 'constructor')

/** An operation with garbage in every shape JSON can carry, or with its valid input broken a piece at a time. */
const call = fc.oneof(
  fc.tuple(operation, fc.jsonValue()),
  fc.constantFrom(...(Object.entries(VALID) as [string, Record<string, unknown>][])).chain(([op, valid]) =>
    fc
      .oneof(
        fc.constant(valid),
        fc.tuple(fc.constantFrom(...Object.keys(valid), '__proto__', 'extra'), fc.jsonValue()).map(([k, v]) => ({ ...valid, [k]: v })),
        fc.constantFrom(...Object.keys(valid), 'none').map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))),
        fc.constant(JSON.parse(JSON.stringify(valid).replace(/\d+/g, '-1')) as unknown)
      )
      .map((input): [string, unknown] => [op, input])
  )
)

const pathPiece = fc.oneof(
  fc.constantFrom('%', '%E0%A4%A', '%C0%AF', '%00', '%2F', '%2e%2e', '..', '/', '//', '\\', '?', '#', '[', ']', '@', ':', 'api', 'assets', 'index.html', '%FF', '%u0041', ';', '*'),
  fc.string({ unit: 'binary-ascii', maxLength: 6 }).map((s) => s.replace(/[\s\x00-\x1f\x7f]/g, '')),
  fc.string({ unit: 'grapheme', maxLength: 3 }).map((s) => encodeURIComponent(s))
)
const path = fc.array(pathPiece, { minLength: 1, maxLength: 8 }).map((pieces) => `/${pieces.join('')}`)

const headerValue = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => s.replace(/[\r\n\x00]/g, '')),
  fc.constantFrom('', ';;;', 'copydesk_token', 'copydesk_token=;=', '=%E0%A4%A', 'a'.repeat(4_000))
)

describe('the loopback HTTP door under fuzzing', () => {
  const dir = useTempDir()
  let served: Served
  beforeEach(async () => {
    served = await serve(join(dir(), 'fuzz.db'))
  })
  afterEach(() => served.stop())

  it('a malformed escape in an address is refused with 400 and logged, and the door keeps serving', async () => {
    const bad = await rawRequest(portOf(served), httpBytes('GET', '/%E0%A4%A', [host(served), cookie(served)]))
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const after = await rawRequest(portOf(served), apiBytes(served, 'listArticles', '{}'))
    expect(after.status).toBe(200)
    expect(served.running()).toBe(true)
    expect(served.stderr()).toMatch(/GET \/%E0%A4%A/)
  })

  it('answers every made-up request and is still serving afterwards', async () => {
    const port = portOf(served)
    // One article, so that valid-looking arguments reach the services and not only the schemas.
    expectResult(await rawRequest(port, apiBytes(served, 'importText', JSON.stringify({ text: 'Budget\n\nThe council approved $4.2 billion.' }))))
    let requests = 0
    const settings = { interruptAfterTimeLimit: TIME_PER_PROPERTY_MS, numRuns: 100_000, markInterruptAsFailure: false }

    // Addresses: escapes, traversal, odd characters, with and without the token.
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'), fc.boolean(), async (p, method, withToken) => {
        requests++
        const reply = await rawRequest(port, httpBytes(method, p, withToken ? [host(served), cookie(served)] : [host(served)]))
        expect(reply.status, `${method} ${p}`).toBeGreaterThanOrEqual(200)
        expect(reply.status, `${method} ${p}`).not.toBe(500)
      }),
      settings
    )

    // Headers: cookies, tokens, origins, content types and lengths of every shape.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('Cookie', 'Origin', 'X-Copydesk-Token', 'Content-Type', 'Sec-Fetch-Site', 'Host', 'Content-Length', 'Transfer-Encoding'),
        headerValue,
        fc.boolean(),
        async (name, value, api) => {
          requests++
          const headers: [string, string][] = [host(served), cookie(served), [name, value]]
          const bytes = api ? apiBytes(served, 'listArticles', '{}', [[name, value]]) : httpBytes('GET', '/', headers)
          const reply = await rawRequest(port, bytes)
          // The HTTP parser itself may refuse a request it cannot read (400, or no answer to a lying length).
          expect(reply.status === 0 || reply.status >= 200, `${name}: ${value}`).toBe(true)
          expect(reply.status).not.toBe(500)
        }
      ),
      settings
    )

    // Bodies: not JSON, truncated, binary, deeply nested.
    await fc.assert(
      fc.asyncProperty(
        operation,
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
          fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
          fc.integer({ min: 1, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n))
        ),
        async (op, body) => {
          requests++
          expectResult(await rawRequest(port, apiBytes(served, op, body)))
        }
      ),
      settings
    )

    // Every operation with garbage, and with valid arguments broken a piece at a time.
    const unexpected: string[] = []
    let reachedServices = 0
    await fc.assert(
      fc.asyncProperty(call, async ([op, input]) => {
        requests++
        const reply = await rawRequest(port, apiBytes(served, op, JSON.stringify(input) ?? 'null'))
        expectResult(reply)
        const parsed = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } }
        if (parsed.ok || parsed.error?.code !== 'invalid_input') reachedServices++
        if (reply.status >= 500) unexpected.push(`${op} ${JSON.stringify(input).slice(0, 200)} → ${reply.body.slice(0, 200)}`)
      }),
      settings
    )
    expect(unexpected).toEqual([])
    // Some made-up arguments were valid enough to be carried out, not only refused by the schemas.
    expect(reachedServices).toBeGreaterThan(0)
    console.info(`door fuzz: ${requests} requests, ${reachedServices} past the schemas`)

    expect(requests).toBeGreaterThan(50)
    expect(served.running()).toBe(true)
    const after = await rawRequest(port, apiBytes(served, 'listArticles', '{}'))
    expect(after.status).toBe(200)
    expect(JSON.parse(after.body)).toMatchObject({ ok: true })
  }, 60_000)
})
