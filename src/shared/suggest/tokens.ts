/** Words, punctuation and sentences of an article, with their offsets. */
import { ABBREVIATIONS } from './lexicon'

export interface Token {
  start: number
  end: number
  text: string
  lower: string
}

export interface Sentence {
  start: number
  end: number
  /** Index of the first token and one past the last token of the sentence. */
  from: number
  to: number
}

const CONTRACTED = /^(he|she|it|they|we|i|you|who|that|there)([\u2019'](?:s|re|ve|ll|d|m))$/i

// A lawmaker's party and state, whose full stop is the state's abbreviation: "R-Ky.", "D-N.Y.".
const PARTY_STATE = /^[RDI]-\p{Lu}[\p{L}.]*$/u

const TOKEN =
  /\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\p{L}\p{N}]+(?:[\u2019'.\-&/][\p{L}\p{N}]+)*|''|``|--|\S/gu

/** Splits the text into tokens; an abbreviation keeps its full stop ("Mr.", "U.S."). */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  TOKEN.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TOKEN.exec(text)) !== null) {
    const start = m.index
    let end = start + m[0].length
    if (text[end] === '.' && /\p{L}/u.test(m[0])) {
      const low = m[0].toLowerCase()
      if (ABBREVIATIONS.has(low) || /^\p{Lu}$/u.test(m[0]) || /^(?:\p{L}\.)+\p{L}$/u.test(m[0]) || PARTY_STATE.test(m[0])) {
        end++
        TOKEN.lastIndex = end
      }
    }
    const t = text.slice(start, end)
    // A pronoun with its contracted verb is two tokens: "He’s" = "He" + "’s", "they'll" = "they" + "'ll".
    const c = CONTRACTED.exec(t)
    if (c) {
      const cut = start + c[1].length
      out.push({ start, end: cut, text: c[1], lower: c[1].toLowerCase() })
      out.push({ start: cut, end, text: c[2], lower: c[2].toLowerCase().replace('\u2019', "'") })
      continue
    }
    out.push({ start, end, text: t, lower: t.toLowerCase() })
  }
  return out
}

const CLOSERS = new Set(['"', '\u201D', '\u2019', "'", "''", ')', ']', '\u00BB'])
const STARTERS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'the', 'but', 'and', 'in', 'a', 'this', 'that', 'his', 'her'])

function startsSentence(tok: Token | undefined): boolean {
  if (!tok) return true
  return /^[\p{Lu}\p{N}"\u201C\u2018'\u00AB\u201E(\[\u2014]/u.test(tok.text)
}

/** Splits tokens into sentences: at . ! ? (after any closing marks) and at line breaks. */
export function sentences(text: string, tokens: Token[]): Sentence[] {
  const out: Sentence[] = []
  let from = 0
  const push = (to: number): void => {
    if (to > from) out.push({ start: tokens[from].start, end: tokens[to - 1].end, from, to })
    from = to
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    const next = tokens[i + 1]
    // A line break between two tokens always ends a sentence.
    if (next && text.slice(t.end, next.start).includes('\n')) {
      push(i + 1)
      continue
    }
    let end = -1
    if (t.text === '.' || t.text === '!' || t.text === '?' || t.text === '\u2026') end = i
    else if (t.text.endsWith('.') && t.text.length > 2 && (/^(?:\p{L}\.)+$/u.test(t.text) || PARTY_STATE.test(t.text))) {
      // "U.S." ends a sentence when a usual sentence opener follows it.
      if (next && STARTERS.has(next.lower) && /^\p{Lu}/u.test(next.text)) end = i
    }
    if (end < 0) continue
    let j = end + 1
    while (j < tokens.length && CLOSERS.has(tokens[j].text) && tokens[j].start === tokens[j - 1].end) j++
    const after = tokens[j]
    if (after && after.start === tokens[j - 1].end) continue
    if (!startsSentence(after)) continue
    push(j)
    i = j - 1
  }
  push(tokens.length)
  return out
}
