import { CopydeskError } from '../../../shared/errors'
import { cleanName, foldWord, nameKey } from '../../../shared/speakers/names'
import type { SpeakerDetail, SpeakerItem, SpeakerPart, SpeakerSummary } from '../../../shared/speakers/types'
import type { Store } from '../store'
import { deriveSpeakers, type Derivation, type DerivedSpeaker, type MentionInput } from './derive'
import { readArticles, readClaimLinks, readDecisions, readItems, readMentions, statusOf, writeDecision, type ItemRow } from './rows'

/**
 * People in the news across the archive, as the contract's speaker operations give them:
 * derived afresh from the store's mentions and the user's decisions on every call, so what
 * a save changed is there at once and a merge or a split is never undone by a new article.
 */

interface Archive {
  derivation: Derivation
  kindOf: Map<string, MentionInput>
  /** Claim ids per speaker index. */
  claims: Map<number, Set<string>>
  articles: Map<number, { headline: string; date: string }>
  merges: [string, string][]
  splits: Set<string>
}

/** The last derivation per connection (a restore opens another), with the state of the file it was read from. */
const cache = new WeakMap<object, { version: string; archive: Archive }>()

/**
 * The file's state: what other connections committed (data_version) and what this one
 * changed (total_changes). Both unchanged, nothing the derivation reads has changed.
 */
function fileVersion(store: Store): string {
  const other = store.db.pragma('data_version', { simple: true }) as number
  const own = (store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  return `${other}:${own}`
}

/** The derivation, read afresh only when the file changed since the last one (~0.5 s at 100,000 mentions). */
function readArchive(store: Store): Archive {
  const version = fileVersion(store)
  const kept = cache.get(store.db)
  if (kept?.version === version) return kept.archive
  const archive = deriveArchive(store)
  cache.set(store.db, { version, archive })
  return archive
}

function deriveArchive(store: Store): Archive {
  const db = store.db
  return db.transaction(() => {
    const mentions = readMentions(db)
    const decisions = readDecisions(db)
    const derivation = deriveSpeakers(mentions, decisions)
    const claims = new Map<number, Set<string>>()
    for (const link of readClaimLinks(db)) {
      const index = derivation.byId.get(link.mentionId)
      if (index === undefined) continue
      claims.set(index, (claims.get(index) ?? new Set()).add(link.claimId))
    }
    return {
      derivation,
      kindOf: new Map(mentions.map((m) => [m.annotationId, m])),
      claims,
      articles: readArticles(db),
      merges: decisions.merges,
      splits: new Set(decisions.splits)
    }
  }).deferred()
}

function summary(archive: Archive, index: number): SpeakerSummary {
  const s = archive.derivation.speakers[index]
  const articleIds = new Set(s.groups.map((g) => g.articleId))
  const dates = [...articleIds].map((id) => archive.articles.get(id)?.date ?? '')
  return {
    id: s.id,
    name: s.name,
    variants: s.variants,
    quoteCount: s.annotationIds.filter((id) => archive.kindOf.get(id)?.kind === 'quote').length,
    claimCount: archive.claims.get(index)?.size ?? 0,
    articleCount: articleIds.size,
    lastSeen: dates.sort().at(-1) ?? ''
  }
}

/** Folded words of a name or a search, for comparing what the user typed. */
function fold(s: string): string {
  return s.split(/\s+/).map(foldWord).filter(Boolean).join(' ')
}

/**
 * The speaker `ref` names: an id (any of its names' ids), else a name as the user types it
 * ("Putin", "Vladimir Putin"). Several people answering to it is an error that lists them.
 */
function resolve(archive: Archive, ref: string): number {
  const { byId, speakers } = archive.derivation
  const direct = byId.get(ref) ?? byId.get(ref.toLowerCase())
  if (direct !== undefined) return direct
  const clean = cleanName(ref)
  const key = clean && nameKey(clean)
  if (key && byId.has(key)) return byId.get(key)!
  const wanted = fold(ref)
  const cleaned = clean ? fold(clean.display) : wanted
  // Named so as written, or so once titles are stripped ("Smith" is Ms. Smith's name too).
  const named = (s: DerivedSpeaker): boolean =>
    fold(s.name) === wanted || s.variants.some((v) => fold(v) === wanted) || s.groups.some((g) => fold(g.display) === cleaned)
  let found = speakers.flatMap((s, i) => (named(s) ? [i] : []))
  if (!found.length && wanted) found = speakers.flatMap((s, i) => (fold([s.name, ...s.variants].join(' | ')).includes(wanted) ? [i] : []))
  if (found.length === 1) return found[0]
  found.sort((x, y) => speakers[x].name.localeCompare(speakers[y].name) || speakers[x].id.localeCompare(speakers[y].id))
  if (!found.length) throw new CopydeskError('not_found', `No one called "${ref}" is quoted or cited in the library.`)
  const list = found.slice(0, 6).map((i) => `${speakers[i].name} (${speakers[i].id})`).join(', ')
  throw new CopydeskError('invalid_input', `"${ref}" could be ${found.length} people: ${list}${found.length > 6 ? ', …' : ''}. Name one by its id.`)
}

function item(row: ItemRow, mention: MentionInput | undefined): SpeakerItem {
  const status = row.kind === 'claim' ? statusOf(row.fields) : null
  return {
    annotationId: row.id,
    kind: row.kind === 'claim' ? 'claim' : 'quote',
    articleId: row.article_id,
    headline: row.headline,
    outlet: row.outlet,
    date: row.published_at || row.created_at,
    exact: row.exact,
    nameAsWritten: row.kind === 'quote' ? (mention?.name ?? '') : '',
    status,
    checked: row.kind === 'quote' ? Boolean((JSON.parse(row.fields) as { checked?: boolean }).checked) : null
  }
}

const newestFirst = (a: SpeakerItem, b: SpeakerItem): number => b.date.localeCompare(a.date) || a.headline.localeCompare(b.headline) || a.annotationId.localeCompare(b.annotationId)

function detail(store: Store, archive: Archive, index: number): SpeakerDetail {
  const s = archive.derivation.speakers[index]
  const quoteIds = s.annotationIds.filter((id) => archive.kindOf.get(id)?.kind === 'quote')
  const rows = readItems(store.db, [...quoteIds, ...(archive.claims.get(index) ?? [])])
  const items = rows.map((r) => item(r, archive.kindOf.get(r.id)))
  const merged = s.nodes.length > 1
  const parts: SpeakerPart[] = s.groups
    .map((g) => ({
      id: g.id,
      name: g.display,
      articleId: g.articleId,
      headline: archive.articles.get(g.articleId)?.headline ?? '',
      mentions: g.mentions,
      joined: archive.splits.has(g.id) ? ('split' as const) : merged && g.node !== s.id ? ('merge' as const) : ('name' as const)
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.articleId - b.articleId)
  return {
    ...summary(archive, index),
    parts,
    quotes: items.filter((i) => i.kind === 'quote').sort(newestFirst),
    claims: items.filter((i) => i.kind === 'claim').sort(newestFirst)
  }
}

/** The speaker operations over one store. */
export function speakerServices(store: Store): {
  listSpeakers: (input: { query?: string }) => SpeakerSummary[]
  getSpeaker: (input: { id: string }) => SpeakerDetail
  mergeSpeakers: (input: { a: string; b: string }) => SpeakerDetail
  splitSpeaker: (input: { id: string; part: string }) => { speaker: SpeakerDetail; apart: SpeakerDetail }
} {
  const who = (): string => store.getPreferences().userName
  return {
    listSpeakers({ query }) {
      const archive = readArchive(store)
      const wanted = query ? fold(query) : ''
      return archive.derivation.speakers
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => !wanted || fold([s.name, ...s.variants].join(' | ')).includes(wanted))
        .map(({ i }) => summary(archive, i))
        .sort((a, b) => b.quoteCount + b.claimCount - (a.quoteCount + a.claimCount) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    },
    getSpeaker({ id }) {
      const archive = readArchive(store)
      return detail(store, archive, resolve(archive, id))
    },
    mergeSpeakers({ a, b }) {
      const archive = readArchive(store)
      const [ia, ib] = [resolve(archive, a), resolve(archive, b)]
      const { speakers } = archive.derivation
      if (ia === ib) throw new CopydeskError('invalid_input', `"${a}" and "${b}" are already one person: ${speakers[ia].name}.`)
      writeDecision(store.db, { add: { action: 'merge', a: speakers[ia].id, b: speakers[ib].id }, who: who() })
      const after = readArchive(store)
      return detail(store, after, after.derivation.byId.get(speakers[ia].id)!)
    },
    splitSpeaker({ id, part }) {
      const archive = readArchive(store)
      const index = resolve(archive, id)
      const s = archive.derivation.speakers[index]
      if (s.nodes.length > 1 && s.nodes.includes(part)) {
        // A name the user merged in: the merges through it are taken back.
        writeDecision(store.db, { unmerge: part, who: who() })
      } else {
        const group = s.groups.find((g) => g.id === part)
        if (!group) throw new CopydeskError('not_found', `"${part}" is not one of ${s.name}'s names. The parts are: ${s.groups.map((g) => g.id).join(', ')}.`)
        // In a person the user merged, a name goes back out with the rest of its side of the merge.
        if (s.nodes.length > 1) writeDecision(store.db, { unmerge: group.node, who: who() })
        else if (s.groups.length === 1) throw new CopydeskError('invalid_input', `${s.name} is named only once, in one article: there is nothing to split off.`)
        else writeDecision(store.db, { add: { action: 'split', a: part }, who: who() })
      }
      const after = readArchive(store)
      const apart = after.derivation.byId.get(part)!
      const rest = after.derivation.speakers.findIndex((x, i) => i !== apart && s.nodes.concat(s.groups.map((g) => g.id)).some((n) => after.derivation.byId.get(n) === i))
      return { speaker: detail(store, after, rest === -1 ? apart : rest), apart: detail(store, after, apart) }
    }
  }
}
