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
