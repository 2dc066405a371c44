/**
 * The bench's measuring: an in-page probe that times each input to the end of its next frame
 * and until the page settles, the CPU profiler and trace (BENCH_PROFILE, BENCH_CPU), and the
 * printed rows (BENCH_SAMPLES keeps every sample). Shared by the bench's sections.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { pct } from './bench-stats'

// BENCH_PROFILE=<folder>: also record a CPU profile of each interaction (open it in DevTools)
// and print where its time went, by function.
const PROFILE = process.env.BENCH_PROFILE
// BENCH_CPU=1: print the renderer main thread's CPU time for each interaction, from a trace:
// unlike the wall-clock figures, it hardly moves when other programs share the machine.
const CPU_ONLY = process.env.BENCH_CPU === '1'
// BENCH_SAMPLES=<file>: also write every sample (ms, to the next frame) by interaction as JSON,
// to pool several runs with scripts/bench-pool.ts: a p95 of one run's 12 or 40 samples moves
// by several milliseconds between identical runs here.
const SAMPLES = process.env.BENCH_SAMPLES
export const samples: Record<string, { budget: number; values: number[] }> = {}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
  samples: number[]
  timeDeltas: number[]
}

const selfTimes = new Map<string, Map<string, number>>()
const nativeTimes = new Map<string, Map<string, number>>()
const cpuTimes = new Map<string, number>()
interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  /** Thread (CPU) time: unlike `dur`, it does not grow when other programs share the cores. */
  tdur?: number
  args?: { name?: string }
}

/**
 * Runs `work` under the CPU profiler when BENCH_PROFILE is set, adding its self times by
 * function to `phase` (printed by printProfile) and keeping the last profile on disk.
 */
export async function profiled(page: Page, phase: string, work: () => Promise<void>): Promise<void> {
  if (!PROFILE && !CPU_ONLY) return work()
  const cdp = await page.context().newCDPSession(page)
  if (PROFILE) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    mkdirSync(PROFILE, { recursive: true })
  }
  const categories = PROFILE ? (process.env.BENCH_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline') : 'devtools.timeline,disabled-by-default-devtools.timeline'
  await page.context().browser()!.startTracing(page, { categories: categories.split(',') })
  await work()
  const raw = (await page.context().browser()!.stopTracing()).toString('utf8')
  const trace = JSON.parse(raw) as { traceEvents: TraceEvent[] }
  if (PROFILE) writeFileSync(join(PROFILE, `${phase}.trace.json`), raw)
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const natives = nativeTimes.get(phase) ?? new Map<string, number>()
  nativeTimes.set(phase, natives)
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !main || e.tid !== main.tid || e.pid !== main.pid || !e.dur) continue
    natives.set(e.name, (natives.get(e.name) ?? 0) + e.dur / 1000)
    if (e.name === 'RunTask') cpuTimes.set(phase, (cpuTimes.get(phase) ?? 0) + (e.tdur ?? 0) / 1000)
  }
  if (!PROFILE) return void (await cdp.detach())
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  await cdp.detach()
  writeFileSync(join(PROFILE, `${phase}.cpuprofile`), JSON.stringify(profile))
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = selfTimes.get(phase) ?? new Map<string, number>()
  selfTimes.set(phase, self)
  profile.samples.forEach((id, i) => {
    const f = byNode.get(id)!.callFrame
    if (f.functionName === '(idle)') return
    const where = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
    self.set(where, (self.get(where) ?? 0) + profile.timeDeltas[i] / 1000)
  })
}

export function printProfile(phase: string, runs: number): void {
  if (CPU_ONLY && !PROFILE) return console.log(`  main thread CPU ${((cpuTimes.get(phase) ?? 0) / runs).toFixed(2)} ms a ${phase === 'typing' ? 'key' : 'run'}`)
  const self = selfTimes.get(phase)
  if (!self) return
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  console.log(`  profile of ${phase}: ${(total / runs).toFixed(1)} ms busy a run, main thread CPU ${((cpuTimes.get(phase) ?? 0) / runs).toFixed(1)} ms a run; top self times a run:`)
  for (const [where, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`    ${(ms / runs).toFixed(2).padStart(7)} ms  ${where}`)
  console.log('  trace events on the main thread a run (nested events counted in each):')
  for (const [name, ms] of [...(nativeTimes.get(phase) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.BENCH_TOP ?? 14))) console.log(`    ${(ms / runs).toFixed(2).padStart(7)} ms  ${name}`)
}

/** One interaction's figures: the first response against the budget, then the whole of it. */
export function print(name: string, responses: Response[], budget: number): void {
  const settled = responses.map((r) => r.settled)
  // The floor's names are indented under its heading.
  samples[name.startsWith(' ') ? `floor: ${name.trim()}` : name] = { budget, values: responses.map((r) => r.paint) }
  console.log(row(name, responses.map((r) => r.paint), budget))
  console.log(`${''.padEnd(4)}${'until the page settles'.padEnd(30)} median ${pct(settled, 50).toFixed(1).padStart(6)} ms   p95 ${pct(settled, 95).toFixed(1).padStart(6)} ms`)
}

export function row(name: string, values: number[], budget: number): string {
  const p95 = pct(values, 95)
  return `${name.padEnd(34)} median ${pct(values, 50).toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   (${values.length} samples, budget ${budget} ms: ${p95 <= budget ? 'within' : 'OVER'})`
}

export interface Response {
  /** From the input to the end of the first frame after it: the response the user sees first. */
  paint: number
  /** From the input to the end of the last frame that still changed something on the page. */
  settled: number
}

/**
 * Installs an in-page probe. For each key or mouse press it times, from the moment the page
 * receives it: the end of the next frame (the browser's main-thread work for it: handlers,
 * style, layout, paint), and the end of the last frame that still changed the page (a change
 * made a frame later, as the side panel is after work in the text, counts there), waiting
 * until three frames in a row change nothing.
 */
export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __responses: { paint: number; settled: number; at: number }[]; __pending: number; __probe: boolean }
    w.__responses = []
    w.__pending = 0
    let mutations = 0
    new MutationObserver((records) => (mutations += records.length)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
    // A task queued in a frame's animation callbacks runs once that frame is done. It is
    // queued at the highest priority, so it runs as soon as the frame is: a plain timeout
    // waited behind whatever else was queued (work deliberately moved after the frame, such
    // as the side panel following the text), and read up to 10 ms late at p95 against
    // Chromium's own trace of the frame.
    const scheduler = (globalThis as unknown as { scheduler?: { postTask(run: () => void, options: { priority: string }): Promise<void> } }).scheduler
    const afterFrame = (then: () => void): void =>
      void requestAnimationFrame(() => (scheduler ? void scheduler.postTask(then, { priority: 'user-blocking' }) : void setTimeout(then, 0)))
    for (const type of ['keydown', 'mousedown', 'click'] as const) {
      window.addEventListener(
        type,
        () => {
          if (!w.__probe) return
          const t0 = performance.now()
          w.__pending++
          afterFrame(() => {
            const paint = performance.now() - t0
            let settled = paint
            let seen = mutations
            let quiet = 0
            let frames = 0
            const next = (): void => {
              frames++
              if (mutations !== seen) {
                seen = mutations
                settled = performance.now() - t0
                quiet = 0
              } else quiet++
              if (quiet < 3 && frames < 60) return afterFrame(next)
              w.__responses.push({ paint, settled, at: t0 })
              w.__pending--
            }
            afterFrame(next)
          })
        },
        true
      )
    }
    w.__probe = true
  })
}

/** Runs `act` (one interaction: its key and mouse presses) and gives its slowest response, or with `lastInput` the response to its last press. */
export async function measure(page: Page, act: () => Promise<unknown>, options: { lastInput?: boolean } = {}): Promise<Response> {
  const settledNow = (): Promise<void> =>
    page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const w = window as unknown as { __pending: number }
          const poll = (): void => void (w.__pending === 0 ? resolve() : setTimeout(poll, 5))
          poll()
        })
    )
  await settledNow()
  await page.evaluate(() => ((window as unknown as { __responses: Response[] }).__responses = []))
  await act()
  await settledNow()
  const responses = await page.evaluate(() => (window as unknown as { __responses: (Response & { at: number })[] }).__responses)
  if (responses.length === 0) throw new Error('the probe saw no input')
  if (options.lastInput) {
    // A chord (Alt+Shift+C) is timed from its last key: the modifiers' own responses run from
    // earlier presses (the harness sends them a millisecond or two apart) to the same frame.
    const last = responses.reduce((a, b) => (b.at > a.at ? b : a))
    return { paint: last.paint, settled: last.settled }
  }
  return { paint: Math.max(...responses.map((r) => r.paint)), settled: Math.max(...responses.map((r) => r.settled)) }
}


/** Writes every sample printed so far to BENCH_SAMPLES, when it is set. */
export function writeSamples(): void {
  if (SAMPLES) writeFileSync(SAMPLES, JSON.stringify(samples, null, 1))
}
