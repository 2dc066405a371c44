/**
 * What Copydesk accepts, in one place: every importer, every door and the store check input
 * against these same numbers, so a file refused by one way in is refused by all of them.
 */

/** Largest file Copydesk imports: far above any article, far below what would hurt. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024
/** Longest note or explanation on an annotation. */
export const MAX_NOTE_LENGTH = 20_000
/** Longest comment in a thread: a note's length, which the first comment of a migrated thread was. */
export const MAX_COMMENT_LENGTH = MAX_NOTE_LENGTH
/** Longest article text. */
export const MAX_TEXT_LENGTH = 5_000_000
/** Most blocks (paragraphs, headings, quotes, lists, list items) in one article. */
export const MAX_BLOCKS = 100_000
/** Deepest nesting of blocks in an article: a list in a quote in a list ... */
export const MAX_BODY_DEPTH = 40
/**
 * Deepest nesting of elements in an imported page. News pages nest a few dozen layout
 * elements; past this a file is built to exhaust whatever reads it.
 */
export const MAX_HTML_DEPTH = 1_000
/**
 * Most bytes the XML parts of a Word file may inflate to, all of them together: the Word
 * reader (mammoth) holds up to ~70 bytes of memory per byte of XML and reads ~1 MB of it a
 * second here, so a file at this limit takes ~450 MB and ~5 s (a 2,000-word story is ~100 KB).
 */
export const MAX_WORD_XML_BYTES = 4 * 1024 * 1024
/** Longest an import (reading a file, placing annotations) may take before it is stopped. */
export const IMPORT_TIME_LIMIT_MS = 8_000
/** Entries of an annotation history page when the request names no limit. */
export const HISTORY_PAGE = 100
/** The most entries one history page may ask for. */
export const MAX_HISTORY_PAGE = 1_000

/** Rows in a library page unless asked otherwise, and the most in one. */
export const LIBRARY_PAGE = 100
export const MAX_LIBRARY_PAGE = 1_000
