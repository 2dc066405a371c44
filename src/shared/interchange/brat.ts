import type { Annotation, Article } from '../domain'
import { offsetMap } from './brat-offsets'
import type { ExportItem, ExportOptions } from './options'
import { personName, selectForExport } from './options'

/**
 * brat standoff export (https://brat.nlplab.org/standoff.html): the article's plain text and
 * an .ann file. Each annotation is a text-bound line labelled Claim, Quote or Attribution;
 * each quote→speaker and claim→source link is an Attribution event in the form PolNeAR
 * uses (`E1\tAttribution:T3 Content:T2 Cue:T5 Source:T4`), with Source and Cue lines cut
 * from the attribution's span. Fields travel as attributes (Status, SourceType, Checked)
 * and AnnotatorNotes (`field: <JSON value>`); in an internal copy, each comment of a thread is
 * an AnnotatorNotes line too (`comment: {"author", "at", "body"}`). Orphaned annotations have
 * no place in the text and are left out.
 */

export const BRAT_LABELS = { claim: 'Claim', quote: 'Quote', attribution: 'Attribution' } as const

export interface BratFiles {
  txt: string
  ann: string
}

export function exportBrat(article: Article, annotations: Annotation[], options: ExportOptions = {}): BratFiles {
  const text = article.text
  const offsets = offsetMap(text)
  const set = selectForExport(article, annotations, options)
  const tLines: string[] = []
  const extraT: string[] = []
  const eLines: string[] = []
  const aLines: string[] = []
  const notes: string[] = []
  let nextT = 1

  /** A text-bound line over [start, end), split at line breaks as brat wants; null if all breaks. */
  const textBound = (label: string, start: number, end: number, into: string[]): string | null => {
    // brat cannot point inside a character: widen a span that splits a surrogate pair.
    if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++
    const fragments: [number, number][] = []
    const re = /[^\n\r]+/g
    const span = text.slice(start, end)
    for (let m = re.exec(span); m; m = re.exec(span)) fragments.push([start + m.index, start + m.index + m[0].length])
    if (fragments.length === 0) return null
    const id = `T${nextT++}`
    const where = fragments.map(([s, e]) => `${offsets.toCodePoint(s)} ${offsets.toCodePoint(e)}`).join(';')
    const shown = fragments.map(([s, e]) => text.slice(s, e)).join(' ')
    into.push(`${id}\t${label} ${where}\t${shown}`)
    return id
  }
  const note = (t: string, field: string, value: unknown): void => {
    // JSON keeps a value on one line; U+2028/9 would still break a line for some readers.
    const json = JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
    notes.push(`#${notes.length + 1}\tAnnotatorNotes ${t}\t${field}: ${json}`)
  }

  const tOf = new Map<string, string>()
  for (const item of set.items) {
    if (!item.placed) continue
    const a = item.annotation
    const t = textBound(BRAT_LABELS[a.kind], a.anchor.start, a.anchor.end, tLines)
    if (t === null) continue
    tOf.set(a.id, t)
    const internal = set.includeInternal
    if (a.kind === 'claim') {
      const f = a.fields
      aLines.push(`A${aLines.length + 1}\tStatus ${t} ${f.status}`)
      if (f.explanation) note(t, 'explanation', f.explanation)
      for (const e of f.evidence) note(t, 'evidence', { url: e.url, note: e.note })
      const checker = personName(set, f.checkerId)
      if (checker) note(t, 'checker', checker)
    } else if (a.kind === 'quote') {
      const f = a.fields
      if (f.checked) aLines.push(`A${aLines.length + 1}\tChecked ${t}`)
      if (f.speakerName) note(t, 'speakerName', f.speakerName)
      if (internal && f.checkedNote) note(t, 'checkedNote', f.checkedNote)
    } else {
      const f = a.fields
      aLines.push(`A${aLines.length + 1}\tSourceType ${t} ${f.sourceType}`)
      if (f.sourceName) note(t, 'sourceName', f.sourceName)
      if (f.cue) note(t, 'cue', f.cue)
    }
    // Comments are internal: set.threads is empty in a public copy.
    const thread = set.threads.get(a.id)
    for (const c of thread?.comments ?? []) {
      note(t, 'comment', { author: c.authorName, at: c.createdAt, ...(c.editedAt ? { edited: c.editedAt } : {}), body: c.body })
    }
    if (thread?.resolvedAt) note(t, 'resolved', { by: thread.resolvedByName, at: thread.resolvedAt })
  }

  for (const [attributionId, supporters] of set.supportedBy) {
    const trigger = tOf.get(attributionId)
    const attribution = set.byId.get(attributionId)?.annotation
    if (!trigger || attribution?.kind !== 'attribution') continue
    const parts = sourceAndCue(attribution)
    const cue = parts.cue ? textBound('Cue', parts.cue[0], parts.cue[1], extraT) : null
    const source = parts.source ? textBound('Source', parts.source[0], parts.source[1], extraT) : null
    for (const content of supporters.map((s: ExportItem) => tOf.get(s.annotation.id))) {
      if (!content) continue
      const args = [`Attribution:${trigger}`, `Content:${content}`]
      if (cue) args.push(`Cue:${cue}`)
      if (source) args.push(`Source:${source}`)
      eLines.push(`E${eLines.length + 1}\t${args.join(' ')}`)
    }
  }
  const lines = [...tLines, ...extraT, ...eLines, ...aLines, ...notes]
  return { txt: text, ann: lines.length > 0 ? `${lines.join('\n')}\n` : '' }
}

/**
 * Where the cue and the source sit inside an attribution's span: the cue where its text is
 * found; the source where its name is found, else the rest of the span beside the cue.
 */
function sourceAndCue(a: Extract<Annotation, { kind: 'attribution' }>): {
  source: [number, number] | null
  cue: [number, number] | null
} {
  const { start, exact } = a.anchor
  const lower = exact.toLowerCase()
  const find = (needle: string): [number, number] | null => {
    const n = needle.trim().toLowerCase()
    const at = n ? lower.indexOf(n) : -1
    return at < 0 ? null : [start + at, start + at + n.length]
  }
  const cue = find(a.fields.cue)
  let source = find(a.fields.sourceName)
  if (cue && source && source[0] < cue[1] && cue[0] < source[1]) source = null
  if (!source && cue) {
    const before = trimRange(exact, 0, cue[0] - start)
    const after = trimRange(exact, cue[1] - start, exact.length)
    const best = before[1] - before[0] >= after[1] - after[0] ? before : after
    if (best[1] > best[0]) source = [start + best[0], start + best[1]]
  }
  return { source, cue }
}

/** [from, to) of `text` without leading and trailing spaces and punctuation. */
function trimRange(text: string, from: number, to: number): [number, number] {
  const edge = /[\s,.;:—–-]/
  while (from < to && edge.test(text[from])) from++
  while (to > from && edge.test(text[to - 1])) to--
  return [from, to]
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
