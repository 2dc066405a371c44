/**
 * Attributions: a cue ("said", "told", "according to"), its source phrase before or after
 * it, and what it attributes: a neighbouring quotation or the reported speech of the
 * sentence ("said that ...", "..., officials said").
 */
import { CUE_PHRASES, CUE_VERBS, isBareParticiple, PARTICLE, PARTICLE_ONLY, STOP_WORDS, type CueVerb } from './lexicon'
import type { FoundQuote } from './quotes'
import { appositiveBefore, dashedBefore, datedBefore, withAside, withRestrictive } from './source-asides'
import { bareNounBefore, skipTime, sourceAfter, sourceBefore, withFindingsTail, type TokenRange } from './sources'
import type { Sentence, Token } from './tokens'
import type { Ctx, FoundAttribution } from './attribution-types'
import { byAgent, clauseSubject, CLOSE_MARK, contentAround, insideQuotes, ownsQuoteBefore, quoteAfter, quoteBefore, reportedAfter, withinReported } from './attribution-content'
import { fromStanceAdjective } from './stance-adjectives'
import { fromAccordingTo, fromAsked, fromColon, fromInFindings, fromViewpoint } from './phrase-cues'
import { afterCommaParticiple, BE, CLAUSE_OPENER, chainStart, cueTail, DISCOURSE, isPlural, isTitleCase, LISTENER_VERBS, NEEDS_REPORT, notSpeech, PERSONAL, phraseEnd, QUOTE_ONLY, TAKES_TO, verbGroupStart } from './cue-shapes'

export type { FoundAttribution } from './attribution-types'

// Words after an inverted source that still leave it the source: "said Lee on Monday", "said Lee of Ohio".
const AFTER_SOURCE = /^(?:in|on|at|during|after|before|last|this|when|while|of|who|whose|with|to|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|recently|earlier|later)$/

/**
 * The source after an inverted cue at `i` ("..., said Sen. Jo Hale, a Democrat"), or null.
 * A phrase that its own verb follows is the report, not the source: "..., says her worry is ...".
 */
function invertedSource(toks: Token[], i: number, sent: Sentence): TokenRange | null {
  const r = sourceAfter(toks, i + 1, sent.to)
  if (!r) return null
  const next = toks[r.to]
  const single = r.to - r.from === 1 && PERSONAL.test(toks[r.from].lower)
  if (r.to < sent.to && /^[\p{L}\d]/u.test(next.text) && !AFTER_SOURCE.test(next.lower) && !single) return null
  return withAside(toks, r, sent)
}

/**
 * The subject of the sentence for a cue that has none of its own ("and said", ", adding"):
 * read from the sentence start, past a conjunction and an opening phrase ("In an interview, ...").
 */
function sentenceSubject(toks: Token[], sent: Sentence, i: number): TokenRange | null {
  let k = sent.from
  while (k < i && /^(?:but|and|so|yet|then|["\u201C\u2018]|'')$/.test(toks[k].lower)) k++
  if (STOP_WORDS.has(toks[k].lower) || /^\p{Lu}\p{Ll}+(?:ly|ed|ing)$/u.test(toks[k].text)) {
    let m = k
    while (m < i && toks[m].text !== ',') m++
    if (m < i - 1 && m - k <= 12) k = m + 1
  }
  const subj = sourceAfter(toks, k, i)
  return subj && subj.to - subj.from <= 6 && !CUE_VERBS.has(toks[subj.to - 1].lower) ? subj : null
}

/** Looks for an attribution whose cue verb is token `i`. */
function fromVerb(c: Ctx, i: number, verb: CueVerb, phraseTo?: number): FoundAttribution | null {
  const { text, toks, sent } = c
  let c0 = verbGroupStart(toks, i, sent.from)
  if (toks[c0 - 1]?.lower === 'to' && c0 - 1 >= sent.from) {
    c0 = chainStart(toks, c0, sent.from)
    if (c0 < 0) return null
  }
  const prev = toks[c0 - 1]
  if (notSpeech(toks, i, c0, sent.from, verb)) return null
  // "seen", "known" alone are no verbs of a clause: "a man known to all" (but "known as" names).
  if (c0 === i && isBareParticiple(toks[i].lower) && !PARTICLE[verb.base]?.includes(toks[i + 1]?.lower ?? '')) return null
  let source: TokenRange | null = null
  let inverted = false
  // A source taken from an earlier attribution ("she said, adding ...") lies outside this one.
  let borrowed = false
  let p = skipTime(toks, c0 - 1, sent.from)
  // "Carter, however, said" / "Carter however said": the aside is neither source nor cue.
  if (p > sent.from && DISCOURSE.test(toks[p].lower)) {
    p--
    if (toks[p]?.text === ',' && p > sent.from) p--
  }
  const passive = verb.form === 'past' ? byAgent(c, i, c0) : null
  // "Trump is seen as ...", "she was asked ...": a passive's subject is what is attributed, not who.
  const bare = !passive && verb.form === 'past' && toks.slice(c0, i).some((t) => BE.test(t.lower))
  const subject = passive?.subject ?? (bare ? clauseSubject(c, c0) : null)
  if (p >= sent.from && !bare) source = sourceBefore(toks, p, sent.from)
  // "A CNN poll last week found": the date skipped above belongs to the poll.
  if (source && p < c0 - 1) source = withFindingsTail(toks, source, c0)
  if (!source && !bare && p >= sent.from && verb.strength === 1 && verb.form !== 'ing') source = bareNounBefore(toks, p, sent.from)
  if (passive) {
    source = passive.agent
    inverted = true
  } else if (source) source = withRestrictive(toks, source, p, sent.from)
  if (!source && !bare && prev && prev.text === ',') source = appositiveBefore(toks, c0 - 1, sent.from)
  if (!source && !bare && p < c0 - 1 && p >= sent.from) source = datedBefore(toks, p, c0, sent.from)
  if (!source && !bare && prev) source = dashedBefore(toks, c0 - 1, sent.from)
  // "..., say some Democrats": a base form inverts after a comma when a plural source follows.
  if (!source && verb.form === 'base' && verb.strength === 1 && c0 === i && prev?.text === ',' && toks[i + 1]?.lower !== 'that') {
    const after = invertedSource(toks, i, sent)
    if (after && isPlural(toks, after)) {
      source = after
      inverted = true
    }
  }
  if (verb.form === 'base' && !inverted) {
    // A bare base form needs a helper ("did not say") or a plural subject ("experts say").
    if (c0 === i && !(source && isPlural(toks, source))) return null
    if (c0 < i && !source) return null
  }
  const afterComma = prev !== undefined && (prev.text === ',' || CLOSE_MARK.test(prev.text))
  // "“...?” asked Mr. Lee": a listener verb inverts only right after a quotation.
  const invertible = !LISTENER_VERBS.has(verb.base) || (verb.base === 'ask' && prev !== undefined && CLOSE_MARK.test(prev.text))
  if (!source && afterComma && c0 === i && (verb.form === 'past' || verb.form === 'third') && invertible && toks[i + 1]?.lower !== 'that') {
    source = invertedSource(toks, i, sent)
    inverted = source !== null
  }
  const coordinated = prev !== undefined && (prev.lower === 'and' || prev.lower === 'but' || prev.lower === 'then')
  const participle = verb.form === 'ing' && prev !== undefined && (prev.text === ',' || /^(?:and|by|while|when|before|after|in|\u2014)$/.test(prev.lower))
  if (!source && (participle || (coordinated && verb.form !== 'base'))) {
    // "He apologized the next day, saying ...": the one who spoke earlier in the sentence speaks.
    if (c.last && c.last.source && c.last.cueEnd <= toks[i].start) {
      source = c.last.source
      borrowed = true
    } else source = sentenceSubject(toks, sent, i)
  }
  // A finite verb of saying is a cue even when its source escapes the rules above.
  if (!source && !(verb.form === 'past' || verb.form === 'third')) return null
  const cueStart = toks[c0].start
  const cueTo = phraseTo ?? cueTail(toks, i + 1, sent.to, verb)
  const cueEnd = toks[cueTo - 1].end
  const first = source && !borrowed ? Math.min(cueStart, toks[source.from].start) : cueStart
  const last = inverted && source ? toks[source.to - 1].end : cueEnd
  const quotes: number[] = []
  let content: { start: number; end: number } | null = null
  const qa = quoteAfter(c, last)
  const qb = ownsQuoteBefore(c, quoteBefore(c, first), first, last, qa, inverted ? -1 : cueTo)
  if (qb >= 0) {
    quotes.push(qb)
    content = { start: c.quotes[qb].start, end: c.quotes[qb].end }
    // "“A,” he said. “B.”": the quote right after the attribution carries on the same words.
    const next = c.quotes[qb + 1]
    if (next && /^[\s,.:;]*$/.test(text.slice(last, next.open)) && !/\n/.test(text.slice(last, next.open))) quotes.push(qb + 1)
  } else if (qa >= 0) {
    quotes.push(qa)
    content = { start: c.quotes[qa].start, end: c.quotes[qa].end }
  } else if ((QUOTE_ONLY.has(verb.base) && !CLAUSE_OPENER.test(toks[cueTo]?.lower ?? '')) || (PARTICLE_ONLY.has(verb.base) && cueTo === i + 1)) {
    return null
  } else if (subject && !(bare && CLAUSE_OPENER.test(toks[cueTo]?.lower ?? ''))) {
    // "He was told that ..." reports the clause; "Trump is seen as a favorite" reports Trump.
    content = subject
  } else if (!inverted) {
    content = reportedAfter(c, cueTo, verb)
    if (content && verb.strength < 1 && /^to\b/.test(text.slice(content.start, content.start + 3)) && !TAKES_TO.has(verb.base)) content = null
  }
  if (!content) content = contentAround(c, first, last)
  if (verb.strength < 1 && !content) return null
  // "explained the shortfall", "recalled her generosity" report what they name; "explained patiently" reports nothing.
  if (NEEDS_REPORT.has(verb.base) && quotes.length === 0 && (!content || /^\p{Ll}+ly$/u.test(text.slice(content.start, content.end)))) return null
  // Generic "you" ("if you think ...", "you know") is nobody's attribution outside a quotation.
  if (source && source.to - source.from === 1 && toks[source.from].lower === 'you' && quotes.length === 0) return null
  let score = 0.45 + 0.35 * verb.strength
  if (quotes.length > 0) score += 0.15
  return {
    cueStart,
    cueEnd,
    source,
    content,
    quotes,
    score: Math.min(1, Math.round(score * 100) / 100)
  }
}

/** Finds the attributions in each sentence. */
export function findAttributions(text: string, toks: Token[], sents: Sentence[], quotes: FoundQuote[]): FoundAttribution[] {
  const out: FoundAttribution[] = []
  const inside = insideQuotes(toks, quotes, text)
  for (const sent of sents) {
    const c: Ctx = { text, toks, sent, quotes, last: null }
    const titled = isTitleCase(toks, sent)
    for (let i = sent.from; i < sent.to; i++) {
      if (inside[i]) continue
      const t = toks[i]
      let found: FoundAttribution | null = null
      let special = true
      if (t.lower === 'according' && toks[i + 1]?.lower === 'to' && i + 1 < sent.to) found = fromAccordingTo(c, i)
      else if (t.text === ':' && i - sent.from <= 6) found = fromColon(c, i)
      else if (t.lower === 'in' && !withinReported(text, c.last, t)) found = fromInFindings(c, i)
      else if (t.lower === 'to' || t.lower === 'for') found = fromViewpoint(c, i)
      else if (t.lower === 'asked' && (i === sent.from || (i === sent.from + 1 && toks[sent.from].lower === 'when'))) found = fromAsked(c, i)
      else special = false
      if (!special && t.text === t.lower) found = fromStanceAdjective(c, i)
      if (!special && !found) {
        const verb = t.text === t.lower || (titled && i > sent.from) ? CUE_VERBS.get(t.lower) : undefined
        const phrase = t.text === t.lower ? CUE_PHRASES.get(t.lower) : undefined
        const phraseTo = phrase ? phraseEnd(toks, i, sent, phrase) : -1
        if (phrase && phraseTo > 0 && !withinReported(text, c.last, t)) found = fromVerb(c, i, phrase.verb, phraseTo)
        else if (verb && !(verb.strength < 1 && withinReported(text, c.last, t) && !afterCommaParticiple(toks, i, verb))) found = fromVerb(c, i, verb)
      }
      if (found) {
        out.push(found)
        c.last = found
        // Words inside the cue ("issued a statement saying") are not cues again.
        while (i + 1 < sent.to && toks[i + 1].end <= found.cueEnd) i++
      }
    }
  }
  return out
}
