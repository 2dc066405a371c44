/// <reference lib="webworker" />
import { suggest } from '../shared/suggest'

// Runs the suggestion engine off the UI thread: typing never waits for it.
self.onmessage = (e: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = e.data
  try {
    self.postMessage({ id, suggestions: suggest(text, { names: true }) })
  } catch (err) {
    self.postMessage({ id, error: (err as Error).message })
  }
}
