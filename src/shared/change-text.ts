import { CLAIM_STATUS_LABELS, type AnnotationChange, type Evidence } from './domain'

/** How a change's fields are named to an editor. */
const FIELD_LABELS: Record<string, string> = {
  status: 'status',
  explanation: 'explanation',
  evidence: 'evidence',
  checker: 'checker',
  checkerId: 'checker',
  reviewerId: 'reviewer',
  due: 'due',
  returnReason: 'reason for returning it',
  sourceId: 'source',
  sameAs: 'same claim as an earlier check',
  speakerId: 'speaker',
  speakerName: 'speaker named',
  checked: 'checked against a recording',
  checkedNote: 'check note',
  sourceName: 'source name',
  sourceType: 'source type',
  cue: 'cue',
  // Entries recorded before threads replaced the internal note still name it.
  note: 'internal note',
  kind: 'kind',
  text: 'words'
}

/** Fields that hold a desk roster person's id. */
const PERSON_FIELDS = new Set(['checkerId', 'reviewerId', 'signedOffBy'])

/** What a sign-off change did, said as the act ("approved the verdict"). */
const SIGNOFF_ACTS: Record<string, string> = {
  none: 'cleared the sign-off',
  proposed: 'proposed the verdict',
  approved: 'approved the verdict',
  returned: 'returned the verdict'
}

const SOURCE_TYPES: Record<string, string> = { person: 'person', organisation: 'organisation', document: 'document', anonymous: 'anonymous' }

function clip(s: string, n = 60): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > n ? `${t.slice(0, n - 1)}…` : t
}

function evidenceText(e: Evidence): string {
  return clip([e.url, e.note].filter(Boolean).join(' — '), 70)
}

/** What a value of `field` reads as: a status's label, a linked annotation's name, yes or no. */
function valueText(field: string, value: unknown, nameOf: (id: string) => string | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  if (field === 'status' && typeof value === 'string') return (CLAIM_STATUS_LABELS as Record<string, string>)[value] ?? value
  if ((field === 'sourceId' || field === 'speakerId') && typeof value === 'string') return nameOf(value) ?? 'an attribution'
  if (PERSON_FIELDS.has(field) && typeof value === 'string') return nameOf(value) ?? 'someone not on the roster'
  if (field === 'due' && typeof value === 'string') return value
  if (field === 'sourceType' && typeof value === 'string') return SOURCE_TYPES[value] ?? value
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') return `“${clip(value)}”`
  return clip(JSON.stringify(value) ?? String(value))
}

/** The evidence added and removed between two lists. */
function evidenceChange(before: unknown, after: unknown): string {
  const was = Array.isArray(before) ? (before as Evidence[]) : []
  const now = Array.isArray(after) ? (after as Evidence[]) : []
  const key = (e: Evidence): string => `${e.url}\u0000${e.note}`
  const had = new Set(was.map(key))
  const has = new Set(now.map(key))
  const added = now.filter((e) => !had.has(key(e))).map((e) => `added evidence ${evidenceText(e)}`)
  const removed = was.filter((e) => !has.has(key(e))).map((e) => `removed evidence ${evidenceText(e)}`)
  return [...added, ...removed].join('; ') || 'reordered the evidence'
}

/** What a change to the thread did: "commented “Ask the clerk…”", "resolved the thread". */
function threadChangeText(change: AnnotationChange): string | null {
  const [before, after] = change.changes.comment ?? [null, null]
  const words = (v: unknown): string => `“${clip(String(v ?? ''), 50)}”`
  switch (change.action) {
    case 'commented':
      return `commented ${words(after)}`
    case 'comment_edited':
      return `edited a comment: ${words(before)} → ${words(after)}`
    case 'comment_deleted':
      return `deleted a comment ${words(before)}`
    case 'comment_restored':
      return `brought back a comment ${words(after)}`
    case 'resolved':
      return 'resolved the thread'
    case 'reopened':
      return 'reopened the thread'
    default:
      return null
  }
}

/**
 * What a recorded change did, in an editor's words: "tagged it", "status: Unchecked → False",
 * "added evidence https://… — Adopted ordinance", "speaker: — → Lorraine Becker",
 * "commented “Ask the clerk…”". `nameOf` names a linked annotation (an attribution's source)
 * or a desk roster person from their id.
 */
export function changeText(change: AnnotationChange, nameOf: (id: string) => string | undefined = () => undefined): string {
  if (change.action === 'created') return 'tagged it'
  if (change.action === 'deleted') return 'removed it'
  if (change.action === 'moved') return `its words became “${clip(String(change.changes.text?.[1] ?? ''), 50)}”`
  const thread = threadChangeText(change)
  if (thread !== null) return thread
  const signoff = change.changes.signoff
  // Who signed off is the entry's "who", and when its time: the act is said once.
  const skip = new Set(['signedOffBy', 'signedOffAt', ...(signoff ? ['returnReason'] : [])])
  const parts = Object.entries(change.changes).flatMap(([field, [before, after]]) => {
    if (skip.has(field)) return []
    if (field === 'evidence') return [evidenceChange(before, after)]
    if (field === 'signoff') {
      const act = SIGNOFF_ACTS[String(after)] ?? `sign-off: ${String(after)}`
      const reason = after === 'returned' ? String(change.changes.returnReason?.[1] ?? '') : ''
      return [reason ? `${act}: “${clip(reason, 120)}”` : act]
    }
    return [`${FIELD_LABELS[field] ?? field}: ${valueText(field, before, nameOf)} → ${valueText(field, after, nameOf)}`]
  })
  return parts.join('; ') || 'changed it'
}
