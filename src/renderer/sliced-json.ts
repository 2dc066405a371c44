/**
 * JSON for a large request, written a few milliseconds at a time. A save of a 20,000-word
 * article with 2,000 annotations is ~1 MB of JSON: written and wrapped in a Blob in one go it
 * held the page for 40–55 ms, so a key pressed meanwhile waited that long for its frame.
 */

/** Text gathered before it becomes a Blob of its own (~1 ms of the page's time each). */
const BLOB_CHARS = 32_768

/**
 * The JSON text of `value` in parts, in order: joined, they are `JSON.stringify(value)`. The
 * top object and the objects in it are written a property at a time, arrays down to the third
 * level an element at a time (a long article's paragraphs, its annotations, each a part of its
 * own), so that a caller can stop between any two parts. Deeper values are written whole.
 */
export function* jsonParts(value: unknown, depth = 0): Generator<string, void, undefined> {
  if (!walks(value, depth)) {
    yield leaf(value)
    return
  }
  if (Array.isArray(value)) {
    yield '['
    for (let i = 0; i < value.length; i++) {
      const sep = i > 0 ? ',' : ''
      if (walks(value[i], depth + 1)) {
        if (sep) yield sep
        yield* jsonParts(value[i], depth + 1)
      } else yield sep + leaf(value[i])
    }
    yield ']'
    return
  }
  yield '{'
  let first = true
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key]
    // As JSON.stringify does: a property with no JSON of its own is left out.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
    const name = `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    if (walks(v, depth + 1)) {
      yield name
      yield* jsonParts(v, depth + 1)
    } else yield name + leaf(v)
  }
  yield '}'
}

/** A value written whole; as JSON.stringify does in an array, one with no JSON of its own is null. */
function leaf(value: unknown): string {
  return JSON.stringify(value) ?? 'null'
}

/** Whether `value`, found `depth` levels down, is written a part at a time (see jsonParts). */
function walks(value: unknown, depth: number): value is object {
  if (value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) return depth < 3
  // An object that writes its own JSON (a Date) is written whole.
  return depth < 2 && typeof (value as { toJSON?: unknown }).toJSON !== 'function'
}

export interface SliceOptions {
  /** Waits for the next moment the page is free; without it the whole is written at once. */
  pause?: () => Promise<void>
  /** How long one slice may hold the page before it pauses, in ms. */
  sliceMs?: number
  /** The clock (tests give their own). */
  now?: () => number
}

/**
 * `JSON.stringify(value)` as a Blob, written in slices of at most ~`sliceMs` with `pause()`
 * before each: a key pressed meanwhile waits for one slice, not the whole. A Blob is also what
 * Chromium sends cheaply: posting a 1.5 MB string held the page for 60–130 ms, a Blob 1–6 ms.
 * The value must not change until the promise settles.
 */
export async function jsonBlob(value: unknown, options: SliceOptions = {}): Promise<Blob> {
  const { pause, sliceMs = 4, now = () => performance.now() } = options
  const blobs: Blob[] = []
  let text: string[] = []
  let chars = 0
  const seal = (): void => {
    if (chars === 0) return
    blobs.push(new Blob(text))
    text = []
    chars = 0
  }
  if (pause) await pause()
  let sliceStart = now()
  for (const part of jsonParts(value)) {
    text.push(part)
    chars += part.length
    if (chars >= BLOB_CHARS) seal()
    if (pause && now() - sliceStart >= sliceMs) {
      await pause()
      sliceStart = now()
    }
  }
  seal()
  // Joining the pieces takes a few ms of its own (and the caller's send follows it).
  if (pause) await pause()
  return new Blob(blobs, { type: 'application/json' })
}
