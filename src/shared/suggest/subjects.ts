/**
 * Sources found away from the cue: after an inverted cue ("..., said Sen. Jo Hale, a
 * Democrat") and the subject of the sentence for a cue with none of its own ("and said",
 * ", adding"), read past a dateline and an opening phrase.
 */
import { CUE_VERBS, DETERMINERS, STOP_WORDS } from './lexicon'
import { withAside } from './source-asides'
import { isPronoun, sourceAfter, type TokenRange } from './sources'
import { PERSONAL } from './cue-shapes'
import type { Sentence, Token } from './tokens'

// Words after an inverted source that still leave it the source: "said Lee on Monday", "said Lee of Ohio".
const AFTER_SOURCE = /^(?:in|on|at|during|after|before|last|this|when|while|of|who|whose|with|to|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|recently|earlier|later)$/

/**
 * Where an inverted source phrase really ends when the reading stopped at a common noun or a
 * descriptor: "said the printed slate card.", "said Republican political consultant Jo Hale".
 * The tail of lower-case words (and a name after them) counts only when it ends the clause.
 */
function nounTail(toks: Token[], to: number, end: number): number {
  let j = to
  // Not a word that wants a complement ("close to", "familiar with", "involved in").
  while (j < end && j - to < 4 && /^[\p{Ll}\-]+$/u.test(toks[j].text) && !STOP_WORDS.has(toks[j].lower) && !CUE_VERBS.has(toks[j].lower) && !/(?:ly|ed)$/.test(toks[j].lower) && !/^(?:close|familiar|near|of)$/.test(toks[j].lower) && !DETERMINERS.has(toks[j].lower)) j++
  if (j === to) return to
  while (j < end && /^\p{Lu}/u.test(toks[j].text) && !STOP_WORDS.has(toks[j].lower)) j++
  return j >= end || !/^[\p{L}\d]/u.test(toks[j].text) ? j : to
}

/**
 * The source after an inverted cue at `i` ("..., said Sen. Jo Hale, a Democrat"), or null.
 * A phrase that its own verb follows is the report, not the source: "..., says her worry is ...".
 */
export function invertedSource(toks: Token[], i: number, sent: Sentence): TokenRange | null {
  const found = sourceAfter(toks, i + 1, sent.to)
  if (!found) return null
  const r = isPronoun(toks, found) ? found : { from: found.from, to: nounTail(toks, found.to, sent.to) }
  const next = toks[r.to]
  const single = r.to - r.from === 1 && PERSONAL.test(toks[r.from].lower)
  if (r.to < sent.to && /^[\p{L}\d]/u.test(next.text) && !AFTER_SOURCE.test(next.lower) && !single) return null
  return withAside(toks, r, sent)
}

// Words that open a phrase before the subject but are no stop word: "Despite the rain, ...".
const OPENER = /^(?:despite|amid|among|following|unlike|like|upon|throughout|besides|once|whatever|whenever)$/

/** The token after a dateline opening the sentence at `k` (capitals up to a dash), or `k`. */
function dateline(toks: Token[], k: number, end: number): number {
  if (!/^\p{Lu}{2,}$/u.test(toks[k].text)) return k
  for (let j = k + 1; j < end && j < k + 12; j++) if (/^(?:\u2014|\u2013|\u2015|-|--)$/.test(toks[j].text)) return j + 1
  return k
}

/**
 * The subject of the sentence for a cue that has none of its own ("and said", ", adding"):
 * read from the sentence start, past a conjunction and an opening phrase ("In an interview, ...").
 */
export function sentenceSubject(toks: Token[], sent: Sentence, i: number): TokenRange | null {
  let k = sent.from
  while (k < i && /^(?:but|and|so|yet|then|["\u201C\u2018]|'')$/.test(toks[k].lower)) k++
  // A dateline ("ORLANDO, Fla. (Reuters) -", "WASHINGTON \u2014") is no subject.
  const dash = dateline(toks, k, i)
  if (dash > k) k = dash
  if (STOP_WORDS.has(toks[k].lower) || OPENER.test(toks[k].lower) || /^\p{Lu}\p{Ll}+(?:ly|ed|ing)$/u.test(toks[k].text)) {
    let m = k
    while (m < i && toks[m].text !== ',') m++
    if (m < i - 1 && m - k <= 12) k = m + 1
  }
  const subj = sourceAfter(toks, k, i)
  return subj && subj.to - subj.from <= 6 && !CUE_VERBS.has(toks[subj.to - 1].lower) ? subj : null
}

/**
 * The subject after a phrase that opens the sentence with the cue at `i` in it: "After
 * announcing his run, Jo Hale toured the state" is Jo Hale's; null past twenty words.
 */
export function subjectAfterOpening(toks: Token[], sent: Sentence, i: number): TokenRange | null {
  let m = i + 1
  while (m < sent.to && m - i <= 20 && toks[m].text !== ',') m++
  if (m >= sent.to || toks[m].text !== ',') return null
  const subj = sourceAfter(toks, m + 1, sent.to)
  return subj && subj.to - subj.from <= 6 && subj.to < sent.to && !CUE_VERBS.has(toks[subj.to - 1].lower) ? subj : null
}
