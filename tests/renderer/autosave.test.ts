import { describe, expect, it, vi } from 'vitest'
import { Autosaver, type SaveStatus } from '../../src/renderer/autosave'

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void
  let reject!: (e: Error) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('autosave', () => {
  it('saves once after a burst of changes and reports unsaved → saving → saved', async () => {
    const statuses: SaveStatus[] = []
    let saves = 0
    const a = new Autosaver({ delayMs: 20, save: async () => void saves++, onStatus: (s) => statuses.push(s) })
    a.changed()
    a.changed()
    a.changed()
    await new Promise((r) => setTimeout(r, 60))
    expect(saves).toBe(1)
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual(['unsaved', 'saving', 'saved'])
  })

  it('keeps waiting while changes keep coming, then saves once', async () => {
    vi.useFakeTimers()
    try {
      let saves = 0
      const a = new Autosaver({ delayMs: 30, save: async () => void saves++, onStatus: () => {}, whenIdle: (run) => run() })
      // A change every 5 ms for 120 ms: four times the pause, and never a pause.
      for (let t = 0; t < 24; t++) {
        a.changed()
        await vi.advanceTimersByTimeAsync(5)
      }
      expect(saves).toBe(0)
      // The last change came 5 ms ago: the save is due 30 ms after it.
      await vi.advanceTimersByTimeAsync(24)
      expect(saves).toBe(0)
      await vi.advanceTimersByTimeAsync(2)
      expect(saves).toBe(1)
      a.dispose()
    } finally {
      vi.useRealTimers()
    }
  })

  it('a change made while saving is saved right after, never in parallel', async () => {
    const pending = [deferred(), deferred()]
    let calls = 0
    let running = 0
    let overlap = false
    const a = new Autosaver({
      delayMs: 1000,
      onStatus: () => {},
      save: () => {
        overlap ||= running > 0
        running++
        const d = pending[calls++]
        return d.promise.finally(() => running--)
      }
    })
    a.changed()
    const first = a.flush()
    a.changed()
    pending[0].resolve()
    await Promise.resolve()
    pending[1].resolve()
    await first
    await a.flush()
    expect(calls).toBe(2)
    expect(overlap).toBe(false)
    expect(a.hasUnsavedChanges).toBe(false)
    a.dispose()
  })

  it('a failed save keeps the changes unsaved, says so, and the next try saves them', async () => {
    const statuses: SaveStatus[] = []
    let fail = true
    let saved = 0
    const a = new Autosaver({
      delayMs: 1000,
      onStatus: (s) => statuses.push(s),
      save: async () => {
        if (fail) throw new Error('disk full')
        saved++
      }
    })
    a.changed()
    await expect(a.flush()).rejects.toThrow('disk full')
    expect(statuses.at(-1)).toBe('error')
    expect(a.hasUnsavedChanges).toBe(true)
    fail = false
    await a.flush()
    expect(saved).toBe(1)
    expect(statuses.at(-1)).toBe('saved')
    a.dispose()
  })

  it('saves after the pause only when the page is idle, and not at all when typing resumed meanwhile', async () => {
    const idle: (() => void)[] = []
    let saves = 0
    const a = new Autosaver({ delayMs: 10, save: async () => void saves++, onStatus: () => {}, whenIdle: (run) => void idle.push(run) })
    a.changed()
    await new Promise((r) => setTimeout(r, 30))
    expect(saves).toBe(0)
    expect(idle).toHaveLength(1)
    a.changed() // typing again before the page was idle: this pause's save is dropped
    idle.shift()!()
    await new Promise((r) => setTimeout(r, 0))
    expect(saves).toBe(0)
    await new Promise((r) => setTimeout(r, 30))
    idle.shift()!()
    await new Promise((r) => setTimeout(r, 0))
    expect(saves).toBe(1)
    expect(a.hasUnsavedChanges).toBe(false)
    a.dispose()
  })

  it('gives a pause to the save after a pause in typing, none to a save asked for', async () => {
    const paused: boolean[] = []
    const a = new Autosaver({ delayMs: 10, save: async (pause) => void paused.push(pause !== undefined), onStatus: () => {}, whenIdle: (run) => run() })
    a.changed()
    await new Promise((r) => setTimeout(r, 30))
    a.changed()
    await a.flush()
    expect(paused).toEqual([true, false])
    // A change made during a pause's save is saved right after it, still without hurry.
    const later: boolean[] = []
    let first = true
    const b = new Autosaver({
      delayMs: 10,
      onStatus: () => {},
      whenIdle: (run) => run(),
      save: async (pause) => {
        later.push(pause !== undefined)
        if (first) b.changed()
        first = false
      }
    })
    b.changed()
    await new Promise((r) => setTimeout(r, 30))
    expect(later).toEqual([true, true])
    b.dispose()
  })

  it("a save asked for hurries the pause's save under way: its pauses stop waiting for idle moments", async () => {
    // Idle moments that never come unless the test lets them.
    const idleMoments: (() => void)[] = []
    const parts: string[] = []
    const a = new Autosaver({
      delayMs: 10,
      onStatus: () => {},
      whenIdle: (run) => run(),
      idle: () => new Promise<void>((resolve) => void idleMoments.push(resolve)),
      save: async (pause) => {
        for (const part of ['one', 'two', 'three']) {
          if (pause) await pause()
          parts.push(part)
        }
      }
    })
    a.changed()
    await new Promise((r) => setTimeout(r, 30))
    // The pause's save waits for its first idle moment; one comes, then it waits for the next.
    expect(idleMoments).toHaveLength(1)
    idleMoments.shift()!()
    await new Promise((r) => setTimeout(r, 0))
    expect(parts).toEqual(['one'])
    expect(idleMoments).toHaveLength(1)
    // The user closes the article: the save under way finishes without waiting, then this one.
    a.changed()
    await a.flush()
    expect(parts).toEqual(['one', 'two', 'three', 'one', 'two', 'three'])
    expect(a.hasUnsavedChanges).toBe(false)
    // The next pause's save waits for idle moments again.
    a.changed()
    await new Promise((r) => setTimeout(r, 30))
    expect(idleMoments.length).toBeGreaterThan(1)
    expect(parts).toHaveLength(6)
    a.dispose()
  })
})
