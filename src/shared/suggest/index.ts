export type {
  Span,
  Suggestion,
  SuggestionKind,
  SuggestOptions,
  QuoteSuggestion,
  AttributionSuggestion,
  ClaimSuggestion
} from './types'
export { suggest } from './suggest'
export { claimScore } from './claims'
export { copyLineKind, datelineLength, type CopyLineKind } from './copy-lines'
export { describeAttribution, speakerForQuote, type AttributionDescription, type QuoteSpeaker } from './hand-tagging'
export { sourceTypeOf } from './source-type'
