/**
 * Noun phrases read backwards from their head: a name with its title and descriptors
 * ("Democratic presidential contender Hillary Clinton"), a determined common-noun phrase
 * ("the county clerk") or a quantity ("59 percent"). The building block of source phrases.
 */
import { CUE_VERBS, DETERMINERS, PRONOUNS, SOURCE_NOUNS, STOP_WORDS, TITLES } from './lexicon'
import type { Token } from './tokens'

/** A source phrase as token indices, `from` inclusive, `to` exclusive. */
export interface TokenRange {
  from: number
  to: number
}

export const isCap = (t: Token): boolean => /^[\p{Lu}\p{N}]/u.test(t.text) && !STOP_WORDS.has(t.lower)
export const isWord = (t: Token): boolean => /^[\p{L}\p{N}]/u.test(t.text)
const DAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|later|recently|week|month|year|morning|afternoon|evening|night)$/

/** Is token `i` one that can end (be the head of) a source phrase? */
function canHead(toks: Token[], i: number): boolean {
  const t = toks[i]
  if (!isWord(t)) return false
  if (PRONOUNS.has(t.lower)) return true
  if (SOURCE_NOUNS.has(t.lower) || TITLES.has(t.lower)) return true
  if (/[\u2019']s$/.test(t.lower) && SOURCE_NOUNS.has(t.lower.slice(0, -2))) return false
  return isCap(t) && !DAYS.test(t.lower)
}

/** Reads a noun phrase backwards from its head at token `end`: a name, a pronoun or a common-noun phrase. */
export function phraseBefore(toks: Token[], end: number, floor: number): TokenRange | null {
  let i = end
  // A short bracketed aside after a name: "Rep. Jane Roe (D-Ohio)".
  if (toks[i]?.text === ')') {
    let j = i - 1
    while (j > floor && j > i - 8 && toks[j].text !== '(') j--
    if (toks[j]?.text === '(' && j - 1 >= floor && canHead(toks, j - 1) && !PRONOUNS.has(toks[j - 1].lower)) {
      const inner = phraseBefore(toks, j - 1, floor)
      if (inner) return { from: inner.from, to: end + 1 }
    }
    return null
  }
  if (i < floor) return null
  if (!canHead(toks, i)) return commonPhraseBefore(toks, i, floor)
  const head = toks[i]
  // A capitalised adverb or function word opening the sentence is not a name: "Shortly".
  if ((i === floor || toks[i - 1].text === ',' ) && /^\p{Lu}\p{Ll}+ly$/u.test(head.text) && !/^(?:Kelly|Reilly|Daly|Connolly|Beverly|Emily|Ely)$/.test(head.text)) return null
  if (PRONOUNS.has(head.lower)) {
    if (head.lower === 'that' || head.lower === 'which') {
      const prev = toks[i - 1]
      if (!prev || !(SOURCE_NOUNS.has(prev.lower) || isCap(prev) || prev.text === ',')) return null
    }
    return { from: i, to: i + 1 }
  }
  let from = i
  let lower = 0
  for (let j = i - 1; j >= floor; j--) {
    const t = toks[j]
    if (DETERMINERS.has(t.lower) && t.lower !== 'that') {
      from = j
      break
    }
    if (STOP_WORDS.has(t.lower) && !(t.lower === 'of' || t.lower === 'for' || t.lower === 'the')) {
      // "of" / "for" join names: "Secretary of State", "Partnership for Growth".
      break
    }
    if ((t.lower === 'of' || t.lower === 'for') && !(toks[j - 1] && (isCap(toks[j - 1]) || TITLES.has(toks[j - 1].lower)))) break
    // A spaced hyphen is a dash, not a joint: "NEW YORK - Republican candidate Jo Hale".
    if (t.text === '-' && (toks[j - 1]?.end !== t.start || toks[j + 1].start !== t.end)) break
    if (t.lower === 'of' || t.lower === 'for' || t.text === '&' || t.text === '-') {
      from = j
      continue
    }
    // A plural name's possessive, written as its own apostrophe: "Sanders’ aides".
    if (/^[\u2019']$/.test(t.text) && j - 1 >= floor && /^\p{Lu}.*s$/u.test(toks[j - 1].text) && toks[j - 1].end === t.start) {
      from = --j
      continue
    }
    if (!isWord(t)) break
    if (PRONOUNS.has(t.lower)) break
    if (isCap(t) || TITLES.has(t.lower) || /^(?:his|her|their|its)$/.test(t.lower)) {
      from = j
      continue
    }
    if (/[\u2019']s$/.test(t.lower) || SOURCE_NOUNS.has(t.lower)) {
      from = j
      continue
    }
    // A few lower-case modifiers before a common noun: "state election officials".
    // Before a title, adjectives belong to it too: "Republican presidential candidate".
    const headIsNoun = SOURCE_NOUNS.has(head.lower) || TITLES.has(head.lower) || TITLES.has(toks[j + 1].lower) || SOURCE_NOUNS.has(toks[j + 1].lower)
    if (headIsNoun && lower < 2 && /^[\p{Ll}\-]+$/u.test(t.text) && (!/(?:ed|ing|ly)$/.test(t.lower) || ADJECTIVE_ED.test(t.lower))) {
      lower++
      from = j
      continue
    }
    // More modifiers belong to the phrase only when an article closes it: "a large local teachers group".
    if (headIsNoun) {
      const det = articleBefore(toks, j, floor)
      if (det >= 0) from = det
    }
    break
  }
  // Never start on a joining word.
  while (from < i && (toks[from].lower === 'of' || toks[from].lower === 'for' || toks[from].text === '&' || toks[from].text === '-')) from++
  return { from: isCap(head) ? descriptorsBefore(toks, from, floor) : from, to: i + 1 }
}

/** The article that opens a run of up to two more lower-case modifiers ending at `j`, or -1. */
function articleBefore(toks: Token[], j: number, floor: number): number {
  for (let k = j; k >= floor && k >= j - 2; k--) {
    const t = toks[k]
    if (/^(?:a|an|the)$/.test(t.lower)) return k
    if (!/^[\p{Ll}\-]+$/u.test(t.text) || STOP_WORDS.has(t.lower) || /(?:ly|ing)$/.test(t.lower) || CUE_VERBS.has(t.lower)) return -1
  }
  return -1
}

/**
 * Lower-case descriptors before a name belong to it when nothing but a determiner, a comma or a
 * function word comes before them: "billionaire hedge fund manager Paul Singer",
 * "Democratic presidential contender Hillary Clinton". Returns the new start.
 */
function descriptorsBefore(toks: Token[], from: number, floor: number): number {
  if (DETERMINERS.has(toks[from].lower)) return from
  let j = from - 1
  let words = 0
  while (j >= floor && words < 5) {
    const t = toks[j]
    if (STOP_WORDS.has(t.lower) || PRONOUNS.has(t.lower) || DETERMINERS.has(t.lower) || !/^[\p{L}][\p{L}\-]*$/u.test(t.text)) break
    // "the reason Obama is seeking", "the place officials say": the noun heads a relative clause.
    if (words === 0 && RELATIVE_HEAD.test(t.lower)) return from
    if (/^\p{Ll}/u.test(t.text) && (NOT_NOUN.test(t.lower) || CUE_VERBS.has(t.lower))) {
      // A participle describing the named person after an article: "a flabbergasted Jo Hale".
      const article = j - 1 >= floor && /^(?:a|an)$/.test(toks[j - 1].lower)
      return article && words === 0 && /(?:ed|ing)$/.test(t.lower) && !CUE_VERBS.has(t.lower) ? j - 1 : from
    }
    // Among the descriptors only party words and acronyms may be capitalised ("GOP strategist"):
    // "Clinton won Iowa" has a name, not a descriptor, before "won".
    if (/^\p{Lu}/u.test(t.text) && !TITLES.has(t.lower) && !/^\p{Lu}{2,}$/u.test(t.text) && j > floor) break
    words++
    j--
  }
  if (words === 0 || !toks.slice(j + 1, from).some((t) => /^\p{Ll}/u.test(t.text))) return from
  if (j < floor || !isWord(toks[j]) || STOP_WORDS.has(toks[j].lower)) return j + 1
  if (DETERMINERS.has(toks[j].lower) && toks[j].lower !== 'that') return j
  return from
}

// Nouns of time, which head a time phrase ("at one point", "a month later"), never a source.
const TIME_NOUN = /^(?:point|time|times|moment|moments|day|days|week|weeks|month|months|year|years|hour|hours|minute|minutes|night|nights|morning|afternoon|evening|weekend|decade|decades)$/

// Nouns that head a relative clause with its "that" left out, never a role before a name.
const RELATIVE_HEAD = /^(?:reason|reasons|place|places|way|ways|kind|sort|type|thing|things|time|times|day|moment|extent|degree|issue|question|problem|fact|idea|one|ones|dynamic|argument|case|message|point|mean|means)$/

// Nouns and adjectives that end in -ly like an adverb: "the rally denounced", "a Clinton ally suggested".
const NOT_ADVERB = /^(?:ally|rally|reply|family|supply|assembly|anomaly|homily|monopoly|tally|belly|bully|folly|lily|holy|ugly|silly|jolly|friendly|early|daily|weekly|monthly|yearly|elderly|lonely|lovely|costly|deadly|orderly|curly)$/

/** Is the token an adverb in -ly ("repeatedly", "quickly"), not a noun or adjective like "rally", "likely"? */
export function isAdverb(t: Token): boolean {
  return /^\p{Ll}+ly$/u.test(t.text) && !NOT_ADVERB.test(t.text)
}

export const QUANTITY_HEAD = /^(?:[a-z]+-(?:thirds?|quarters?|fifths?|tenths?)|percent|%|half|third|quarter|majority|minority|plurality|most|many|some|few|others|both|all|none|one|two|three|four|five|six|seven|eight|nine|ten|\d+)$/
export const NOT_NOUN = /(?:ly|ing|ed)$/
// Participles that describe people before a noun: "registered voters", "elected officials".
const ADJECTIVE_ED = /^(?:registered|elected|undecided|unaffiliated|retired|educated|college-educated|married|unmarried|unnamed|disaffected|frustrated|concerned|committed)$/
// Spelled-out numbers above ten: "Twenty-four percent", "eleven".
const NUMBER_WORD = /^(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)$/

/**
 * A common-noun phrase that opens with a determiner ("the moderator", "one California
 * delegate", "his advisers") or a quantity ("59 percent", "nearly half", "two in three").
 */
function commonPhraseBefore(toks: Token[], i: number, floor: number): TokenRange | null {
  const head = toks[i]
  if (!/^[\p{Ll}%\d]/u.test(head.text) || STOP_WORDS.has(head.lower) || PRONOUNS.has(head.lower) || TIME_NOUN.test(head.lower)) return null
  if (QUANTITY_HEAD.test(head.lower)) {
    let j = i
    while (j - 1 >= floor && (/^(?:\d[\d.,]*|percent|in|of|about|nearly|almost|roughly|some|only|just|more|than|fewer|less|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|half|third|mere|paltry|fully|over|under)$/i.test(toks[j - 1].lower) || NUMBER_WORD.test(toks[j - 1].lower))) j--
    while (j < i && /^(?:in|of|than)$/.test(toks[j].lower)) j++
    return { from: j, to: i + 1 }
  }
  // An -ing word is a noun after a possessive ("Monday's meeting") or a determiner that opens the
  // phrase or follows a preposition ("familiar with the planning"); not "to leave the building said".
  const prev = i - 1 >= floor ? toks[i - 1] : undefined
  const pp = i - 2 >= floor ? toks[i - 2] : undefined
  const opens = !pp || /^(?:of|with|for|on|about|at|in|from|by)$/.test(pp.lower)
  const gerund = /ing$/.test(head.lower) && prev !== undefined && ((/^(?:the|a|an|his|her|their|its|our)$/.test(prev.lower) && opens) || /[\u2019']s$/.test(prev.lower))
  if (NOT_NOUN.test(head.lower) && !SOURCE_NOUNS.has(head.lower) && !gerund) return null
  let lower = 0
  for (let j = i - 1; j >= floor && j >= i - 5; j--) {
    const t = toks[j]
    if (DETERMINERS.has(t.lower) && t.lower !== 'that' && t.lower !== 'this') return { from: j, to: i + 1 }
    // A name's possessive takes the whole name: "Fox News's reporting".
    if (/[\u2019']s$/.test(t.lower) && /^\p{Lu}/u.test(t.text)) return { from: phraseBefore(toks, j, floor)?.from ?? j, to: i + 1 }
    // A common-noun possessive is a modifier: "the paper's editorial board".
    if (/^\p{Ll}+[\u2019']s$/u.test(t.text)) continue
    if (isCap(t) || TITLES.has(t.lower)) continue
    // Modifiers may be participles ("the unsigned opinion", "an embattled governor"), not adverbs.
    if (STOP_WORDS.has(t.lower) || !/^[\p{Ll}\-]+$/u.test(t.text) || /(?:ly|ing)$/.test(t.lower) || ++lower > 2) return null
  }
  return null
}
