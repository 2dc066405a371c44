/**
 * Verb frames around a cue word: a raising verb that names no source ("seemed"), an
 * infinitive led by a verb of causing ("led the governor to declare"), and a base form that
 * is a plural present after a subject ("those surveyed say").
 */
import { CUE_VERBS, DETERMINERS, PRONOUNS, STOP_WORDS, type CueVerb } from './lexicon'
import { isAdverb } from './source-phrases'
import { sourceBefore, type TokenRange } from './sources'
import type { Token } from './tokens'

// Verbs whose subject is what they judge, not who judges: "the race appears closer".
export const RAISING = new Set(['seem', 'appear'])

// Verbs of causing whose object says or does what the infinitive after it names: "led him to say".
const CAUSING = /^(?:lead|leads|led|leading|prompt|prompts|prompted|prompting|force|forces|forced|forcing|cause|causes|caused|causing|leave|leaves|left|leaving|spur|spurs|spurred|spurring)$/

/** Is the "to" at `to` led by a verb of causing and its object ("prompted the senator to")? */
export function controlled(toks: Token[], to: number, floor: number): boolean {
  const obj = to - 1 >= floor ? sourceBefore(toks, to - 1, floor) : null
  return obj !== null && obj.to === to && obj.from - 1 >= floor && CAUSING.test(toks[obj.from - 1].lower)
}

// Verbs of saying whose base form is hardly ever a noun (unlike "tweet", "note", "claim").
const PLURAL_PRESENT = /^(?:say|argue|insist|contend|acknowledge|predict|suggest|warn|agree|believe)$/

/**
 * Does the base form at `i` follow the last word of a subject, making it a plural present
 * ("those surveyed say", "nine out of 10 say", "official data suggest")? Not after a
 * determiner, a function word, a pronoun, an adverb or another verb ("the final say" aside).
 */
export function afterSubject(toks: Token[], i: number, floor: number, verb: CueVerb): boolean {
  const prev = i - 1 >= floor ? toks[i - 1] : undefined
  if (!prev || verb.strength < 1 || !PLURAL_PRESENT.test(verb.base)) return false
  if (STOP_WORDS.has(prev.lower) || DETERMINERS.has(prev.lower) || PRONOUNS.has(prev.lower) || CUE_VERBS.has(prev.lower)) return false
  // After an article the word must be a plural noun: "the women say", not "the final say".
  const pp = i - 2 >= floor ? toks[i - 2] : undefined
  if (pp && /^(?:a|an|the)$/.test(pp.lower) && !/(?:[^s]s|^(?:women|men|people|police|children))$/.test(prev.lower)) return false
  return /^[\p{Ll}\d%]/u.test(prev.text) && !/(?:ly|ing)$/.test(prev.lower)
}

// Verbs that label what they take: "known as", "seen as", "described as", "deemed".
const LABELLING = /^(?:know|see|view|regard|consider|deem|describe|identify|mention|label|brand|dub|intend|characterize|characterise|portray|cast|hail)$/

/**
 * Is the participle at `i` (verb group from `c0`) a passive that labels the noun before it,
 * "a group known as ...", "three names prominently mentioned as ..."? Then that noun is what
 * is labelled, not a source. Not after a relative ("which friends described as ...").
 */
export function labelledBefore(toks: Token[], i: number, c0: number, source: TokenRange | null): boolean {
  if (!source || toks[i + 1]?.lower !== 'as' || !LABELLING.test(CUE_VERBS.get(toks[i].lower)?.base ?? '')) return false
  if (CUE_VERBS.get(toks[i].lower)?.form !== 'past' || PRONOUNS.has(toks[source.from].lower)) return false
  if (/^(?:which|that|whom|who|what)$/.test(toks[source.from - 1]?.lower ?? '')) return false
  return toks.slice(c0, i).every((t) => isAdverb(t) || /^(?:now|once|also|often|still)$/.test(t.lower))
}
