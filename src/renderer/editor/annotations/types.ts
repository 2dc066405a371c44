import type { AnnotationKind, AnnotationOrigin, FieldsByKind, TextAnchor } from '../../../shared/domain'

interface RecordBase {
  id: string
  origin: AnnotationOrigin
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
  /** 'orphaned' when the stored anchor could not be found in the text; then `from`/`to` are -1. */
  placement: 'anchored' | 'orphaned'
  /** ProseMirror positions of the annotated range (from < to), or -1 for an orphan. */
  from: number
  to: number
  /**
   * The quote as last captured: when tagged, loaded or re-attached, or just before an edit
   * clipped or deleted the annotation's text (so undo can bring it back). Not kept in step
   * with typing; read the current text with `annotationText`.
   */
  exact: string
  prefix: string
  suffix: string
  /** For an orphan, the stored anchor it could not be placed at, saved again unchanged. */
  orphanAnchor: TextAnchor | null
}

/** An annotation as the editor holds it: the domain annotation with document positions. */
export type AnnotationRecord = {
  [K in AnnotationKind]: RecordBase & { kind: K; fields: FieldsByKind[K] }
}[AnnotationKind]

/** Any kind's fields, or part of them, as `updateAnnotationFields` takes them. */
export type FieldsPatch = Partial<FieldsByKind[AnnotationKind]>

/** What the annotation plugin needs from the app. */
export interface AnnotationsConfig {
  /** The annotations the article opens with (see `annotationsFromStored`). */
  annotations?: readonly AnnotationRecord[]
  /** Who is editing, for createdBy/updatedBy (the name from Preferences). */
  user?: () => string
  /** The current time as an ISO string. */
  now?: () => string
  /** A fresh annotation id. */
  newId?: () => string
}
