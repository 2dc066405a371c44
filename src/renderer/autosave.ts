/**
 * Autosave: a change schedules a save after a short pause in typing; saves never overlap;
 * a change made during a save is saved right after it; a failed save keeps the changes and
 * says so. The save itself is injected, so this runs (and is tested) without a page.
 */
import { afterQuiet, idle, whenIdle, type QuietTimer } from './editor/frame'

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error'

export interface AutosaveOptions {
  /**
   * Saves what changed. `pause` is given to the save after a pause in typing, to await between
   * its parts: it waits for a moment the page is free, and stops waiting once a save is asked
   * for. It is absent when the save was asked for (leaving the article, closing the window,
   * trying again): that one must not wait.
   */
  save: (pause?: () => Promise<void>) => Promise<void>
  delayMs?: number
  onStatus: (status: SaveStatus, error?: Error) => void
  /**
   * Runs a pause's save when the page is next idle, so that a save (serialising a long
   * article and its annotations takes several milliseconds) never lands between a key and
   * its frame. Defaults to requestIdleCallback (at most 1 s late), or at once without it.
   */
  whenIdle?: (run: () => void) => void
  /** What `pause` waits for. Defaults to `idle`. */
  idle?: () => Promise<void>
}

export class Autosaver {
  /** The pause in typing after which a save starts. */
  private readonly pause: QuietTimer
  private running: Promise<void> | null = null
  private dirty = false
  /** Set when a save is asked for: the save under way stops pausing between its parts. */
  private hurried = false
  /** The pauses the save under way is waiting on. */
  private readonly waiting = new Set<() => void>()

  constructor(private readonly options: AutosaveOptions) {
    this.pause = afterQuiet(options.delayMs ?? 600, () =>
      (this.options.whenIdle ?? whenIdle)(() => {
        // Flushed (or changed again) in the meantime: that call or the next pause saves.
        if (!this.pause.pending) void this.flush(false).catch(() => {})
      })
    )
  }

  /** A pause between a save's parts: until the page is free, or at once if a save was asked for. */
  private readonly between = (): Promise<void> => {
    if (this.hurried) return Promise.resolve()
    return new Promise((resolve) => {
      this.waiting.add(resolve)
      void (this.options.idle ?? idle)().then(() => {
        this.waiting.delete(resolve)
        resolve()
      })
    })
  }

  private hurry(): void {
    this.hurried = true
    for (const resolve of this.waiting) resolve()
    this.waiting.clear()
  }

  /** Set by `discard`: changes are no longer saved. */
  private discarded = false

  /** Something changed: save soon. */
  changed(): void {
    if (this.discarded) return
    this.dirty = true
    this.options.onStatus('unsaved')
    this.pause.poke()
  }

  /** Whether `discard` was called. */
  get wasDiscarded(): boolean {
    return this.discarded
  }

  get hasUnsavedChanges(): boolean {
    return !this.discarded && (this.dirty || this.running !== null)
  }

  /** Saves now if anything is unsaved; resolves when everything so far is saved. */
  async flush(urgent = true): Promise<void> {
    this.pause.cancel()
    while (this.running) {
      // A save asked for does not wait behind one that pauses for idle moments.
      if (urgent) this.hurry()
      await this.running.catch(() => {})
    }
    if (!this.dirty || this.discarded) return
    this.dirty = false
    this.hurried = urgent
    this.options.onStatus('saving')
    this.running = this.options.save(urgent ? undefined : this.between)
    try {
      await this.running
      this.running = null
      if (this.dirty) return this.flush(urgent)
      this.options.onStatus('saved')
    } catch (err) {
      this.running = null
      this.dirty = true
      this.options.onStatus('error', err as Error)
      throw err
    }
  }

  /**
   * Forgets what is unsaved (the editor chose to leave it: see ArticleView): nothing more is
   * saved, and leaving does not try again.
   */
  discard(): void {
    this.pause.cancel()
    this.dirty = false
    this.discarded = true
  }

  dispose(): void {
    this.pause.cancel()
  }
}
