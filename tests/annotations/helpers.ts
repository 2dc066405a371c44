import { expect } from 'vitest'
import type { Node } from 'prosemirror-model'
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state'
import { closeHistory, history, redo, undo } from 'prosemirror-history'
import { articleSchema } from '../../src/shared/schema'
import {
  annotationDecorations,
  annotationDecorationSet,
  annotationWindow,
  firstFrameHooks,
  annotations,
  annotationText,
  getAnnotation,
  getAnnotations,
  type AnnotationRecord
} from '../../src/renderer/editor/annotations'

const s = articleSchema

/** A document of paragraphs. */
export function doc(...paragraphs: string[]): Node {
  return s.node(
    'doc',
    null,
    paragraphs.map((p) => s.node('paragraph', null, p ? [s.text(p)] : []))
  )
}

/** An editor state with history, annotations and their decorations, as the app sets it up (the painter's options may be given). */
export function editor(d: Node, records: AnnotationRecord[] = [], painter: Parameters<typeof annotationDecorations>[0] = { windowed: true }): EditorState {
  let n = 0
  return EditorState.create({
    doc: d,
    plugins: [
      history(),
      annotations({ annotations: records, user: () => 'Ada', now: () => '2025-01-01T00:00:00.000Z', newId: () => `a${++n}` }),
      annotationDecorations(painter)
    ]
  })
}

/** Applies a transaction and checks that the highlights still match the annotations. */
export function apply(state: EditorState, tr: Transaction): EditorState {
  const next = state.apply(tr)
  expectHighlightsMatch(next)
  return next
}

/** Runs a command that must succeed. */
export function run(state: EditorState, command: Command): EditorState {
  let next: EditorState | null = null
  const ok = command(state, (tr) => (next = apply(state, tr)))
  expect(ok, 'command should apply').toBe(true)
  expect(next).not.toBeNull()
  return next!
}

/** Runs a command expected to refuse, checking it also refuses without dispatch. */
export function refuses(state: EditorState, command: Command): void {
  expect(command(state)).toBe(false)
  expect(command(state, () => expect.fail('dispatched'))).toBe(false)
}

export function undoOf(state: EditorState): EditorState {
  return run(state, undo)
}
export function redoOf(state: EditorState): EditorState {
  return run(state, redo)
}

/** Position of the n-th occurrence (0-based) of `needle` in the document's text. */
export function posOf(state: EditorState, needle: string, n = 0): number {
  let seen = 0
  let found = -1
  state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0
    let at = node.text!.indexOf(needle)
    while (at >= 0) {
      if (seen++ === n) {
        found = pos + at
        return false
      }
      at = node.text!.indexOf(needle, at + 1)
    }
    return true
  })
  if (found < 0) throw new Error(`"${needle}" not found`)
  return found
}

/** Selects the n-th occurrence of `needle`. */
export function select(state: EditorState, needle: string, n = 0): EditorState {
  const from = posOf(state, needle, n)
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, from + needle.length)))
}

/** Tags the n-th occurrence of `needle` as `kind`, returning the state and the new id. */
export function tag(
  state: EditorState,
  needle: string,
  kind: 'claim' | 'quote' | 'attribution',
  command: (kind: 'claim' | 'quote' | 'attribution') => Command,
  n = 0
): { state: EditorState; id: string } {
  const before = new Set(getAnnotations(state).map((a) => a.id))
  const next = run(select(state, needle, n), command(kind))
  const added = getAnnotations(next).find((a) => !before.has(a.id))
  if (!added) throw new Error('nothing was tagged')
  return { state: next, id: added.id }
}

/** A user edit, as its own undo step. */
export function edit(state: EditorState, change: (tr: Transaction) => void): EditorState {
  const tr = state.tr
  change(tr)
  return apply(state, closeHistory(tr))
}

export function typeAt(state: EditorState, pos: number, text: string): EditorState {
  return edit(state, (tr) => tr.insertText(text, pos))
}

export function deleteRange(state: EditorState, from: number, to: number): EditorState {
  return edit(state, (tr) => tr.delete(from, to))
}

/** The text each listed annotation covers, in document order. */
export function covered(state: EditorState): string[] {
  return getAnnotations(state).map((a) => annotationText(state, a))
}

/** The text one annotation covers, or null when it is not listed. */
export function textOf(state: EditorState, id: string): string | null {
  const a = getAnnotation(state, id)
  return a && a.placement === 'anchored' ? annotationText(state, a) : null
}

/** Every listed annotation has exactly one highlight, over exactly its range, and nothing else is highlighted. */
export function expectHighlightsMatch(state: EditorState): void {
  const spans = new Map<string, { from: number; to: number; cls: string }>()
  for (const d of annotationDecorationSet(state).find()) {
    const id = (d.spec as { annotationId: string }).annotationId
    const cls = (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class
    const seen = spans.get(id)
    spans.set(id, seen ? { from: Math.min(seen.from, d.from), to: Math.max(seen.to, d.to), cls } : { from: d.from, to: d.to, cls })
  }
  // A windowed painter draws only the annotations touching its window; one with a first-frame
  // painter draws a just-tagged annotation at its flush.
  const win = annotationWindow(state)
  const waiting = firstFrameHooks.pending(state)
  const drawn = getAnnotations(state).filter((a) => (!win || (a.from <= win.to && a.to >= win.from)) && !waiting.has(a.id))
  const expected = new Map(drawn.map((a) => [a.id, { from: a.from, to: a.to, kind: a.kind }]))
  expect([...spans.keys()].sort()).toEqual([...expected.keys()].sort())
  for (const [id, e] of expected) {
    const got = spans.get(id)!
    expect({ from: got.from, to: got.to }).toEqual({ from: e.from, to: e.to })
    expect(got.cls).toContain(`cd-ann-${e.kind}`)
  }
}
