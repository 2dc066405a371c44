import { CopydeskError } from './errors'
import { MAX_BLOCKS, MAX_BODY_DEPTH, MAX_TEXT_LENGTH } from './limits'

/**
 * The limits every article body is held to, wherever it comes from (a file, pasted text, a
 * save from the editor): its text length, its number of blocks and how deeply they nest.
 * Checked on the body's JSON without recursion, before anything builds a document from it,
 * so a body built to exhaust the reader is refused in words an editor can act on.
 */

// Made at first use: making one loads the locale's data, ~20 ms of every command line's start.
let formatter: Intl.NumberFormat | undefined
const number = { format: (n: number): string => (formatter ??= new Intl.NumberFormat('en-GB')).format(n) }

/** The error for an article whose plain text is longer than Copydesk keeps (`length` when counted to the end). */
export function textTooLong(length?: number): CopydeskError {
  const has = length === undefined ? 'more than that' : number.format(length)
  return new CopydeskError(
    'file_too_large',
    `The article is too long: Copydesk keeps articles of up to ${number.format(MAX_TEXT_LENGTH)} characters of text, and this one has ${has}. Split it into parts.`
  )
}

/** The error for an article of more blocks than Copydesk keeps. */
export function tooManyBlocks(): CopydeskError {
  return new CopydeskError(
    'file_too_large',
    `The article has more than ${number.format(MAX_BLOCKS)} paragraphs, headings and list items, the most Copydesk keeps in one article. Split it into parts.`
  )
}

/** The error for blocks (or a file's elements: `subject`) nested deeper than Copydesk reads. */
export function nestedTooDeeply(levels: number, subject = 'The article’s quotes and lists are'): CopydeskError {
  return new CopydeskError(
    'file_too_large',
    `${subject} nested more than ${number.format(levels)} levels deep, deeper than Copydesk reads. Copy the text into a plainer document and import that.`
  )
}

/** Refuses a text longer than the article limit. */
export function checkTextLength(text: string): void {
  if (text.length > MAX_TEXT_LENGTH) throw textTooLong(text.length)
}

const INLINE = new Set(['text', 'hard_break'])

/**
 * Refuses a body (ProseMirror JSON) over the limits: plain text longer than
 * MAX_TEXT_LENGTH (counted as the projection counts it), more than MAX_BLOCKS blocks, or
 * blocks nested deeper than MAX_BODY_DEPTH. A malformed shape is left for the schema check.
 */
export function checkBodyLimits(body: unknown): void {
  let blocks = 0
  let textblocks = 0
  let length = 0
  const stack: [unknown, number][] = [[body, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (typeof node !== 'object' || node === null) continue
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown }
    if (type === 'text') {
      if (typeof text === 'string') length += text.length
    } else if (type === 'hard_break') {
      length += 1
    } else if (depth > 0) {
      if (++blocks > MAX_BLOCKS) throw tooManyBlocks()
      if (depth > MAX_BODY_DEPTH) throw nestedTooDeeply(MAX_BODY_DEPTH)
      if (!Array.isArray(content) || content.every((c) => INLINE.has((c as { type?: unknown } | null)?.type as string))) {
        // A textblock (or an empty block): the projection puts a blank line before all but the first.
        if (textblocks++ > 0) length += 2
      }
    }
    if (length > MAX_TEXT_LENGTH) throw textTooLong()
    if (Array.isArray(content)) for (let i = content.length - 1; i >= 0; i--) stack.push([content[i], depth + 1])
  }
}
