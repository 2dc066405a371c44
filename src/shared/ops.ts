/**
 * The names of every operation the UI may ask for. Kept apart from the schemas so the
 * sandboxed preload can expose one method per operation without bundling them.
 */
export const OPERATION_NAMES = [
  'listArticles',
  'search',
  'checkedBefore',
  'getArticle',
  'importFile',
  'importText',
  'saveArticle',
  'deleteArticle',
  'restoreArticle',
  'listAnnotations',
  'annotationHistory',
  'exportArticle',
  'importAnnotations',
  'importAnnotatedArticle',
  'listDismissals',
  'setDismissals',
  'getPreferences',
  'setPreferences',
  'databaseHealth',
  'listBackups',
  'restoreBackup',
  'getThread',
  'addComment',
  'editComment',
  'deleteComment',
  'restoreComment',
  'resolveThread',
  'listSpeakers',
  'getSpeaker',
  'mergeSpeakers',
  'splitSpeaker',
  'libraryPage',
  'listPeople',
  'addPerson',
  'updatePerson',
  'listClaims',
  'listClaimViews',
  'saveClaimView',
  'deleteClaimView',
  'updateClaim',
  'signOffClaim'
] as const

export type OperationName = (typeof OPERATION_NAMES)[number]

/** The IPC channel of an operation. */
export function channelOf(op: OperationName): string {
  return `copydesk:${op}`
}
