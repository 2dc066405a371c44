import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterQuiet } from '../../src/renderer/editor/frame'

describe('afterQuiet: a run once things have been quiet', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('runs once, the given time after the last poke, however many pokes came before', async () => {
    let runs = 0
    const quiet = afterQuiet(100, () => runs++)
    for (let i = 0; i < 50; i++) {
      quiet.poke()
      await vi.advanceTimersByTimeAsync(10)
    }
    expect(runs).toBe(0)
    expect(quiet.pending).toBe(true)
    await vi.advanceTimersByTimeAsync(89)
    expect(runs).toBe(0)
    await vi.advanceTimersByTimeAsync(2)
    expect(runs).toBe(1)
    expect(quiet.pending).toBe(false)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(runs).toBe(1)
  })

  it('keeps one browser timer for a run of pokes', () => {
    const set = vi.spyOn(globalThis, 'setTimeout')
    const quiet = afterQuiet(100, () => {})
    for (let i = 0; i < 20; i++) quiet.poke()
    expect(set).toHaveBeenCalledTimes(1)
    quiet.cancel()
    set.mockRestore()
  })

  it('cancel stops it; a poke after that starts it again', async () => {
    let runs = 0
    const quiet = afterQuiet(50, () => runs++)
    quiet.poke()
    quiet.cancel()
    expect(quiet.pending).toBe(false)
    await vi.advanceTimersByTimeAsync(200)
    expect(runs).toBe(0)
    quiet.poke()
    await vi.advanceTimersByTimeAsync(50)
    expect(runs).toBe(1)
  })
})
