import { CLAIM_STATUS_LABELS } from '../../../shared/domain'
import type { AnnotationRecord } from './types'

/** Looks an annotation up by id (to name a quote's speaker). */
export type Lookup = (id: string) => AnnotationRecord | undefined

/** Who an attribution names: its source's name, else its words. */
export function sourceName(a: AnnotationRecord): string {
  return a.kind === 'attribution' ? a.fields.sourceName || a.exact : a.exact
}

/**
 * What an annotation is, in a few words a screen reader can say as the caret reaches it:
 * "Claim, in review", "Quote, speaker Lorraine Becker", "Attribution, source the finance
 * department".
 */
export function annotationLabel(a: AnnotationRecord, lookup: Lookup): string {
  if (a.kind === 'claim') return `Claim, ${CLAIM_STATUS_LABELS[a.fields.status].toLowerCase()}`
  if (a.kind === 'attribution') return a.fields.sourceName ? `Attribution, source ${a.fields.sourceName}` : 'Attribution, source not named'
  const speaker = a.fields.speakerId ? lookup(a.fields.speakerId) : undefined
  const name = speaker ? sourceName(speaker) : a.fields.speakerName
  return name ? `Quote, speaker ${name}` : 'Quote, no speaker'
}
