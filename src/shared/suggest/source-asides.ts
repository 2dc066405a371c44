/**
 * What a source phrase takes in around it: an aside between commas ("Jane Roe, the campaign's
 * manager, said"), a relative clause about the speaker ("who ran the poll"), the noun a
 * restrictive clause belongs to ("voters who backed Trump said").
 */
import { CUE_VERBS, isAuxiliary, PRONOUNS, SOURCE_NOUNS, TITLES } from './lexicon'
import { isCap } from './source-phrases'
import { isPronoun, sourceBefore, type TokenRange } from './sources'
import type { Sentence, Token } from './tokens'

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
    // The phrase opens its clause: after a comma, a conjunction or a subordinator ("When the director, Jo Hale, said").
    if (!(np.from === floor || !before || before.text === ',' || /^(?:["\u201D\u201C]|''|and|but|even|also|only|then|now|when|as|while|after|before|because|since|if|although|though|until|once|whereas)$/.test(before.lower))) continue
    // What stands between the commas: a description ("the county treasurer") belongs to the
    // source; a clause or an aside ("who ...", "in her dissent", "for his part") does not.
    const aside = toks[j + 1]
    // A relative clause about the source is part of the source phrase: "Jo Hale, who chairs the board,".
    if (RELATIVE.test(aside.lower)) best = aboutSource(toks, j + 1) ? { from: np.from, to: comma + 1 } : np
    else if ((ASIDE_OPENER.test(aside.lower) || /^\p{Ll}+(?:ing|ed)$/u.test(aside.text) || /^\p{Ll}+ly$/u.test(aside.text)) && !ROLE_OPENER.test(aside.lower)) {
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

// Words that open a role, though they look like a participle or an adverb: "then senior pastor".
export const ROLE_OPENER = /^(?:then|managing|acting|founding|outgoing|incoming|ranking|presiding|visiting|longtime|including)$/

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

/** A short bracketed aside right after a name belongs to it: "Sen. Chris Murphy (D-Conn.)". */
function withBracket(toks: Token[], r: TokenRange, sent: Sentence): TokenRange {
  if (toks[r.to]?.text !== '(' || !/^\p{Lu}/u.test(toks[r.to - 1].text)) return r
  for (let k = r.to + 1; k < sent.to && k <= r.to + 7; k++) if (toks[k].text === ')') return { from: r.from, to: k + 1 }
  return r
}

/**
 * An inverted source keeps its aside to the end of the sentence: "said Jane Roe, a pollster",
 * and a relative clause about it: "said Jane Roe, who ran the poll", "said a strategist who ...".
 */
export function withAside(toks: Token[], given: TokenRange, sent: Sentence): TokenRange {
  const r = withBracket(toks, given, sent)
  const next = toks[r.to]
  if (next && aboutSource(toks, r.to)) return { from: r.from, to: clauseEnd(toks, r.to, sent) }
  const after = toks[r.to + 1]
  if (!next || next.text !== ',' || !after || r.to + 1 >= sent.to) return r
  if (RELATIVE.test(after.lower)) {
    return aboutSource(toks, r.to + 1) ? { from: r.from, to: withClosingComma(toks, clauseEnd(toks, r.to + 1, sent), sent) } : r
  }
  // A description opens with a small letter, an article, a title or a name's possessive
  // ("Clinton's campaign manager"); "then senior pastor", "managing director" are roles too.
  // After a common noun the aside may name it: "said another delegate, Jo Hale".
  const names = /^(?:a|an|the|another|one)$/.test(toks[r.from].lower) && isCap(after) && !PRONOUNS.has(after.lower)
  const describes = /^(?:[\p{Ll}\d]|(?:The|A|An)$)/u.test(after.text) || TITLES.has(after.lower) || /^\p{Lu}\p{L}*[\u2019']s$/u.test(after.text) || names
  if (!describes) return r
  if ((ASIDE_OPENER.test(after.lower) || /^\p{Ll}+(?:ing|ly)$/u.test(after.text)) && !ROLE_OPENER.test(after.lower)) return r
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

const ISSUED = /^(?:published|released|filed|issued|conducted|taken|posted|aired|obtained)$/

/**
 * A document or poll dated between it and the cue: "A court document filed Thursday [says]",
 * "New polls released Sunday [showed]". `p` is the participle (the date after it already
 * skipped), `to` the start of the verb group; the phrase runs from the noun to the date.
 */
export function datedBefore(toks: Token[], p: number, to: number, floor: number): TokenRange | null {
  if (p - 1 < floor || p + 1 >= to || !ISSUED.test(toks[p].lower)) return null
  const np = sourceBefore(toks, p - 1, floor)
  if (!np || isPronoun(toks, np) || np.to !== p) return null
  return { from: np.from, to }
}

const DASH = /^(?:\u2014|\u2013|--)$/

/**
 * A source with an aside between dashes before its cue: "Jason Sims — a teacher from
 * Mount Pleasant — says". `dash` is the closing dash; the phrase keeps both dashes.
 */
export function dashedBefore(toks: Token[], dash: number, floor: number): TokenRange | null {
  if (!DASH.test(toks[dash]?.text ?? '')) return null
  for (let j = dash - 2; j > floor && j >= dash - 20; j--) {
    const t = toks[j]
    if (/^(?:[.;:"\u201C\u201D]|'')$/.test(t.text)) return null
    if (!DASH.test(t.text)) continue
    const np = sourceBefore(toks, j - 1, floor)
    if (!np || isPronoun(toks, np) || np.to !== j) return null
    const before = toks[np.from - 1]
    if (np.from !== floor && before && before.text !== ',' && !/^(?:and|but)$/.test(before.lower)) return null
    // A relative clause between the dashes is an aside about the source, not part of its name.
    return RELATIVE.test(toks[j + 1]?.lower ?? '') ? np : { from: np.from, to: dash + 1 }
  }
  return null
}
