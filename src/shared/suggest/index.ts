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
