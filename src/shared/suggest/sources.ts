/**
 * Source phrases: the noun phrase that says who is speaking ("Sen. Jane Roe", "a White
 * House official", "he", "experts"), read backwards from before a cue or forwards after one,
 * and pronouns resolved to the nearest fitting named source.
 */
import { CUE_VERBS, DETERMINERS, PERSON_PRONOUNS, PRONOUNS, SOURCE_NOUNS, STOP_WORDS, TITLES } from './lexicon'
import type { Token } from './tokens'

/** A source phrase as token indices, `from` inclusive, `to` exclusive. */
export interface TokenRange {
  from: number
  to: number
}

const isCap = (t: Token): boolean => /^[\p{Lu}\p{N}]/u.test(t.text) && !STOP_WORDS.has(t.lower)
const isWord = (t: Token): boolean => /^[\p{L}\p{N}]/u.test(t.text)
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

/**
 * Skips a time phrase ending at token `i` ("on Tuesday", "last week", "Monday") and returns
 * the index just before it; `i` itself when there is none.
 */
export function skipTime(toks: Token[], i: number, floor: number): number {
  let j = i
  if (j >= floor && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|year|earlier|later|recently|morning|afternoon|evening|night)$/.test(toks[j].lower)) {
    j--
    while (j >= floor && /^(?:on|last|this|next|early|late|on|that|the|earlier|in|friday|saturday|sunday|monday|tuesday|wednesday|thursday)$/.test(toks[j].lower)) j--
    return j
  }
  return i
}

const REFLEXIVE = /^(?:himself|herself|themselves|itself|myself|ourselves)$/
const CONNECTOR = /^(?:of|in|at|for|from|with|on|by|to|close|closer|familiar|inside|within|near|outside|among|across|around|throughout)$/

/**
 * Reads a source phrase backwards from token `end` (its last token); null when there is none.
 * Takes in a reflexive ("Cruz himself"), "there" ("polls there"), names joined by "and"
 * ("Forbes and Wealth-X") and a complement after a common noun ("organizers in Cleveland",
 * "sources close to her campaign", "a study by the Pew Research Center").
 */
export function sourceBefore(toks: Token[], end: number, floor: number): TokenRange | null {
  let e = end
  if (e > floor && (REFLEXIVE.test(toks[e].lower) || /^(?:there|here|alone)$/.test(toks[e].lower))) e--
  let r = phraseBefore(toks, e, floor)
  if (!r) return null
  if (e !== end) {
    if (/^(?:there|here)$/.test(toks[end].lower) && !SOURCE_NOUNS.has(toks[e].lower)) return null
    r = { from: r.from, to: end + 1 }
  }
  for (let round = 0; round < 3; round++) {
    let k = r.from - 1
    let joins = 0
    while (k > floor && joins < 2 && CONNECTOR.test(toks[k].lower)) {
      k--
      joins++
    }
    if (joins > 0 && k >= floor) {
      const t = toks[k]
      const head = SOURCE_NOUNS.has(t.lower) || TITLES.has(t.lower) || (/^\p{Lu}/u.test(t.text) && !STOP_WORDS.has(t.lower) && joins === 1 && /^(?:of|for|at|in)$/.test(toks[k + 1].lower))
      if (!head || PRONOUNS.has(t.lower)) break
      // "close" / "familiar" need their own word after them: "close to", "familiar with".
      if (/^(?:close|closer|familiar)$/.test(toks[k + 1].lower) && joins < 2) break
      const inner = phraseBefore(toks, k, floor)
      if (!inner || inner.to !== k + 1 || PRONOUNS.has(toks[inner.from].lower)) break
      r = { from: inner.from, to: r.to }
      continue
    }
    // Names joined by "and": "Forbes and Wealth-X", "Clinton and Sanders".
    if (k > floor && toks[k].lower === 'and' && /^\p{Lu}/u.test(toks[r.from].text) && /^\p{Lu}/u.test(toks[k - 1].text) && !STOP_WORDS.has(toks[k - 1].lower)) {
      const inner = phraseBefore(toks, k - 1, floor)
      if (inner && inner.to === k && !PRONOUNS.has(toks[inner.from].lower)) {
        r = { from: inner.from, to: r.to }
        continue
      }
    }
    break
  }
  return r
}

function phraseBefore(toks: Token[], end: number, floor: number): TokenRange | null {
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
    if (t.lower === 'of' || t.lower === 'for' || t.text === '&' || t.text === '-') {
      from = j
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
    if (headIsNoun && lower < 2 && /^[\p{Ll}\-]+$/u.test(t.text) && !/(?:ed|ing|ly)$/.test(t.lower)) {
      lower++
      from = j
      continue
    }
    break
  }
  // Never start on a joining word.
  while (from < i && (toks[from].lower === 'of' || toks[from].lower === 'for' || toks[from].text === '&')) from++
  return { from, to: i + 1 }
}

const QUANTITY_HEAD = /^(?:percent|%|half|third|quarter|majority|minority|plurality|most|many|some|few|others|both|all|none|one|two|three|four|five|six|seven|eight|nine|ten|\d+)$/
const NOT_NOUN = /(?:ly|ing|ed)$/

/**
 * A common-noun phrase that opens with a determiner ("the moderator", "one California
 * delegate", "his advisers") or a quantity ("59 percent", "nearly half", "two in three").
 */
function commonPhraseBefore(toks: Token[], i: number, floor: number): TokenRange | null {
  const head = toks[i]
  if (!/^[\p{Ll}%\d]/u.test(head.text) || STOP_WORDS.has(head.lower) || PRONOUNS.has(head.lower)) return null
  if (QUANTITY_HEAD.test(head.lower)) {
    let j = i
    while (j - 1 >= floor && (/^(?:\d[\d.,]*|percent|in|of|about|nearly|almost|roughly|some|only|just|more|than|fewer|less|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|half|third|mere|paltry|fully|over|under)$/i.test(toks[j - 1].lower))) j--
    while (j < i && /^(?:in|of|than)$/.test(toks[j].lower)) j++
    return { from: j, to: i + 1 }
  }
  if (NOT_NOUN.test(head.lower) && !SOURCE_NOUNS.has(head.lower)) return null
  let lower = 0
  for (let j = i - 1; j >= floor && j >= i - 5; j--) {
    const t = toks[j]
    if (DETERMINERS.has(t.lower) && t.lower !== 'that' && t.lower !== 'this') return { from: j, to: i + 1 }
    if (/[\u2019']s$/.test(t.lower) && /^\p{Lu}/u.test(t.text)) return { from: j, to: i + 1 }
    if (isCap(t) || TITLES.has(t.lower)) continue
    if (STOP_WORDS.has(t.lower) || !/^[\p{Ll}\-]+$/u.test(t.text) || NOT_NOUN.test(t.lower) || ++lower > 2) return null
  }
  return null
}

/**
 * A name with an aside between commas before a cue: "Jane Roe, the campaign's manager,"
 * (the comma before the cue is token `comma`). The phrase keeps the aside and its comma.
 */
export function appositiveBefore(toks: Token[], comma: number, floor: number): TokenRange | null {
  let best: TokenRange | null = null
  for (let j = comma - 1; j > floor && j >= comma - 30; j--) {
    const t = toks[j]
    if (/^(?:["\u201C\u201D]|'')$/.test(t.text) || t.text === '.' || t.text === ';') break
    if (t.text !== ',') continue
    if (j + 1 === comma) return null
    const np = sourceBefore(toks, j - 1, floor)
    if (!np || PRONOUNS.has(toks[np.from].lower)) continue
    const named = toks.slice(np.from, np.to).some((x) => isCap(x) && !TITLES.has(x.lower))
    const common = SOURCE_NOUNS.has(toks[np.to - 1].lower) || TITLES.has(toks[np.to - 1].lower)
    if (!named && !common) continue
    const before = toks[np.from - 1]
    if (!(np.from === floor || !before || before.text === ',' || /^(?:["\u201D\u201C]|''|and|but)$/.test(before.lower))) continue
    // What stands between the commas: a description ("the county treasurer") belongs to the
    // source; a clause or an aside ("who ...", "in her dissent", "for his part") does not.
    const aside = toks[j + 1]
    if (ASIDE_OPENER.test(aside.lower) || /^\p{Ll}+(?:ing|ed)$/u.test(aside.text) || /^\p{Ll}+ly$/u.test(aside.text)) {
      best = named ? { from: np.from, to: np.to } : null
    } else best = { from: np.from, to: comma + 1 }
  }
  return best
}

// Words that open an aside between commas that is not a description of the source.
export const ASIDE_OPENER = /^(?:who|whose|whom|which|where|when|while|in|on|at|for|during|after|before|like|unlike|as|though|although|however|meanwhile|too|also|speaking|according|with|without|despite|by|from|through|under|over|if|once|since|because|not|even|still|then|now|again|instead|perhaps|in turn|meanwhile|for|to)$/

/** Reads a source phrase forwards from token `start` ("said Sen. Jane Roe"); null when there is none. */
export function sourceAfter(toks: Token[], start: number, ceil: number): TokenRange | null {
  let i = start
  if (i >= ceil) return null
  const first = toks[i]
  if (PRONOUNS.has(first.lower) && first.lower !== 'that' && first.lower !== 'which' && first.lower !== 'it') {
    return { from: i, to: i + 1 }
  }
  let sawHead = false
  if (DETERMINERS.has(first.lower)) i++
  for (; i < ceil; i++) {
    const t = toks[i]
    if (!isWord(t) && t.text !== '&' && t.text !== '-') break
    if ((t.lower === 'of' || t.lower === 'for' || t.text === '&') && toks[i + 1] && (isCap(toks[i + 1]) || toks[i + 1].lower === 'the')) continue
    if (t.lower === 'the' && toks[i - 1] && (toks[i - 1].lower === 'of' || toks[i - 1].lower === 'for')) continue
    if (STOP_WORDS.has(t.lower) || PRONOUNS.has(t.lower)) break
    if (isCap(t) || TITLES.has(t.lower) || SOURCE_NOUNS.has(t.lower) || /[\u2019']s$/.test(t.lower)) {
      sawHead = true
      continue
    }
    // Lower-case words after a determiner make a common-noun phrase: "the county clerk".
    if (DETERMINERS.has(first.lower) && i - start < 6 && /^[\p{Ll}\-]+$/u.test(t.text) && !/ly$/.test(t.lower)) {
      sawHead = true
      continue
    }
    if (/^[\p{Ll}\-]+$/u.test(t.text) && !/(?:ly|ed)$/.test(t.lower) && !CUE_VERBS.has(t.lower) && toks[i + 1] && (SOURCE_NOUNS.has(toks[i + 1].lower) || TITLES.has(toks[i + 1].lower) || isCap(toks[i + 1]))) continue
    break
  }
  if (!sawHead) return null
  // Drop a trailing joining word.
  let to = i
  while (to > start && /^(?:of|for|the|&|-)$/.test(toks[to - 1].lower)) to--
  return to > start ? { from: start, to } : null
}

/** Is the phrase a pronoun that needs resolving to a name? */
export function isPronoun(toks: Token[], r: TokenRange): boolean {
  return r.to - r.from === 1 && PRONOUNS.has(toks[r.from].lower)
}

/** What a named phrase can be referred back to with: 'he', 'she', 'they', or any person. */
export function fitsPronoun(toks: Token[], r: TokenRange, pronoun: string): boolean {
  const words = toks.slice(r.from, r.to).map((t) => t.lower)
  const last = words[words.length - 1]
  const plural = /s$/.test(last) && (SOURCE_NOUNS.has(last) || /^(?:republicans|democrats)$/.test(last))
  if (pronoun === 'they' || pronoun === 'we') return plural || SOURCE_NOUNS.has(last)
  if (pronoun === 'it' || pronoun === 'which') return !plural && SOURCE_NOUNS.has(last)
  if (plural) return false
  if (!toks.slice(r.from, r.to).some((t) => isCap(t))) return false
  if (pronoun === 'he' && words.some((w) => /^(?:mrs\.|ms\.|miss|spokeswoman|congresswoman|chairwoman|queen)$/.test(w))) return false
  if (pronoun === 'she' && words.some((w) => /^(?:mr\.|spokesman|congressman|chairman|king)$/.test(w))) return false
  return true
}

export { PERSON_PRONOUNS }

// Labels that open a line with a colon and name no one: "Update:", "Photo:".
const NOT_A_SPEAKER = /^(?:update|updated|note|editor|editors|related|read|watch|see|photo|photos|video|correction|question|answer|q|a|and|but|so|also|here|now|today|tonight|breaking|exclusive|analysis|opinion|live|listen|via|source|sources|credit|warning|caption|more|plus|bottom|first|second|third|then|example|excerpt|transcript|background|why|what|how|who|when|where|the|this|that|these|it|there|in|on|at|by|for|from|with|to|of|dear|subject|re|p\.s|ps)$/i

/**
 * The speaker of "Name: words" when the sentence opens a line: one to five capitalised words
 * ("Rubio", "Bill Clinton", "Dr. Ben Carson", "NY Post", "SMITH") before the colon at `colon`.
 */
export function colonSource(text: string, toks: Token[], from: number, colon: number): TokenRange | null {
  if (colon <= from || colon - from > 6) return null
  const lineStart = text.lastIndexOf('\n', toks[from].start - 1) + 1
  if (text.slice(lineStart, toks[from].start).trim() !== '') return null
  if (NOT_A_SPEAKER.test(toks[from].text) && colon - from === 1) return null
  if (/^(?:editor|update|correction|related|note|photo|video|read|watch|breaking|exclusive)/i.test(toks[from].text)) return null
  if (NOT_A_SPEAKER.test(toks[colon - 1].text)) return null
  for (let j = from; j < colon; j++) {
    const t = toks[j]
    if (!/^[\p{Lu}]/u.test(t.text) && !/^(?:of|for|the|and|to|'s|\u2019s|&|-)$/i.test(t.lower) && !TITLES.has(t.lower)) return null
    if (/\d/.test(t.text)) return null
  }
  if (!/^[\p{Lu}]/u.test(toks[colon - 1].text)) return null
  return { from, to: colon }
}
