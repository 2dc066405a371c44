/**
 * What the engine knows about words an editor tags by hand: the source and cue of an
 * attribution ("Becker told reporters", "according to the finance department"), and the
 * speaker of a quotation from the attribution next to it. Both run on a keypress in an
 * article of any length, so they read only a window of text around the tagged words: enough
 * before them to resolve a pronoun (the engine looks back 3,000 characters) and the rest of
 * the paragraph after them.
 */
import type { SourceType } from '../domain'
import { findAttributions } from './attributions'
import { attributionWords, type FoundAttribution } from './attribution-types'
import { quoteOwners } from './quote-score'
import { findQuotes, type FoundQuote } from './quotes'
import { sourceTypeOf } from './source-type'
import { namedSource, RESOLVE_WINDOW } from './speakers'
import { sentences, tokenize, type Token } from './tokens'

/** An attribution's source and cue as the engine reads them in the tagged words. */
export interface AttributionDescription {
  /** Who: the source's name (a pronoun resolved to the name it stands for); '' when the words name no one. */
  sourceName: string
  /** The words that attribute: "said", "told", "according to", "said in a statement". */
  cue: string
  /** What kind of source, when the words say. */
  sourceType?: SourceType
}

/** The speaker of a quotation, named by the attribution next to it. */
export interface QuoteSpeaker {
  name: string
  /** Where the name is in the text (the name only, without an aside such as ", 58, who lives ..."). */
  start: number
  end: number
  /** The attribution's words (source and cue), to link to an attribution annotation over them. */
  attribution: { start: number; end: number } | null
}

// How much text after the tagged words is read: the rest of their paragraph and the next one, at most.
const AFTER = 2000

/** The engine's reading of a window of `text` around [start, end). */
interface Reading {
  /** Where the window starts in the text; every offset below is relative to it. */
  from: number
  text: string
  toks: Token[]
  quotes: FoundQuote[]
  found: FoundAttribution[]
}

/**
 * The window around [start, end): from a line start at least RESOLVE_WINDOW characters before
 * (or the text's start), to the end of the paragraph after the one `end` is in (capped).
 */
function windowOf(text: string, start: number, end: number): { from: number; to: number } {
  const back = Math.max(0, start - RESOLVE_WINDOW - 200)
  let from = back === 0 ? 0 : text.lastIndexOf('\n', back) + 1
  // A paragraph with no line break for pages: cut at a space instead.
  if (back - from > 2000) from = text.indexOf(' ', back) + 1
  let to = text.indexOf('\n', end)
  const next = to < 0 ? -1 : text.indexOf('\n', to + 1)
  to = next < 0 ? text.length : next
  return { from, to: Math.min(to, end + AFTER, text.length) }
}

/**
 * Reads the window around [start, end). With `asQuotation`, the words are taken for a
 * quotation of their own when no quotation the engine finds overlaps them; `added` is its index.
 */
function read(text: string, start: number, end: number, asQuotation = false): { r: Reading; added: number } {
  const { from, to } = windowOf(text, start, end)
  const w = text.slice(from, to)
  const toks = tokenize(w)
  const sents = sentences(w, toks)
  let quotes = findQuotes(w)
  let added = -1
  const s = start - from
  const e = end - from
  if (asQuotation && !quotes.some((q) => overlap(q.open, q.closeEnd, s, e) > 0)) {
    const q = asQuote(w, s, e)
    quotes = [...quotes, q].sort((x, y) => x.start - y.start)
    added = quotes.indexOf(q)
  }
  return { r: { from, text: w, toks, quotes, found: findAttributions(w, toks, sents, quotes) }, added }
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0))

// An aside after a name: ", 58,", ", the board's chair", ", who ...", ", R-Ohio", " (D-Conn.)", " — a teacher —".
const ASIDE = /(?:,\s*(?:\d|(?!(?:and|or)\b)\p{Ll}|(?:The|A|An)\s|[RDI]-\p{Lu})|\s+\(|\s+[\u2014\u2013]\s*|\s+--\s*)/u

/** The name in a source phrase: the phrase without an aside after it, and without trailing punctuation. */
function nameIn(phrase: string): string {
  const m = ASIDE.exec(phrase)
  const cut = m && m.index > 0 ? phrase.slice(0, m.index) : phrase
  return cut.replace(/[\s,;:\u2014\u2013-]+$/u, '')
}

/**
 * The type of the source of attribution `k`: from the name a pronoun stands for, and a lone
 * surname from its fuller mention earlier in the window ("Becker" after "Mayor Lorraine Becker").
 */
function typeOf(r: Reading, k: number, named: string): SourceType | undefined {
  const a = r.found[k]
  const own = a.source ? r.text.slice(r.toks[a.source.from].start, r.toks[a.source.to - 1].end) : ''
  const direct = sourceTypeOf(own)
  if (direct) return direct
  const byName = sourceTypeOf(named)
  if (byName || /\s/.test(named)) return byName
  // A single capitalised word: look for it ending a longer name before.
  for (let m = k - 1; m >= 0; m--) {
    const b = r.found[m]
    if (!b.source || b.source.to - b.source.from < 2) continue
    const full = nameIn(r.text.slice(r.toks[b.source.from].start, r.toks[b.source.to - 1].end))
    if (full.endsWith(' ' + named)) return sourceTypeOf(full)
  }
  return undefined
}

/**
 * The source and cue the engine finds in the words [start, end) an editor tagged as an
 * attribution ("Becker told reporters" → Becker, "told"), the source's name resolved when it
 * is a pronoun; null when the engine finds no cue in those words.
 */
export function describeAttribution(text: string, start: number, end: number): AttributionDescription | null {
  if (!(end > start) || start < 0 || end > text.length) return null
  const { r } = read(text, start, end)
  const s = start - r.from
  const e = end - r.from
  let best = -1
  let bestScore = -1
  r.found.forEach((a, k) => {
    const cueIn = overlap(a.cueStart, a.cueEnd, s, e)
    if (cueIn === 0) return
    const w = attributionWords(r.toks, a)
    // The cue wholly inside first, then the most of the attribution's words inside the tagged ones.
    const score = (cueIn === a.cueEnd - a.cueStart ? 1e6 : 0) + overlap(w.start, w.end, s, e) - (w.end - w.start - overlap(w.start, w.end, s, e)) / 1e3
    if (score > bestScore) {
      best = k
      bestScore = score
    }
  })
  if (best < 0) return null
  const a = r.found[best]
  const named = namedSource(r.text, r.toks, r.found, best)
  const sourceName = named ? nameIn(named.text) : ''
  const sourceType = a.source ? typeOf(r, best, sourceName) : undefined
  return { sourceName, cue: r.text.slice(a.cueStart, a.cueEnd), ...(sourceType ? { sourceType } : {}) }
}

const OPEN_MARK = /["\u201C\u2018'\u00AB\u201E]/
const CLOSE_MARK = /["\u201D\u2019'\u00BB\u201C]/

/** The tagged words as a quotation, its marks taken in when they stand right outside. */
function asQuote(w: string, s: number, e: number): FoundQuote {
  const open = OPEN_MARK.test(w[s - 1] ?? '') ? s - 1 : s
  const closeEnd = CLOSE_MARK.test(w[e] ?? '') ? e + 1 : e
  return { start: s, end: e, open, close: e, closeEnd, single: false }
}

/**
 * The speaker of the words [start, end) an editor tagged as a quote: the source (a pronoun
 * resolved to its name) of the attribution that speaks the quotation there, by the rules the
 * engine uses for its own quote suggestions. Words with no quotation marks are read as a
 * quotation of their own. Null when no attribution next to them names anyone.
 */
export function speakerForQuote(text: string, start: number, end: number): QuoteSpeaker | null {
  if (!(end > start) || start < 0 || end > text.length) return null
  const { r, added } = read(text, start, end, true)
  const s = start - r.from
  const e = end - r.from
  let n = added
  if (n < 0) {
    let most = 0
    r.quotes.forEach((q, i) => {
      const o = overlap(q.open, q.closeEnd, s, e)
      if (o > most) {
        most = o
        n = i
      }
    })
  }
  const k = n < 0 ? undefined : quoteOwners(r.found).get(n)
  if (k === undefined) return null
  const named = namedSource(r.text, r.toks, r.found, k)
  if (!named) return null
  const name = nameIn(named.text)
  const at = attributionWords(r.toks, r.found[k])
  return {
    name,
    start: r.from + named.start,
    end: r.from + named.start + name.length,
    attribution: { start: r.from + at.start, end: r.from + at.end }
  }
}
