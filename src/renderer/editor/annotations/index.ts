export { annotations, annotationsKey, onAnnotationsChanged } from './plugin'
export type { AnnotationsChange, AnnotationsListener } from './plugin'
export type { AnnotationEvents } from './queries'
export {
  addAnnotation,
  reattachAnnotation,
  removeAnnotation,
  retagAnnotation,
  selectAnnotation,
  updateAnnotationFields
} from './commands'
export type { AddOptions, ChangeOptions } from './commands'
export {
  annotationEvents,
  annotationsAt,
  annotationsVersion,
  annotationText,
  getAnnotation,
  getAnnotations,
  getOrphans,
  selectedAnnotationId
} from './queries'
export { annotationsFromStored, annotationsToStored } from './convert'
export { annotationClasses, annotationDecorations, annotationDecorationSet, annotationWindow, firstFrameHooks, setAnnotationWindow } from './decorations'
export {
  annotationHighlights,
  annotationPainter,
  highlightsSupported,
  HIGHLIGHT_NAMES,
  type PainterMode
} from './highlights'
export { AnnotationStep } from './step'
export type { AnnotationRecord, AnnotationsConfig, FieldsPatch } from './types'
