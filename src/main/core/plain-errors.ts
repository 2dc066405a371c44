import { CopydeskError } from '../../shared/errors'

/**
 * The unexpected failures an editor can still act on, in words: input nested deeper than the
 * code can follow, a full disk, a file Copydesk may not use. Anything else is left as it is,
 * for the doors to report as a fault in Copydesk itself.
 */
export function plainError(err: unknown): unknown {
  if (err instanceof CopydeskError) return err
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return new CopydeskError(
      'invalid_input',
      'This is nested too deeply for Copydesk to read (more levels inside levels than it can follow). Simplify it, or save it as plain text, and try again.'
    )
  }
  const { code, path } = (err ?? {}) as { code?: unknown; path?: unknown }
  const where = typeof path === 'string' ? ` (${path})` : ''
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new CopydeskError('disk_full', `The disk is full${where}, so this could not be written. Free some space on it, then try again.`)
  }
  if (code === 'EROFS') {
    return new CopydeskError('read_only', `That disk can only be read${where}, so nothing could be written there. Choose a place you can write to.`)
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new CopydeskError('read_only', `Copydesk is not allowed to use ${typeof path === 'string' ? path : 'that file'}. Check its permissions, or choose another place.`)
  }
  return err
}
