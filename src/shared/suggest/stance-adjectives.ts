/**
 * Stance adjectives: "she is confident that ...", "aides were adamant that ...", "they remain
 * convinced that ...". A form of "be" (or "remain", "seem") with an adjective of certainty or
 * feeling, then a "that" clause: the verb and adjective are the cue, the subject the source.
 */
import { trim } from './attribution-content'
import type { Ctx, FoundAttribution } from './attribution-types'
import { isAuxiliary, PRONOUNS } from './lexicon'
import { sourceBefore } from './sources'

const ADJECTIVES = new Set(
  `confident convinced sure certain aware adamant insistent worried concerned hopeful optimistic
   pessimistic skeptical sceptical doubtful afraid fearful glad happy proud pleased thrilled
   disappointed angry upset furious satisfied positive clear unaware unconvinced unsure uncertain
   determined emphatic firm frustrated alarmed`.split(/\s+/)
)
const LINK = /^(?:is|was|were|are|am|be|been|being|remain|remains|remained|seem|seems|seemed|appear|appears|appeared|feel|feels|felt|became|become|becomes|grew|'s|'re|\u2019s|\u2019re)$/

/** Looks for "SUBJECT is ADJECTIVE that ..." with the adjective at token `i`. */
export function fromStanceAdjective(c: Ctx, i: number): FoundAttribution | null {
  const { text, toks, sent } = c
  if (!ADJECTIVES.has(toks[i].lower) || toks[i + 1]?.lower !== 'that' || i + 2 >= sent.to) return null
  // The verb group: adverbs and auxiliaries back from the adjective, with a linking verb among them.
  let j = i - 1
  while (j > sent.from && /^\p{Ll}+ly$/u.test(toks[j].text)) j--
  if (j <= sent.from || !LINK.test(toks[j].lower)) return null
  while (j - 1 > sent.from && (isAuxiliary(toks[j - 1].lower) || /^\p{Ll}+ly$/u.test(toks[j - 1].text))) j--
  const source = sourceBefore(toks, j - 1, sent.from)
  if (!source || source.to !== j || toks[source.from].lower === 'it' || toks[source.from].lower === 'that' || toks[source.from].lower === 'which') return null
  if (source.to - source.from === 1 && !PRONOUNS.has(toks[source.from].lower) && !/^\p{Lu}/u.test(toks[source.from].text) && !/s$/.test(toks[source.from].lower)) return null
  const content = trim(text, toks[i + 2].start, sent.end)
  if (!content) return null
  return { cueStart: toks[j].start, cueEnd: toks[i].end, source, content, quotes: [], score: 0.6 }
}
