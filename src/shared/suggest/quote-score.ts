/**
 * Quote suggestions: each quotation found, scored by how likely it is someone's words (a
 * quote an attribution covers, one inside reported speech, a sentence of speech) rather than
 * words in marks that name something (a title, a nickname, a so-called term) or that no one
 * is said to have said, with its speaker and cue.
 */
import { lastAtOrBefore } from '../bsearch'
import type { FoundAttribution } from './attributions'
import { CUE_VERBS } from './lexicon'
import type { FoundQuote } from './quotes'
import type { Sentence, Token } from './tokens'
import { span, type QuoteSuggestion, type Span } from './types'

export interface QuoteContext {
  text: string
  toks: Token[]
  sents: Sentence[]
  quotes: FoundQuote[]
  found: FoundAttribution[]
  /** The named speaker of attribution `k` (a pronoun resolved to a name). */
  speakerOf: (k: number) => Span | null
}

/** What the words of a quotation and its surroundings say about it. */
interface QuoteSignals {
  words: number
  single: boolean
  /** An attribution takes the quote as its content: "“…,” she said". */
  attributed: boolean
  /** Inside reported speech: within an attribution's content, or in its sentence. */
  reported: boolean
  /** A reporting verb in the quote's sentence outside the quote, even with no source found. */
  cue: boolean
  /** Set up as a title or a name: "CNN's “Meet the Press”", "the so-called “Golden Week”". */
  named: boolean
  /** Capitalised As Titles Are, in a sentence that is not. */
  titleCase: boolean
  /** Single marks in copy that quotes speech with double ones (American style). */
  secondary: boolean
  /** A sentence of its own: opens its sentence, with a capital, and ends with its punctuation. */
  standalone: boolean
}

/** Which attribution speaks each quotation: quotation index → the first attribution that takes it. */
export function quoteOwners(found: readonly FoundAttribution[]): Map<number, number> {
  const owner = new Map<number, number>()
  found.forEach((a, k) => a.quotes.forEach((q) => owner.has(q) || owner.set(q, k)))
  return owner
}

/** One suggestion for every quotation, in the order of `c.quotes`. */
export function quoteSuggestions(c: QuoteContext): QuoteSuggestion[] {
  const owner = quoteOwners(c.found)
  const page = pageOf(c)
  return c.quotes.map((q, n) => {
    const k = owner.get(n)
    const a = k === undefined ? undefined : c.found[k]
    const score = scoreOf(quoteSignals(c, page, n, a !== undefined))
    return {
      kind: 'quote',
      ...span(c.text, q.start, q.end),
      score: Math.round(score * 100) / 100,
      speaker: k === undefined ? null : c.speakerOf(k),
      cue: a ? span(c.text, a.cueStart, a.cueEnd) : null
    }
  })
}

/** How likely a quotation is someone's words, from its signals. */
function scoreOf(s: QuoteSignals): number {
  // A title or a name set up as one is named, not said, whoever is talking around it.
  if (s.named) return 0.3
  // Copy that quotes speech in double marks keeps single ones for headlines, subheads and
  // scare quotes (a quote within a quote is inside its double marks and never reaches here).
  if (s.secondary) return 0.45
  if (s.attributed) return 0.95
  if (s.reported) return s.words <= 3 ? 0.7 : 0.85
  // A reporting verb nearby ("Trump called the plan “a disaster”") though no source was found.
  if (s.cue) return s.words <= 3 ? 0.6 : 0.8
  // A few words in marks, said by no one, are often a title, a nickname or scare quotes:
  // offered, but ranked below 0.5; unless they make a sentence of their own (“Not now!”).
  if (s.words <= 3) return s.standalone ? 0.6 : 0.35
  return s.single ? 0.6 : 0.75
}

/** What holds for the whole text: which sentences hold a cue, which marks quote speech. */
interface Page {
  cueSentences: Set<number>
  /** The text quotes with double marks at least as often as with single ones. */
  doubleStyle: boolean
}

/** Works out once per text what every quote's signals need. */
function pageOf(c: QuoteContext): Page {
  const cueSentences = new Set(c.found.map((f) => sentenceOf(c.sents, f.cueStart)))
  const singles = c.quotes.filter((q) => q.single).length
  return { cueSentences, doubleStyle: c.quotes.length - singles >= singles }
}

/** The index of the sentence a character falls in. */
function sentenceOf(sents: Sentence[], pos: number): number {
  return lastAtOrBefore(sents, (x) => x.start, pos)
}

/** The signals of quotation `n`; `attributed` when an attribution takes it as content. */
function quoteSignals(c: QuoteContext, page: Page, n: number, attributed: boolean): QuoteSignals {
  const { text, found } = c
  const q = c.quotes[n]
  const inside = text.slice(q.start, q.end)
  const words = inside.trim().split(/\s+/).length
  const reported = page.cueSentences.has(sentenceOf(c.sents, q.start)) || found.some((f) => f.content !== null && f.content.start <= q.open && q.closeEnd <= f.content.end + 1)
  const titleCase = isTitleCase(inside) && !isTitleCase(sentenceAround(c, q))
  return {
    words,
    single: q.single,
    attributed,
    reported,
    cue: cueInSentence(c, q),
    named: isNamed(text, q, titleCase),
    titleCase,
    secondary: q.single && page.doubleStyle,
    standalone: isStandalone(c, q, inside)
  }
}

// The weakest reporting verb that counts as a cue near a quote (0.6: stance verbs such as "called").
const CUE_STRENGTH = 0.6

/** Is there a reporting verb in the sentences the quote sits in, outside the quote? */
function cueInSentence(c: QuoteContext, q: FoundQuote): boolean {
  const { toks } = c
  const around = sentencesAround(c, q)
  if (!around) return false
  for (let i = around[0].from; i < around[1].to; i++) {
    const t = toks[i]
    if (t.start >= q.open && t.end <= q.closeEnd) continue
    if (t.text !== t.lower) continue
    const v = CUE_VERBS.get(t.lower)
    // Before the quote any reporting verb introduces it; after it, only a verb of saying ("…,” she said).
    if (v && v.strength >= CUE_STRENGTH && (t.end <= q.open || v.strength >= 1)) return true
    if (t.lower === 'according' && toks[i + 1]?.lower === 'to') return true
  }
  return false
}

/** Does the quote open its sentence, with a capital, and end with a sentence's punctuation? */
function isStandalone(c: QuoteContext, q: FoundQuote, inside: string): boolean {
  const sent = c.sents[sentenceOf(c.sents, q.open)]
  if (!sent || !/^[\s\u2014\u2013-]*$/.test(c.text.slice(sent.start, q.open))) return false
  return /^\s*\p{Lu}/u.test(inside) && /[.!?,\u2026]\s*$/.test(inside)
}

/** The text of the sentences the quote sits in, without the quote. */
function sentenceAround(c: QuoteContext, q: FoundQuote): string {
  const around = sentencesAround(c, q)
  const from = around ? around[0].start : q.open
  const to = around ? Math.max(around[1].end, q.closeEnd) : q.closeEnd
  return c.text.slice(from, q.open) + ' ' + c.text.slice(q.closeEnd, to)
}

/** The first and the last sentence the quote touches (a long quote spans several). */
function sentencesAround(c: QuoteContext, q: FoundQuote): [Sentence, Sentence] | null {
  const first = c.sents[sentenceOf(c.sents, q.open)]
  const last = c.sents[sentenceOf(c.sents, Math.max(q.open, q.closeEnd - 1))]
  return first && last ? [first, last] : null
}

// Short words a title leaves in lower case.
const MINOR = /^(?:a|an|the|and|or|but|nor|of|in|on|at|to|for|by|with|from|as|is|vs\.?|de|la|le|y)$/

/** Every word capitalised but the minor ones: "The Art of the Deal", "Meet the Press". */
function isTitleCase(s: string): boolean {
  const ws = s.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu)
  if (!ws || ws.length === 0) return false
  let big = 0
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]
    if (/^[\p{Lu}\p{N}]/u.test(w)) big++
    else if (i === 0 || !MINOR.test(w)) return false
  }
  return big > 0
}

// Words right before a quote that announce a name or a title, not what someone said.
const NAMING = /(?:\bso[- ]called|\bknown as|\bdubbed|\bnicknamed|\btitled|\bentitled|\bthe (?:word|words|phrase|term|label|slogan|motto|hashtag|nickname|name))\s*,?\s*$/i
// A kind of work before its title: "the book", "his 2012 memoir,", "the TV show".
const WORK = /\b(?:book|novel|memoir|biography|film|movie|documentary|show|series|sitcom|program|programme|podcast|song|album|play|musical|column|essay|op-ed|editorial|headline|ad|video|episode|magazine|newsletter|poem)\s*,?\s*$/i
// A role in a work: "author of", "host of", "star of".
const ROLE_OF = /\b(?:author|co-author|coauthor|host|co-host|star|creator|producer|director|editor|publisher)\s+of\s*$/i
// A programme named where someone appeared or spoke: "said on “Sunday Desk”", "an interview
// with “The Noon Hour”", "told “Morning Line”". Only what is written as a title is taken for one.
const ON_AIR = /\b(?:appear(?:s|ed|ing|ance)?|interview(?:s|ed)?|air(?:s|ed|ing)?|broadcast|said|says|spoke|speaking)\b(?:\s+[\p{L}\p{N}'\u2019.-]+){0,3}\s+(?:on|with)\s*$|\btold\s*$/iu
// After a title: a byline ("…,” by Jane Roe") or a role ("“Cake Boss” star").
const AFTER_TITLE = /^\s*,?\s*(?:by\s+\p{Lu}|(?:star|host|actor|actress|creator|author)\b)/u

/** Is the quote set up as a title or a name by the words around it? */
function isNamed(text: string, q: FoundQuote, titleCase: boolean): boolean {
  // Only what is written as a title is taken for one: "the phrase “self-deportation”" is words.
  if (!titleCase) return false
  const lineStart = text.lastIndexOf('\n', q.open) + 1
  const before = text.slice(Math.max(lineStart, q.open - 40), q.open)
  if (NAMING.test(before) || WORK.test(before) || ROLE_OF.test(before) || ON_AIR.test(before)) return true
  // A network's or an author's title: "CNN's “State of the Union”", "CBS' “60 Minutes”".
  if (/[\p{L}\p{N}](?:[\u2019']s|s[\u2019'])\s*$/iu.test(before)) return true
  return AFTER_TITLE.test(text.slice(q.closeEnd, q.closeEnd + 20))
}
