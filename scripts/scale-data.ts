import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { anchorFor } from '../src/shared/anchor'
import { CLAIM_STATUSES, type Annotation, type ArticleMeta, type ClaimStatus } from '../src/shared/domain'
import type { NodeJSON } from '../src/shared/schema'

/**
 * Realistic articles and annotations for the scale bench, made from a seed: news prose
 * composed here from word lists written for it (or, when the PolNeAR texts are on disk and
 * asked for, their text read by path at run time; nothing from them is kept in the
 * repository), with claims on sentences that carry figures, quotes on quoted words and
 * attributions on "<Name> said", their fields filled as a desk would fill them.
 */

/** Bump whenever what is generated changes, so a cached library is built again. */
export const SCALE_GENERATOR_VERSION = 3

/** A seeded random source (mulberry32): the same seed gives the same library. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rng = () => number
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1))

const FIRST = 'Amara Daniel Priya Tomasz Grace Luis Hannah Kwame Sofia Ethan Mei Oliver Fatima Jonas Claire Rafael Nadia Samuel Ingrid Marcus Leila Owen Chloe Viktor Aisha Patrick Elena Desmond Yuki Harriet'.split(' ')
const LAST = 'Okafor Brennan Sharma Nowak Whitfield Moreno Lindqvist Mensah Castellano Park Haddad Fischer Delacroix Abernathy Osei Kowalski Tanaka Reyes Gallagher Novak Achebe Sorensen Vance Iqbal Ferreira Holloway Nakamura Quinn Adeyemi Marsh'.split(' ')
const ROLES = [
  'the city manager', 'a spokesperson for the mayor', 'the county treasurer', 'a state senator', 'the school board chair',
  'an economist at the state university', 'the police chief', 'a union organiser', 'the hospital’s chief executive', 'a housing advocate'
]
const BODIES = [
  'The city council', 'The county', 'The state health department', 'The school district', 'The transit authority',
  'The police department', 'The governor’s office', 'The housing agency', 'The water utility', 'The regional hospital'
]
const THINGS = [
  'road repairs', 'new police officers', 'affordable housing', 'school meals', 'bus service', 'flood defences',
  'mental health services', 'park maintenance', 'teacher salaries', 'emergency shelters', 'broadband', 'street lighting'
]
const PLACES = ['Riverton', 'Millbrook', 'Eastgate', 'Harlow County', 'Cedar Falls', 'Port Ansel', 'Northfield', 'Bramwell', 'Lakeside', 'Stonebridge']
const OUTLETS = ['Riverton Ledger', 'Millbrook Courier', 'Eastgate Tribune', 'Harlow County Star', 'Cedar Falls Post', 'Port Ansel Herald', 'Northfield Journal', 'Valley Wire']
const TOPICS = ['budget', 'housing', 'schools', 'transit', 'policing', 'health', 'water', 'elections', 'taxes', 'jobs']
const CUES = ['said', 'told reporters', 'added', 'argued', 'warned', 'wrote']
const CHANGE = ['up', 'down'] as const
const QUOTES = [
  'We have never spent this much on it and residents can see the difference',
  'The numbers do not add up, and everyone in this room knows it',
  'This is the biggest investment the city has made in a generation',
  'Families are paying more every month and getting less for it',
  'We were told the money was there, and then it was not',
  'Nobody should have to wait two years for a place to live',
  'The report is clear that the cuts made things worse',
  'It is simply not true that crime has doubled',
  'We will not balance the budget on the backs of children',
  'Every dollar of it has been accounted for'
]
const BACKGROUND = [
  'The proposal now goes to a second reading next month.',
  'Residents packed the meeting room, and several spoke during public comment.',
  'The figures were first published in a report to the finance committee.',
  'Critics say the plan leaves too many questions unanswered.',
  'Supporters point to similar programmes in neighbouring towns.',
  'A final vote is expected before the end of the fiscal year.',
  'The measure passed on a narrow vote after nearly three hours of debate.',
  'Officials did not respond to a request for further comment.'
]
const EXPLANATIONS = [
  'The budget documents show a smaller figure; the claim counts money that was only pledged.',
  'Matches the audited accounts published by the county.',
  'The comparison uses different years, which exaggerates the change.',
  'No record supports the number; the office could not say where it came from.',
  'Correct for the city proper, but not for the metropolitan area the speaker named.'
]
const DESK = ['Ana Ruiz', 'Ben Kofi', 'Cara Lind', 'Dev Patel', 'Eve Marsh']

/** The desk's roster in a generated library: the first three check claims, the last two sign verdicts off. */
export const SCALE_ROSTER = DESK.map((name, i) => ({ id: `p-scale-${i + 1}`, name, role: i < 3 ? ('checker' as const) : ('editor' as const) }))
const CHECKERS = SCALE_ROSTER.filter((p) => p.role === 'checker').map((p) => p.id)
const EDITORS = SCALE_ROSTER.filter((p) => p.role === 'editor').map((p) => p.id)

function person(rng: Rng): string {
  return `${pick(rng, FIRST)} ${pick(rng, LAST)}`
}

function money(rng: Rng): string {
  return rng() < 0.5 ? `$${int(rng, 2, 95)}.${int(rng, 0, 9)} million` : `$${int(rng, 110, 990).toLocaleString('en-US')},000`
}

/** One paragraph of composed news prose: a figure, a quote, an attribution, background. */
function paragraph(rng: Rng, place: string): string {
  const s: string[] = []
  const who = person(rng)
  switch (int(rng, 0, 3)) {
    case 0:
      s.push(`${pick(rng, BODIES)} spent ${money(rng)} on ${pick(rng, THINGS)} in ${int(rng, 2019, 2026)}, ${pick(rng, CHANGE)} ${int(rng, 2, 48)} percent from the year before.`)
      s.push(`“${pick(rng, QUOTES)},” ${who} said.`)
      break
    case 1:
      s.push(`${who}, ${pick(rng, ROLES)}, said ${place} had ${int(rng, 12, 940)} ${pick(rng, ['vacant homes', 'open teaching posts', 'unfilled shifts', 'potholes per mile', 'shelter beds'])} at the end of ${int(rng, 2020, 2026)}.`)
      s.push(pick(rng, BACKGROUND))
      break
    case 2:
      s.push(`“${pick(rng, QUOTES)},” ${who} ${pick(rng, CUES)}.`)
      s.push(`Nearly ${int(rng, 11, 89)} percent of residents surveyed in ${place} said they supported the plan, according to a poll of ${int(rng, 400, 2400)} adults.`)
      break
    default:
      s.push(pick(rng, BACKGROUND))
      s.push(`${who} ${pick(rng, CUES)} the plan would cost ${money(rng)} over ${int(rng, 2, 10)} years.`)
  }
  if (rng() < 0.5) s.push(pick(rng, BACKGROUND))
  return s.join(' ')
}

/** An article as the bench stores it: metadata, paragraphs, and when it was made and last edited. */
export interface GeneratedArticle extends ArticleMeta {
  paragraphs: string[]
  text: string
  body: { type: 'doc'; content: NodeJSON[] }
  sourceName: string
  createdAt: string
  updatedAt: string
  /** Who imported it (the history's "who"). */
  who: string
  annotations: Annotation[]
}

interface Span {
  kind: Annotation['kind']
  start: number
  end: number
  name?: string
  cue?: string
}

const SENTENCE = /[^\s][^.!?\n]*[.!?][”’"]?/g
const QUOTE = /“[^”\n]{12,400}”/g
const SAID = /\b([A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,2}) (said|says|told reporters|told|added|argued|warned|wrote)\b/g

/** Places for annotations in a text: sentences with figures (claims), quoted words, "<Name> said". */
function spans(text: string): Span[] {
  const out: Span[] = []
  for (const m of text.matchAll(SENTENCE)) if (/\d/.test(m[0])) out.push({ kind: 'claim', start: m.index, end: m.index + m[0].length })
  for (const m of text.matchAll(QUOTE)) out.push({ kind: 'quote', start: m.index + 1, end: m.index + m[0].length - 1 })
  for (const m of text.matchAll(SAID)) out.push({ kind: 'attribution', start: m.index, end: m.index + m[0].length, name: m[1], cue: m[2] })
  return out
}

function uuid(rng: Rng): string {
  const h = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`
}

const STATUS_WEIGHTS: [ClaimStatus, number][] = [
  ['unchecked', 40], ['in_review', 15], ['true', 15], ['mostly_true', 8], ['misleading', 8], ['false', 10], ['unverifiable', 4]
]
function status(rng: Rng): ClaimStatus {
  let r = rng() * 100
  for (const [s, w] of STATUS_WEIGHTS) if ((r -= w) < 0) return s
  return CLAIM_STATUSES[0]
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}

/** The annotations a desk would have made on `text`: `count` of them, fields filled. */
function annotate(rng: Rng, text: string, count: number, from: number, to: number): Annotation[] {
  const all = spans(text)
  // Extra claims on plain sentences when the figures run out.
  if (all.length < count) for (const m of text.matchAll(SENTENCE)) if (!/\d/.test(m[0])) all.push({ kind: 'claim', start: m.index, end: m.index + m[0].length })
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  const chosen = all.slice(0, count).sort((a, b) => a.start - b.start || b.end - a.end)
  const attributions: string[] = []
  return chosen.map((s) => {
    const created = from + Math.floor(rng() * Math.max(1, to - from))
    const updated = Math.min(to, created + Math.floor(rng() * 3 * 86_400_000))
    const by = pick(rng, DESK)
    const base = {
      id: uuid(rng),
      anchor: anchorFor(text, s.start, s.end),
      origin: rng() < 0.3 ? ('suggested' as const) : ('manual' as const),
      placement: 'anchored' as const,
      createdBy: by,
      createdAt: iso(created),
      updatedBy: rng() < 0.7 ? by : pick(rng, DESK),
      updatedAt: iso(updated)
    }
    if (s.kind === 'attribution') {
      attributions.push(base.id)
      return { ...base, kind: 'attribution', fields: { sourceName: s.name ?? '', sourceType: 'person', cue: s.cue ?? 'said' } }
    }
    if (s.kind === 'quote') {
      return { ...base, kind: 'quote', fields: { speakerId: attributions.at(-1) ?? null, speakerName: '', checked: rng() < 0.4, checkedNote: '' } }
    }
    const st = status(rng)
    const verdict = st !== 'unchecked' && st !== 'in_review'
    const checkerId = st === 'unchecked' && rng() < 0.6 ? null : pick(rng, CHECKERS)
    const signoff = !verdict ? 'none' : rng() < 0.6 ? 'approved' : 'proposed'
    const signedOffBy = signoff === 'approved' ? pick(rng, EDITORS) : signoff === 'proposed' ? (checkerId ?? pick(rng, CHECKERS)) : null
    return {
      ...base,
      kind: 'claim',
      fields: {
        status: st,
        explanation: verdict ? pick(rng, EXPLANATIONS) : '',
        evidence: verdict ? [{ url: `https://records.example.org/${pick(rng, TOPICS)}/${int(rng, 1000, 99999)}`, note: 'Official figures' }] : [],
        checkerId,
        reviewerId: verdict ? pick(rng, EDITORS) : null,
        due: '',
        signoff,
        signedOffBy,
        signedOffAt: signedOffBy ? iso(updated) : '',
        returnReason: '',
        sourceId: attributions.length && rng() < 0.3 ? attributions[attributions.length - 1] : null,
        sameAs: null
      }
    }
  })
}

/** PolNeAR texts (headline on the first line), read by path when the folder is there. */
export function corpusTexts(dir: string): string[] {
  const out: string[] = []
  for (const split of ['train', 'dev']) {
    const folder = join(dir, split, 'text')
    let names: string[] = []
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.txt'))
    } catch {
      continue
    }
    for (const n of names.sort()) out.push(readFileSync(join(folder, n), 'utf8'))
  }
  return out
}

/** Whether a composed article gets its archive dates (the library spans about four years). */
const ARCHIVE_START = Date.parse('2023-01-02T07:00:00Z')
const ARCHIVE_END = Date.parse('2026-12-01T18:00:00Z')

/**
 * Article `index` of `total`, with `count` annotations: composed, or from `corpus` when it
 * has texts. Made in order of import, so created dates rise with the index.
 */
export function generateArticle(seed: number, index: number, total: number, count: number, corpus: string[] = []): GeneratedArticle {
  const rng = seeded(seed * 1_000_003 + index)
  const created = ARCHIVE_START + Math.floor(((ARCHIVE_END - ARCHIVE_START) * index) / Math.max(1, total)) + int(rng, 0, 600_000)
  // Most are last edited within days; some months later; a few share one moment (a batch).
  const edited = rng() < 0.1 ? created + int(rng, 30, 300) * 86_400_000 : created + int(rng, 60_000, 5 * 86_400_000)
  const updated = Math.min(ARCHIVE_END, rng() < 0.01 ? created : edited)
  const place = pick(rng, PLACES)
  let headline: string
  let paragraphs: string[]
  const fromCorpus = corpus.length > 0 && rng() < 0.5
  if (fromCorpus) {
    const raw = corpus[index % corpus.length].replace(/\r\n?/g, '\n')
    const [first, ...rest] = raw.split('\n')
    headline = first.trim()
    paragraphs = rest.join('\n').split(/\n\s*\n+/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean)
  } else {
    headline = `${place} ${pick(rng, ['approves', 'questions', 'delays', 'cuts', 'expands', 'defends'])} ${pick(rng, THINGS)} ${pick(rng, ['plan', 'spending', 'budget', 'programme'])}`
    paragraphs = []
  }
  // Enough paragraphs for the annotations asked for (about three places each).
  while (paragraphs.length < Math.max(6, Math.ceil(count / 2) + 3)) paragraphs.push(paragraph(rng, place))
  let text = paragraphs.join('\n\n')
  // Every sentence can hold a claim, so as many sentences as annotations is always enough.
  while ((text.match(SENTENCE)?.length ?? 0) < count) {
    paragraphs.push(paragraph(rng, place))
    text = paragraphs.join('\n\n')
  }
  const published = new Date(created - int(rng, 0, 2) * 86_400_000).toISOString().slice(0, 10)
  const outlet = pick(rng, OUTLETS)
  return {
    headline,
    byline: `By ${person(rng)}`,
    outlet,
    url: `https://${outlet.toLowerCase().replace(/\s+/g, '')}.example.com/${published.slice(0, 7).replace('-', '/')}/${index}`,
    publishedAt: published,
    paragraphs,
    text,
    body: { type: 'doc', content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) },
    sourceName: fromCorpus ? `polnear-${index % corpus.length}.txt` : `${place.toLowerCase().replace(/\s+/g, '-')}-${index}.txt`,
    createdAt: iso(created),
    updatedAt: iso(updated),
    who: pick(rng, DESK),
    annotations: annotate(rng, text, count, created, updated)
  }
}

/**
 * How many annotations each of `articles` articles gets: between 2 and 18 or so, `total` in
 * all exactly, the same for the same seed.
 */
export function annotationCounts(seed: number, articles: number, total: number): Uint16Array {
  const rng = seeded(seed ^ 0x5eed)
  const counts = new Uint16Array(articles)
  const mean = total / articles
  let sum = 0
  for (let i = 0; i < articles; i++) {
    counts[i] = Math.max(0, Math.round(mean * (0.2 + 1.6 * rng())))
    sum += counts[i]
  }
  while (sum !== total) {
    const i = Math.floor(rng() * articles)
    if (sum < total) {
      counts[i]++
      sum++
    } else if (counts[i] > 0) {
      counts[i]--
      sum--
    }
  }
  return counts
}
