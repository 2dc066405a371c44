import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')
const BIN = join(ROOT, 'bin', 'copydesk.js')

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js')) || !existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('Copydesk is not built: run "npm run build" (npm test does it first).')
  }
}

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs the copydesk command as a user would, with its own database file. */
export function copydesk(db: string, ...args: string[]): Run {
  assertBuilt()
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 60_000 })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

export interface Served {
  url: string
  origin: string
  token: string
  stop: () => Promise<void>
  /** False once the process has ended (by itself: a crash). */
  running: () => boolean
  /** What the process wrote on stderr so far (its log). */
  stderr: () => string
  /** Ends it at once (SIGKILL), as a crash would. */
  kill: () => Promise<void>
}

/** Starts `copydesk serve` on `port` (a free one by default) and waits for its first line. */
export function serve(db: string, port = 0): Promise<Served> {
  assertBuilt()
  const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const running = (): boolean => child.exitCode === null && child.signalCode === null
    const timer = setTimeout(() => reject(new Error(`copydesk serve did not start: ${err}`)), 20_000)
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => reject(new Error(`copydesk serve exited with ${code}: ${err}`)))
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const line = out.split('\n')[0]
      const m = out.includes('\n') ? line.match(/^Copydesk is running at (http:\/\/127\.0\.0\.1:(\d+))\/\?token=(\S+)$/) : null
      if (!out.includes('\n')) return
      clearTimeout(timer)
      if (!m) {
        reject(new Error(`unexpected first line: ${line}`))
        return
      }
      resolve({
        url: line.replace('Copydesk is running at ', ''),
        origin: m[1],
        token: m[3],
        running,
        stderr: () => err,
        stop: () =>
          new Promise<void>((done) => {
            if (!running()) {
              done()
              return
            }
            child.removeAllListeners('exit')
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
        kill: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit')
            child.once('exit', () => done())
            child.kill('SIGKILL')
          })
      })
    })
  })
}
