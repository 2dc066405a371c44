import type { AnnotationKind, SourceType } from '../../shared/domain'

export const KIND_LABELS: Record<AnnotationKind, string> = { claim: 'Claim', quote: 'Quote', attribution: 'Attribution' }

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  person: 'Person',
  organisation: 'Organisation',
  document: 'Document',
  anonymous: 'Anonymous'
}

/**
 * Every keyboard shortcut, in ProseMirror's notation: the one list the keymap, the tooltips,
 * the shortcuts sheet and the README are read from.
 */
export const SHORTCUTS = {
  claim: { keys: 'Alt-Shift-c', label: 'Tag the selection as a claim' },
  quote: { keys: 'Alt-Shift-q', label: 'Tag the selection as a quote' },
  attribution: { keys: 'Alt-Shift-a', label: 'Tag the selection as an attribution' },
  untag: { keys: 'Alt-Shift-x', label: 'Remove the selected annotation' },
  next: { keys: 'Alt-ArrowDown', label: 'Go to the next annotation' },
  previous: { keys: 'Alt-ArrowUp', label: 'Go to the previous annotation' },
  acceptSuggestion: { keys: 'Alt-Enter', label: 'Accept the suggestion at the cursor' },
  dismissSuggestion: { keys: 'Alt-Backspace', label: 'Dismiss the suggestion at the cursor' },
  nextSuggestion: { keys: 'Alt-Shift-ArrowDown', label: 'Go to the next suggestion' },
  find: { keys: 'Mod-f', label: 'Find in the article (Enter: next, Shift+Enter: previous)' },
  print: { keys: 'Mod-p', label: 'Print the annotated copy' },
  undo: { keys: 'Mod-z', label: 'Undo' },
  redo: { keys: 'Shift-Mod-z', label: 'Redo' },
  bold: { keys: 'Mod-b', label: 'Bold' },
  italic: { keys: 'Mod-i', label: 'Italic' },
  sheet: { keys: 'Mod-/', label: 'Show these shortcuts (or ? outside the text)' }
} as const

export type ShortcutName = keyof typeof SHORTCUTS
