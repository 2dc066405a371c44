import { suggest, type Suggestion } from '../shared/suggest'
import { whenIdle } from './editor/frame'

type Pending = { resolve: (s: Suggestion[]) => void; reject: (e: Error) => void }

let worker: Worker | null | undefined
let nextId = 1
const pending = new Map<number, Pending>()

function getWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./suggest-worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<{ id: number; suggestions?: Suggestion[]; error?: string }>) => {
      const p = pending.get(e.data.id)
      pending.delete(e.data.id)
      if (!p) return
      if (e.data.error) p.reject(new Error(e.data.error))
      else p.resolve(e.data.suggestions ?? [])
    }
    worker.onerror = () => {
      // A worker that cannot start (a locked-down page) falls back to the main thread.
      worker = null
      for (const [id, p] of pending) {
        pending.delete(id)
        setTimeout(() => p.resolve(suggest(textOf.get(id) ?? '')), 0)
      }
    }
  } catch {
    worker = null
  }
  return worker
}

const textOf = new Map<number, string>()

/** Suggestions for a text, computed in a worker (or, failing that, in a later task). */
export function requestSuggestions(text: string): Promise<Suggestion[]> {
  const w = getWorker()
  if (!w) return new Promise((resolve) => setTimeout(() => resolve(suggest(text)), 0))
  const id = nextId++
  textOf.set(id, text)
  return new Promise<Suggestion[]>((resolve, reject) => {
    pending.set(id, {
      resolve: (s) => {
        textOf.delete(id)
        resolve(s)
      },
      reject
    })
    w.postMessage({ id, text })
  })
}

/**
 * Starts the engine ahead of the first article, in idle time while the library shows: a
 * worker's start (~20 ms of the main thread in Chromium) otherwise lands in the opening of
 * a long article. Its first request (an empty text) loads the engine's code in the worker.
 */
export function startSuggestionEngine(): void {
  whenIdle(() => void requestSuggestions('').catch(() => {}), 2000)
}
