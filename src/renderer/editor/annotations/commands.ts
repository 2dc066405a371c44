import type { Node } from 'prosemirror-model'
import { TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { defaultFields, type AnnotationKind, type AnnotationOrigin, type FieldsByKind } from '../../../shared/domain'
import { quoteAt, textBetween } from './quote'
import { annotationSet, annotationsKey, configOf } from './plugin'
import { AnnotationStep } from './step'
import type { AnnotationRecord, FieldsPatch } from './types'

/** Who and when, when not the plugin's defaults. */
export interface ChangeOptions {
  by?: string
  at?: string
}

export interface AddOptions<K extends AnnotationKind> extends ChangeOptions {
  id?: string
  fields?: Partial<FieldsByKind[K]>
  origin?: AnnotationOrigin
  /** Tag this range instead of the selection (e.g. when accepting a suggestion). */
  range?: { from: number; to: number }
  /** Also select the new annotation, in the same transaction (one redraw, not two). */
  select?: boolean
}

/**
 * Tags the selection (trimmed of surrounding white space) as an annotation of `kind`.
 * False on an empty or blank selection, or when the same kind already covers exactly it.
 */
export function addAnnotation<K extends AnnotationKind>(kind: K, options: AddOptions<K> = {}): Command {
  return (state, dispatch) => {
    const range = trimmed(state.doc, options.range ?? state.selection)
    if (!range) return false
    const set = annotationSet(state)
    for (const r of set.live.values()) {
      if (r.kind === kind && r.from === range.from && r.to === range.to) return false
    }
    if (!dispatch) return true
    const config = configOf(state)
    const id = options.id ?? config.newId()
    if (set.live.has(id) || set.zombies.has(id) || set.orphans.has(id)) {
      throw new RangeError(`An annotation with id ${id} already exists`)
    }
    const by = options.by ?? config.user()
    const at = options.at ?? config.now()
    const record = {
      id,
      kind,
      fields: { ...defaultFields(kind), ...options.fields },
      origin: options.origin ?? 'manual',
      createdBy: by,
      createdAt: at,
      updatedBy: by,
      updatedAt: at,
      placement: 'anchored',
      ...range,
      ...quoteAt(state.doc, range.from, range.to),
      orphanAnchor: null
    } as unknown as AnnotationRecord
    const tr = state.tr.step(new AnnotationStep(null, record))
    if (options.select) tr.setMeta(annotationsKey, { type: 'select', id })
    dispatch(tr)
    return true
  }
}

/** Untags an annotation (anchored or orphaned). */
export function removeAnnotation(id: string): Command {
  return (state, dispatch) => {
    const record = editable(state, id)
    if (!record) return false
    if (dispatch) dispatch(state.tr.step(new AnnotationStep(record, null)))
    return true
  }
}

/** Retags an annotation as another kind: that kind's fresh fields (its thread stays with its id). */
export function retagAnnotation(id: string, kind: AnnotationKind, options: ChangeOptions = {}): Command {
  return (state, dispatch) => {
    const record = editable(state, id)
    if (!record || record.kind === kind) return false
    if (dispatch) {
      const fields = defaultFields(kind)
      const after = { ...record, ...stamp(state, options), kind, fields } as AnnotationRecord
      dispatch(state.tr.step(new AnnotationStep(record, after)))
    }
    return true
  }
}

/**
 * Changes some of an annotation's fields. False when nothing would change (so that an
 * unchanged form does not fill the undo history). Unknown field names are a bug: they throw.
 */
export function updateAnnotationFields(id: string, patch: FieldsPatch, options: ChangeOptions = {}): Command {
  return (state, dispatch) => {
    const record = editable(state, id)
    if (!record) return false
    const known = defaultFields(record.kind) as object
    const current = record.fields as unknown as Record<string, unknown>
    let differs = false
    for (const [name, value] of Object.entries(patch)) {
      if (!(name in known)) throw new RangeError(`${record.kind === 'attribution' ? 'An' : 'A'} ${record.kind} has no field "${name}"`)
      if (JSON.stringify(value) !== JSON.stringify(current[name])) differs = true
    }
    if (!differs) return false
    if (dispatch) {
      const after = { ...record, ...stamp(state, options), fields: { ...record.fields, ...patch } } as AnnotationRecord
      dispatch(state.tr.step(new AnnotationStep(record, after)))
    }
    return true
  }
}

/** Attaches an orphaned annotation to the selection (trimmed); false for an anchored one or an empty selection. */
export function reattachAnnotation(id: string, options: ChangeOptions = {}): Command {
  return (state, dispatch) => {
    const record = annotationSet(state).orphans.get(id)
    const range = trimmed(state.doc, state.selection)
    if (!record || !range) return false
    if (dispatch) {
      const after = {
        ...record,
        ...stamp(state, options),
        placement: 'anchored',
        ...range,
        ...quoteAt(state.doc, range.from, range.to),
        orphanAnchor: null
      } as AnnotationRecord
      dispatch(state.tr.step(new AnnotationStep(record, after)))
    }
    return true
  }
}

/**
 * Selects an annotation (or none, with null): UI state, not recorded in history. With
 * `reveal`, also puts the cursor at its start and scrolls it into view.
 */
export function selectAnnotation(id: string | null, options: { reveal?: boolean } = {}): Command {
  return (state, dispatch) => {
    const set = annotationSet(state)
    const record = id === null ? null : (set.live.get(id) ?? set.orphans.get(id))
    if (id !== null && !record) return false
    if (id === set.selectedId && !options.reveal) return false
    if (dispatch) {
      const tr = state.tr.setMeta(annotationsKey, { type: 'select', id }).setMeta('addToHistory', false)
      if (options.reveal && record && record.placement === 'anchored') {
        tr.setSelection(TextSelection.create(state.doc, record.from)).scrollIntoView()
      }
      dispatch(tr)
    }
    return true
  }
}

function editable(state: EditorState, id: string): AnnotationRecord | undefined {
  const set = annotationSet(state)
  return set.live.get(id) ?? set.orphans.get(id)
}

function stamp(state: EditorState, options: ChangeOptions): { updatedBy: string; updatedAt: string } {
  const config = configOf(state)
  return { updatedBy: options.by ?? config.user(), updatedAt: options.at ?? config.now() }
}

/** The range without white space at either end, or null when nothing but white space is left. */
function trimmed(doc: Node, range: { from: number; to: number }): { from: number; to: number } | null {
  let { from, to } = range
  if (from < 0 || to > doc.content.size) throw new RangeError(`Range ${from}-${to} is outside the document`)
  while (from < to && !/\S/.test(textBetween(doc, from, from + 1))) from++
  while (to > from && !/\S/.test(textBetween(doc, to - 1, to))) to--
  return from < to ? { from, to } : null
}
