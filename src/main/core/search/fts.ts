import type { SearchTerm } from '../../../shared/search/types'
import { queryWords } from '../../../shared/search/words'

/**
 * FTS5 query strings. The user's words never reach FTS5's syntax as such: every term is a
 * quoted phrase of folded words (letters and digits only), so no query can be malformed.
 */

function phrase(t: SearchTerm): string {
  return `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`
}

/** Every term, anywhere in a document (AND). */
export function matchAll(terms: readonly SearchTerm[], column?: string): string {
  const body = terms.map(phrase).join(' AND ')
  return column ? `{${column}} : (${body})` : body
}

/** Any of the terms (OR), in `column` when given. */
export function matchAny(terms: readonly SearchTerm[], column?: string): string {
  const body = terms.map(phrase).join(' OR ')
  return column ? `{${column}} : (${body})` : body
}

/** A name as a filter gives it ("Vladimir Putin"): all its words, in the names column. */
export function matchName(name: string): string | null {
  const words = queryWords(name)
  if (!words.length) return null
  return matchAll(words.map((w) => ({ words: [w], prefix: false })), 'names')
}
