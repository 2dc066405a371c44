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
