import { checkBodyLimits, checkTextLength } from '../../shared/body-limits'
import type { BodyChange } from '../../shared/contract'
import { CopydeskError } from '../../shared/errors'
import { articleSchema, type DocJSON, type NodeJSON } from '../../shared/schema'
import { BLOCK_SEPARATOR } from '../../shared/text'
import { bodyText, checkBody } from './import/body'

/**
 * A body change (see BodyChange) applied to the body and text the store holds: the blocks
 * it sends are checked as every body is; the blocks it keeps were checked when they were
 * saved and are neither parsed into a document nor projected again. Their text is the stored
 * text, cut at the blocks' edges, which are counted from the stored body's JSON.
 */
export function applyBodyChange(storedBody: DocJSON, storedText: string, change: BodyChange): { body: DocJSON; text: string } {
  const old = storedBody.content
  const { from, remove } = change
  if (from + remove > old.length) {
    throw parted(`it replaces paragraphs ${from + 1} to ${from + remove}, and the article has ${old.length}`)
  }
  if (old.length - remove + change.blocks.length === 0) {
    throw new CopydeskError('invalid_input', 'The article body is not valid: an article needs at least one paragraph.')
  }
  checkBodyLimits({ type: 'doc', content: [...old.slice(0, from), ...change.blocks, ...old.slice(from + remove)] })
  const sent = change.blocks.length ? checkBody({ type: 'doc', content: change.blocks }) : null
  const body: DocJSON = { type: 'doc', content: [...old.slice(0, from), ...(sent?.content ?? []), ...old.slice(from + remove)] }
  // Where each stored block's text starts in the stored text (blocks are a blank line apart),
  // and where one after the last would.
  const starts: number[] = [0]
  for (const block of old) starts.push(starts[starts.length - 1] + blockTextLength(block) + BLOCK_SEPARATOR.length)
  let text: string
  if (starts[old.length] - BLOCK_SEPARATOR.length !== storedText.length) {
    // The stored body and text disagree (never by Copydesk's own hand): the slow, sure way.
    text = bodyText(checkBody(body))
  } else {
    const parts: string[] = []
    if (from > 0) parts.push(storedText.slice(0, starts[from] - BLOCK_SEPARATOR.length))
    if (sent) parts.push(bodyText(sent))
    if (from + remove < old.length) parts.push(storedText.slice(starts[from + remove]))
    text = parts.join(BLOCK_SEPARATOR)
    checkTextLength(text)
  }
  if (text.length !== change.textLength) {
    throw parted(`its text would be ${text.length} characters long, and the editor's is ${change.textLength}`)
  }
  return { body, text }
}

function parted(detail: string): CopydeskError {
  return new CopydeskError(
    'conflict',
    `This save does not fit the article as it is stored (${detail}), so nothing was saved. Reopen the article to see the stored version.`
  )
}

/**
 * The length of a block's plain text as projectDoc counts it (every textblock's text, a hard
 * break one character, textblocks a blank line apart), read from its JSON.
 */
export function blockTextLength(block: NodeJSON): number {
  let length = 0
  let textblocks = 0
  const stack: NodeJSON[] = [block]
  while (stack.length) {
    const node = stack.pop()!
    const type = articleSchema.nodes[node.type]
    if (type?.isTextblock) {
      textblocks++
      for (const child of node.content ?? []) {
        if (child.type === 'text') length += child.text?.length ?? 0
        else if (child.type === 'hard_break') length += 1
      }
    } else if (node.content) {
      for (const child of node.content) stack.push(child)
    }
  }
  return length + Math.max(0, textblocks - 1) * BLOCK_SEPARATOR.length
}

