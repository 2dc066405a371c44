import { Node } from 'prosemirror-model'
import { checkBodyLimits, checkTextLength } from '../../../shared/body-limits'
import { CopydeskError } from '../../../shared/errors'
import { articleSchema, isSafeHref, type DocJSON } from '../../../shared/schema'
import { docText } from '../../../shared/text'

/**
 * Parses and checks a body against the article limits and schema; a malformed one is
 * refused whole. The limits come first, on the JSON: building a node recurses per level.
 */
export function parseBody(body: DocJSON): Node {
  checkBodyLimits(body)
  try {
    const node = articleSchema.nodeFromJSON(body)
    node.check()
    node.descendants((n) => {
      for (const m of n.marks) {
        if (m.type.name === 'link' && !isSafeHref(String(m.attrs.href))) {
          throw new Error(`a link points to "${String(m.attrs.href).slice(0, 60)}", which is not a web or mail address`)
        }
      }
    })
    return node
  } catch (err) {
    throw new CopydeskError('invalid_input', `The article body is not valid: ${(err as Error).message}`)
  }
}

/** A checked body, normalised to what ProseMirror itself would write. */
export function checkBody(body: DocJSON): DocJSON {
  return parseBody(body).toJSON() as DocJSON
}

/** The plain-text projection of a body (refused when longer than an article may be). */
export function bodyText(body: DocJSON): string {
  const text = docText(parseBody(body))
  checkTextLength(text)
  return text
}
