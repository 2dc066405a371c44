import { cleanName, isSurnameOnly, nameKey, organisationKey, type CleanName } from '../../../shared/speakers/names'

/**
 * Who is who across the archive: every quote's speaker and attribution's source grouped into
 * people, from the names alone plus what the user decided. Pure, so it is derived afresh from
 * the annotations each time and the user's merges and splits (kept apart in the store) are
 * applied on top, surviving any re-derivation.
 *
 * The units: a *group* is one name in one article ("putin@12"); a *node* is what groups join
 * before the user's merges: a full name across the archive ("vladimir-putin"), or a group kept
 * apart (a split, or a surname that could be two people). A speaker is a set of nodes the
 * user's merges joined, or one node.
 */

/** A quote or an attribution that names someone, as the store reads it. */
export interface MentionInput {
  annotationId: string
  articleId: number
  kind: 'quote' | 'attribution'
  /** The name as written ("Russian President Vladimir Putin"); a quote's is its attribution's when linked. */
  name: string
  sourceType: string
}

/** What the user decided: pairs of nodes that are one person, and groups kept apart. */
export interface SpeakerDecisions {
  merges: [string, string][]
  splits: string[]
}

/** One name in one article, and the node it joined. */
export interface SpeakerGroup {
  id: string
  node: string
  /** The name as shown (titles stripped): "Vladimir Putin", "Putin". */
  display: string
  articleId: number
  mentions: number
}

export interface DerivedSpeaker {
  /** The id of its node with the most mentions; any node or group id of it also finds it. */
  id: string
  name: string
  nodes: string[]
  groups: SpeakerGroup[]
  /** Names as written, most used first ("Mr. Putin", "Russian President Vladimir Putin"), spaces made single. */
  variants: string[]
  /** The annotation ids of its quotes and attributions. */
  annotationIds: string[]
}

export interface Derivation {
  speakers: DerivedSpeaker[]
  /** Speaker index by node id, group id and annotation id. */
  byId: Map<string, number>
}

interface Group {
  id: string
  key: string
  display: string
  articleId: number
  person: boolean
  surnameOnly: boolean
  surname: string
  mentions: MentionInput[]
}

/** The group of each mention that names someone; unnamed sources ("a senior official") have none. */
function groupMentions(mentions: MentionInput[]): Map<string, Group> {
  const groups = new Map<string, Group>()
  // An archive writes the same few thousand names again and again: each is read once.
  const read = new Map<string, { clean: CleanName | null; key: string | null }>()
  for (const m of mentions) {
    if (m.sourceType === 'anonymous' || !m.name.trim()) continue
    const person = m.sourceType === 'person'
    const memo = `${person ? 'p' : 'o'}|${m.name}`
    let name = read.get(memo)
    if (!name) {
      const c = person ? cleanName(m.name) : null
      name = { clean: c, key: c ? nameKey(c) : person ? null : organisationKey(m.name) }
      read.set(memo, name)
    }
    const { clean, key } = name
    if (!key) continue
    const id = `${key}@${m.articleId}`
    let g = groups.get(id)
    if (!g) {
      const display = clean ? clean.display : m.name.replace(/\s+/g, ' ').trim().replace(/^the\s+/i, '')
      g = { id, key, display, articleId: m.articleId, person, surnameOnly: !!clean && isSurnameOnly(clean), surname: clean?.surname ?? '', mentions: [] }
      groups.set(id, g)
    } else if (!g.surnameOnly && g.display.length < (clean?.display.length ?? 0)) {
      g.display = clean!.display
    }
    g.mentions.push(m)
  }
  return groups
}

/** Which node each group joins: full names by key, surnames to the one full name they can mean. */
function assignNodes(groups: Map<string, Group>, splits: Set<string>): Map<string, string> {
  const node = new Map<string, string>()
  const fullInArticle = new Map<string, Set<string>>() // `${articleId}|${surname}` → nodes
  const fullInArchive = new Map<string, Set<string>>() // surname → nodes (split groups not counted)
  for (const g of groups.values()) {
    if (g.surnameOnly) continue
    const n = splits.has(g.id) ? g.id : g.key
    node.set(g.id, n)
    if (!g.person) continue
    const here = `${g.articleId}|${g.surname}`
    fullInArticle.set(here, (fullInArticle.get(here) ?? new Set()).add(n))
    if (!splits.has(g.id)) fullInArchive.set(g.surname, (fullInArchive.get(g.surname) ?? new Set()).add(n))
  }
  for (const g of groups.values()) {
    if (!g.surnameOnly) continue
    if (splits.has(g.id)) {
      node.set(g.id, g.id)
      continue
    }
    const here = fullInArticle.get(`${g.articleId}|${g.surname}`)
    const archive = fullInArchive.get(g.surname)
    if (here && here.size === 1) node.set(g.id, [...here][0])
    else if (here) node.set(g.id, g.id) // two full names with this surname in the article: which one is unknown
    else if (archive && archive.size === 1) node.set(g.id, [...archive][0])
    else if (archive) node.set(g.id, g.id) // two people of this surname in the archive: kept to its article
    else node.set(g.id, g.key) // nobody else has this name: one speaker across articles
  }
  return node
}

function find(parent: Map<string, string>, x: string): string {
  let root = x
  while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!
  parent.set(x, root)
  return root
}

function mostUsed(counts: Map<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0])).map(([k]) => k)
}

/** The speakers of the archive, from its mentions and the user's decisions. */
export function deriveSpeakers(mentions: MentionInput[], decisions: SpeakerDecisions): Derivation {
  const groups = groupMentions(mentions)
  const nodeOf = assignNodes(groups, new Set(decisions.splits))
  const nodes = new Set(nodeOf.values())
  const parent = new Map<string, string>()
  for (const [a, b] of decisions.merges) {
    if (!nodes.has(a) || !nodes.has(b)) continue // a name no longer in any article: the decision waits
    const ra = find(parent, a)
    const rb = find(parent, b)
    if (ra !== rb) parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra)
  }
  const byRoot = new Map<string, Group[]>()
  for (const g of groups.values()) {
    const root = find(parent, nodeOf.get(g.id)!)
    const list = byRoot.get(root)
    if (list) list.push(g)
    else byRoot.set(root, [g])
  }
  const speakers: DerivedSpeaker[] = []
  const byId = new Map<string, number>()
  for (const list of byRoot.values()) {
    const nodeCounts = new Map<string, number>()
    const fullNames = new Map<string, number>()
    const anyNames = new Map<string, number>()
    const variants = new Map<string, number>()
    for (const g of list) {
      const n = nodeOf.get(g.id)!
      nodeCounts.set(n, (nodeCounts.get(n) ?? 0) + g.mentions.length)
      const names = g.surnameOnly ? anyNames : fullNames
      names.set(g.display, (names.get(g.display) ?? 0) + g.mentions.length)
      for (const m of g.mentions) variants.set(m.name, (variants.get(m.name) ?? 0) + 1)
    }
    const nodeIds = mostUsed(nodeCounts)
    const index = speakers.length
    speakers.push({
      id: nodeIds[0],
      name: (fullNames.size ? mostUsed(fullNames) : mostUsed(anyNames))[0],
      nodes: nodeIds,
      groups: list.map((g) => ({ id: g.id, node: nodeOf.get(g.id)!, display: g.display, articleId: g.articleId, mentions: g.mentions.length })),
      variants: [...new Set(mostUsed(variants).map((v) => v.replace(/\s+/g, ' ').trim()))],
      annotationIds: list.flatMap((g) => g.mentions.map((m) => m.annotationId))
    })
    for (const n of nodeIds) byId.set(n, index)
    for (const g of list) byId.set(g.id, index)
    for (const id of speakers[index].annotationIds) byId.set(id, index)
  }
  return { speakers, byId }
}
