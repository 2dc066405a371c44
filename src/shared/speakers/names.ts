/**
 * People's names as articles write them, reduced to the name itself: "Russian President
 * Vladimir Putin", "Mr. Putin" and "Vladimir Putin, the Kremlin leader" become "Vladimir
 * Putin" and "Putin". Pure functions, shared by the store's derivation and the renderer.
 */

/** Words that say what someone is, not who: titles, honorifics, roles, and what qualifies them. */
const TITLE_WORDS = new Set(
  `mr mrs ms miss mx dr prof professor sir dame lord lady baroness baron rev reverend father sister brother rabbi imam sheikh
   president vice prime minister premier chancellor secretary senator sen rep representative congressman congresswoman
   governor gov mayor councillor councilman councilwoman alderman alderwoman assemblyman assemblywoman deputy
   judge justice chief attorney general gen lt lieutenant col colonel maj major capt captain sgt sergeant cmdr commander
   adm admiral marshal officer detective inspector superintendent constable sheriff
   king queen prince princess emperor pope cardinal bishop archbishop ayatollah
   chairman chairwoman chair chairperson director commissioner ambassador envoy spokesman spokeswoman spokesperson
   ceo cfo coo founder executive economist analyst professor researcher scientist lawyer author coach manager
   leader head candidate nominee speaker minority majority whip member mp mep msp
   former acting interim then incoming outgoing late longtime veteran top senior junior
   foreign defence defense finance health interior justice treasury state home economy energy education
   trade labour labor environment transport transportation agriculture commerce culture
   of the for and to at in on with
   u.s us uk un eu nato white house federal national city county district party republican democratic democrat
   labour conservative tory liberal socialist
   russian american british french german chinese ukrainian israeli palestinian iranian indian japanese canadian
   australian european turkish italian spanish mexican brazilian saudi syrian iraqi afghan pakistani polish dutch irish
   scottish welsh korean north south egyptian nigerian kenyan argentine swedish norwegian danish finnish greek
   hungarian belarusian venezuelan cuban colombian chilean peruvian`.split(/\s+/).filter(Boolean)
)

/** Name endings that are not part of the surname ("Jr.", "III"). */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'kc', 'qc'])

/** Words that name a group or a role, not a person, when they stand alone ("Officials said"). */
const GENERIC = new Set(
  `officials official police analysts experts critics residents witnesses sources authorities spokesman spokeswoman spokesperson
   protesters investigators prosecutors lawmakers legislators economists scientists researchers doctors diplomats observers
   supporters opponents organisers organizers officers troops staff aides advisers advisors insiders someone others`.split(/\s+/).filter(Boolean)
)

/** A name with what it is reduced to. */
export interface CleanName {
  /** The name as shown: "Vladimir Putin" (titles and roles stripped, spelling kept). */
  display: string
  /** Folded words of the name (lower case, accents and dots gone): ["vladimir", "putin"]. */
  tokens: string[]
  /** The surname: the last word that is not a suffix such as "Jr.". */
  surname: string
}

/** Lower case, accents and dots gone, curly apostrophes straight: how names are compared. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\./g, '')
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word)
}

/** Small words inside names ("Charles de Gaulle", "Ursula von der Leyen"). */
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'das', 'dos', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter', 'ten', 'zu'])

/** The words that tell people apart: without particles and suffixes. */
function coreTokens(tokens: string[]): string[] {
  return tokens.filter((t) => !SUFFIXES.has(t) && !PARTICLES.has(t))
}

/**
 * The name in `raw`, titles, roles and appositions stripped, or null when no name is left
 * ("a senior official", "officials", "the ministry"). The name is the run of capitalised words
 * at the end (name particles such as "de" allowed), less everything up to the last title word
 * before its surname: "Russian President Vladimir Putin" is "Vladimir Putin", while "Jane
 * Green", "John Major" and "Martin Luther King Jr." stay whole.
 */
export function cleanName(raw: string): CleanName | null {
  // An apposition or a clause after a comma, a dash or a bracket is about the person, not their name.
  let text = raw.replace(/\s+/g, ' ').trim().split(/\s*(?:,|;|\(|\s[-–—]\s|\swho\s|\swhose\s)/)[0] ?? ''
  // "Putin's spokesman Dmitry Peskov": what comes after a possessive is the one named.
  const possessive = text.match(/^.*\S['’]s?\s+(.*)$/)
  if (possessive && /\p{Lu}/u.test(possessive[1])) text = possessive[1]
  const words = text
    .split(' ')
    .map((w) => w.replace(/^["“”‘’'(]+|["“”‘’')]+$/g, '').replace(/:+$/, ''))
    .filter(Boolean)
  // The capitalised run at the end ("press secretary Karine Jean-Pierre" → "Karine Jean-Pierre").
  let first = words.length
  while (first > 0 && (isCapitalised(words[first - 1]) || (PARTICLES.has(words[first - 1]) && first < words.length))) first--
  while (first < words.length && PARTICLES.has(words[first])) first++
  let run = words.slice(first)
  const folded = run.map(foldWord)
  let last = folded.length - 1
  while (last > 0 && SUFFIXES.has(folded[last])) last--
  // Everything up to the last title word before the surname goes.
  for (let i = last - 1; i >= 0; i--) {
    if (TITLE_WORDS.has(folded[i])) {
      run = run.slice(i + 1)
      break
    }
  }
  const tokens = run.map(foldWord).filter(Boolean)
  const core = coreTokens(tokens)
  if (!core.length || (core.length === 1 && tokens.length === 1 && GENERIC.has(core[0]))) return null
  return { display: run.join(' '), tokens, surname: core[core.length - 1] }
}

/** The key two mentions share when they name the same way: "vladimir-putin". */
export function nameKey(name: CleanName): string {
  return isSurnameOnly(name) ? name.surname : name.tokens.filter((t) => !SUFFIXES.has(t)).join('-')
}

/** Whether a cleaned name is a surname alone ("Putin", "Mr. Putin"), to be matched to a full name. */
export function isSurnameOnly(name: CleanName): boolean {
  return coreTokens(name.tokens).length === 1
}

/** The key of an organisation or a document: its words folded, a leading "the" dropped. */
export function organisationKey(raw: string): string | null {
  const words = raw
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map(foldWord)
    .map((w) => w.replace(/^["“”‘’'(]+|["“”‘’'),:;]+$/g, ''))
    .filter(Boolean)
  if (words[0] === 'the') words.shift()
  return words.length && /\p{Lu}/u.test(raw) ? words.join('-') : null
}
