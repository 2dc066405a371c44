import { quantitiesOf, sameQuantity, type Quantity } from './quantities'
import { fold, wordsOf } from './words'

/**
 * Whether two claims say the same thing, read as a checker would: their figures must be the
 * same figures ("$190 billion" = "$190bn", 6.8% ≠ 7.3%, 2025 ≠ 2024), the names in them must
 * agree (one may name fewer, not others: "Whitfield" fits "Governor Dana Whitfield", "Marlow
 * County" does not fit "Harbor County"), and then the more of their words they share, the
 * more alike they are.
 */

const STOPWORDS = new Set(
  `a an and are as at be been but by for from had has have he her his i in into is it its last more most next no not of on or our over said says
  she so than that the their them then there these they this those to up was we were what when which who will with would year years you`.split(/\s+/)
)

/** A word's stem, roughly: "recycles", "recycled" and "recycling" → "recycl". */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3)
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2)
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2)
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1)
  return w
}

export interface ClaimReading {
  /** Stems of the words that carry meaning (no figures, no small words). */
  words: Set<string>
  /** Folded names: words written with a capital that the claims do not also use in lower case. */
  names: Set<string>
  figures: Quantity[]
  /** Every word as written, for telling names from words that start a sentence. */
  lower: Set<string>
}

/** Reads a claim's words, names and figures. */
export function readClaim(text: string): ClaimReading {
  const words = new Set<string>()
  const capitals: string[] = []
  const lower = new Set<string>()
  for (const w of wordsOf(text)) {
    const raw = text.slice(w.start, w.end)
    if (/^\d/.test(w.folded)) continue
    if (raw[0] !== raw[0].toLowerCase()) capitals.push(w.folded)
    else lower.add(w.folded)
    if (!STOPWORDS.has(w.folded) && w.folded.length > 1) words.add(stem(w.folded))
  }
  const names = new Set(capitals.filter((c) => !STOPWORDS.has(c) && c.length > 1))
  return { words, names, figures: quantitiesOf(text), lower }
}

/** Each figure of one has its equal in the other, both ways. */
function figuresAgree(a: Quantity[], b: Quantity[]): boolean {
  return a.every((x) => b.some((y) => sameQuantity(x, y))) && b.every((y) => a.some((x) => sameQuantity(x, y)))
}

/** The names of each, less those the other uses as a plain word ("Rents" against "rents"). */
function namesAgree(a: ClaimReading, b: ClaimReading): boolean {
  const an = [...a.names].filter((n) => !b.lower.has(n) && !a.lower.has(n))
  const bn = [...b.names].filter((n) => !a.lower.has(n) && !b.lower.has(n))
  if (!an.length || !bn.length) return true
  const [small, large] = an.length <= bn.length ? [an, new Set(bn)] : [bn, new Set(an)]
  return small.every((n) => large.has(n))
}

/** 0 when the figures or names disagree; else how many of their words they share (Jaccard), and a little for each figure they share, 0–1. */
export function claimSimilarity(a: ClaimReading, b: ClaimReading): number {
  if (!figuresAgree(a.figures, b.figures) || !namesAgree(a, b)) return 0
  let shared = 0
  for (const w of a.words) if (b.words.has(w)) shared++
  const union = a.words.size + b.words.size - shared
  // Figures that agree say more than any word: "3.1%" and "since 2001" in both is rarely chance.
  const figures = Math.min(a.figures.length, b.figures.length)
  return Math.min(1, (union ? shared / union : 0) + 0.1 * Math.min(figures, 2))
}

/** The stems to look for among earlier claims (the index's candidates), most telling first. */
export function searchStems(r: ClaimReading): string[] {
  return [...r.words].filter((w) => w.length >= 3).map(fold)
}
