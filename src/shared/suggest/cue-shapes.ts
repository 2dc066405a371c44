/**
 * Cue shapes: the verb group around a cue word ("has repeatedly said", "are likely to say"),
 * where the cue ends ("said in a statement"), and whether a cue word is speech here at all
 * ("his claims", "a group called ...", headlines in title case).
 */
import { CHAIN_HEAD, isAuxiliary, NOUN_LIKE, PARTICLE, SOURCE_NOUNS, type CuePhrase, type CueVerb, type VerbForm } from './lexicon'
import { appositiveBefore } from './source-asides'
import { isAdverb } from './source-phrases'
import type { TokenRange } from './sources'
import type { Sentence, Token } from './tokens'

// Verbs whose object names the listener, skipped before the reported speech: "told reporters".
export const LISTENER_VERBS = new Set(['tell', 'ask', 'urge', 'remind', 'warn', 'assure', 'inform', 'promise'])

/** Finds the verb group around cue verb `i`: auxiliaries and adverbs before it. */
export function verbGroupStart(toks: Token[], i: number, floor: number): number {
  let j = i - 1
  // Capitalised, "First" or "Will" is part of a name ("Citizens First said"), not of the verb group.
  // A headline's "Just" ("Trump Just Announced ...") is still part of it.
  while (j >= floor && ((isAuxiliary(toks[j].lower) && (!/^\p{Lu}/u.test(toks[j].text) || toks[j].text === 'Just')) || isAdverb(toks[j]))) j--
  return j + 1
}

const GO = /^(?:go|goes|went|going|gone)$/

/**
 * Where a chain ending in "to" before the verb group at `c0` starts ("are more likely to"),
 * or -1 when the word before "to" does not lead a chain (an infinitive: "stood up to say").
 */
export function chainStart(toks: Token[], c0: number, floor: number): number {
  let h = c0 - 2
  if (h > floor && toks[h].lower === 'on' && GO.test(toks[h - 1].lower)) h--
  else if (h < floor || !CHAIN_HEAD.test(toks[h].lower)) return -1
  let j = h - 1
  while (j >= floor && (isAuxiliary(toks[j].lower) || isAdverb(toks[j]) || /^(?:more|less|most|much|far|even|very|so|as|too)$/.test(toks[j].lower))) j--
  return j + 1
}

// The set phrase "said in a statement" keeps its tail; other settings ("in an email", "in a speech") stay out.
const MEDIUM = /^(?:statement|release|memo|e-mail)$/

/** Where a cue ends: "said in a statement", "said:" and "said of" keep their tail. */
export function cueTail(toks: Token[], j: number, end: number, verb: CueVerb): number {
  const t = toks[j]
  if (!t || j >= end) return j
  // Phrasal cues: "called for", "called on", "pointed to".
  if (PARTICLE[verb.base] !== undefined && PARTICLE[verb.base].includes(t.lower)) return j + 1
  // An adverb may stand between: "spoke favorably of", "talked openly about".
  if (PARTICLE[verb.base] !== undefined && /^\p{Ll}+ly$/u.test(t.text) && j + 1 < end && PARTICLE[verb.base].includes(toks[j + 1].lower)) return j + 2
  if (t.text === ':') return j + 1
  if (t.lower === 'in' && toks[j + 1] && /^(?:a|an|the)$/.test(toks[j + 1].lower)) {
    for (let k = j + 2; k < Math.min(end, j + 5); k++) {
      if (MEDIUM.test(toks[k].lower)) return toks[k + 1]?.text === ':' ? k + 2 : k + 1
    }
  }
  return j
}

export const PERSONAL = /^(?:he|she|they|i|we|you|it|who|that|which)$/
export const DISCOURSE = /^(?:however|though|too|meanwhile|instead|nonetheless|nevertheless|moreover|likewise|similarly|alone)$/
// Subjects that take a verb's base form: "they say", "experts predict", "most voters want".
const PLURAL_SUBJECT = /^(?:they|we|i|you|who|that|which|people|some|many|most|others|few|both|all|none)$/
// Verbs whose complement "to ..." is what is attributed: "he wants to", "she plans to".
export const TAKES_TO = new Set([
  'want', 'plan', 'hope', 'expect', 'intend', 'decide', 'promise', 'vow', 'pledge', 'threaten', 'refuse',
  'decline', 'urge', 'ask', 'tell', 'agree', 'seek', 'offer', 'prefer', 'wish', 'seem', 'appear', 'claim',
  'determine', 'call', 'propose', 'demand', 'fear', 'forget', 'remember'
])
// Cues that only attribute when a quotation sits right beside them: "he continued: ...".
export const QUOTE_ONLY = new Set(['continue', 'begin', 'start'])
// Speech verbs that attribute only with something reported (a quotation, a clause, an object): not "explained patiently".
export const NEEDS_REPORT = new Set(['explain', 'recall', 'conclude'])
// Words that open a reported clause, letting a quote-only cue attribute it: "explained how ...".
export const CLAUSE_OPENER = /^(?:that|how|why|what|whether|where|when)$/

/** Is the source phrase plural ("they", "voters", "Clinton and Sanders"), so that it takes a base form? */
export function isPlural(toks: Token[], r: TokenRange): boolean {
  // The head noun: before "there" / "themselves" and before a complement ("organizers in Ohio").
  let h = r.to - 1
  while (h > r.from && /^(?:there|here|themselves|alone)$/.test(toks[h].lower)) h--
  for (let k = r.from + 1; k < h; k++) {
    if (/^(?:in|of|at|for|from|with|on|by|to|close|familiar|inside|within|near|across|around|among|who|that)$/.test(toks[k].lower) || /^\p{Ll}+ed$/u.test(toks[k].text)) {
      h = k - 1
      break
    }
  }
  const last = toks[h].lower
  if (PLURAL_SUBJECT.test(last)) return true
  if (/^(?:\d[\d.,]*|%|percent|majority|minority|half|third|quarter|plurality|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions|two-thirds|three-quarters)$/.test(last)) return true
  if (toks.slice(r.from, h).some((t) => t.lower === 'and')) return true
  return /[^s']s$/.test(last) && (SOURCE_NOUNS.has(last) || /^\p{Lu}/u.test(toks[h].text) || /^[\p{Ll}]+s$/u.test(last))
}

// Quantities that stand as plural subjects: "About three-quarters support ...", "most oppose".
const QUANTITY = /^(?:\d[\d.,]*|percent|%|half|majority|most|many|some|few|all|both|others|two-thirds|three-quarters|one-third|one-quarter)$/

/** Is the noun-like verb form at `i` ("claims", "calls", "plans") used as a verb here? */
function nounLikeIsVerb(toks: Token[], i: number, c0: number, floor: number, form: VerbForm): boolean {
  if (c0 < i) return true
  const prev = toks[i - 1]
  if (!prev || i - 1 < floor) return false
  if (/^(?:he|she|it|who|that|which)$/.test(prev.lower)) return true
  // After a source and its aside: "Jo Hale, the county treasurer, calls the plan a farce".
  if (prev.text === ',' && form === 'third') return appositiveBefore(toks, i - 1, floor) !== null
  // A base form after a plural subject: "they fear", "party leaders hope".
  if (form === 'base' && (/^(?:they|we|i|you)$/.test(prev.lower) || (SOURCE_NOUNS.has(prev.lower) && /s$/.test(prev.lower)) || QUANTITY.test(prev.lower))) return true
  // "the United States", "Western states": a capitalised word before "states" is no subject.
  if (toks[i].lower === 'states') return false
  // A name just before: "Trump claims", but not "his claims", "the Trump plan".
  if (/[\u2019']s$/.test(prev.lower) || /^(?:s|\u2019s|'s)$/.test(prev.lower)) return false
  if (/^\p{Lu}/u.test(prev.text) && !/^(?:his|her|their|its|the|a|an|our|my|your|this|that|these|those)$/.test(prev.lower)) {
    const pp = toks[i - 2]
    return !pp || !/^(?:the|a|an|his|her|their|its|our|my|your)$/.test(pp.lower) || /^\p{Lu}/u.test(pp.text)
  }
  // "The report claims", "a new study finds".
  return SOURCE_NOUNS.has(prev.lower) && !/s$/.test(prev.lower) && i - 2 >= floor && /^(?:the|a|an|this|that)$/.test(toks[i - 2].lower)
}

/**
 * Is the cue word at `i` (verb group from `c0`) a noun or a verb that reports nothing here?
 * "his claims", "Editor’s note:", "a group called Ginbot 7", "added to the uncertainty".
 */
export function notSpeech(toks: Token[], i: number, c0: number, floor: number, verb: CueVerb): boolean {
  const before = toks[i - 1]
  // A quantity standing alone is the subject of a base form that cannot be a noun: "most believe", "few say".
  // So does a past or -s form of a verb of saying: "many said", "several noted"; not after an
  // article, where the quantity is a determiner ("a few tweets", "the most pledged delegates").
  const sayingForm = (verb.form === 'past' || verb.form === 'third') && verb.strength === 1 && !NOUN_LIKE.has(verb.base)
  const quantitySubject = ((verb.form === 'base' && !NOUN_LIKE.has(verb.base)) || sayingForm) && before !== undefined && /^(?:some|many|most|several|few)$/.test(before.lower) && !/^(?:a|an|the)$/.test(toks[i - 2]?.lower ?? '')
  if (before && !quantitySubject && /^(?:the|a|an|his|her|their|its|our|my|your|this|these|those|of|for|in|on|with|no|any|every|each|some|many|most|other|several|few)$/.test(before.lower)) return true
  if (NOUN_LIKE.has(verb.base) && verb.base !== 'show' && verb.base !== 'find' && (verb.form === 'third' || verb.form === 'base') && !nounLikeIsVerb(toks, i, c0, floor, verb.form)) return true
  // "called" after a common noun and before a name only names something.
  if (verb.base === 'call' && c0 === i && before && /^\p{Ll}/u.test(before.text) && !PERSONAL.test(before.lower) && /^\p{Lu}/u.test(toks[i + 1]?.text ?? '')) return true
  if (verb.base === 'add' && toks[i + 1]?.lower === 'to') return true
  // A possessive before the word makes it a noun.
  return before !== undefined && c0 === i && /[\u2019']s$/.test(before.lower)
}

// A form of "be" in the verb group makes a past participle passive: "was asked", "is seen".
export const BE = /^(?:is|was|were|are|be|been|being|'s|'re)$/

/** Where a phrase cue at verb `i` ends ("made it clear" -> after "clear"), or -1 when no tail follows. */
export function phraseEnd(toks: Token[], i: number, sent: Sentence, phrase: CuePhrase): number {
  for (const tail of phrase.tails) {
    if (i + tail.length >= sent.to) continue
    const fits = tail.every((w, k) => {
      const t = toks[i + 1 + k].lower
      return w === '*' ? /^(?:his|her|their|its|my|our|your)$/.test(t) : w === t
    })
    if (fits) return i + 1 + tail.length
  }
  return -1
}

const HEADLINE_LOWER = /^(?:a|an|the|and|or|but|nor|for|of|to|in|on|at|by|with|as|vs\.?)$/

/** Is the sentence a headline in title case ("Trump Says He Will Win")? Its verbs are capitalised too. */
export function isTitleCase(toks: Token[], sent: Sentence): boolean {
  let words = 0
  let caps = 0
  for (let k = sent.from; k < sent.to; k++) {
    const t = toks[k]
    // Title case leaves short function words in lower case: "Pence Calls for a Special Prosecutor".
    if (!/^\p{L}/u.test(t.text) || HEADLINE_LOWER.test(t.text)) continue
    words++
    if (/^\p{Lu}/u.test(t.text)) caps++
  }
  return words >= 4 && caps >= 0.8 * words
}

/** ", citing ...", ", adding ...": a participle after a comma starts an attribution of its own. */
export function afterCommaParticiple(toks: Token[], i: number, verb: CueVerb): boolean {
  return verb.form === 'ing' && toks[i - 1]?.text === ','
}
