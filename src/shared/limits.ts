/** Largest file Copydesk imports: far above any article, far below what would hurt. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024
/** Longest note or explanation on an annotation. */
export const MAX_NOTE_LENGTH = 20_000
/** Longest article text. */
export const MAX_TEXT_LENGTH = 5_000_000
