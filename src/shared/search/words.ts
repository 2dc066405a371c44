import type { SearchTerm, SnippetPart } from './types'

/**
 * Words as the search index sees them (SQLite FTS5's unicode61 tokenizer with
 * remove_diacritics 2): runs of letters, digits and marks, lower-cased, accents off. The
 * snippets and "what matched" are worked out here with the same rules, so what is highlighted
 * is what the index found.
 */

export interface Word {
  start: number
  end: number
  /** Lower case, accents off. */
  folded: string
}

const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu

/** A word folded as the index folds it: "Café" → "cafe". */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The words of a text with their offsets. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) })
  return out
}

/** The folded words of a piece of a query ("6.8%" → ["6", "8"]; "$" → []). */
export function queryWords(s: string): string[] {
  return wordsOf(s)
    .map((w) => w.folded)
    .filter(Boolean)
}

function wordMatches(w: string, want: string, prefix: boolean): boolean {
  return prefix ? w.startsWith(want) : w === want
}

/** Where the terms occur in `text`: each occurrence from its first word's start to its last word's end, in order. */
export function findTerms(text: string, terms: readonly SearchTerm[], words: Word[] = wordsOf(text)): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  for (let i = 0; i < words.length; i++) {
    for (const t of terms) {
      const n = t.words.length
      if (n === 0 || i + n > words.length) continue
      let ok = true
      for (let k = 0; k < n && ok; k++) ok = wordMatches(words[i + k].folded, t.words[k], t.prefix && k === n - 1)
      if (ok) {
        out.push({ start: words[i].start, end: words[i + n - 1].end })
        break
      }
    }
  }
  return out
}

/**
 * A snippet of `text` around the terms: the stretch of about `span` words holding the most
 * occurrences, with an ellipsis where the text goes on. Without occurrences, its beginning.
 */
export function snippet(text: string, terms: readonly SearchTerm[], span = 28): SnippetPart[] {
  const words = wordsOf(text)
  const hits = findTerms(text, terms, words)
  if (words.length === 0) return text ? [{ text: clip(text, 200), hit: false }] : []
  // The window of `span` words, starting a little before an occurrence, that holds the most.
  let from = 0
  if (hits.length && words.length > span) {
    const index = new Map(words.map((w, i) => [w.start, i]))
    const at = hits.slice(0, 200).map((x) => index.get(x.start) ?? 0)
    let best = -1
    for (const first of at) {
      const lo = Math.max(0, Math.min(first - 4, words.length - span))
      const count = at.filter((i) => i >= lo && i < lo + span).length
      if (count > best) {
        best = count
        from = lo
      }
    }
  }
  const to = Math.min(words.length, from + span)
  const start = from === 0 ? 0 : words[from].start
  const end = to === words.length ? text.length : words[to - 1].end
  const parts: SnippetPart[] = []
  if (start > 0) parts.push({ text: '…', hit: false })
  let at = start
  for (const x of hits) {
    if (x.start < start || x.end > end) continue
    if (x.start > at) parts.push({ text: text.slice(at, x.start), hit: false })
    parts.push({ text: text.slice(x.start, x.end), hit: true })
    at = x.end
  }
  if (end > at) parts.push({ text: text.slice(at, end), hit: false })
  if (end < text.length) parts.push({ text: '…', hit: false })
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }))
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s
}
