/**
 * Nominal cues: a noun of saying after its owner's possessive, with what was said after it:
 * "his claim that ...", "the mayor’s warning that ...", "her complaint: “...”".
 */
import { quoteAfter, trim } from './attribution-content'
import type { Ctx, FoundAttribution } from './attribution-types'
import { CUE_PHRASES, CUE_VERBS } from './lexicon'
import { phraseBefore } from './source-phrases'
import type { TokenRange } from './sources'
import type { Token } from './tokens'

// Nouns that name an act of saying or a stated view, singular and plural (hand-written).
// Nouns of intent ("his pledge to ...", "her plan to ...") are left out: they name a plan more often than words.
const SAYING_NOUN =
  /^(?:claims?|assertions?|statements?|remarks?|comments?|arguments?|warnings?|suggestions?|insistence|charges?|accusations?|allegations?|predictions?|assurances?|contention|concession|admission|denials?|declarations?|announcements?|explanation|boasts?|complaints?|criticism|view|belief|hope|fear|concerns?|worry|conviction)$/

const POSSESSIVE_PRONOUN = /^(?:his|her|their|its|our|my)$/

// Words before the owner that make the noun their object or complement: "repeated his claim",
// "in his remarks", "asked about her comments". The verb before is the cue then, or there is none.
const GOVERNING_WORD = /^(?:in|of|about|over|with|to|from)$/

/** The owner before the noun at `i`: a possessive pronoun or a name with ’s ("Mayor Jo Hale’s"). */
function ownerBefore(toks: Token[], i: number, floor: number): TokenRange | null {
  const prev = toks[i - 1]
  if (!prev || i - 1 < floor) return null
  if (POSSESSIVE_PRONOUN.test(prev.lower)) return { from: i - 1, to: i }
  if (/^\p{Lu}.*[\u2019']s$/u.test(prev.text)) {
    const np = phraseBefore(toks, i - 1, floor)
    return np && np.to === i ? np : { from: i - 1, to: i }
  }
  return null
}

/** Is the owner the object of a cue verb or a preposition ("reiterated his claim", "in her remarks")? */
function governed(toks: Token[], owner: TokenRange, floor: number): boolean {
  const g = owner.from - 1 >= floor ? toks[owner.from - 1] : undefined
  return g !== undefined && (CUE_VERBS.has(g.lower) || CUE_PHRASES.has(g.lower) || GOVERNING_WORD.test(g.lower))
}

/** Where a complement clause from token `j` ends: before a comma, a colon, a dash or a bracket. */
function clauseEnd(c: Ctx, j: number): number {
  const { toks, sent } = c
  let k = j
  while (k < sent.to && !/^[,;:()\u2014\u2013]$/.test(toks[k].text)) k++
  return toks[k - 1].end
}

/**
 * "his claim that ...", "Hale’s warning: “...”": a noun of saying at token `i`, owned by the
 * possessive before it, followed by a that-clause or a quotation after a colon.
 */
export function fromNominal(c: Ctx, i: number): FoundAttribution | null {
  const { text, toks, sent } = c
  const t = toks[i]
  if (!SAYING_NOUN.test(t.lower)) return null
  const source = ownerBefore(toks, i, sent.from)
  if (!source || governed(toks, source, sent.from)) return null
  const next = toks[i + 1]
  if (!next || i + 2 >= sent.to) return null
  const qa = quoteAfter(c, t.end)
  if (qa >= 0 && next.text === ':') {
    const q = c.quotes[qa]
    return { cueStart: t.start, cueEnd: t.end, source, content: { start: q.start, end: q.end }, quotes: [qa], score: 0.55 }
  }
  if (next.lower !== 'that') return null
  const content = trim(text, toks[i + 2].start, clauseEnd(c, i + 2))
  return content ? { cueStart: t.start, cueEnd: t.end, source, content, quotes: [], score: 0.55 } : null
}
