/**
 * Hand-written English word lists for the suggestion engine: reporting verbs and their
 * forms, titles, source nouns and pronouns. Written from general knowledge of news English.
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
  reiterate marvel muse grumble concur:concurs:concurred:concurring`

// Verbs that attribute stance, judgement or evidence: weaker alone.
const STANCE = `accuse criticize criticise blast slam praise hail defend endorse dismiss reject blame
  describe call:calls:called:calling label question challenge demand propose recommend
  show:shows:showed:showing find:finds:found:finding indicate:indicates:indicated:indicating
  estimate project forecast signal imply suggest cite mention acknowledge warn urge
  support oppose back condemn decry attack threaten dispute echo applaud welcome mock
  ridicule deride thank celebrate advise assure decline refuse seek:seeks:sought:seeking
  offer acknowledge characterize characterise dub brand question credit vow admit concede
  highlight outline detail unveil voice continue`

const STANCE_STRENGTH = 0.6

// Verbs of belief, knowledge, perception and intent: "he thinks that ...", "voters want ...".
// PARC-style attribution counts them as cues when they carry a clause or a proposition.
const COGNITION = `think:thinks:thought:thinking believe know:knows:knew:knowing feel:feels:felt:feeling
  hope fear expect want wish doubt suspect assume figure reckon understand:understands:understood:understanding
  realize realise recognize recognise worry consider regard view see:sees:saw:seeing seem appear learn
  remember forget:forgets:forgot:forgetting wonder guess imagine prefer:prefers:preferred:preferring favor favour
  intend plan:plans:planned:planning decide determine predict anticipate trust envision
  hear:hears:heard:hearing read:reads:read:reading agree disagree`

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
      if (!prev || prev.strength < strength) into.set(w, { base: forms[0], form: kinds[k], strength })
    })
  }
}

/** Verbs whose -s form is mostly a plural noun ("comments", "calls"): that form is no cue. */
export const NOUN_LIKE = new Set(
  `comment remark promise answer question charge counter estimate project forecast signal
   demand challenge label report claim call pledge praise blast slam reply joke vow
   post show find support back attack offer release issue credit detail outline voice
   express raise thank question hope fear view plan want wish doubt figure trust read
   worry guess favor favour`.split(/\s+/)
)

/** Every inflected form of every cue verb, lower case. */
export const CUE_VERBS: ReadonlyMap<string, CueVerb> = (() => {
  const m = new Map<string, CueVerb>()
  build(COGNITION, COGNITION_STRENGTH, m)
  build(STANCE, STANCE_STRENGTH, m)
  build(SPEECH, 1, m)
  m.set('stated', { base: 'state', form: 'past', strength: 1 })
  return m
})()

/** Words that may stand between a source and its verb and belong to the cue. */
export const AUXILIARIES = new Set(
  `has have had will would could may might did does do was were is are be been being 's 've 'll 'd 're 'm
   also later previously repeatedly once now recently initially often frequently again
   then publicly privately reportedly already never not long even still first further
   had've just specifically explicitly openly flatly quickly immediately simply`.split(/\s+/)
)

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
   fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va
   vt wash wis wyo mt ft gov't dept est approx fig al e.g i.e u.s u.k u.n d.c a.m p.m`.split(/\s+/)
)

/** Month names, for dates. */
export const MONTHS =
  /\b(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|April|May|June|July|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)\b/
