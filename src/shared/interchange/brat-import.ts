import { offsetMap } from './brat-offsets'
import type { ImportedAnnotation, ImportResult } from './imported'
import { addComment, contextFrom, link, newImported, setField, stringOr } from './imported'

/**
 * Reads a brat standoff .ann file. Copydesk's own export maps back directly (Claim, Quote
 * and Attribution lines, their attributes and notes, Attribution events as links, `comment:`
 * notes as the thread). Any other note (another tool's AnnotatorNotes) becomes a comment.
 * PolNeAR-style relations (`E\tAttribution:T Content:T Cue:T Source:T` over Source, Cue and
 * Content lines) become an attribution over the source and cue (sourceName and cue taken
 * from their text) and a quote over the content, linked to it. `text` is the .txt file:
 * with it, offsets (code points in brat) become string offsets, spans are checked against
 * the text and context is filled in. Throws an Error naming the line on malformed input.
 */
export function parseBrat(ann: string, text?: string): ImportResult {
  const doc = readLines(ann)
  const offsets = text === undefined ? null : offsetMap(text)
  const skipped: string[] = []

  // Spans in string offsets, checked against the text when there is one.
  const spans = new Map<string, { start: number; end: number; exact: string; shown: string; label: string }>()
  for (const t of doc.ts.values()) {
    let start = t.fragments[0][0]
    let end = t.fragments[t.fragments.length - 1][1]
    let exact = t.shown
    if (offsets && text !== undefined) {
      const last = t.fragments.reduce((m, f) => Math.max(m, f[1]), 0)
      if (last > offsets.length) {
        throw new Error(`brat import: ${t.id} ends at ${last}, after the end of the text (${offsets.length} characters)`)
      }
      const pieces = t.fragments.map(([s, e]) => text.slice(offsets.toUtf16(s), offsets.toUtf16(e)))
      if (normalise(pieces.join(' ')) !== normalise(t.shown)) {
        throw new Error(
          `brat import: ${t.id} says "${clip(t.shown)}" but the text there is "${clip(pieces.join(' '))}": is this the .ann of another text?`
        )
      }
      start = offsets.toUtf16(Math.min(...t.fragments.map((f) => f[0])))
      end = offsets.toUtf16(last)
      exact = text.slice(start, end)
    }
    spans.set(t.id, { start, end, exact, shown: t.shown, label: t.label })
  }

  const made = new Map<string, ImportedAnnotation>() // T id → the annotation it stands for
  const bySpan = new Map<string, ImportedAnnotation>() // kind and span → annotation (PolNeAR dedup)
  const result: ImportedAnnotation[] = []
  /** A new annotation; PolNeAR-derived ones (`shared`) reuse one already on the same span. */
  const create = (
    kind: ImportedAnnotation['kind'],
    ref: string,
    start: number,
    end: number,
    exact: string,
    shared = true
  ): ImportedAnnotation => {
    const key = `${kind} ${start} ${end}`
    const existing = bySpan.get(key)
    if (existing && shared) return existing
    const a = newImported(kind, ref, exact)
    a.start = start
    a.end = end
    if (text !== undefined) contextFrom(a, text, start, end)
    if (!existing) bySpan.set(key, a)
    result.push(a)
    return a
  }
  const span = (id: string) => spans.get(id) as NonNullable<ReturnType<typeof spans.get>>

  // Copydesk's own labels first: they are annotations whatever else refers to them.
  const DIRECT: Record<string, ImportedAnnotation['kind']> = { Claim: 'claim', Quote: 'quote', Attribution: 'attribution' }
  const polnearTriggers = new Set<string>()
  for (const e of doc.es) {
    const contents = e.args.filter((a) => a.role.startsWith('Content'))
    const copydeskForm = contents.length > 0 && contents.every((c) => ['Claim', 'Quote'].includes(span(c.id).label))
    if (!copydeskForm) polnearTriggers.add(e.trigger)
  }
  for (const [id, s] of spans) {
    const kind = DIRECT[s.label]
    if (kind && !polnearTriggers.has(id)) made.set(id, create(kind, id, s.start, s.end, s.exact, false))
  }

  const used = new Set<string>(made.keys())
  for (const e of doc.es) {
    const role = (r: string) => e.args.find((a) => a.role === r)?.id
    const sourceId = role('Source')
    const cueId = role('Cue')
    const contentIds = e.args.filter((a) => a.role.startsWith('Content')).map((a) => a.id)
    let attribution: ImportedAnnotation
    if (!polnearTriggers.has(e.trigger)) {
      const trigger = made.get(e.trigger)
      if (!trigger || trigger.kind !== 'attribution') {
        throw new Error(`brat import: ${e.id} is triggered by ${e.trigger}, a ${span(e.trigger).label}, not an Attribution`)
      }
      attribution = trigger
      if (sourceId && !attribution.fields.sourceName) attribution.fields.sourceName = span(sourceId).exact
      if (cueId && !attribution.fields.cue) attribution.fields.cue = span(cueId).exact
    } else {
      const parts = [sourceId, cueId].filter((x): x is string => x !== undefined).map(span)
      if (parts.length === 0) parts.push(span(e.trigger))
      const start = Math.min(...parts.map((p) => p.start))
      const end = Math.max(...parts.map((p) => p.end))
      const sorted = [...parts].sort((x, y) => x.start - y.start)
      const exact = text !== undefined ? text.slice(start, end) : sorted.map((p) => p.exact).join(' ')
      const isNew = !bySpan.has(`attribution ${start} ${end}`)
      attribution = create('attribution', e.trigger, start, end, exact)
      if (isNew && attribution.kind === 'attribution') {
        attribution.fields.sourceName = sourceId ? span(sourceId).exact : ''
        attribution.fields.cue = cueId ? span(cueId).exact : ''
        attribution.fields.sourceType = sourceId ? 'person' : 'anonymous'
      }
      made.set(e.trigger, attribution)
    }
    for (const id of [e.trigger, sourceId, cueId]) {
      if (!id) continue
      used.add(id)
      if (!made.has(id)) made.set(id, attribution)
    }
    for (const id of contentIds) {
      used.add(id)
      const s = span(id)
      const content = made.get(id) ?? create(DIRECT[s.label] === 'claim' ? 'claim' : 'quote', id, s.start, s.end, s.exact)
      made.set(id, content)
      const already = content.kind === 'quote' ? content.fields.speakerId : content.kind === 'claim' ? content.fields.sourceId : null
      if (already === null && !link(content, attribution)) {
        skipped.push(`${e.id}: a ${content.kind} cannot be linked to a ${attribution.kind}`)
      } else if (already !== null && already !== attribution.ref) {
        skipped.push(`${e.id}: ${id} already has a speaker; the second attribution is kept unlinked`)
      }
    }
  }
  for (const [id, s] of spans) if (!used.has(id)) skipped.push(`${id} (${s.label}) is not a claim, quote or attribution`)

  for (const attr of doc.attributes) {
    const a = made.get(attr.target)
    const where = `brat import: ${attr.id}`
    if (!a) {
      skipped.push(`${attr.id}: ${attr.name} on ${attr.target}, which is not an annotation`)
      continue
    }
    if (attr.name === 'Status' && a.kind === 'claim') setField(a, 'status', attr.value, where)
    else if (attr.name === 'SourceType' && a.kind === 'attribution') setField(a, 'sourceType', attr.value, where)
    else if (attr.name === 'Checked' && a.kind === 'quote') setField(a, 'checked', attr.value === undefined || attr.value === 'true', where)
    else skipped.push(`${attr.id}: attribute ${attr.name} does not apply to a ${a.kind}`)
  }
  const seenEvidence = new Set<ImportedAnnotation>()
  for (const n of doc.notes) {
    const a = made.get(n.target)
    if (!a) {
      skipped.push(`${n.id}: a note on ${n.target}, which is not an annotation`)
      continue
    }
    const m = /^([A-Za-z]+): (.*)$/.exec(n.text)
    if (m && threadNote(a, m[1], m[2])) continue
    let value: unknown
    let isField = false
    if (m && (m[1] in a.fields || (m[1] === 'checker' && a.kind === 'claim')) && m[1] !== 'speakerId' && m[1] !== 'sourceId' && m[1] !== 'status') {
      try {
        value = JSON.parse(m[2])
        isField = true
      } catch {
        isField = false
      }
    }
    if (!isField || !m) {
      addComment(a, n.text)
      continue
    }
    const where = `brat import: ${n.id}`
    if (m[1] === 'evidence' && a.kind === 'claim') {
      const before = seenEvidence.has(a) ? a.fields.evidence : []
      setField(a, 'evidence', [value], where)
      a.fields.evidence = [...before, ...a.fields.evidence]
      seenEvidence.add(a)
    } else setField(a, m[1], value, where)
  }
  result.sort((x, y) => (x.start ?? 0) - (y.start ?? 0) || (y.end ?? 0) - (x.end ?? 0))
  return { annotations: result, skipped }
}

/**
 * Reads a thread's note into `a`: `comment: {"author", "at", "edited", "body"}` (Copydesk's
 * internal export), `resolved: {"by", "at"}`, and the `note: "…"` of older Copydesk exports
 * (the internal note, now the first comment). False when the note is none of these.
 */
function threadNote(a: ImportedAnnotation, name: string, json: string): boolean {
  if (name !== 'comment' && name !== 'resolved' && name !== 'note') return false
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return false
  }
  if (name === 'note') {
    if (typeof value !== 'string') return false
    addComment(a, value)
    return true
  }
  if (typeof value !== 'object' || value === null) return false
  const o = value as Record<string, unknown>
  if (name === 'resolved') {
    const at = stringOr(o.at)
    if (!at) return false
    a.resolvedAt = at
    return true
  }
  if (typeof o.body !== 'string') return false
  addComment(a, o.body, { authorName: typeof o.author === 'string' ? o.author : undefined, createdAt: stringOr(o.at), editedAt: stringOr(o.edited) })
  return true
}

interface TLine {
  id: string
  label: string
  fragments: [number, number][]
  shown: string
}
interface ELine {
  id: string
  type: string
  trigger: string
  args: { role: string; id: string }[]
}

/** The lines of an .ann file, checked for shape and for references to defined ids. */
function readLines(ann: string) {
  const ts = new Map<string, TLine>()
  const es: ELine[] = []
  const attributes: { id: string; name: string; target: string; value?: string }[] = []
  const notes: { id: string; target: string; text: string }[] = []
  const lines = ann.split(/\r?\n/)
  const fail = (n: number, what: string): never => {
    throw new Error(`brat import: line ${n + 1} ${what}: "${clip(lines[n])}"`)
  }
  lines.forEach((line, n) => {
    if (line.trim() === '') return
    switch (line[0]) {
      case 'T': {
        const m = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(line)
        if (!m) return fail(n, 'is not a text-bound annotation (T<n>, tab, label start end, tab, text)')
        const fragments = m[3].split(';').map((f) => f.split(' ').map(Number) as [number, number])
        if (fragments.some(([s, e]) => e < s)) fail(n, 'has a span that ends before it starts')
        if (ts.has(m[1])) fail(n, `defines ${m[1]} twice`)
        ts.set(m[1], { id: m[1], label: m[2], fragments, shown: m[4] })
        return
      }
      case 'E': {
        const m = /^(E\d+)\t([^:\s]+):(T\d+)((?: [^:\s]+:[TE]\d+)*)\s*$/.exec(line)
        if (!m) return fail(n, 'is not an event (E<n>, tab, Type:T<n> Role:T<n> ...)')
        const args = m[4]
          .trim()
          .split(' ')
          .filter(Boolean)
          .map((pair) => {
            const [role, id] = pair.split(':')
            return { role, id }
          })
        es.push({ id: m[1], type: m[2], trigger: m[3], args })
        return
      }
      case 'A':
      case 'M': {
        const m = /^([AM]\d+)\t(\S+) ([TE]\d+)(?: (\S+))?\s*$/.exec(line)
        if (!m) return fail(n, 'is not an attribute (A<n>, tab, Name T<n> [value])')
        attributes.push({ id: m[1], name: m[2], target: m[3], value: m[4] })
        return
      }
      case '#': {
        const m = /^(#\d*)\t(\S+) ([TERA]\d+)(?:\t(.*))?$/.exec(line)
        if (!m) return fail(n, 'is not a note (#<n>, tab, AnnotatorNotes T<n>, tab, text)')
        notes.push({ id: m[1], target: m[3], text: m[4] ?? '' })
        return
      }
      case 'R':
      case 'N':
      case '*':
        return // relations, normalisations, equivalences: nothing Copydesk keeps
      default:
        fail(n, 'is not a brat standoff line')
    }
  })
  for (const e of es) {
    for (const id of [e.trigger, ...e.args.map((a) => a.id)]) {
      if (!ts.has(id)) throw new Error(`brat import: ${e.id} names ${id}, which is not defined`)
    }
  }
  return { ts, es, attributes, notes }
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}
