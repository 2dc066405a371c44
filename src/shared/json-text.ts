import type { Result } from './errors'

/**
 * A value the store has already written as JSON text (SQLite's JSON functions build 10,000
 * annotations' JSON about three times faster than reading them as rows and stringifying
 * them). A door that sends JSON sends the text as it is; everyone else gets the value.
 */
export class JsonText {
  constructor(readonly text: string) {}

  /** The value, for a caller that wants objects (and for JSON.stringify, which then re-writes it). */
  toJSON(): unknown {
    return JSON.parse(this.text)
  }
}

/** What crosses a wire: a Result, or a successful value still as JSON text (see JsonText). */
export type WireResult = Result<unknown> | { ok: true; json: string }

/** A result as a door sends it over a wire: JSON text stays text. */
export function toWire(result: Result<unknown>): WireResult {
  return result.ok && result.value instanceof JsonText ? { ok: true, json: result.value.text } : result
}

/** A result as it came over a wire, with JSON text made a value again. */
export function fromWire(wire: WireResult): Result<unknown> {
  return 'json' in wire ? { ok: true, value: JSON.parse(wire.json) as unknown } : wire
}

/** A result as the body of an HTTP response: JSON text spliced in, not parsed and re-written. */
export function resultBody(result: Result<unknown>): string {
  return result.ok && result.value instanceof JsonText ? `{"ok":true,"value":${result.value.text}}` : JSON.stringify(result)
}
