/** Runs `run` once, when the next frame is painted: a task queued in its animation callbacks. */
export function afterNextFrame(run: () => void): void {
  let done = false
  const once = (): void => {
    if (done) return
    done = true
    run()
  }
  requestAnimationFrame(() => setTimeout(once, 0))
  // A hidden window gets no frames: do not keep the caller waiting for one.
  setTimeout(once, 250)
}

/** Runs `run` when the page is next idle (at most `timeoutMs` late), or at once where the browser cannot say. */
export function whenIdle(run: () => void, timeoutMs = 1000): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback
  if (ric) ric(run, { timeout: timeoutMs })
  else run()
}

/**
 * Resolves once the page has nothing more urgent to do: a pause between slices of long work.
 * A background task where the browser has them (they run one after another while the page is
 * free, and after any input or frame waiting); else an idle callback (one an idle period: at
 * most one every 50 ms on a page that is doing nothing).
 */
export function idle(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask(run: () => void, options: { priority: 'background' }): Promise<void> } }).scheduler
  if (scheduler) return scheduler.postTask(() => {}, { priority: 'background' })
  return new Promise((resolve) => whenIdle(resolve))
}

/** A timer that runs once things have been quiet for a while: see `afterQuiet`. */
export interface QuietTimer {
  /** Something happened: the quiet starts again from now. */
  poke(): void
  /** Stops the timer without running it. */
  cancel(): void
  /** Whether a run is waiting for the quiet. */
  readonly pending: boolean
}

/**
 * Runs `run` once `ms` have passed since the last `poke()`. One timer serves a whole run of
 * pokes: a key typed in a long article pokes several of these, and clearing and setting a
 * browser timer each time cost ~0.2 ms of the key. A timer that fires early waits out the rest.
 */
export function afterQuiet(ms: number, run: () => void): QuietTimer {
  let timer: ReturnType<typeof setTimeout> | null = null
  let last = 0
  const wait = (delay: number): void => {
    timer = setTimeout(() => {
      const left = last + ms - Date.now()
      if (left > 0) return wait(left)
      timer = null
      run()
    }, delay)
  }
  return {
    poke() {
      last = Date.now()
      if (timer === null) wait(ms)
    },
    cancel() {
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
    get pending() {
      return timer !== null
    }
  }
}
