/**
 * Links leave the app only for the user's browser, and only when they are plain web links.
 * The check is pure; opening is injected (Electron's `shell.openExternal` in the app).
 */

/** True for an absolute http(s) URL without user name or password; everything else is refused. */
export function isSafeExternalUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 8_000) return false
  // URL() trims and unescapes some characters; refuse what a browser would have to repair.
  if (value !== value.trim() || /[\u0000-\u001f\u007f\\]/.test(value)) return false
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (url.username || url.password) return false
  return url.hostname.length > 0
}

/** Opens `value` with `open` when it is a safe external link; says whether it did. */
export async function openExternalIfSafe(value: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  if (!isSafeExternalUrl(value)) return false
  await open(new URL(value).href)
  return true
}
