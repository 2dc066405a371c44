import type { JSX } from 'react'
import type { AnnotationRecord } from '../../editor/annotations'
import { speakerHref } from '../App'

/**
 * From a quote or an attribution to the page of the person it names, across the archive. The
 * page is found by the annotation's id (the store knows whom each one names), so the link
 * needs no lookup here; a quote or an anonymous source naming no one has none.
 */
export function SpeakerLink({ record, all }: { record: AnnotationRecord; all: readonly AnnotationRecord[] }): JSX.Element | null {
  let name = ''
  if (record.kind === 'attribution') name = record.fields.sourceType === 'anonymous' ? '' : record.fields.sourceName
  else if (record.kind === 'quote') {
    const linked = record.fields.speakerId ? all.find((a) => a.id === record.fields.speakerId) : undefined
    name = linked?.kind === 'attribution' && linked.fields.sourceName && linked.fields.sourceType !== 'anonymous' ? linked.fields.sourceName : record.fields.speakerName
  }
  if (!name.trim()) return null
  return (
    <a className="speaker-link" href={speakerHref(record.id)}>
      Everything {name.trim()} said or was cited for, across the library →
    </a>
  )
}
