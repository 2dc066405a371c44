import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { undo } from 'prosemirror-history'
import { TextSelection, type EditorState } from 'prosemirror-state'
import { articleSchema } from '../../src/shared/schema'
import { createArticleState } from '../../src/renderer/editor/setup'
import { annotations, getAnnotations, type AnnotationRecord } from '../../src/renderer/editor/annotations'
import { tagSelection } from '../../src/renderer/editor/annotation-keys'

/** The city budget sample's paragraphs (after its headline and details) as an editor state. */
function budget(): EditorState {
  const lines = readFileSync(join(__dirname, '..', '..', 'samples', 'city-budget.txt'), 'utf8').split('\n').slice(6).filter(Boolean)
  const doc = articleSchema.node('doc', null, lines.map((p) => articleSchema.node('paragraph', null, [articleSchema.text(p)])))
  return createArticleState(doc, [annotations({ user: () => 'Ada' })])
}

function tagged(state: EditorState, words: string, kind: 'claim' | 'quote' | 'attribution'): { state: EditorState; record: AnnotationRecord } {
  let at = -1
  state.doc.descendants((n, pos) => {
    if (at < 0 && n.isText && n.text!.includes(words)) at = pos + n.text!.indexOf(words)
    return at < 0
  })
  let next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at, at + words.length)))
  const before = new Set(getAnnotations(next).map((a) => a.id))
  expect(tagSelection(kind)(next, (tr) => (next = next.apply(tr)))).toBe(true)
  return { state: next, record: getAnnotations(next).find((a) => !before.has(a.id))! }
}

describe('tagging by hand uses what the suggestion engine reads in the words', () => {
  it('an attribution gets its source, the source’s type and the cue', () => {
    let { state, record } = tagged(budget(), 'according to the finance department', 'attribution')
    expect(record.fields).toMatchObject({ sourceName: 'the finance department', sourceType: 'organisation', cue: 'according to' })
    ;({ record } = tagged(state, 'Finance Director Amira Castellanos said', 'attribution'))
    expect(record.fields).toMatchObject({ sourceName: 'Finance Director Amira Castellanos', sourceType: 'person', cue: 'said' })
  })

  it('a quote is linked to the attribution annotation next to it, or given its speaker’s name', () => {
    let { state, record: becker } = tagged(budget(), 'Becker told reporters', 'attribution')
    let quote: AnnotationRecord
    ;({ state, record: quote } = tagged(state, "We spent a decade pretending the pension bill would go away if we didn't look at it,", 'quote'))
    expect(quote.fields).toMatchObject({ speakerId: becker.id, speakerName: '' })
    ;({ state, record: quote } = tagged(state, 'Draw the reserve below 10% and we will revisit your rating,', 'quote'))
    expect(quote.fields).toMatchObject({ speakerId: null, speakerName: 'Castellanos' })
  })

  it('one undo takes the tag and what was filled in away together', () => {
    const { state } = tagged(budget(), 'according to the finance department', 'attribution')
    let undone = state
    undo(state, (tr) => (undone = state.apply(tr)))
    expect(getAnnotations(undone)).toEqual([])
  })

  it('a claim, or words that attribute nothing, get no fields filled in', () => {
    let { state, record } = tagged(budget(), 'the largest increase since 1998', 'claim')
    expect(record.fields).toMatchObject({ status: 'unchecked', explanation: '' })
    ;({ record } = tagged(state, 'operating budget', 'attribution'))
    expect(record.fields).toMatchObject({ sourceName: '', cue: '' })
  })
})
