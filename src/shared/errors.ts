/**
 * Errors are values with a code at every boundary (IPC, HTTP, command line). Inside the
 * core a `CopydeskError` is thrown with a specific message; the doors turn it into a
 * `Result` so nothing crosses a boundary as a crash.
 */
export type ErrorCode =
  | 'invalid_input' // the request does not match the contract
  | 'not_found' // no such article or annotation
  | 'unsupported_format' // a file type Copydesk does not read
  | 'empty_file'
  | 'file_too_large'
  | 'corrupt_file' // the file claims a format it is not in
  | 'conflict' // the article changed since it was loaded
  | 'forbidden' // someone else's to change (another person's comment)
  | 'database_too_new' // the data file was written by a newer Copydesk
  | 'unauthorized' // HTTP door: missing or wrong token, foreign origin
  | 'busy' // another program kept the library busy for longer than Copydesk waits
  | 'disk_full' // the disk (or the library's size limit) has no room for the change
  | 'read_only' // the library can be read but not written (a read-only file or folder)
  | 'database_damaged' // the library file is damaged or is not a Copydesk library
  | 'internal'

export interface CopydeskErrorValue {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CopydeskErrorValue }

export class CopydeskError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'CopydeskError'
    this.code = code
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

/** Turns anything thrown into an error value; unexpected errors keep a plain message. */
export function toErrorValue(err: unknown): CopydeskErrorValue {
  if (err instanceof CopydeskError) return { code: err.code, message: err.message }
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'internal', message: `Something went wrong inside Copydesk: ${message}` }
}
