/**
 * Source phrases: the noun phrase that says who is speaking ("Sen. Jane Roe", "a White
 * House official", "he", "experts"), read backwards from before a cue or forwards after one,
 * and pronouns resolved to the nearest fitting named source.
 */
import { CUE_VERBS, DETERMINERS, PERSON_PRONOUNS, PRONOUNS, SOURCE_NOUNS, STOP_WORDS, TITLES } from './lexicon'
import { isCap, isWord, NOT_NOUN, phraseBefore, QUANTITY_HEAD, type TokenRange } from './source-phrases'
import type { Token } from './tokens'

export type { TokenRange } from './source-phrases'

/**
 * Skips a time phrase ending at token `i` ("on Tuesday", "last week", "Monday") and returns
 * the index just before it; `i` itself when there is none.
 */
export function skipTime(toks: Token[], i: number, floor: number): number {
  let j = i
  if (j >= floor && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|year|earlier|later|recently|morning|afternoon|evening|night)$/.test(toks[j].lower)) {
    j--
    while (j >= floor && /^(?:on|last|this|past|next|early|late|later|that|the|earlier|in|friday|saturday|sunday|monday|tuesday|wednesday|thursday)$/.test(toks[j].lower)) j--
    return j
  }
  return i
}

// Nouns of time or place that head an adverbial, not a source: "the end of", "the rest of".
const TIME_WORD = /^(?:end|rest|beginning|start|middle|wake|face|course|time|day|week|month|year|eve|side|part|top|bottom)$/

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
        // A determined common noun working for a named body: "a producer for Yahoo Studios".
        || (joins === 1 && /^(?:for|at|with)$/.test(toks[k + 1].lower) && /^\p{Ll}+$/u.test(t.text) && !NOT_NOUN.test(t.lower) && !STOP_WORDS.has(t.lower) && k - 1 >= floor && /^(?:a|an|the|one)$/.test(toks[k - 1].lower) && /^\p{Lu}/u.test(toks[r.from].text))
        // A determined noun that the source belongs to: "a video of the debate", "footage from the game".
        || (joins === 1 && /^(?:of|from)$/.test(toks[k + 1].lower) && /^\p{Ll}+$/u.test(t.text) && !NOT_NOUN.test(t.lower) && !STOP_WORDS.has(t.lower) && !TIME_WORD.test(t.lower) && k - 1 >= floor && /^(?:a|an|the|this|that|its|his|her|their|one|another)$/.test(toks[k - 1].lower))
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
      // Groups of people or sources joined at the start of a clause: "media reports and party sources".
      const group = SOURCE_NOUNS.has(left.lower) && SOURCE_NOUNS.has(toks[r.to - 1].lower)
      if (named || person || group) {
        const inner = phraseBefore(toks, l, floor)
        const opens = inner !== null && (inner.from === floor || !isWord(toks[inner.from - 1]) || /^(?:but|and|while|that|as|because|when|although|though)$/.test(toks[inner.from - 1].lower))
        if (inner && inner.to === l + 1 && (person || !PRONOUNS.has(toks[inner.from].lower)) && (named || person || opens)) {
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
  return widenLeft(toks, r, floor)
}

// Words that narrow a quantity before it: "more than 4 in 10", "at least half", "about 4 in 10".
const BEFORE_NUMBER = /^(?:about|nearly|almost|roughly|approximately|only|over|under)$/
const NUMBERISH = /^(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozen|dozens|half|hundreds|thousands)$/

/**
 * Takes in what stands before a source phrase and belongs to it: a predeterminer ("all the
 * attendees", "both the United States and Russia"), a quantity's limit ("more than 4 in 10",
 * "at least half", "only two") and the article of a number ("the two camps").
 */
function widenLeft(toks: Token[], r: TokenRange, floor: number): TokenRange {
  let from = r.from
  for (let round = 0; round < 3 && from - 1 >= floor; round++) {
    const first = toks[from]
    const prev = toks[from - 1]
    const pp = from - 2 >= floor ? toks[from - 2] : undefined
    const numeric = NUMBERISH.test(first.lower) || QUANTITY_HEAD.test(first.lower)
    if (numeric && pp && /^(?:more|fewer|less)$/.test(pp.lower) && prev.lower === 'than') from -= 2
    else if (numeric && pp && pp.lower === 'at' && /^(?:least|most)$/.test(prev.lower)) from -= 2
    else if (numeric && BEFORE_NUMBER.test(prev.lower)) from -= 1
    else if (/^(?:\d[\d.,]*|two|three|four|five|six|seven|eight|nine|ten)$/.test(first.lower) && /^(?:the|these|those|its|his|her|their|our)$/.test(prev.lower)) from -= 1
    else if (/^(?:all|both)$/.test(prev.lower) && (DETERMINERS.has(first.lower) || /^\p{Lu}/u.test(first.text))) from -= 1
    else break
  }
  return from === r.from ? r : { from, to: r.to }
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
const NOT_A_SPEAKER = /^(?:update|updated|note|editor|editors|related|read|watch|see|photo|photos|video|correction|question|answer|q|a|and|but|so|also|here|now|today|tonight|breaking|exclusive|analysis|opinion|live|listen|via|source|sources|credit|warning|caption|more|plus|bottom|first|second|third|then|example|excerpt|transcript|background|why|what|how|who|when|where|the|this|that|these|it|there|in|on|at|by|for|from|with|to|of|dear|subject|re|p\.s|ps|latest|contributing|byline|email|e-mail|twitter|facebook|name|age|city|job|pay|wow|boom|busted|bombshell|revealed|leaked|look|pledged|total)$/i

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

// Heads of a findings phrase, which keeps its release and date: "a CNN poll released Monday".
export const FINDINGS_HEAD = /^(?:poll|survey|study)$/
const RELEASED = /^(?:released|conducted|published|taken)$/
const WHEN_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/

/**
 * A poll or study phrase ending at `r.to - 1` takes in "released Monday", "conducted last week",
 * "last week" after it: the date says which poll. Returns the range unchanged otherwise.
 */
export function withFindingsTail(toks: Token[], r: TokenRange, ceil: number): TokenRange {
  if (!FINDINGS_HEAD.test(toks[r.to - 1].lower)) return r
  let j = r.to
  if (j < ceil && RELEASED.test(toks[j].lower)) j++
  let k = j
  if (k < ceil && toks[k].lower === 'on' && k + 1 < ceil && WHEN_WORD.test(toks[k + 1].lower)) k++
  if (k < ceil && WHEN_WORD.test(toks[k].lower)) return { from: r.from, to: k + 1 }
  if (k + 1 < ceil && /^(?:last|this|earlier)$/.test(toks[k].lower) && /^(?:week|month|year)$/.test(toks[k + 1].lower)) return { from: r.from, to: k + 2 }
  return r
}
