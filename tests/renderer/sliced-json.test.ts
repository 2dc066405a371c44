import { describe, expect, it } from 'vitest'
import { jsonBlob, jsonParts } from '../../src/renderer/sliced-json'

/** A save's shape: a document of paragraphs and a list of annotations, with the awkward cases JSON has. */
function saveLike(paragraphs: number, annotations: number): unknown {
  return {
    id: 7,
    baseRevision: 3,
    meta: undefined,
    body: {
      type: 'doc',
      content: Array.from({ length: paragraphs }, (_, i) => ({
        type: 'paragraph',
        attrs: { id: null },
        content: [{ type: 'text', text: `Paragraph ${i}: "quoted", a tab\\t, é, 𝄞, </script> \u2028 ${'words '.repeat(20)}` }]
      }))
    },
    annotations: Array.from({ length: annotations }, (_, i) => ({
      id: `a-${i}`,
      kind: ['claim', 'quote', 'attribution'][i % 3],
      anchor: { start: i * 10, end: i * 10 + 8, exact: 'eight ch', prefix: '', suffix: 'after' },
      fields: { status: 'unchecked', evidence: [], checker: undefined, skip: () => 1 },
      when: new Date(Date.UTC(2026, 11, i % 28)),
      sparse: [1, undefined, () => 2, null, Number.NaN]
    }))
  }
}

/** A random JSON-ish value: nested objects and arrays, numbers, strings, booleans, null, undefined. */
function randomValue(seed: { n: number }, depth: number): unknown {
  const r = (): number => ((seed.n = (seed.n * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const pick = Math.floor(r() * (depth > 4 ? 5 : 8))
  switch (pick) {
    case 0: return Math.floor(r() * 1e6) / 100
    case 1: return `s${Math.floor(r() * 1e4)}"\\\n${r() < 0.2 ? 'ü' : ''}`
    case 2: return r() < 0.5
    case 3: return null
    case 4: return undefined
    case 5: return Array.from({ length: Math.floor(r() * 6) }, () => randomValue(seed, depth + 1))
    default: return Object.fromEntries(Array.from({ length: Math.floor(r() * 6) }, (_, i) => [`k${i}${r() < 0.1 ? '"' : ''}`, randomValue(seed, depth + 1)]))
  }
}

describe('jsonParts: JSON written a part at a time', () => {
  it('joins to exactly what JSON.stringify writes, for a save and its awkward cases', () => {
    const value = saveLike(50, 120)
    expect([...jsonParts(value)].join('')).toBe(JSON.stringify(value))
  })

  it('joins to JSON.stringify for 500 random values', () => {
    const seed = { n: 42 }
    for (let i = 0; i < 500; i++) {
      const value = { top: randomValue(seed, 0), list: [randomValue(seed, 0), randomValue(seed, 0)] }
      expect([...jsonParts(value)].join('')).toBe(JSON.stringify(value))
    }
  })

  it('writes bare values, empty containers, and what JSON leaves out or writes itself as JSON.stringify does', () => {
    const awkward = [() => 1, undefined, Symbol('s'), new Date(0), Number.NaN, { toJSON: () => 'own' }]
    const keyed = { f: () => 1, u: undefined, s: Symbol('s'), d: new Date(0), own: { toJSON: () => ['own'] }, 'quote"key': 1 }
    for (const value of [null, 0, -1.5, 'x', true, [], {}, [[]], { a: {} }, undefined, awkward, keyed, [keyed, awkward]]) {
      expect([...jsonParts(value)].join('')).toBe(JSON.stringify(value) ?? 'null')
    }
  })

  it('stops between paragraphs and between annotations: no part is a large piece of the whole', () => {
    const value = saveLike(400, 1_000)
    const parts = [...jsonParts(value)]
    const total = parts.reduce((n, p) => n + p.length, 0)
    expect(parts.length).toBeGreaterThan(1_400)
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(total / 500)
  })
})

describe('jsonBlob: the JSON as a Blob, in slices', () => {
  it('holds the same text as JSON.stringify, typed as JSON', async () => {
    const value = saveLike(300, 700)
    const blob = await jsonBlob(value)
    expect(blob.type).toBe('application/json')
    expect(await blob.text()).toBe(JSON.stringify(value))
    expect(blob.size).toBe(new TextEncoder().encode(JSON.stringify(value)).length)
  })

  it('pauses before the first slice and whenever a slice has run its time', async () => {
    const value = saveLike(300, 700)
    // A clock that moves 1 ms each time it is read: a slice of 4 ms is a few parts.
    let clock = 0
    let pauses = 0
    const blob = await jsonBlob(value, { pause: async () => void pauses++, sliceMs: 4, now: () => clock++ })
    expect(await blob.text()).toBe(JSON.stringify(value))
    const parts = [...jsonParts(value)].length
    // One pause before the start, one every four parts (each part reads the clock once), one before the join.
    expect(pauses).toBe(2 + Math.floor(parts / 4))
  })

  it('pauses only before the start and before the join when the whole fits in one slice', async () => {
    let pauses = 0
    const value = saveLike(30, 30)
    const blob = await jsonBlob(value, { pause: async () => void pauses++, sliceMs: 1e9 })
    expect(pauses).toBe(2)
    expect(await blob.text()).toBe(JSON.stringify(value))
  })
})
