import type { EditorState, Transaction } from 'prosemirror-state'
import type { SourceType } from '../../../shared/domain'
import { sourceTypeOf } from '../../../shared/suggest'
import { addAnnotation, getAnnotations, updateAnnotationFields } from '../annotations'
import { removeSuggestions, type SuggestionItem } from './plugin'

/** A guess at the kind of source from its words (the engine's reading; a person when they do not say); the editor can change it. */
export function guessSourceType(source: string): SourceType {
  return sourceTypeOf(source) ?? 'person'
}

/**
 * One undoable transaction that turns suggestions into annotations (origin: suggested): a
 * quote gets its speaker's attribution (an existing one over its cue, or a new one from the
 * matching attribution suggestion) and is linked to it. Null when nothing could be added.
 */
export function acceptSuggestions(state: EditorState, chosen: readonly SuggestionItem[], all: readonly SuggestionItem[]): Transaction | null {
  let current = state
  const tr = state.tr
  const done = new Set<string>()
  const apply = (cmd: (s: EditorState, d?: (t: Transaction) => void) => boolean): boolean => {
    let ok = false
    cmd(current, (t) => {
      for (const step of t.steps) tr.step(step)
      current = current.apply(t)
      ok = true
    })
    return ok
  }
  const attributionFor = (cue: SuggestionItem['cue'], speakerName: string): string | null => {
    if (!cue) return null
    const existing = getAnnotations(current).find((a) => a.kind === 'attribution' && a.from <= cue.from && cue.to <= a.to)
    if (existing) return existing.id
    const sug = all.find((s) => s.kind === 'attribution' && s.cue && s.cue.from === cue.from && s.cue.to === cue.to)
    if (!sug) return null
    const id = crypto.randomUUID()
    const sourceName = speakerName || sug.sourceName || ''
    const ok = apply(
      addAnnotation('attribution', {
        id,
        origin: 'suggested',
        range: { from: sug.from, to: sug.to },
        fields: { sourceName, cue: sug.cue?.text ?? '', sourceType: guessSourceType(sug.source?.text ?? sourceName) }
      })
    )
    if (!ok) return null
    done.add(sug.key)
    return id
  }

  for (const item of chosen) {
    if (done.has(item.key)) continue
    const range = { from: item.from, to: item.to }
    if (item.kind === 'quote') {
      const id = crypto.randomUUID()
      if (!apply(addAnnotation('quote', { id, origin: 'suggested', range }))) continue
      const speaker = attributionFor(item.cue, item.speaker?.text ?? '')
      if (speaker) apply(updateAnnotationFields(id, { speakerId: speaker }))
      else if (item.speaker) apply(updateAnnotationFields(id, { speakerName: item.speaker.text }))
    } else if (item.kind === 'attribution') {
      const sourceName = item.sourceName ?? ''
      const ok = apply(
        addAnnotation('attribution', {
          origin: 'suggested',
          range,
          fields: { sourceName, cue: item.cue?.text ?? '', sourceType: guessSourceType(item.source?.text ?? '') }
        })
      )
      if (!ok) continue
    } else {
      if (!apply(addAnnotation('claim', { origin: 'suggested', range }))) continue
    }
    done.add(item.key)
  }
  if (!tr.steps.length) return null
  return removeSuggestions(tr, [...done])
}
