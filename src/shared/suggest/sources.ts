/**
 * Source phrases: the noun phrase that says who is speaking ("Sen. Jane Roe", "a White
 * House official", "he", "experts"), read backwards from before a cue or forwards after one,
 * and pronouns resolved to the nearest fitting named source.
 */
import { CUE_VERBS, DETERMINERS, isAuxiliary, PERSON_PRONOUNS, PRONOUNS, SOURCE_NOUNS, STOP_WORDS, TITLES } from './lexicon'
import type { Sentence, Token } from './tokens'

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
    let k: number = r.from - 1
    let joins = 0
    while (k > floor && joins < 2 && CONNECTOR.test(toks[k].lower)) {
      k--
      joins++
    }
    // A noun with a participle phrase: "a message posted on the door", "polls conducted for CNN".
    if (joins > 0 && k > floor && /^\p{Ll}+(?:ed|en)$/u.test(toks[k].text) && !STOP_WORDS.has(toks[k].lower)) {
      const inner = phraseBefore(toks, k - 1, floor)
      if (inner && inner.to === k && !PRONOUNS.has(toks[inner.from].lower) && (DETERMINERS.has(toks[inner.from].lower) || SOURCE_NOUNS.has(toks[k - 1].lower))) {
        r = { from: inner.from, to: r.to }
        continue
      }
      break
    }
    if (joins > 0 && k >= floor) {
      const t = toks[k]
      // A quantity takes its group: "28 percent of voters", "many of her aides".
      // "four in 10", "six out of 10": a share written as a ratio.
      const ratio = toks[k + 1].lower === 'in' && /^\d+$/.test(toks[r.from].text)
      const quantity = joins === 1 && (toks[k + 1].lower === 'of' || ratio) && (QUANTITY_HEAD.test(t.lower) || /^(?:share|number|majority|members|dozens|hundreds|thousands|millions)$/.test(t.lower))
      const head = quantity || SOURCE_NOUNS.has(t.lower) || TITLES.has(t.lower) || (/^\p{Lu}/u.test(t.text) && !STOP_WORDS.has(t.lower) && joins === 1 && /^(?:of|for|at|in)$/.test(toks[k + 1].lower))
      if (!head || PRONOUNS.has(t.lower)) break
      // "close" / "familiar" need their own word after them: "close to", "familiar with".
      if (/^(?:close|closer|familiar)$/.test(toks[k + 1].lower) && joins < 2) break
      const inner = phraseBefore(toks, k, floor)
      if (!inner || inner.to !== k + 1 || PRONOUNS.has(toks[inner.from].lower)) break
      r = { from: inner.from, to: r.to }
      continue
    }
    // Names joined by "and": "Forbes and Wealth-X", "Clinton and Sanders", "he and Brafman",
    // "Obama, Clinton, and other Democrats" (a list keeps its commas).
    if (k > floor && toks[k].lower === 'and') {
      const l: number = toks[k - 1].text === ',' && k - 2 >= floor ? k - 2 : k - 1
      const left = toks[l]
      // After a name, the second member is a name or a determined phrase ("and other Democrats"):
      // in "Clinton won Iowa and voters said" the voters are a clause of their own.
      const named = /^\p{Lu}/u.test(left.text) && !STOP_WORDS.has(left.lower) && (/^\p{Lu}/u.test(toks[r.from].text) || DETERMINERS.has(toks[r.from].lower))
      const person = /^(?:he|she|i|we|they)$/.test(left.lower) && (l === floor || !isWord(toks[l - 1]))
      if (named || person) {
        const inner = phraseBefore(toks, l, floor)
        if (inner && inner.to === l + 1 && (person || !PRONOUNS.has(toks[inner.from].lower))) {
          const start = listStart(toks, inner.from, floor)
          // ", and" joins a list of three or more; with two members it joins clauses.
          if (l === k - 2 && start === inner.from) break
          r = { from: start, to: r.to }
          continue
        }
      }
    }
    break
  }
  return r
}

/** The first item of a list of names ending at `from`: "Obama, Clinton" before ", and ...". */
function listStart(toks: Token[], from: number, floor: number): number {
  let start = from
  while (start - 2 >= floor && toks[start - 1].text === ',' && /^\p{Lu}/u.test(toks[start - 2].text)) {
    const item = phraseBefore(toks, start - 2, floor)
    if (!item || item.to !== start - 1 || PRONOUNS.has(toks[item.from].lower)) break
    start = item.from
  }
  return start
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
  return { from: isCap(head) ? descriptorsBefore(toks, from, floor) : from, to: i + 1 }
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
    if (/^\p{Ll}/u.test(t.text) && (NOT_NOUN.test(t.lower) || CUE_VERBS.has(t.lower))) return from
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

const QUANTITY_HEAD = /^(?:[a-z]+-(?:thirds?|quarters?|fifths?|tenths?)|percent|%|half|third|quarter|majority|minority|plurality|most|many|some|few|others|both|all|none|one|two|three|four|five|six|seven|eight|nine|ten|\d+)$/
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
    // A common-noun possessive is a modifier: "the paper's editorial board".
    if (/^\p{Ll}+[\u2019']s$/u.test(t.text)) continue
    if (isCap(t) || TITLES.has(t.lower)) continue
    // Modifiers may be participles ("the unsigned opinion", "an embattled governor"), not adverbs.
    if (STOP_WORDS.has(t.lower) || !/^[\p{Ll}\-]+$/u.test(t.text) || /(?:ly|ing)$/.test(t.lower) || ++lower > 2) return null
  }
  return null
}

const BARE_BLOCK = /^(?:news|politics|series|species|process|access|business|success|congress|status|bus|gas|less|unless|always|perhaps|thus|yes|this|his|its|is|was|has|does|us|as|ours|yours)$/

/**
 * A plural common noun with no determiner right before a speech verb: "donors said",
 * "Republican voters say", "those surveyed said". Only trusted before strong speech verbs.
 */
export function bareNounBefore(toks: Token[], end: number, floor: number): TokenRange | null {
  const head = toks[end]
  if (!head || end < floor) return null
  // "those surveyed", "those polled": a participle after a demonstrative.
  if (/^\p{Ll}+ed$/u.test(head.text) && end - 1 >= floor && /^(?:those|voters|people)$/.test(toks[end - 1].lower)) {
    return { from: end - 1, to: end + 1 }
  }
  if (!/^\p{Ll}[\p{Ll}\-]*[^s']s$/u.test(head.text) || STOP_WORDS.has(head.lower) || BARE_BLOCK.test(head.lower) || NOT_NOUN.test(head.lower)) return null
  let from = end
  // Up to two modifiers: capitalised ("Republican voters") or lower-case adjectives ("local officials").
  for (let j = end - 1; j >= floor && j >= end - 2; j--) {
    const t = toks[j]
    if (STOP_WORDS.has(t.lower) || PRONOUNS.has(t.lower) || !/^[\p{L}\-]+$/u.test(t.text) || /(?:ly|ing)$/.test(t.lower)) break
    if (/^\p{Lu}/u.test(t.text) && j > floor && toks[j - 1].text !== ',' && !/^\p{Lu}/u.test(toks[j - 1].text) && !STOP_WORDS.has(toks[j - 1].lower)) break
    from = j
  }
  return { from, to: end + 1 }
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
    if (!(np.from === floor || !before || before.text === ',' || /^(?:["\u201D\u201C]|''|and|but|even|also|only|then|now)$/.test(before.lower))) continue
    // What stands between the commas: a description ("the county treasurer") belongs to the
    // source; a clause or an aside ("who ...", "in her dissent", "for his part") does not.
    const aside = toks[j + 1]
    // A relative clause about the source is part of the source phrase: "Jo Hale, who chairs the board,".
    if (RELATIVE.test(aside.lower)) best = aboutSource(toks, j + 1) ? { from: np.from, to: comma + 1 } : np
    else if (ASIDE_OPENER.test(aside.lower) || /^\p{Ll}+(?:ing|ed)$/u.test(aside.text) || /^\p{Ll}+ly$/u.test(aside.text)) {
      best = named ? { from: np.from, to: np.to } : null
    } else best = { from: np.from, to: comma + 1 }
  }
  return best
}

const RELATIVE = /^(?:who|whose|whom)$/

/**
 * Is the relative clause at `k` a description of the source ("who ran the fund") rather than
 * an attribution of its own ("who said ...", "who has argued that ...")?
 */
export function aboutSource(toks: Token[], k: number): boolean {
  if (!RELATIVE.test(toks[k].lower)) return false
  let j = k + 1
  while (toks[j] && isAuxiliary(toks[j].lower)) j++
  return !(toks[j] && CUE_VERBS.get(toks[j].lower)?.strength === 1)
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
  // Once a noun or name has been read, a lower-case word that is neither ends the phrase:
  // "the campaign [pushed back]".
  let sawNoun = false
  if (DETERMINERS.has(first.lower)) i++
  for (; i < ceil; i++) {
    const t = toks[i]
    if (!isWord(t) && t.text !== '&' && t.text !== '-') break
    if ((t.lower === 'of' || t.lower === 'for' || t.text === '&') && toks[i + 1] && (isCap(toks[i + 1]) || toks[i + 1].lower === 'the')) continue
    if (t.lower === 'the' && toks[i - 1] && (toks[i - 1].lower === 'of' || toks[i - 1].lower === 'for')) continue
    if (STOP_WORDS.has(t.lower) || PRONOUNS.has(t.lower)) break
    if (isCap(t) || TITLES.has(t.lower) || SOURCE_NOUNS.has(t.lower) || /[\u2019']s$/.test(t.lower)) {
      sawHead = true
      sawNoun = true
      continue
    }
    // Lower-case words after a determiner make a common-noun phrase: "the county clerk".
    if (DETERMINERS.has(first.lower) && !sawNoun && i - start < 6 && /^[\p{Ll}\-]+$/u.test(t.text) && !/ly$/.test(t.lower)) {
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

const CLAUSE_STOP = /^(?:["\u201C\u201D\u2018\u2019]|''|\.|;|:|\?|!)$/

/** Where a relative clause opening at token `k` ends: before the next comma or stop. */
function clauseEnd(toks: Token[], k: number, sent: Sentence): number {
  let to = k + 1
  while (to < sent.to && toks[to].text !== ',' && !CLAUSE_STOP.test(toks[to].text)) to++
  return to
}

/** Keeps a comma that closes an aside when the sentence goes on after it (the corpus convention). */
function withClosingComma(toks: Token[], to: number, sent: Sentence): number {
  return toks[to]?.text === ',' && to + 1 < sent.to ? to + 1 : to
}

/**
 * An inverted source keeps its aside to the end of the sentence: "said Jane Roe, a pollster",
 * and a relative clause about it: "said Jane Roe, who ran the poll", "said a strategist who ...".
 */
export function withAside(toks: Token[], r: TokenRange, sent: Sentence): TokenRange {
  const next = toks[r.to]
  if (next && aboutSource(toks, r.to)) return { from: r.from, to: clauseEnd(toks, r.to, sent) }
  const after = toks[r.to + 1]
  if (!next || next.text !== ',' || !after || r.to + 1 >= sent.to) return r
  if (RELATIVE.test(after.lower)) {
    return aboutSource(toks, r.to + 1) ? { from: r.from, to: withClosingComma(toks, clauseEnd(toks, r.to + 1, sent), sent) } : r
  }
  if (!/^(?:[\p{Ll}\d]|(?:The|A|An)$)/u.test(after.text) && !TITLES.has(after.lower)) return r
  if (ASIDE_OPENER.test(after.lower) || /^\p{Ll}+(?:ing|ly)$/u.test(after.text)) return r
  let to = r.to + 1
  while (to < sent.to && !CLAUSE_STOP.test(toks[to].text)) {
    // A clause after the description is not part of the source: ", referring to ...".
    if (toks[to].text === ',' && toks[to + 1] && !RELATIVE.test(toks[to + 1].lower) && (ASIDE_OPENER.test(toks[to + 1].lower) || /^\p{Ll}+ing$/u.test(toks[to + 1].text) || CUE_VERBS.has(toks[to + 1].lower))) {
      return { from: r.from, to: withClosingComma(toks, to, sent) }
    }
    // Nor is a relative clause that attributes something itself: "a pollster who said ...".
    if (RELATIVE.test(toks[to].lower) && !aboutSource(toks, to)) break
    to++
  }
  while (to > r.to && /^[,\u2014\u2013-]$/.test(toks[to - 1].text)) to--
  return { from: r.from, to }
}

/**
 * A source phrase found inside a restrictive relative clause grows to the noun the clause
 * belongs to: "voters who backed Trump [said]" is said by the voters, not by Trump.
 * `end` is the last token before the cue.
 */
export function withRestrictive(toks: Token[], r: TokenRange, end: number, floor: number): TokenRange {
  for (let w = r.from - 1; w > floor && w >= end - 14; w--) {
    const t = toks[w]
    if (/^(?:[,;.:"\u201C\u201D]|'')$/.test(t.text) || CUE_VERBS.get(t.lower)?.strength === 1) return r
    if (t.lower !== 'who') continue
    const host = sourceBefore(toks, w - 1, floor)
    if (!host || host.to !== w || isPronoun(toks, host)) return r
    return { from: host.from, to: end + 1 }
  }
  return r
}
