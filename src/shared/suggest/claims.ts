/**
 * Check-worthiness: how much a sentence states a fact someone could check (figures,
 * percentages, money, dates, records, comparisons, causes, attributed facts), and how much
 * it reads as opinion, question, promise or pleasantry instead. Weights are set by hand.
 */
import { MONTHS } from './lexicon'

interface Rule {
  reason: string
  test: RegExp
  weight: number
}

const NUMBER_WORDS = /\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|twice|double|triple|quadruple|one-third|two-thirds|one-fourth|one-fifth|quarter)\b/i

/** Signals that a sentence states something checkable; each counts once. */
const FOR: Rule[] = [
  { reason: 'percentage', test: /\d\s?(?:%|percent\b|per cent\b|percentage points?\b)|\bpercent(?:age)?\b/i, weight: 0.45 },
  { reason: 'money', test: /[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:dollars|euros|pounds)\b|\b(?:dollars|deficit|debt|budget|taxe?s?|spending|spent|funding|cost|costs|paid|wages?|salary|income)\b/i, weight: 0.4 },
  { reason: 'figure', test: /\b\d[\d,.]*\b(?!\s*(?:a\.m|p\.m|o'clock))/i, weight: 0.35 },
  { reason: 'figure', test: NUMBER_WORDS, weight: 0.3 },
  { reason: 'date', test: new RegExp(`\\b(?:1[89]|20)\\d\\d\\b|${MONTHS.source}\\s+\\d|\\b(?:last|this|next)\\s+(?:year|month|week|decade|century)\\b|\\b(?:since|in)\\s+(?:1[89]|20)\\d\\d`, 'i'), weight: 0.25 },
  { reason: 'record or superlative', test: /\b(?:record|first|largest|biggest|highest|lowest|smallest|fastest|slowest|worst|least|never before|all-time|unprecedented|historic)\b/i, weight: 0.25 },
  { reason: 'comparison', test: /\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse)\s+than\b|\b(?:increased?|decreased?|increasing|decreasing|rose|risen|rising|fell|fallen|falling|doubled|tripled|cut|grew|grown|declined?|dropped|went up|went down|up from|down from|compared)\b/i, weight: 0.3 },
  { reason: 'causal', test: /\b(?:because of|due to|caused|causes|led to|leads to|result(?:ed|s)? (?:in|of)|as a result|thanks to|responsible for|created|destroyed|killed|lost|saved)\b/i, weight: 0.25 },
  { reason: 'attributed fact', test: /\b(?:according to|reported|reports|study|studies|survey|poll|data|statistics|census|records show|found that|shows that|showed that|estimates?)\b/i, weight: 0.25 },
  { reason: 'law or policy', test: /\b(?:law|illegal|legal|bill|voted|vote|votes|passed|signed|vetoed|tax|taxes|program|act|amendment|regulation|treaty|agreement|deal|unemployment|jobs|economy|inflation|crime|health care|insurance|nuclear|troops|military)\b/i, weight: 0.25 },
  { reason: 'attributed statement', test: /\b(?:[A-Z][a-z]+|he|she|they)\s+(?:has |have |had )?(?:said|says|voted|wants|supported|opposed|proposed|promised|called|claimed|admitted|signed|vetoed|conducted|cut|raised)\b/, weight: 0.3 },
  { reason: 'stated fact', test: /\b(?:is|are|was|were|has|have|had)\b(?![^.]*\?)/i, weight: 0.1 }
]

/** Signals that a sentence is opinion, question, promise or pleasantry. */
const AGAINST: Array<{ test: RegExp; weight: number }> = [
  { test: /\?\s*["\u201D]?\s*$/, weight: 0.35 },
  { test: /\b(?:i|we)\s+(?:think|believe|feel|hope|want|wish|would like|am going to|are going to|will|'ll|must|should|need to)\b|\bi'(?:m|ll)\b|\bwe'(?:re|ll) going\b/i, weight: 0.25 },
  { test: /\b(?:thank you|thanks|congratulations|good evening|good night|let me|let's|ladies and gentlemen|of course|you know|i mean|well,)\b/i, weight: 0.25 },
  { test: /\b(?:should|must|ought to|would|could|might|going to|gonna|will|got to|gotta|have to|need to|'d|can't|cannot)\b/i, weight: 0.15 },
  { test: /\b(?:the (?:only|best|right) (?:way|thing)|the kind of|i want|we want|let us|we've got to|we have got to)\b/i, weight: 0.15 },
  { test: /\b(?:great|wonderful|terrible|horrible|disgrace|beautiful|amazing|sad|believe me|frankly|honestly|love|hate)\b/i, weight: 0.15 }
]

/** Scores how check-worthy a sentence is, from 0 to 1, with the reasons for it. */
export function claimScore(sentence: string): { score: number; reasons: string[] } {
  const reasons: string[] = []
  let x = -0.2
  for (const r of FOR) {
    if (r.test.test(sentence)) {
      x += r.weight
      if (r.reason !== 'stated fact' && r.reason !== 'law or policy' && !reasons.includes(r.reason)) reasons.push(r.reason)
    }
  }
  for (const a of AGAINST) if (a.test.test(sentence)) x -= a.weight
  const words = sentence.split(/\s+/).filter(Boolean).length
  if (words < 6) x -= 0.2
  else if (words > 14) x += 0.05
  const score = Math.max(0, Math.min(1, 0.5 + x))
  return { score: Math.round(score * 100) / 100, reasons }
}
