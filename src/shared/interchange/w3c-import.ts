import type { AnnotationKind } from '../domain'
import type { ImportedAnnotation, ImportResult } from './imported'
import { addComment, clampPrefix, clampSuffix, contextFrom, isKind, link, newImported, setField, stringOr } from './imported'
import { ANNOTATION_ID_PREFIX, COPYDESK_VOCAB } from './w3c'

/**
 * Reads annotations from W3C Web Annotation JSON: Copydesk's own export, or another tool's
 * (an AnnotationCollection, an AnnotationPage, an array, one annotation, or Hypothesis's
 * export with `annotations`/`rows` in its own format). Tags decide the kind (claim, quote,
 * attribution; anything else is a claim); an annotation's comment becomes the first comment
 * of its thread, and replies (`motivation: replying` aimed at an annotation in the file, or
 * Hypothesis's `references`) the comments after it; "linking" annotations become
 * quote→speaker and claim→source links. `text`, when given, is the article's plain
 * text: it fills a quote the file only gives positions for.
 *
 * Throws an Error with a specific message when the JSON is not annotations at all or an
 * annotation is malformed; annotations that simply cannot be placed (page notes, replies to
 * annotations not in the file) are listed in `skipped`.
 */
export function parseW3C(json: unknown, text?: string): ImportResult {
  const items = collectItems(json)
  if (items.length === 0) throw new NotAnnotationsError(true)
  if (!items.some(looksLikeAnnotation)) throw new NotAnnotationsError(false)
  const annotations: ImportedAnnotation[] = []
  const skipped: string[] = []
  const links: { item: Record<string, unknown>; where: string }[] = []
  const replies: { item: Record<string, unknown>; where: string }[] = []
  const refs = new Set<string>()
  items.forEach((raw, i) => {
    const where = `annotation ${i + 1}`
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new Error(`W3C import: ${where} is not an object`)
    }
    const item = raw as Record<string, unknown>
    if (asList(item.motivation).includes('linking')) {
      links.push({ item, where })
      return
    }
    if (isReply(item)) {
      replies.push({ item, where })
      return
    }
    const parsed = readAnnotation(item, where, text)
    if (typeof parsed === 'string') {
      skipped.push(parsed)
      return
    }
    if (refs.has(parsed.ref)) throw new Error(`W3C import: ${where} repeats the id ${parsed.ref}`)
    refs.add(parsed.ref)
    annotations.push(parsed)
  })
  const byRef = new Map(annotations.map((a) => [a.ref, a]))
  for (const { item, where } of links) {
    const body = idOf(asList(item.body)[0])
    const target = idOf(asList(item.target)[0])
    const from = target === null ? undefined : byRef.get(fromIri(target))
    const to = body === null ? undefined : byRef.get(fromIri(body))
    if (!from || !to) {
      skipped.push(`${where}: a link between annotations not in this file`)
      continue
    }
    if (!link(from, to)) skipped.push(`${where}: a ${from.kind} cannot be linked to a ${to.kind}`)
  }
  for (const { item, where } of replies) {
    const target = replyTarget(item)
    const on = target === null ? undefined : byRef.get(fromIri(target))
    if (!on) {
      skipped.push(`${where}: a reply to an annotation not in this file`)
      continue
    }
    addComment(on, replyText(item), { authorName: creatorName(item) ?? '', createdAt: stringOr(item.created), editedAt: stringOr(item.modified ?? item.updated) })
  }
  return { annotations, skipped }
}

/** A reply: W3C's `replying` motivation, or Hypothesis's `references` to the annotation it answers. */
function isReply(item: Record<string, unknown>): boolean {
  return asList(item.motivation).includes('replying') || (Array.isArray(item.references) && item.references.length > 0)
}

/** The id of the annotation a reply answers: its target (W3C), or the thread's first reference (Hypothesis). */
function replyTarget(item: Record<string, unknown>): string | null {
  if (Array.isArray(item.references) && typeof item.references[0] === 'string') return item.references[0]
  return idOf(asList(item.target)[0])
}

/** A reply's words: its textual bodies, or Hypothesis's `text`. */
function replyText(item: Record<string, unknown>): string {
  const bodies = asList(item.body)
    .map((b) => (typeof b === 'string' ? b : typeof b === 'object' && b !== null ? (b as Record<string, unknown>).value : undefined))
    .filter((v): v is string => typeof v === 'string' && v.trim().length > 0)
  if (bodies.length) return bodies.join('\n\n')
  return typeof item.text === 'string' ? item.text : ''
}

/** The name of an item's creator (W3C `creator`, Hypothesis `user`), if it gives one. */
function creatorName(item: Record<string, unknown>): string | undefined {
  const creator = asList(item.creator)[0] ?? item.user
  const name = typeof creator === 'string' ? creator : (creator as Record<string, unknown> | undefined)?.name
  return typeof name === 'string' && name ? name : undefined
}

/**
 * The JSON is not annotations at all (`empty`: it is, but holds none): said in its own
 * words, where "0 placed, 0 not found" would leave an editor guessing.
 */
export class NotAnnotationsError extends Error {
  readonly empty: boolean
  constructor(empty: boolean) {
    super(empty ? 'W3C import: the file holds no annotations' : 'W3C import: the file is not annotations')
    this.name = 'NotAnnotationsError'
    this.empty = empty
  }
}

/** An object with what every annotation shape has: a target, or the Annotation type. */
function looksLikeAnnotation(item: unknown): boolean {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false
  const o = item as Record<string, unknown>
  return o.target !== undefined || asList(o.type).includes('Annotation')
}

/** The annotation objects of any of the shapes `parseW3C` accepts. */
function collectItems(json: unknown): unknown[] {
  if (Array.isArray(json)) return json
  if (typeof json !== 'object' || json === null) throw new NotAnnotationsError(false)
  const o = json as Record<string, unknown>
  const types = asList(o.type)
  if (types.includes('AnnotationCollection')) {
    const items: unknown[] = []
    let page: unknown = o.first
    if (page === undefined) return []
    for (let n = 0; page !== undefined && page !== null; n++) {
      if (typeof page !== 'object') {
        throw new Error('W3C import: the collection links to its pages instead of embedding them; download the pages')
      }
      const p = page as Record<string, unknown>
      if (!Array.isArray(p.items)) throw new Error(`W3C import: page ${n + 1} of the collection has no "items" list`)
      items.push(...p.items)
      page = p.next
    }
    return items
  }
  if (types.includes('AnnotationPage')) {
    if (!Array.isArray(o.items)) throw new Error('W3C import: the AnnotationPage has no "items" list')
    return o.items
  }
  if (types.includes('Annotation')) return [o]
  if (Array.isArray(o.annotations)) return o.annotations // Hypothesis client export
  if (Array.isArray(o.rows)) return o.rows // Hypothesis API search result
  throw new NotAnnotationsError(false)
}

/** One annotation, or a string saying why it was skipped. */
function readAnnotation(item: Record<string, unknown>, where: string, text?: string): ImportedAnnotation | string {
  const selector = findSelectors(item.target, where)
  if (!selector) return `${where}: has no text selector (a page note?)`
  let { exact } = selector
  const { start, end } = selector
  if (exact === undefined) {
    if (start === undefined || end === undefined || text === undefined || end > text.length) {
      return `${where}: has only a position and no text to read the quote from`
    }
    exact = text.slice(start, end)
  }
  if (exact.length === 0) return `${where}: selects no text`

  const bodies = asList(item.body).filter((b): b is Record<string, unknown> => typeof b === 'object' && b !== null)
  const tags = [
    ...bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value),
    ...(Array.isArray(item.tags) ? item.tags : [])
  ]
  const kind: AnnotationKind = (tags.map((t) => (typeof t === 'string' ? t.trim().toLowerCase() : '')).find(isKind) ??
    'claim') as AnnotationKind
  const id = typeof item.id === 'string' && item.id ? fromIri(item.id) : `#${where}`
  const a = newImported(kind, id, exact)
  a.prefix = clampPrefix(selector.prefix ?? '')
  a.suffix = clampSuffix(selector.suffix ?? '')
  if (start !== undefined && end !== undefined) {
    a.start = start
    a.end = end
    if (selector.prefix === undefined && text !== undefined) contextFrom(a, text, start, end)
  }
  for (const body of bodies) {
    let own = false
    for (const [key, value] of Object.entries(body)) {
      const name = key.startsWith('copydesk:') ? key.slice(9) : key.startsWith(COPYDESK_VOCAB) ? key.slice(COPYDESK_VOCAB.length) : null
      if (name === null || name === 'field') continue
      own = true
      setField(a, name, name === 'evidence' ? unprefixEvidence(value) : value, `W3C import: ${where}`)
    }
    const purpose = body.purpose
    // An annotation's own comment (older Copydesk exports mark their internal note so):
    // the first comment of its thread, by its creator, made when it was.
    if (!own && purpose !== 'tagging' && typeof body.value === 'string') {
      if (body['copydesk:field'] === 'note' || purpose === 'commenting' || purpose === undefined) addComment(a, body.value, { createdAt: stringOr(item.created) })
    }
  }
  if (typeof item.text === 'string') addComment(a, item.text, { createdAt: stringOr(item.created) }) // Hypothesis's comment
  const name = creatorName(item)
  if (name) a.createdBy = name
  const created = item.created
  const modified = item.modified ?? item.updated
  if (typeof created === 'string') a.createdAt = created
  if (typeof modified === 'string') a.updatedAt = modified
  const resolvedAt = stringOr(item['copydesk:threadResolvedAt'])
  if (resolvedAt) a.resolvedAt = resolvedAt
  return a
}

interface Selected {
  exact?: string
  prefix?: string
  suffix?: string
  start?: number
  end?: number
}

/** The quote and position selectors of a target (any of its shapes), or null when it has none. */
function findSelectors(target: unknown, where: string): Selected | null {
  const found: Selected = {}
  let any = false
  const visit = (sel: unknown): void => {
    if (typeof sel !== 'object' || sel === null) return
    const s = sel as Record<string, unknown>
    if (s.type === 'TextQuoteSelector') {
      if (typeof s.exact !== 'string') throw new Error(`W3C import: ${where} has a TextQuoteSelector without "exact" text`)
      for (const k of ['prefix', 'suffix'] as const) {
        if (s[k] !== undefined && typeof s[k] !== 'string') throw new Error(`W3C import: ${where} has a non-text ${k}`)
      }
      if (found.exact === undefined) {
        found.exact = s.exact
        found.prefix = s.prefix as string | undefined
        found.suffix = s.suffix as string | undefined
        any = true
      }
    } else if (s.type === 'TextPositionSelector') {
      const { start, end } = s
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number)) {
        throw new Error(`W3C import: ${where} has a TextPositionSelector with bad offsets (${String(start)}, ${String(end)})`)
      }
      if (found.start === undefined) {
        found.start = start as number
        found.end = end as number
        any = true
      }
    }
    if (s.refinedBy) asList(s.refinedBy).forEach(visit)
  }
  for (const t of asList(target)) {
    if (typeof t !== 'object' || t === null) continue
    const o = t as Record<string, unknown>
    asList(o.selector).forEach(visit)
  }
  return any ? found : null
}

function unprefixEvidence(value: unknown): unknown {
  if (!Array.isArray(value)) return value
  return value.map((e) => {
    if (typeof e !== 'object' || e === null) return e
    const o = e as Record<string, unknown>
    return { url: o['copydesk:url'] ?? o.url ?? '', note: o['copydesk:note'] ?? o.note ?? '' }
  })
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>
    if (typeof o.id === 'string') return o.id
    if (typeof o.source === 'string') return o.source
  }
  return null
}

/** A Copydesk annotation IRI back to its id; any other IRI stays as it is. */
function fromIri(iri: string): string {
  if (!iri.startsWith(ANNOTATION_ID_PREFIX)) return iri
  try {
    return decodeURIComponent(iri.slice(ANNOTATION_ID_PREFIX.length))
  } catch {
    return iri
  }
}
