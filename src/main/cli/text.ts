/** Text as the terminal shows it: clipped to a width, and rows in padded columns. */

/** `s` on one line, at most `n` characters (an ellipsis says it was cut). */
export function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ')
  return t.length > n ? `${t.slice(0, n - 1)}…` : t
}

/** A header and rows in columns as wide as their widest cell, two spaces apart. */
export function columns(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)))
  return [head, ...body].map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n')
}

/** "1 quote", "2 quotes". */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Words quoted for the terminal: in curly quotes unless they carry their own. */
export function quoted(words: string): string {
  return /^[“"‘']/.test(words) ? words : `“${words}”`
}
