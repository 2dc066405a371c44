/**
 * Check-worthiness: how much a sentence states a fact someone could check (figures,
 * percentages, money, dates, records, comparisons, causes, attributed facts), and how much
 * it reads as opinion, question, promise or pleasantry instead. Weights are set by hand.
 */
import { MONTHS } from './lexicon'

interface Rule {
  reason: string
  test: { test(sentence: string): boolean }
  weight: number
  /** Tested on the sentence without the days of dates and ages (see DAY_OR_AGE). */
  figures?: boolean
}

const NUMBER_WORDS = /\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|twice|double|triple|quadruple|one-third|two-thirds|three-quarters|one-fourth|one-fifth|quarter|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|three|four|five|six|seven|eight|nine|ten|number one)\b/i

// Irregular past forms of verbs that report an action or a record ("he cut", "they sent"), and short
// regular ones the -ed pattern below is too long for ("died", "hired"). "Rose" is left to the
// comparison rule, which tells the name from the verb.
const PAST_IRREGULAR = 'cut|lost|spent|sent|built|fought|bought|sold|made|gave|took|won|grew|fell|paid|led|left|met|brought|wrote|ran|began|became|kept|held|drove|went|came|told|said|saw|knew|voted|passed|owed|died|lied|sued|hired|fired|freed'
// A past or perfect statement about what someone did: "he voted against", "we have created".
// Words ending in -ed that are not past actions: "the United States", "indeed", "a hundred".
const NOT_PAST = '(?!(?:united|indeed|need|speed|proceed|succeed|exceed|seed|feed|breed|hundred|kindred|sacred|naked|wicked|supposed|concerned|interested|so-called|tired|scared|talented|skilled|biased|beloved|aged|red|bed|shed|fled|wed|wanted|needed|hoped|wished|liked|loved|seemed|named|called|talked|asked|thanked|worried|pleased|excited|surprised|involved|based|related|limited|required|tried)\\b)'
// After "be", "feel", "seem" or "get" an -ed word describes a state: "I'm concerned", "we're committed";
// after "the", "our" or "a" it is an adjective: "the armed forces", "a balanced budget".
const STATE = "(?<!\\b(?:to|am|is|are|be|being|feel|feels|felt|seem|seems|get|got|very|so|too|deeply|really|a|an|the|this|these|those|our|their|his|her|my|your|its|well|more|most|less)\\s+)(?<!['\u2019](?:m|re)\\s+)"
// "has cut", "hadn't caught", "we've closed": a perfect tense reports something done.
const PERFECT = `(?:\\b(?:has|have|had)(?:n['\u2019]t)?|['\u2019](?:ve|s|d))\\s+(?:(?:never|not|already|just|also|ever)\\s+)?(?!been\\b)(?:[a-z]+(?:ed|en|ne|wn|ght|lt|nt)|had|made|put|cut|set|let)\\b`
// A denied action is a claim about the record too: "the mayor did not sign the order". Not knowing,
// thinking or wanting is not.
const DENIED = `\\bdid(?:n['\u2019]t| not)\\s+(?:even\\s+)?(?!(?:think|know|want|like|say|mean|see|feel|believe|understand|expect|realize|hear|have to|need)\\b)[a-z]+`
// A passive perfect with an irregular participle: "the mill has been sold", "the town had been hit".
const PASSIVE = `\\b(?:has|have|had)\\s+been\\s+(?:[a-z]+en|made|put|cut|set|lost|paid|sold|told|held|hit|led|shot|struck|thrown|won)\\b`
const PAST_ACTION = new RegExp(`\\b${STATE}${NOT_PAST}(?:[a-z]{3,}(?:ed)|${PAST_IRREGULAR})\\b|${PERFECT}|${DENIED}|${PASSIVE}`, 'i')

// What the speaker or their side did in office, as opposed to what they felt or saw.
const OWN_RECORD = /\b(?:i|we)(?:'ve| have)?\s+(?:also\s+|always\s+|just\s+|never\s+)?(?:supported|signed|voted|opposed|sponsored|co-?sponsored|introduced|passed|cut|reduced|raised|created|balanced|vetoed|appointed|ordered|sent|saved|invested|maintained|gained|increased|doubled|added|lowered|eliminated|ended|negotiated|won|led|built|expanded|provided|brought|paid|hired|stopped|removed|captured|killed|rescued|delivered|deployed|withdrew|imposed|lifted|approved)\b/i

// A count of things: "42 vetoes", "nine rural clinics". Counts of time or turns ("nine years",
// "three times") measure the speaker's story more often than the world.
// A figure is read from its first digit only: from every digit of "1,1,1,…" the match cost quadratic time.
const COUNTED_NUMBER = String.raw`\b(?:(?<![\d,])\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|hundred|thousand|million|billion|dozens?|hundreds|thousands|millions)`
// Short words that end in -s are no plural nouns: "the two of us", "one thing is".
const NOT_COUNTED = String.raw`(?!(?:years|months|weeks|days|hours|minutes|seconds|times|ways|things|points|questions|is|was|has|does|as|us|his|its|this|yes|always|perhaps|less|unless|across|thus|plus|towards|whereas)\b)`
const COUNT = new RegExp(String.raw`${COUNTED_NUMBER}\s+${NOT_COUNTED}(?:[a-z]+\s+)?${NOT_COUNTED}[a-z]+s\b`, 'i')

// A change or a comparison of levels: "more than", "fell", "doubled", "up from".
const COMPARISON = /\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse)\b[^.;]{0,40}\bthan\b|\b(?:increased?|decreased?|increasing|decreasing|risen|rising|fell|fallen|falling|doubled|tripled|grew|grown|declined?|dropped|went up|went down|up from|down from|compared|times as (?:many|much))\b/i

// Words that end in -est but are no superlatives: "interest", "Midwest", "protest".
const NOT_SUPERLATIVE = String.raw`(?!(?:(?:dis)?honest|modest|interest|protest|suggest|request|invest|divest|arrest|forest|harvest|contest|manifest|earnest|digest|ingest|latest|(?:mid|north|south)?west|(?:un)?rest|test|nest|vest|zest|guest|pest|chest|(?:con)?quest|inquest|lest|jest|best|priest|behest|bequest|detest|attest|infest|molest|wrest|crest)\b)`

// A year alone is a date, not a figure: "in 1957" dates a story but measures nothing. Nor do a
// clock time or a few minutes ("spoke for 20 minutes").
const FIGURE = /\b(?!(?:1[89]|20)\d\d\b)\d[\d,.]*\b(?!\s*(?:a\.m|p\.m|o'clock|minutes?\b|seconds?\b))/i
// Nor does the day of a date ("Nov. 2", "3 November") or an age after a name ("Natalia Bondar, 58,").
// (Matched forwards, keeping the month or the name: a lookbehind here costs 10 µs a sentence.)
const DAY_OR_AGE = new RegExp(String.raw`(${MONTHS.source}\.?\s+)\d{1,2}\b(?!\s*(?:%|percent))|\b\d{1,2}(?=\s+${MONTHS.source})|(\p{Lu}[\p{L}'\u2019.\-]*,\s)\d{1,3}(?=,)`, 'gu')

/** The sentence without the days of its dates and its ages, for the figure rules. */
function withoutDaysAndAges(sentence: string): string {
  return /\d/.test(sentence) ? sentence.replace(DAY_OR_AGE, (_, month?: string, name?: string) => month ?? name ?? '') : sentence
}

/** Signals that a sentence states something checkable; each counts once. */
const FOR: Rule[] = [
  { reason: 'percentage', test: /\d\s?(?:%|percent\b|per cent\b|percentage points?\b)|\bpercent(?:age)?\b/i, weight: 0.45 },
  { reason: 'money', test: /[$€£¥]\s?\d|(?<![\d,.])\b\d[\d,.]*\s?(?:dollars|euros|pounds|cents)\b|\b(?:million|billion|trillion)\s+dollars\b|\b(?:thousands|millions|billions|trillions) of dollars\b/i, weight: 0.35 },
  // Rates, averages and amounts per period are measurements someone published.
  { reason: 'rate or average', test: /\b(?:per|a year|a month|each year|every year|annually|rates?|average|median|per capita|ratio)\b/i, weight: 0.1 },
  { reason: 'figure', test: FIGURE, weight: 0.35, figures: true },
  { reason: 'figure', test: NUMBER_WORDS, weight: 0.25 },
  { reason: 'figure', test: COUNT, weight: 0.15, figures: true },
  { reason: 'date', test: new RegExp(`\\b(?:1[89]|20)\\d\\d\\b|${MONTHS.source}\\.?\\s+\\d|\\b(?:last|this|next)\\s+(?:year|month|week|decade|century)\\b|\\b(?:since|in)\\s+(?:1[89]|20)\\d\\d|\\b(?:\\w+ )?(?:years?|months?|decades?) ago\\b`, 'i'), weight: 0.25 },
  // Records and measurable superlatives ("the deadliest", "the busiest"). "First" counts as a rank
  // ("the first woman elected"), not as a step ("we first must", "my first term"); "ever" only as
  // "than ever". Other superlatives ("the greatest", "the strongest") are as often praise: they count
  // only with a scope, below.
  { reason: 'record or superlative', test: /\b(?:record|(?<!\b(?:at|in the|to|we|i|they|you|he|she|my|our|his|her|their)\s)first(?!\s+(?:of all|place|step|term|two|three|four|few|couple)\b|\s*,)|largest|biggest|highest|lowest|smallest|fastest|slowest|longest|shortest|oldest|youngest|richest|poorest|deadliest|busiest|cheapest|costliest|fewest|hottest|coldest|wettest|driest|never before|all-time|unprecedented|historic|than ever|the only|one of the (?:few|only))\b/i, weight: 0.25 },
  // A superlative with a scope someone can look up: "the largest ... in the history of the state".
  { reason: 'record or superlative', test: new RegExp(`^(?=.*\\b(?:${NOT_SUPERLATIVE}[a-z]{2,}est|most|least|first|worst|best)\\b).*\\b(?:in (?:the |our |american |recorded )?history|in the (?:world|nation|country|state|county|city|region|league)|on record|ever|since)\\b`, 'i'), weight: 0.25 },
  // "Rose" is a name as often as a rise, so only the lower-case verb counts.
  { reason: 'comparison', test: { test: (s) => COMPARISON.test(s) || /\brose\b/.test(s) }, weight: 0.3 },
  // A level that moved: "prices are up", "family income is down", "bankruptcies have gone up".
  { reason: 'comparison', test: /\b(?:is|are|was|were|has|have|had|gone|went|come|came|goes|been)\s+(?:not\s+|way\s+)?(?:up|down)\b(?!\s+(?:to|with|and|here|there)\b)/i, weight: 0.3 },
  { reason: 'causal', test: /\b(?:because of|due to|caused|causes|led to|leads to|result(?:ed|s)? (?:in|of)|as a result|thanks to|responsible for)\b/i, weight: 0.1 },
  { reason: 'attributed fact', test: /\b(?:according to|reported|reports|study|studies|survey|poll|data|statistics|census|records show|found that|shows that|showed that|estimates?|evidence)\b/i, weight: 0.25 },
  { reason: 'past action or record', test: PAST_ACTION, weight: 0.2 },
  // Someone other than the lone speaker did something: "we passed", "Iran built", "the court ruled".
  { reason: 'past action or record', test: new RegExp(`(?:\\b(?:we|they|he|she)|\\b[A-Z][a-z]+|\\b[Tt]he\\s+[a-z]+)\\s+(?:[a-z]+ly\\s+|also\\s+|just\\s+)?${NOT_PAST}(?:[a-z]{3,}ed|${PAST_IRREGULAR})\\b`), weight: 0.15 },
  // The speaker's own record: "I signed", "we have cut", "I voted against".
  { reason: 'past action or record', test: OWN_RECORD, weight: 0.2 },
  // A politician's record: how they voted, what they backed, signed or blocked.
  { reason: 'past action or record', test: /\b(?:voted|supported|opposed|signed|vetoed|sponsored|co-?sponsored|introduced|blocked|filibustered|repealed|enacted|endorsed|funded|defunded|slashed|raised|lowered|created|eliminated|abolished|privatized|deregulated|invaded|bombed|killed)\b/i, weight: 0.15 },
  { reason: 'law or policy', test: /\b(?:law|laws|illegal|legislation|bill|voted|vote|votes|vetoed|amendment|regulation|treaty|act|budget|deficit|debt|taxe?s?|unemployment|jobs|inflation|crime|insurance|nuclear|troops|military|medicare|social security|wages?|income)\b/i, weight: 0.15 },
  // Public-policy subjects: claims about them are the ones readers most want checked.
  { reason: 'law or policy', test: /\b(?:health care|healthcare|medicaid|welfare|pensions?|schools?|teachers?|students?|tuition|college|oil|gas|energy|coal|emissions|weapons?|missiles?|army|navy|wars?|sanctions|terrorists?|economy|economic|growth|recession|trade|tariffs?|exports?|imports?|companies|businesses|workers|families|seniors|veterans|immigrants?|immigration|border|police|prisons?|guns?|abortion|spending|programs?|benefits|subsidies|loans?|banks?|mortgages?|prices?|costs?|poverty|poor|wealthy|middle class|minimum wage|salar(?:y|ies)|funding|funds?)\b/i, weight: 0.1 },
  { reason: 'absolute statement', test: /\b(?:never|no one|nobody|not one|none of|not a single|every single|all of (?:them|the))\b/i, weight: 0.1 },
  // A named person, country or body past the first word: claims are about someone in particular.
  // Days and months are capitalised too but name no one.
  { reason: 'named party', test: /[a-z,;]\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+/, weight: 0.1 },
  { reason: 'stated fact', test: /\b(?:is|are|was|were|has|have|had)\b/i, weight: 0.05 },
  // Something under way: "the plant is closing", "troops were patrolling". Talk and intent are not.
  { reason: 'stated fact', test: /\b(?:is|are|was|were)\s+(?:now\s+|still\s+|already\s+)?(?!(?:going|trying|talking|asking|looking|saying|doing|thinking|hoping|being|getting|coming|making|working)\b)[a-z]{3,}ing\b/i, weight: 0.05 }
]

/** Signals that a sentence is opinion, question, promise or pleasantry. */
const AGAINST: Array<{ test: RegExp; weight: number }> = [
  // A question.
  { test: /\?\s*["\u201D]?\s*$/, weight: 0.45 },
  // A sentence broken off ("...", "--") has no complete statement to check.
  { test: /(?:\.\.\.|\u2026|--|\u2014)\s*["\u201D]?\s*$/, weight: 0.2 },
  // A promise or plan, kept or ruled out ("we're not going to"): what someone will do is not yet a
  // fact. (The modal rule below adds to it.)
  { test: /\b(?:i|we|i'm|we're)\s+(?:(?:not|am not|are not)\s+)?(?:will|would|am going to|are going to|'m going to|'re going to|going to|want to|intend to|plan to|propose|hope)\b|\bi'll\b|\bwe'll\b|\b(?:i|we) (?:would|will) (?:like|never|always|not)\b/i, weight: 0.3 },
  // First-person opinion or feeling.
  { test: /\b(?:i|we)\s+(?:(?:don't|do not|really|strongly|also|just|still)\s+)?(?:feel|hope|want|wish|guess|suppose|am convinced|am sure|agree|disagree|support|oppose|like|love|hate)\b|\bin my (?:view|opinion)\b|\bmy (?:view|opinion|position) is\b/i, weight: 0.25 },
  // Pleasantries and speech-making.
  { test: /\b(?:thank you|thanks|congratulations|good evening|good night|let me|let's|ladies and gentlemen|of course|you know|i mean|well,|my friends|god bless)\b/i, weight: 0.3 },
  // Talk about the occasion itself: "my time is up", "your question", "tonight".
  { test: /\b(?:tonight|my time|your time|the question|your question|wait a minute|rebuttal|this debate)\b/i, weight: 0.2 },
  // What we must do: a programme, not a fact.
  { test: /\b(?:we|you|i|america|this country)\s+(?:(?:all|really|simply|just)\s+)?(?:need to|needs to|must|have to|has to|should|ought to|got to|gotta|can)\b/i, weight: 0.2 },
  // "I think", "I believe": a softer sign of opinion (a fact may follow).
  { test: /\b(?:i|we)\s+(?:(?:don't|do not|really|strongly|also|just|still)\s+)?(?:think|believe)\b/i, weight: 0.15 },
  // The speaker's own experiences: "I met", "I have traveled", "I always thought".
  { test: /\bi(?:'ve| have)?\s+(?:always\s+|never\s+)?(?:felt|thought|believed|wanted|hoped|liked|loved|tried|learned|remembered|seen|met|visited|talked|traveled|travelled|went|came|grew)\b/i, weight: 0.1 },
  // Hedged: the speaker does not vouch for it ("probably", "maybe", "I guess").
  { test: /\b(?:probably|perhaps|maybe|possibly|i guess|i suppose|sort of|kind of|i doubt|i suspect|it seem(?:s|ed) to me|as i recall|if my (?:memory|recollection) is|as far as i know|i'm not sure|i am not sure)\b/i, weight: 0.1 },
  // Memories, feelings and gratitude.
  { test: /\bi\s+(?:remember|regret|am (?:grateful|proud|pleased|glad|happy|sorry|honored|delighted)|recall|appreciate|respect|admire|understand)\b/i, weight: 0.2 },
  // Obligation, advice, prediction, possibility.
  { test: /\b(?:should|must|ought to|would|could|might|going to|gonna|will|'ll|got to|gotta|have to|need to|needs to|'d|can't|cannot|can)\b/i, weight: 0.15 },
  { test: /\b(?:the (?:only|best|right) (?:way|thing)|the kind of|let us|we've got to|we have got to|it's time|the time (?:has come|is now|for)|the question is|the issue is)\b/i, weight: 0.15 },
  // Appeals to the nation as a whole ("America", "the American people", "our country") belong to
  // speech-making more than to claims; a figure or a record still outweighs them.
  { test: /\b(?:america|americans|the american people|this country|our country|our nation)\b/i, weight: 0.05 },
  // Value judgements.
  { test: /\b(?:great|wonderful|terrible|horrible|disgrace|beautiful|amazing|sad|believe me|frankly|honestly|love|hate|proud|important|wrong|right thing|fair|unfair|dangerous|ridiculous|strong|weak|good|bad)\b/i, weight: 0.15 },
  // Verdicts and ideas: "a mistake", "a failure", "the right approach", "my philosophy".
  { test: /\b(?:mistake|failure|disaster|tragedy|tragic|shame|outrageous|nice|decent|smart|stupid|foolish|wise|reckless|irresponsible|seriously|fundamental(?:ly)?|clearly|obviously|simply|idea|ideas|approach|philosophy|principles?|belief|vision|agenda|values)\b/i, weight: 0.1 },
  // A conditional or hypothetical.
  { test: /^\s*(?:if|when|unless|suppose|imagine)\b|\bif (?:we|you|i|they)\b/i, weight: 0.1 }
]

const FIRST_PERSON = /^\W*(?:(?:and|but|so|now|well|look|frankly|yes|no)\W+)?(?:i|we|i'm|we're|i've|we've|i'd|we'd|my|our)\b/i

// Signals that weigh in but mean little to an editor on their own, so are not shown as reasons.
const UNSHOWN = new Set(['stated fact', 'named party', 'law or policy', 'absolute statement'])

// Where the score starts: a sentence needs at least one real signal (a figure, a record, an
// action someone took) to reach 0.5, since most sentences in speech and copy are not claims.
const START = -0.35

/** Scores how check-worthy a sentence is, from 0 to 1, with the reasons for it. */
export function claimScore(sentence: string): { score: number; reasons: string[] } {
  const reasons: string[] = []
  let x = START
  const figures = withoutDaysAndAges(sentence)
  for (const r of FOR) {
    if (r.test.test(r.figures ? figures : sentence)) {
      x += r.weight
      if (!UNSHOWN.has(r.reason) && !reasons.includes(r.reason)) reasons.push(r.reason)
    }
  }
  for (const a of AGAINST) if (a.test.test(sentence)) x -= a.weight
  // Speakers talking about themselves, with nothing measurable in it: an anecdote or a stance.
  const own = OWN_RECORD.test(sentence)
  const hard = own || reasons.some((r) => r !== 'past action or record')
  if (!hard && FIRST_PERSON.test(sentence)) x -= 0.1
  // "I", "me", "my" anywhere, unless it is the speaker's record: the speaker is telling a story or a
  // view. "My opponent" is about someone else.
  if (!own && /\b(?:I|me|my(?! opponent))\b/.test(sentence)) x -= 0.1
  const words = sentence.split(/\s+/).filter(Boolean).length
  // Short sentences already carry fewer signals; only nudge them, so "Ohio lost those jobs." counts.
  if (words < 6) x -= 0.05
  else if (words > 14) x += 0.05
  const score = Math.max(0, Math.min(1, 0.5 + x))
  return { score: Math.round(score * 100) / 100, reasons }
}
