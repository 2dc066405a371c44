import type { TextAnchor } from '../domain'

/** Characters of context kept either side of an annotation's exact text. */
export const CONTEXT_LENGTH = 32

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * The text-quote anchor of `text[start, end)`: offsets, exact text and up to 32 characters
 * of context either side (never cutting an emoji or other surrogate pair in half, so the
 * context survives a round trip through UTF-8).
 */
export function anchorFor(text: string, start: number, end: number, context = CONTEXT_LENGTH): TextAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(`anchorFor: [${start}, ${end}) is not a non-empty range of a ${text.length}-character text`)
  }
  let prefixStart = Math.max(0, start - context)
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1
  let suffixEnd = Math.min(text.length, end + context)
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd -= 1
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd)
  }
}
