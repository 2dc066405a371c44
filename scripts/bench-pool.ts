/**
 * Pools several bench runs: `npx tsx scripts/bench-pool.ts run1.json run2.json ...`, each
 * written by `BENCH_SAMPLES=runN.json npm run bench`. For each interaction it prints how many
 * runs met the budget at p95, the range of the runs' medians and p95s, and the median and p95
 * of all their samples together. A p95 of one run's 12 or 40 samples is its slowest sample or
 * two, which moves by several milliseconds between identical runs on a shared machine; pooled,
 * the samples say more about what a user of that machine would see.
 */
import { readFileSync } from 'node:fs'
import { pct } from './bench-stats'

type Run = Record<string, { budget: number; values: number[] }>

function main(files: string[]): void {
  if (files.length === 0) throw new Error('give the JSON files written by BENCH_SAMPLES=<file> npm run bench')
  const runs = files.map((f) => {
    let run: unknown
    try {
      run = JSON.parse(readFileSync(f, 'utf8'))
    } catch (err) {
      throw new Error(`${f}: not a bench samples file (${(err as Error).message})`)
    }
    const sets = run && typeof run === 'object' ? Object.values(run) : []
    const valid = (s: unknown): boolean => {
      const set = s as { budget?: unknown; values?: unknown }
      return typeof set?.budget === 'number' && Array.isArray(set.values) && set.values.length > 0 && set.values.every((v) => typeof v === 'number')
    }
    if (sets.length === 0 || !sets.every(valid)) throw new Error(`${f}: not a bench samples file (each interaction needs a budget and its samples)`)
    return run as Run
  })
  const range = (xs: number[]): string => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`
  console.log(`${runs.length} runs; per run: median range / p95 range (runs within budget); pooled: median / p95 of all samples`)
  for (const name of Object.keys(runs[0])) {
    const sets = runs.map((r) => r[name]).filter((s) => s !== undefined)
    const budget = sets[0].budget
    const all = sets.flatMap((s) => s.values)
    const p95s = sets.map((s) => pct(s.values, 95))
    const within = p95s.filter((p) => p <= budget).length
    console.log(
      `${name.padEnd(44)} ${range(sets.map((s) => pct(s.values, 50))).padStart(11)} / ${range(p95s).padStart(11)} ms (${within} of ${sets.length} within ${budget} ms)` +
        `   pooled ${pct(all, 50).toFixed(1)} / ${pct(all, 95).toFixed(1)} ms of ${all.length}`
    )
  }
}

try {
  main(process.argv.slice(2))
} catch (err) {
  console.error(`bench-pool: ${(err as Error).message}`)
  process.exitCode = 1
}
