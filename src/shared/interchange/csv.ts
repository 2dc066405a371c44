import type { Annotation, Article } from '../domain'
import { CLAIM_STATUS_LABELS, VERDICTS } from '../domain'
import { describeChange, describeComment, describeResolved, nameIn, sourceLabel } from './details'
import type { ExportOptions } from './options'
import { linkedAttribution, personName, selectForExport } from './options'

/**
 * A cell as RFC 4180 wants it (quoted when it holds a comma, quote or line break; quotes
 * doubled), first defused against formula injection: a spreadsheet runs a cell starting
 * with = + - @ (or a tab or carriage return) as a formula, and some trim leading spaces
 * before deciding, so a cell starting with them, after any whitespace, gets a leading
 * apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^\s*[=+\-@]|^[\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * The fact-check log: one row per exported claim, in reading order, with its text, status,
 * verdict, explanation, evidence, checker, source and dates (plus its placement, thread and
 * history when `includeInternal`: one comment a line). CRLF line ends, as RFC 4180 says.
 */
export function exportCsv(article: Article, annotations: Annotation[], options: ExportOptions = {}): string {
  const set = selectForExport(article, annotations, options)
  const header = ['number', 'text', 'status', 'verdict', 'explanation', 'evidence', 'checker', 'source', 'created', 'updated']
  if (set.includeInternal) header.push('placement', 'comments', 'history')
  const rows: string[][] = [header]
  for (const { annotation: a, number, placed } of set.items) {
    if (a.kind !== 'claim') continue
    const f = a.fields
    const source = linkedAttribution(set, a)
    const row = [
      String(number),
      a.anchor.exact,
      f.status,
      VERDICTS.includes(f.status) ? CLAIM_STATUS_LABELS[f.status] : '',
      f.explanation,
      f.evidence.map((e) => [e.note.trim(), e.url.trim()].filter(Boolean).join(' — ')).join('\n'),
      personName(set, f.checkerId),
      source ? sourceLabel(source) : '',
      a.createdAt,
      a.updatedAt
    ]
    if (set.includeInternal) {
      const history = (set.history.get(a.id) ?? []).map((c) => describeChange(c, (id) => nameIn(set, id)))
      const thread = set.threads.get(a.id)
      const comments = thread ? [...thread.comments.map(describeComment), ...(thread.resolvedAt ? [describeResolved(thread)] : [])] : []
      row.push(placed ? '' : 'Not found in the text', comments.join('\n'), history.join('\n'))
    }
    rows.push(row)
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
