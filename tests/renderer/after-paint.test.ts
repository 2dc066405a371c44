import type { EditorView } from 'prosemirror-view'
import { describe, expect, it } from 'vitest'
import { AfterPaint, type EditorSource } from '../../src/renderer/editor/react'

/** An editor stand-in: a focus flag and a change signal, as EditorHandle gives them. */
function fakeEditor(): { source: EditorSource; change: (focused: boolean) => void } {
  const listeners = new Set<() => void>()
  let focused = false
  let version = 0
  const view = { hasFocus: () => focused } as unknown as EditorView
  return {
    source: {
      view,
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
      getVersion: () => version
    },
    change(f) {
      focused = f
      version++
      for (const l of listeners) l()
    }
  }
}

/** A frame the test paints by hand. */
function frames(): { afterFrame: (run: () => void) => void; paint: () => void } {
  let queued: (() => void)[] = []
  return {
    afterFrame: (run) => void queued.push(run),
    paint() {
      const runs = queued
      queued = []
      for (const run of runs) run()
    }
  }
}

/** A panel following a stand-in editor through frames painted by hand, counting what it hears. */
function setup(): { editor: ReturnType<typeof fakeEditor>; frame: ReturnType<typeof frames>; panel: AfterPaint; heard: () => number } {
  const editor = fakeEditor()
  const frame = frames()
  const panel = new AfterPaint(editor.source, frame.afterFrame)
  let heard = 0
  panel.subscribe(() => heard++)
  return { editor, frame, panel, heard: () => heard }
}

describe('the side panel follows the editor a frame late only while the user works in the text', () => {
  it('hears of a change made from outside the text at once', () => {
    const { editor, frame, panel, heard } = setup()
    editor.change(false)
    expect(heard()).toBe(1)
    expect(panel.getVersion()).toBe(1)
  })

  it('hears of changes made in the text once, after the next frame', () => {
    const { editor, frame, panel, heard } = setup()
    editor.change(true)
    editor.change(true)
    expect(heard()).toBe(0)
    expect(panel.getVersion()).toBe(0)
    frame.paint()
    expect(heard()).toBe(1)
    frame.paint()
    expect(heard()).toBe(1)
    expect(panel.view).toBe(editor.source.view)
  })

  it('a change from outside the text while one waits is heard at once, and the frame adds nothing', () => {
    const { editor, frame, panel, heard } = setup()
    editor.change(true)
    editor.change(false)
    expect(heard()).toBe(1)
    frame.paint()
    expect(heard()).toBe(1)
    // The next change in the text waits for its own frame.
    editor.change(true)
    expect(heard()).toBe(1)
    frame.paint()
    expect(heard()).toBe(2)
  })
})
