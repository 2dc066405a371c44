/**
 * npx tsx scripts/bench-cli.ts — how long the command line takes to start and answer.
 *
 * Runs, ten times each, `node -e 0` (the floor: Node itself starting), `copydesk --version`
 * and `copydesk list` on a small library (the samples, imported first), as a user's shell
 * does: a new process each time, timed from spawn to exit. Prints the medians and each
 * against the floor (budget 1.5x). Needs `npm run build` first. Exports benchCli().
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pct } from './bench-stats'

const ROOT = join(__dirname, '..')
// BENCH_CLI_BIN=<path to bin/copydesk.js>: measure another build (to compare two versions).
const BIN = process.env.BENCH_CLI_BIN ?? join(ROOT, 'bin', 'copydesk.js')
const RUNS = 10
const BUDGET = 1.5

export interface CliFigures {
  floor: number
  version: number
  list: number
}

function timed(args: string[]): number {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: ROOT })
  const ms = performance.now() - t0
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`)
  return ms
}

/** Measures the three and prints them; gives the medians (for scripts/bench.ts). */
export async function benchCli(): Promise<CliFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-cli-'))
  try {
    const db = join(dir, 'library.db')
    const samples = readdirSync(join(ROOT, 'samples')).filter((f) => /\.(txt|md|html)$/.test(f)).map((f) => join(ROOT, 'samples', f))
    timed([BIN, '--db', db, 'import', ...samples])
    // Each is run once before timing: the first opening of the day makes the library's backup.
    const runs: [keyof CliFigures, string[]][] = [
      ['floor', ['-e', '0']],
      ['version', [BIN, '--version']],
      ['list', [BIN, '--db', db, 'list']]
    ]
    const times: Record<keyof CliFigures, number[]> = { floor: [], version: [], list: [] }
    for (const [, args] of runs) timed(args)
    // Interleaved, so that a busy moment of the machine falls on all three alike.
    for (let i = 0; i < RUNS; i++) for (const [name, args] of runs) times[name].push(timed(args))
    const out = { floor: pct(times.floor, 50), version: pct(times.version, 50), list: pct(times.list, 50) }
    console.log(`cli start, median of ${RUNS}: node -e 0 ${out.floor.toFixed(0)} ms`)
    for (const name of ['version', 'list'] as const) {
      const ratio = out[name] / out.floor
      const label = name === 'version' ? 'copydesk --version' : `copydesk list (${samples.length} articles)`
      console.log(`cli start, median of ${RUNS}: ${label} ${out[name].toFixed(0)} ms, ${ratio.toFixed(2)}x node -e 0 (budget ${BUDGET}x)${ratio > BUDGET ? '  OVER BUDGET' : ''}`)
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchCli().catch((err: unknown) => {
    console.error(`bench-cli: ${(err as Error).message}`)
    process.exitCode = 1
  })
}
