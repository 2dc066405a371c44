/**
 * Hand-written English word lists for the suggestion engine: reporting verbs and their
 * forms, the prepositions and fixed phrases they take, titles, source nouns and pronouns.
 * Written from general knowledge of news English, never counted from annotated data.
 */

export type VerbForm = 'base' | 'third' | 'past' | 'ing'

export interface CueVerb {
  base: string
  form: VerbForm
  /** How sure a bare occurrence is a reporting cue: speech verbs 1, looser ones less. */
  strength: number
}

// Verbs of saying: strength 1. Irregular forms follow a colon: base:third:past:ing.
const SPEECH = `say:says:said:saying tell:tells:told:telling write:writes:wrote:writing add
  note explain insist argue claim declare announce report reply respond answer
  acknowledge admit:admits:admitted:admitting concede contend assert stress emphasize emphasise warn predict
  tweet recall remark comment testify allege confirm deny reveal disclose observe
 
  conclude complain suggest ask urge vow pledge
  promise boast brag joke quip:quips:quipped:quipping shout yell scream whisper mutter lament agree
  caution proclaim recount repeat retort counter charge speculate estimate acknowledge
  reiterate marvel muse grumble concur:concurs:concurred:concurring
  talk speak:speaks:spoke:speaking discuss refer:refers:referred:referring state clarify elaborate
  swear:swears:swore:swearing plead exclaim inquire query scoff sneer gush rant fume tease taunt
  confess interject rebut refute contradict opine posit hint surmise theorize
  reaffirm bark gripe murmur mumble aver affirm divulge insinuate intimate preach`

// Verbs that attribute stance, judgement or evidence: weaker alone.
const STANCE = `accuse criticize criticise blast slam praise hail defend endorse dismiss reject blame
  describe call:calls:called:calling label question challenge demand propose recommend
  show:shows:showed:showing find:finds:found:finding indicate:indicates:indicated:indicating
  estimate project forecast:forecasts:forecast:forecasting signal imply suggest cite mention acknowledge warn urge
  support oppose back condemn decry attack threaten dispute echo applaud welcome mock
  ridicule deride thank celebrate advise assure decline refuse seek:seeks:sought:seeking
  offer acknowledge characterize characterise dub brand question credit vow admit concede
  highlight outline detail unveil voice continue
  denounce lambaste lambast berate chide scold rebuke castigate excoriate assail bash hammer
  tout champion embrace commend laud salute promote advocate focus address express
  fault disparage denigrate insult smear demonize vilify justify veto debate
  underscore underline congratulate apologize apologise regret mourn rule order deem portray
  depict frame vote point push side object lash care remind encourage press request
  post retweet share quote reference list downplay bemoan deplore reassure implore lobby allude
  blog chant identify rail trumpet invoke chastise reprimand lampoon`

const STANCE_STRENGTH = 0.6

// Verbs of belief, knowledge, perception and intent: "he thinks that ...", "voters want ...".
// PARC-style attribution counts them as cues when they carry a clause or a proposition.
const COGNITION = `think:thinks:thought:thinking believe know:knows:knew:knowing feel:feels:felt:feeling
  hope fear expect want wish doubt suspect assume figure reckon understand:understands:understood:understanding
  realize realise recognize recognise worry consider regard view see:sees:saw:seeing seem appear learn
  remember forget:forgets:forgot:forgetting wonder guess imagine prefer:prefers:preferred:preferring favor favour
  intend plan:plans:planned:planning decide determine predict anticipate trust envision
  hear:hears:heard:hearing read:reads:read:reading agree disagree
  suppose presume sense notice discover perceive accept desire dream distrust assess judge ponder`

const COGNITION_STRENGTH = 0.7

function regular(base: string): [string, string, string, string] {
  let third: string
  if (/(s|sh|ch|x|z)$/.test(base)) third = base + 'es'
  else if (/[^aeiou]y$/.test(base)) third = base.slice(0, -1) + 'ies'
  else third = base + 's'
  let past: string
  let ing: string
  if (base.endsWith('e')) {
    past = base + 'd'
    ing = base.slice(0, -1) + 'ing'
  } else if (/[^aeiou]y$/.test(base)) {
    past = base.slice(0, -1) + 'ied'
    ing = base + 'ing'
  } else if (/^(?:[^aeiou]*[aeiou])[^aeiouwxy]$/.test(base) && base.length <= 4) {
    // One-syllable verbs ending consonant-vowel-consonant double the last letter: quip, slam.
    past = base + base.slice(-1) + 'ed'
    ing = base + base.slice(-1) + 'ing'
  } else {
    past = base + 'ed'
    ing = base + 'ing'
  }
  return [base, third, past, ing]
}

function build(list: string, strength: number, into: Map<string, CueVerb>): void {
  for (const entry of list.split(/\s+/)) {
    if (!entry) continue
    const forms = entry.includes(':') ? (entry.split(':') as [string, string, string, string]) : regular(entry)
    const kinds: VerbForm[] = ['base', 'third', 'past', 'ing']
    forms.forEach((w, k) => {
      const prev = into.get(w)
      // A past tense spelled like the base ("forecast", "read") is read as past: it takes any subject.
      const form = k === 0 && forms[2] === forms[0] ? 'past' : kinds[k]
      if (!prev || prev.strength < strength) into.set(w, { base: forms[0], form, strength })
    })
  }
}

/** Verbs whose -s form is mostly a plural noun ("comments", "calls"): that form is no cue. */
export const NOUN_LIKE = new Set(
  `comment remark promise answer question charge counter estimate project forecast signal
   demand challenge label report claim call pledge praise blast slam reply joke vow
   post show find support back attack offer release issue credit detail outline voice
   express raise thank question hope fear view plan want wish doubt figure trust read
   worry guess favor favour state vote rule debate order address judge frame query focus
   talk speech regret desire dream sense notice discover smear insult veto champion advocate
   point push side object care share quote reference list request press encourage`.split(/\s+/)
)

/** Participle and base of irregular cue verbs whose participle is not their past tense. */
const PARTICIPLES: ReadonlyArray<[string, string]> = [
  ['see', 'seen'], ['know', 'known'], ['show', 'shown'], ['write', 'written'], ['speak', 'spoken'],
  ['swear', 'sworn'], ['forget', 'forgotten']
]

/** Is `lower` a participle that needs a helper ("has written", "is known") to be a cue? */
export const isBareParticiple = (lower: string): boolean => PARTICIPLES.some(([, p]) => p === lower)

/** Every inflected form of every cue verb, lower case. */
export const CUE_VERBS: ReadonlyMap<string, CueVerb> = (() => {
  const m = new Map<string, CueVerb>()
  build(COGNITION, COGNITION_STRENGTH, m)
  build(STANCE, STANCE_STRENGTH, m)
  build(SPEECH, 1, m)
  m.set('stated', { base: 'state', form: 'past', strength: 1 })
  // Past participles that differ from the past tense, for passives and perfects: "is seen as".
  for (const [base, participle] of PARTICIPLES) {
    const verb = m.get(base)
    if (verb && !m.has(participle)) m.set(participle, { base, form: 'past', strength: verb.strength })
  }
  return m
})()


// Fixed phrases that attribute although their verb alone does not: "made it clear",
// "took aim at". Verb forms (base:third:past:ing) = tails separated by |; * is a possessive.
const PHRASE_LIST = `make:makes:made:making = it clear | clear | the case | the case for | no secret of | no mention of | no apologies for
  take:takes:took:taking = aim at | issue with | credit for | a shot at | shots at | a swipe at
  cast:casts:cast:casting = doubt on | doubt about | aspersions on
  raise:raises:raised:raising = questions about | concerns about | doubts about | the possibility
  put:puts:put:putting = it
  throw:throws:threw:throwing = * support behind | * weight behind
  lend:lends:lent:lending = * support to | * voice to
  come:comes:came:coming = out against | out for | out in favor of
  double:doubles:doubled:doubling = down on
  shoot:shoots:shot:shooting = back
  fire:fires:fired:firing = back | back at
  hit:hits:hit:hitting = back | back at | out at
  pin:pins:pinned:pinning = * hopes on
  weigh:weighs:weighed:weighing = in | in on
  sign:signs:signed:signing = off on
  issue:issues:issued:issuing = a statement saying | a statement | a release | a warning
  lay:lays:laid:laying = out
  spell:spells:spelled:spelling = out
  shrug:shrugs:shrugged:shrugging = off
  brush:brushes:brushed:brushing = off | aside
  play:plays:played:playing = down | up
  chime:chimes:chimed:chiming = in
  open:opens:opened:opening = up about
  release:releases:released:releasing = a statement saying | a statement
  push:pushes:pushed:pushing = back on | back against
  go:goes:went:going = after`

export interface CuePhrase {
  verb: CueVerb
  /** Each tail as lower-case words; "*" stands for a possessive (his, her, their ...). */
  tails: string[][]
}

/** Phrase cues by every form of their verb, lower case. */
export const CUE_PHRASES: ReadonlyMap<string, CuePhrase> = (() => {
  const m = new Map<string, CuePhrase>()
  const kinds: VerbForm[] = ['base', 'third', 'past', 'ing']
  for (const line of PHRASE_LIST.split('\n')) {
    const [forms, tails] = line.split('=').map((x) => x.trim())
    const ws = forms.split(':')
    // Longest tails first, so "the case for" wins over "the case".
    const list = tails.split('|').map((t) => t.trim().split(/\s+/)).sort((a, b) => b.length - a.length)
    ws.forEach((w, k) => m.set(w, { verb: { base: ws[0], form: kinds[k], strength: 0.6 }, tails: list }))
  }
  return m
})()

// The preposition a verb governs belongs to the cue ("talked about", "commented on",
// "referred to"); other prepositions after a cue ("said in", "said of") do not.
export const PARTICLE: Readonly<Record<string, readonly string[]>> = {
  call: ['for', 'on', 'out', 'upon'], point: ['to', 'out'], push: ['for', 'back'], argue: ['for', 'against'], talk: ['about', 'up', 'of'],
  speak: ['about', 'out', 'of'], ask: ['about', 'for'], complain: ['about', 'of'], boast: ['about', 'of'], brag: ['about'],
  worry: ['about'], joke: ['about'], think: ['about'], testify: ['about'], warn: ['about', 'of', 'against'],
  comment: ['on'], focus: ['on'], insist: ['on'], refer: ['to'], respond: ['to'], reply: ['to'],
  object: ['to'], agree: ['with', 'on'], disagree: ['with', 'on'], side: ['with'], rail: ['against'], advocate: ['for'],
  vote: ['for', 'against'], apologize: ['for'], apologise: ['for'], hint: ['at'], rule: ['out'],
  weigh: ['in'], lash: ['out'], believe: ['in'], care: ['about'], allude: ['to'], see: ['as'],
  view: ['as'], regard: ['as'], know: ['as', 'for', 'about'], remember: ['as', 'for'],
  lobby: ['for', 'against'], accuse: ['of'], charge: ['with'], assure: ['of'], write: ['about'],
  caution: ['against'], muse: ['about'], hope: ['for'], identify: ['with'], suspect: ['of'],
  speculate: ['about'], plead: ['for'], press: ['for'], opine: ['on'], wonder: ['about'], counter: ['with']
}
// Verbs that attribute only with their preposition ("spoke about", "voted for", "focused on")
// or a quotation beside them: "he spoke in Dayton", "she voted early" attribute nothing.
export const PARTICLE_ONLY: ReadonlySet<string> = new Set(['talk', 'speak', 'vote', 'focus', 'refer', 'rail', 'side', 'object', 'weigh', 'lash', 'care', 'allude', 'lobby'])

// Words that lead into "to" + a cue without being cues themselves: the whole chain is the
// cue ("are more likely to say", "went on to argue", "began to see").
export const CHAIN_HEAD = /^(?:likely|unlikely|willing|unwilling|eager|ready|able|unable|about|try|tries|tried|trying|begin|begins|began|begun|start|starts|started|continue|continues|continued|continuing|used|need|needs|needed|happy|quick|careful|reluctant|hesitant|afraid|prepared|poised|moved|rushed|set|sure|certain|came|come|comes|going)$/

/** Words that may stand between a source and its verb and belong to the cue. */
export const AUXILIARIES = new Set(
  `has have had will would could may might did does do was were is are be been being 's 've 'll 'd 're 'm
   also later previously repeatedly once now recently initially often frequently again
   then publicly privately reportedly already never not long even still first further
   had've just specifically explicitly openly flatly quickly immediately simply
   can cannot should must shall since yet ever always both all
   don't doesn't didn't won't wouldn't isn't wasn't aren't weren't hasn't haven't hadn't
   can't couldn't shouldn't mustn't`.split(/\s+/)
)

/** Is `lower` an auxiliary or verb-group adverb? Curly apostrophes count as straight ones ("didn’t"). */
export function isAuxiliary(lower: string): boolean {
  return AUXILIARIES.has(lower.replace('\u2019', "'"))
}

/** Personal and relative pronouns that can be a source by themselves. */
export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it', 'who', 'which', 'that'])
export const PERSON_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'you'])

/** Titles and roles that go before or after a name ("Sen.", "spokeswoman"). */
export const TITLES = new Set(
  `president vice senator sen. sens. rep. reps. representative gov. governor mayor secretary
   minister chairman chairwoman chair director chief spokesman spokeswoman spokesperson
   nominee candidate leader speaker judge justice attorney general gen. lt. col. sgt. capt.
   adm. dr. prof. professor mr. mrs. ms. miss rev. pastor pope king queen prince ambassador
   adviser advisor aide strategist pollster analyst economist lawyer official officer
   manager founder ceo executive host anchor reporter editor columnist commissioner
   councilman councilwoman congressman congresswoman lawmaker sheriff detective agent
   democrat republican democratic republican presumptive former current then-candidate
   campaign state federal white house press senior deputy assistant acting top then
   chief-of-staff secretary-general prime gop u.s. national`.split(/\s+/)
)

/** Nouns that head a source phrase without a name ("officials", "a new poll"). */
export const SOURCE_NOUNS = new Set(
  `official officials source sources expert experts analyst analysts spokesman spokeswoman
   spokesperson aide aides adviser advisers advisor advisors critic critics supporter
   supporters voter voters observer observers economist economists lawmaker lawmakers
   leader leaders member members people person resident residents strategist strategists
   pollster pollsters study studies report reports poll polls survey surveys data figures
   statistics records documents document analysis research researchers scientists
   scientist campaign administration government department agency committee court
   police prosecutors prosecutor investigators investigation witnesses witness
   republicans democrats statement statements memo letter email emails filing filings
   organizers organization group groups authorities activists protesters democrat
   republican candidate candidates officer officers staff staffers friend friends
   allies ally opponent opponents rival rivals insiders insider commentators pundits
   americans residents parents workers teachers students doctors families polling
   estimates models model review audit findings evidence numbers counts tally
   senators senator representatives governor mayor president reporters journalists`.split(/\s+/)
)

/** Words that open a source phrase and belong to it. */
export const DETERMINERS = new Set(
  `the a an another some many most several few other these those this that his her their
   its our my your both all no one two three four five six seven eight nine ten dozens
   hundreds thousands each every any such`.split(/\s+/)
)

/** Words that never belong to a source phrase (a source phrase stops before them). */
export const STOP_WORDS = new Set(
  `and or but so because when while if as that than then though although since until
   after before where whether said says told to in on at for with from by about into
   over under against between during without within through not is was are were be
   been has have had will would could should may might must can do does did also
   what why how there here this these just even only very more less however meanwhile
   yet still again now today yesterday tomorrow perhaps maybe indeed instead likewise
   finally ultimately separately earlier later`.split(/\s+/)
)

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = new Set(
  `mr mrs ms dr sen sens rep reps gov gen lt col sgt capt adm rev st jr sr prof inc corp co
   ltd no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec ariz calif colo conn
   ala ark del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va
   vt wash wis wyo mt ft gov't dept est approx fig al e.g i.e u.s u.k u.n d.c a.m p.m`.split(/\s+/)
)

/** Month names, for dates. */
export const MONTHS =
  /\b(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|April|May|June|July|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)\b/

