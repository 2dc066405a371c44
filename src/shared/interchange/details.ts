import type { Annotation, AnnotationChange, AnnotationKind, ClaimFields, ClaimStatus, Comment, SourceType, Thread } from '../domain'
import { changeText } from '../change-text'
import { CLAIM_STATUS_LABELS, VERDICTS } from '../domain'
import type { ExportItem, ExportSet } from './options'
import { isWebUrl, linkedAttribution } from './options'

/**
 * What the human-readable formats (HTML notes, Markdown footnotes, Word comments) say about
 * an annotation, decided once here so the formats agree and a public copy never shows the
 * desk's own (threads, check notes, history).
 */

export const KIND_LABELS: Record<AnnotationKind, string> = {
  claim: 'Claim',
  quote: 'Quote',
  attribution: 'Attribution'
}

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  person: 'Person',
  organisation: 'Organisation',
  document: 'Document',
  anonymous: 'Anonymous'
}

/** One line of a note: a label and its text, maybe a web link or references to other notes. */
export interface Detail {
  label: string
  text: string
  /** An http(s) URL (never anything else) the text links to. */
  url?: string
  /** Note numbers this line points to. */
  refs?: number[]
  /** The text only lists `refs` ("note 3, note 5"): formats with links show the links instead. */
  refsOnly?: boolean
}

export interface Description {
  number: number
  kind: AnnotationKind
  kindLabel: string
  /** The verdict or status for a claim, the speaker for a quote, the source for an attribution. */
  summary: string
  /** True for a claim with a finished check. */
  isVerdict: boolean
  /** A claim's status. */
  status?: ClaimStatus
  exact: string
  placed: boolean
  details: Detail[]
}

/** The description of one exported annotation. */
export function describe(set: ExportSet, item: ExportItem): Description {
  const a = item.annotation
  const details: Detail[] = []
  const add = (label: string, text: string, extra: Partial<Detail> = {}): void => {
    if (text.trim().length > 0 || extra.url) details.push({ label, text, ...extra })
  }
  const refTo = (id: string | null): number[] | undefined => {
    const n = id === null ? undefined : set.byId.get(id)?.number
    return n === undefined ? undefined : [n]
  }
  let summary = ''
  let isVerdict = false
  switch (a.kind) {
    case 'claim': {
      const f = a.fields
      isVerdict = VERDICTS.includes(f.status)
      summary = CLAIM_STATUS_LABELS[f.status] ?? f.status
      add(isVerdict ? 'Verdict' : 'Status', summary)
      add('Explanation', f.explanation)
      for (const e of f.evidence) {
        const url = isWebUrl(e.url) ? e.url.trim() : undefined
        add('Evidence', e.note.trim() || e.url.trim(), url ? { url } : {})
        if (!url && e.note.trim() && e.url.trim()) add('Evidence link', e.url.trim())
      }
      const person = (id: string | null): string => (id ? (set.people[id] ?? 'someone not on the roster') : '')
      add('Checked by', person(f.checkerId))
      if (isVerdict) add('Sign-off', signoffText(f, person, set.includeInternal))
      const source = linkedAttribution(set, a)
      if (source) add('Source', sourceLabel(source), { refs: refTo(source.id) })
      if (set.includeInternal) {
        add('Reviewer', person(f.reviewerId))
        add('Due', f.due)
      }
      break
    }
    case 'quote': {
      const f = a.fields
      const speaker = linkedAttribution(set, a)
      summary = speaker ? sourceLabel(speaker) : f.speakerName
      if (speaker) add('Speaker', summary, { refs: refTo(speaker.id) })
      else add('Speaker', f.speakerName)
      add('Checked', f.checked ? 'Checked against a recording or transcript' : 'Not checked against a recording')
      if (set.includeInternal) add('Check note', f.checkedNote)
      break
    }
    case 'attribution': {
      const f = a.fields
      summary = sourceLabel(a)
      add('Source', summary)
      add('Source type', SOURCE_TYPE_LABELS[f.sourceType] ?? f.sourceType)
      add('Cue', f.cue)
      const supported = set.supportedBy.get(a.id) ?? []
      if (supported.length > 0) {
        const refs = supported.map((s) => s.number).sort((x, y) => x - y)
        add('Supports', refs.map((n) => `note ${n}`).join(', '), { refs, refsOnly: true })
      }
      break
    }
  }
  if (!item.placed) add('Placement', 'Not found in the text')
  const thread = set.threads.get(a.id)
  if (thread) {
    for (const comment of thread.comments) add('Comment', describeComment(comment))
    if (thread.resolvedAt) add('Thread', describeResolved(thread))
  }
  for (const change of set.history.get(a.id) ?? []) add('History', describeChange(change, (id) => nameIn(set, id)))
  return {
    number: item.number,
    kind: a.kind,
    kindLabel: KIND_LABELS[a.kind],
    summary,
    isVerdict,
    ...(a.kind === 'claim' ? { status: a.fields.status } : {}),
    exact: a.anchor.exact,
    placed: item.placed,
    details
  }
}

/**
 * Where a verdict stands, as a copy says it: a public copy only says that a verdict is not
 * approved yet (when asked to include such); an internal one says who signed it off, when,
 * and why it was returned.
 */
function signoffText(f: ClaimFields, person: (id: string | null) => string, internal: boolean): string {
  const by = f.signedOffBy ? ` by ${person(f.signedOffBy)}` : ''
  const when = f.signedOffAt ? ` on ${f.signedOffAt.slice(0, 10)}` : ''
  if (!internal) return f.signoff === 'approved' ? '' : 'Not approved by an editor yet'
  switch (f.signoff) {
    case 'approved':
      return `Approved${by}${when}`
    case 'returned':
      return `Returned${by}${when}${f.returnReason ? `: ${f.returnReason}` : ''}`
    default:
      return `Proposed${by}${when}, not approved yet`
  }
}

/** An attribution's source as a reader would name it. */
export function sourceLabel(a: Extract<Annotation, { kind: 'attribution' }>): string {
  return a.fields.sourceName.trim() || a.anchor.exact
}

/** A linked annotation's name in an export (an attribution's source) if it is in it, or a roster person's. */
export function nameIn(set: ExportSet, id: string): string | undefined {
  const linked = set.byId.get(id)?.annotation
  if (!linked) return set.people[id]
  return linked.kind === 'attribution' ? sourceLabel(linked) : linked.anchor.exact
}

/** When, in an export's words: "2026-11-03 14:05" (UTC, as the history gives it). */
function exportTime(iso: string): string {
  return iso.replace('T', ' ').replace(/(\d{2}:\d{2}):\d{2}(\.\d+)?Z?$/, '$1')
}

/** One comment in a line: who, when, its words, and whether it was edited. */
export function describeComment(c: Comment): string {
  const edited = c.editedAt ? ` (edited ${exportTime(c.editedAt)})` : ''
  return `${c.authorName.trim() || 'Someone'}, ${exportTime(c.createdAt)}${edited}: ${c.body}`
}

/** A resolved thread in a line: "Resolved by Dana Whitfield, 2026-11-04 09:12". */
export function describeResolved(t: Thread): string {
  return `Resolved${t.resolvedByName.trim() ? ` by ${t.resolvedByName.trim()}` : ''}, ${exportTime(t.resolvedAt ?? '')}`
}

/** One history entry in a line: when, who, what changed. */
export function describeChange(change: AnnotationChange, nameOf?: (id: string) => string | undefined): string {
  const when = exportTime(change.at)
  return `${when} ${change.who || 'Someone'}: ${changeText(change, nameOf)}`
}
