/**
 * What kind of source a source phrase names (the attribution's "type" field): a person
 * ("Mayor Jo Hale", "she"), an organisation ("the finance department", "Reuters"), a document
 * ("a new poll", "the ministry's statement") or an anonymous source ("a senior official",
 * "people familiar with the talks"); undefined when the words do not say. Hand-written word
 * lists, read from the phrase's head noun (the noun before "of", "in", "for", "who" ...).
 */
import type { SourceType } from '../domain'

const DOCUMENTS = new Set(
  `report reports study studies survey surveys poll polls statement statements memo memos letter letters email
   emails filing filings complaint lawsuit indictment document documents records record data analysis audit
   review findings figures estimate estimates transcript ruling order budget release post tweet tweets video
   footage database census paper papers book memoir article editorial website site slide ad advertisement
   count tally forecast projection model models assessment affidavit testimony minutes agenda plan proposal`.split(/\s+/)
)

const ORGANISATIONS = new Set(
  `department ministry office agency committee commission council court government administration campaign
   police company corporation bank group organization organisation union party board authority bureau service
   force forces army military navy network newspaper paper university institute center centre foundation
   association coalition alliance team club firm operator utility hospital school church kremlin pentagon
   embassy parliament congress senate legislature cabinet house inc corp co ltd llc fund press times post
   journal news airline airlines club league federation secretariat headquarters prosecutors`.split(/\s+/)
)

// Unnamed people: "a senior official", "officials", "sources", "two aides", "people familiar with ...".
const PEOPLE = new Set(
  `official officials source sources aide aides person people adviser advisers advisor advisors insider insiders
   diplomat diplomats staffer staffers employee employees member members resident residents witness witnesses
   voter voters expert experts analyst analysts critic critics supporter supporters observer observers
   lawmaker lawmakers officer officers investigator investigators prosecutor negotiator negotiators
   economist economists strategist strategists delegate delegates worker workers parent parents activist
   activists someone anyone others many some`.split(/\s+/)
)
const ANONYMITY = /\b(?:familiar with|on condition of anonymity|not authori[sz]ed to|asked not to be (?:named|identified)|declined to be (?:named|identified)|speaking anonymously)\b/i

const PERSON_PRONOUN = /^(?:he|she|i|you|him|her)$/i
// Words after the head noun that close it: "officials in both countries", "a study by the Pew Center".
const AFTER_HEAD = /^(?:of|in|at|for|from|with|by|on|to|who|whom|whose|which|that|close|familiar|inside|within|near|among)$/i
// Titles before a name: "Mayor", "Sen.", "spokesman".
const PERSON_TITLE =
  /^(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|col|sgt|capt|adm|rev|prof|president|vice|senator|representative|governor|mayor|secretary|minister|chairman|chairwoman|chair|director|chief|spokesman|spokeswoman|spokesperson|judge|justice|attorney|ambassador|adviser|advisor|aide|commissioner|councilman|councilwoman|congressman|congresswoman|sheriff|detective|pastor|pope|king|queen|prince|princess|lawyer|economist|analyst|strategist|pollster|founder|ceo|executive|host|anchor|reporter|editor|columnist|officer|member|leader|speaker|nominee|candidate)\.?$/i

const ACRONYM = /^\p{Lu}{2,6}s?$/u
const CAPITAL = /^\p{Lu}/u

/** The words of a source phrase without its aside ("Jo Hale, the mayor," → Jo Hale) and possessive endings. */
function words(phrase: string): string[] {
  return phrase
    .split(/\s+/)
    .map((w) => w.replace(/^[("'\u201C\u2018]+|[)"',.;:\u201D\u2019]+$/g, '').replace(/[\u2019']s$/i, ''))
    .filter(Boolean)
}

/** The index of the head word: the last word before a complement or a relative clause. */
function headIndex(ws: string[]): number {
  for (let i = 1; i < ws.length; i++) if (AFTER_HEAD.test(ws[i])) return i - 1
  return ws.length - 1
}

/** The kind of source `phrase` names, or undefined when its words do not say. */
export function sourceTypeOf(phrase: string): SourceType | undefined {
  const ws = words(phrase)
  if (ws.length === 0) return undefined
  if (ws.length === 1 && PERSON_PRONOUN.test(ws[0])) return 'person'
  if (ANONYMITY.test(phrase)) return 'anonymous'
  const h = headIndex(ws)
  const head = ws[h].toLowerCase()
  const named = ws.slice(0, h + 1).some((w) => CAPITAL.test(w) && !PERSON_TITLE.test(w))
  if (DOCUMENTS.has(head)) return 'document'
  if (ORGANISATIONS.has(head) || ACRONYM.test(ws[h])) return 'organisation'
  // A common noun for people with no name: "a senior official", "officials in both countries".
  if (PEOPLE.has(head) && (!named || /^(?:a|an|one|two|three|four|several|some|many|other|another|senior|top)$/i.test(ws[0]))) return 'anonymous'
  // A role: "the mayor", "the ministry's spokesman" is someone in particular; "a spokesman" is not named.
  if (PERSON_TITLE.test(ws[h]) && !CAPITAL.test(ws[h])) return /^(?:a|an|one)$/i.test(ws[0]) ? 'anonymous' : 'person'
  if (!CAPITAL.test(ws[h])) return undefined
  // A name: two capitalised words or more, or a title and a name ("Mayor Hale", "Lorraine Becker").
  const capitals = ws.slice(0, h + 1).filter((w) => CAPITAL.test(w)).length
  if (capitals >= 2 || ws.slice(0, h).some((w) => PERSON_TITLE.test(w))) return 'person'
  return undefined
}
