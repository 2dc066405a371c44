/**
 * Attributions: a cue ("said", "told", "according to"), its source phrase before or after
 * it, and what it attributes: a neighbouring quotation or the reported speech of the
 * sentence ("said that ...", "..., officials said").
 */
import { CUE_PHRASES, CUE_VERBS, isBareParticiple, PARTICLE, PARTICLE_ONLY, type CueVerb } from './lexicon'
import type { FoundQuote } from './quotes'
import { appositiveBefore, dashedBefore, datedBefore, withRestrictive } from './source-asides'
import { bareNounBefore, skipTime, sourceBefore, withFindingsTail, type TokenRange } from './sources'
import { invertedSource, sentenceSubject, subjectAfterOpening } from './subjects'
import { afterSubject, controlled, labelledBefore, RAISING } from './verb-frames'
import type { Sentence, Token } from './tokens'
import type { Ctx, FoundAttribution } from './attribution-types'
import { byAgent, clauseSubject, CLOSE_MARK, contentAround, insideQuotes, ownsQuoteBefore, quoteAfter, quoteBefore, reportedAfter, trim, withinReported } from './attribution-content'
import { fromStanceAdjective } from './stance-adjectives'
import { fromNominal } from './nominal-cues'
import { fromAccordingTo, fromAsked, fromColon, fromInFindings, fromViewpoint } from './phrase-cues'
import { afterCommaParticiple, BE, CLAUSE_OPENER, chainStart, cueTail, DISCOURSE, isPlural, isTitleCase, LISTENER_VERBS, NEEDS_REPORT, notSpeech, phraseEnd, QUOTE_ONLY, TAKES_TO, verbGroupStart } from './cue-shapes'

export type { FoundAttribution } from './attribution-types'

/** Looks for an attribution whose cue verb is token `i`. */
function fromVerb(c: Ctx, i: number, verb: CueVerb, phraseTo?: number): FoundAttribution | null {
  const { text, toks, sent } = c
  let c0 = verbGroupStart(toks, i, sent.from)
  if (toks[c0 - 1]?.lower === 'to' && c0 - 1 >= sent.from) {
    const chain = chainStart(toks, c0, sent.from)
    // "led Priebus to declare": the cue is the infinitive, said by the object of a verb of causing.
    if (chain < 0 && !controlled(toks, c0 - 1, sent.from)) return null
    c0 = chain < 0 ? c0 - 1 : chain
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
  // "are saying", "was claiming": a progressive is as finite as "say" or "claimed".
  const progressive = verb.form === 'ing' && toks.slice(c0, i).some((t) => BE.test(t.lower))
  if (!source && !bare && p >= sent.from && verb.strength === 1 && (verb.form !== 'ing' || progressive)) source = bareNounBefore(toks, p, sent.from)
  if (passive) {
    source = passive.agent
    inverted = true
  } else if (source) source = withRestrictive(toks, source, p, sent.from)
  // "Jo Hale, the mayor, on Tuesday called": the aside's comma may stand before a time phrase.
  const comma = prev?.text === ',' ? c0 - 1 : p >= sent.from && toks[p].text === ',' ? p : -1
  // A participle after a comma hangs on a main clause ("Jo Hale, a lawyer, filed suit, saying"): that comma closes no aside.
  if (!source && !bare && comma >= 0 && (verb.form !== 'ing' || progressive)) source = appositiveBefore(toks, comma, sent.from)
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
    if (c0 === i && !(source && isPlural(toks, source)) && !afterSubject(toks, i, sent.from, verb)) return null
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
  // After a comma, a dash, or a quotation closed by a comma: "“...,” he said, adding", "... – saying".
  const closedQuote = prev !== undefined && CLOSE_MARK.test(prev.text) && c0 - 2 >= sent.from && toks[c0 - 2].text === ','
  const participle = verb.form === 'ing' && prev !== undefined && (prev.text === ',' || closedQuote || /^(?:and|by|while|when|before|after|in|\u2014|\u2013|--)$/.test(prev.lower))
  // "After announcing his run, Jo Hale ...": a participle in a phrase opening the sentence.
  const opening = participle && c0 - 1 === sent.from
  if (!source && (participle || (coordinated && verb.form !== 'base'))) {
    // "He apologized the next day, saying ...": the one who spoke earlier in the sentence speaks.
    if (c.last && c.last.source && c.last.cueEnd <= toks[i].start) {
      source = c.last.source
      borrowed = true
    } else source = sentenceSubject(toks, sent, i) ?? (opening ? subjectAfterOpening(toks, sent, i) : null)
  }
  // A finite verb of saying is a cue even when its source escapes the rules above.
  if (!source && !(verb.form === 'past' || verb.form === 'third' || (progressive && verb.strength === 1))) return null
  if (labelledBefore(toks, i, c0, source) && !inverted && !borrowed) source = null
  // "Trump seemed to enjoy it": a raising verb's subject is part of what is judged, and the judge is the writer.
  if (RAISING.has(verb.base) && !inverted && !borrowed) source = null
  const cueStart = toks[c0].start
  const cueTo = phraseTo ?? cueTail(toks, i + 1, sent.to, verb)
  const cueEnd = toks[cueTo - 1].end
  const first = source && !borrowed ? Math.min(cueStart, toks[source.from].start) : cueStart
  const last = inverted && source ? toks[source.to - 1].end : cueEnd
  const quotes: number[] = []
  let content: { start: number; end: number } | null = null
  const qa = quoteAfter(c, last)
  // "... called it “reckless,” adding that ...": the quotation before the participle is the earlier cue's.
  const qb = closedQuote && participle ? -1 : ownsQuoteBefore(c, quoteBefore(c, first), first, last, qa, inverted ? -1 : cueTo)
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
  // The opening phrase reports up to its comma; the main clause after it is the speaker's own.
  if (opening && content && source && toks[source.from].start > toks[i].end) content = trim(text, content.start, Math.min(content.end, toks[source.from].start))
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
      // "his claim that ...": a noun of saying with its owner and its clause.
      if (!special && !found && t.text === t.lower) found = fromNominal(c, i)
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
