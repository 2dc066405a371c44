import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copydesk, ROOT, serve } from '../helpers/cli'
import { useTempDir } from '../helpers/tmp'

/**
 * Two writers are normal: the command line importing in a loop (a new process each time, as a
 * script would run it) while the browser door saves an article every 100 ms, for 30 s. Neither
 * may see a failure, and every write either one was told succeeded must be in the file.
 */

const SECONDS = 30
const BIN = join(ROOT, 'bin', 'copydesk.js')

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

describe('two writers at once', () => {
  const dir = useTempDir()

  it(`the command line imports in a loop while the door saves every 100 ms for ${SECONDS} s: no failure, no lost write`, async () => {
    const db = join(dir(), 'desk.db')
    const first = join(dir(), 'first.txt')
    writeFileSync(first, 'The article being edited\n\nThe council approved the budget.\n')
    expect(copydesk(db, 'import', first).code).toBe(0)
    const served = await serve(db)
    const failures: string[] = []
    const end = Date.now() + SECONDS * 1000
    try {
      const saves = (async () => {
        let revision = 1
        let acknowledged = 0
        for (let i = 1; Date.now() < end; i++) {
          const started = Date.now()
          const paragraphs = Array.from({ length: 40 }, (_, p) => ({ type: 'paragraph', content: [{ type: 'text', text: `Save ${i}, paragraph ${p}: the council approved the budget.` }] }))
          const res = await fetch(`${served.origin}/api/saveArticle`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': served.token },
            body: JSON.stringify({ id: 1, baseRevision: revision, meta: { outlet: `Save ${i}` }, body: { type: 'doc', content: paragraphs } })
          })
          const result = (await res.json()) as { ok: boolean; value?: { revision: number }; error?: { message: string } }
          if (result.ok && result.value) {
            revision = result.value.revision
            acknowledged = i
          } else failures.push(`save ${i}: ${result.error?.message}`)
          await sleep(Math.max(0, 100 - (Date.now() - started)))
        }
        return { revision, acknowledged }
      })()
      const imports = (async () => {
        const done: { id: number; headline: string }[] = []
        for (let k = 1; Date.now() < end; k++) {
          const file = join(dir(), `import-${k}.txt`)
          writeFileSync(file, `Imported story ${k}\n\n${'The mayor said the plan would work. '.repeat(200)}\n`)
          const r = await run(['--db', db, 'import', file])
          const m = /as article (\d+): (.*)$/m.exec(r.stdout)
          if (r.code === 0 && m) done.push({ id: Number(m[1]), headline: m[2] })
          else failures.push(`import ${k}: exit ${r.code}: ${r.stderr.trim()}`)
        }
        return done
      })()
      const [saved, imported] = await Promise.all([saves, imports])
      expect(failures).toEqual([])
      expect(saved.acknowledged).toBeGreaterThan(SECONDS * 3)
      expect(imported.length).toBeGreaterThan(5)
      console.info(`two writers: ${saved.acknowledged} saves and ${imported.length} imports in ${SECONDS} s, none failed`)

      await served.stop()
      const check = new Database(db, { readonly: true })
      const article = check.prepare(`SELECT revision, outlet, text FROM articles WHERE id = 1`).get() as { revision: number; outlet: string; text: string }
      expect(article).toMatchObject({ revision: saved.revision, outlet: `Save ${saved.acknowledged}` })
      expect(article.text).toContain(`Save ${saved.acknowledged}, paragraph 39`)
      const headlines = new Map((check.prepare(`SELECT id, headline FROM articles WHERE deleted_at IS NULL`).all() as { id: number; headline: string }[]).map((r) => [r.id, r.headline]))
      for (const { id, headline } of imported) expect(headlines.get(id), `article ${id}`).toBe(headline)
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
      check.close()
    } finally {
      await served.stop()
    }
  }, (SECONDS + 60) * 1000)
})
