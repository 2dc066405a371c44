import { describe, expect, it } from 'vitest'
import { SaveState } from '../../src/renderer/ui/SaveIndicator'

/** A SaveState whose "next frame" comes when the test says, and a count of what listeners heard. */
function setup(): { state: SaveState; frame: () => void; heard: string[] } {
  const frames: (() => void)[] = []
  const state = new SaveState((run) => void frames.push(run))
  const heard: string[] = []
  state.subscribe(() => heard.push(state.get().status))
  return { state, frame: () => frames.splice(0).forEach((run) => run()), heard }
}

describe('SaveState: what the indicator hears, and when', () => {
  it('tells "unsaved" once the frame of the change is painted, once however many changes came', () => {
    const { state, frame, heard } = setup()
    state.set('unsaved')
    state.set('unsaved')
    expect(state.get().status).toBe('unsaved')
    expect(heard).toEqual([])
    frame()
    expect(heard).toEqual(['unsaved'])
    frame()
    expect(heard).toEqual(['unsaved'])
  })

  it("tells the save's own statuses at once, and counts completed saves", () => {
    const { state, frame, heard } = setup()
    state.set('unsaved')
    state.set('saving')
    expect(heard).toEqual(['saving'])
    // The frame's telling finds nothing left to tell.
    frame()
    expect(heard).toEqual(['saving'])
    state.set('saved')
    expect(heard).toEqual(['saving', 'saved'])
    expect(state.get().saves).toBe(1)
    state.set('error', new Error('disk full'))
    expect(heard.at(-1)).toBe('error')
    expect(state.get().error).toBe('disk full')
  })

  it('tells "unsaved" again after a save, on the frame after that change', () => {
    const { state, frame, heard } = setup()
    state.set('unsaved')
    frame()
    state.set('saving')
    state.set('saved')
    state.set('unsaved')
    expect(heard).toEqual(['unsaved', 'saving', 'saved'])
    frame()
    expect(heard).toEqual(['unsaved', 'saving', 'saved', 'unsaved'])
  })
})
