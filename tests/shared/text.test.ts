import { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import { articleSchema } from '../../src/shared/schema'
import { offsetToPos, posToOffset, projectDoc } from '../../src/shared/text'

const doc = Node.fromJSON(articleSchema, {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Budget' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Up ' }, { type: 'text', text: '8%', marks: [{ type: 'strong' }] }, { type: 'text', text: ' now.' }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Line one' }, { type: 'hard_break' }, { type: 'text', text: 'two' }] }] },
    { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item' }] }] }] },
    { type: 'paragraph' }
  ]
})

describe('the plain-text projection of an article', () => {
  const p = projectDoc(doc)

  it('joins blocks with a blank line and keeps line breaks, whatever the marks or nesting', () => {
    expect(p.text).toBe('Budget\n\nUp 8% now.\n\nLine one\ntwo\n\nItem\n\n')
  })

  it('maps every character offset to the document position of that character and back', () => {
    for (let offset = 0; offset < p.text.length; offset++) {
      const ch = p.text[offset]
      // A block separator has no position of its own.
      if (!p.runs.some((r) => r.offset <= offset && offset < r.offset + r.length)) continue
      const pos = offsetToPos(p, offset)
      const at = doc.textBetween(pos, pos + 1, '', '\n')
      if (ch !== '\n') expect(at, `offset ${offset}`).toBe(ch)
      expect(posToOffset(p, pos)).toBe(offset)
    }
  })

  it('an offset inside a separator goes to the end of the block before or the start of the one after', () => {
    const sep = p.text.indexOf('\n\n') + 1
    expect(doc.textBetween(offsetToPos(p, sep, -1) - 6, offsetToPos(p, sep, -1))).toBe('Budget')
    expect(doc.textBetween(offsetToPos(p, sep, 1), offsetToPos(p, sep, 1) + 2)).toBe('Up')
  })
})
