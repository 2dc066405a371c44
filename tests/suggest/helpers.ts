import { expect } from 'vitest'
import { suggest, type Suggestion } from '../../src/shared/suggest'

/** Small readers over the engine's output for the hand-written attribution and quote tests. */
export type Attribution = Extract<Suggestion, { kind: 'attribution' }>
export type Quote = Extract<Suggestion, { kind: 'quote' }>
export type Claim = Extract<Suggestion, { kind: 'claim' }>

export const attributions = (text: string): Attribution[] =>
  suggest(text, { kinds: ['attribution'] }).filter((s): s is Attribution => s.kind === 'attribution')

/** The one attribution in `text` (fails, listing the cues found, when there is not exactly one). */
export const only = (text: string): Attribution => {
  const all = attributions(text)
  expect(all.map((a) => a.cue.text)).toHaveLength(1)
  return all[0]
}

export const cueOf = (text: string, cue: string): Attribution | undefined => attributions(text).find((a) => a.cue.text === cue)

export const quotesOf = (text: string): Quote[] =>
  suggest(text, { kinds: ['quote', 'attribution'] }).filter((s): s is Quote => s.kind === 'quote')

export const claims = (text: string): Claim[] => suggest(text, { kinds: ['claim'] }).filter((s): s is Claim => s.kind === 'claim')
