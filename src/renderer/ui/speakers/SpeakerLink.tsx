import type { JSX } from 'react'
import type { AnnotationRecord } from '../../editor/annotations'
import { cleanName, organisationKey } from '../../../shared/speakers/names'
import { speakerHref } from '../App'

/**
 * From a quote or an attribution to the page of the person it names, across the archive. The
 * page is found by the annotation's id (the store knows whom each one names), so the link
 * needs no lookup here; a quote or an anonymous source naming no one has none.
 */
export function SpeakerLink({ record, all }: { record: AnnotationRecord; all: readonly AnnotationRecord[] }): JSX.Element | null {
  let name = ''
  let type = 'person'
  if (record.kind === 'attribution') ({ sourceName: name, sourceType: type } = record.fields)
  else if (record.kind === 'quote') {
    const linked = record.fields.speakerId ? all.find((a) => a.id === record.fields.speakerId) : undefined
    if (linked?.kind === 'attribution' && linked.fields.sourceName) ({ sourceName: name, sourceType: type } = linked.fields)
    else name = record.fields.speakerName
  }
  // As the store reads names: "a senior official" or an anonymous source names no one.
  const someone = type === 'anonymous' ? null : type === 'person' ? cleanName(name) : organisationKey(name)
  if (!someone) return null
  return (
    <a className="speaker-link" href={speakerHref(record.id)}>
      Everything {name.trim()} said or was cited for, across the library →
    </a>
  )
}
