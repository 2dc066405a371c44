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
 * Resolves when the page is next idle (at most 1 s late): a pause between slices of long work.
 * An idle period ends before a frame the page owes, so a slice never holds back the frame
 * after a key (a background-priority task can run between the two); but idle periods come
 * once a frame, or every 50 ms on a page doing nothing, so sliced work takes longer to finish.
 */
export function idle(): Promise<void> {
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
