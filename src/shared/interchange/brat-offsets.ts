/**
 * brat counts offsets in code points (it is written in Python); Copydesk counts UTF-16 code
 * units (JavaScript string indices). They differ only after a character outside the Basic
 * Multilingual Plane (most emoji), so the tables are built only when the text has one.
 */
export interface OffsetMap {
  /** Code-point length of the text. */
  length: number
  toCodePoint(utf16: number): number
  toUtf16(codePoint: number): number
}

export function offsetMap(text: string): OffsetMap {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
    return { length: text.length, toCodePoint: (i) => i, toUtf16: (i) => i }
  }
  const utf16ToCp = new Int32Array(text.length + 1)
  const cpToUtf16: number[] = []
  let cp = 0
  for (let i = 0; i < text.length; i++) {
    utf16ToCp[i] = cp
    cpToUtf16.push(i)
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) utf16ToCp[++i] = cp
    }
    cp++
  }
  utf16ToCp[text.length] = cp
  cpToUtf16.push(text.length)
  return {
    length: cp,
    toCodePoint: (i) => utf16ToCp[Math.max(0, Math.min(text.length, i))],
    toUtf16: (i) => cpToUtf16[Math.max(0, Math.min(cp, i))]
  }
}
