import { describe, expect, it } from 'vitest'
import type { ArticleData } from '../../src/renderer/ui/article-load'
import { createArticleLoader } from '../../src/renderer/ui/article-load'

/** A store stand-in that counts its reads and answers each with its own value. */
function fakeStore(fail = false): { read: (id: number) => Promise<ArticleData>; reads: number[] } {
  const reads: number[] = []
  return {
    reads,
    read(id) {
      reads.push(id)
      const n = reads.length
      return fail
        ? Promise.reject(new Error(`There is no article number ${id}.`))
        : Promise.resolve({ article: { id, headline: `read ${n}` }, stored: [], prefs: { userName: '' } } as unknown as ArticleData)
    }
  }
}

function clock(): { now: () => number; pass: (ms: number) => void } {
  let t = 0
  return { now: () => t, pass: (ms) => void (t += ms) }
}

describe('reading an article as the window goes to it', () => {
  it('gives the view the load started for it, without reading again', async () => {
    const store = fakeStore()
    const loader = createArticleLoader(store.read)
    loader.start(7)
    loader.start(7)
    expect(store.reads).toEqual([7])
    expect((await loader.take(7)).article.headline).toBe('read 1')
    expect(store.reads).toEqual([7])
  })

  it('reads afresh when nothing was started, and for a second view of the same article', async () => {
    const store = fakeStore()
    const loader = createArticleLoader(store.read)
    expect((await loader.take(3)).article.headline).toBe('read 1')
    loader.start(3)
    await loader.take(3)
    // A reopen (after an import changed the article) must not get the earlier read.
    expect((await loader.take(3)).article.headline).toBe('read 3')
    expect(store.reads).toEqual([3, 3, 3])
  })

  it('does not hand one article’s load to another', async () => {
    const store = fakeStore()
    const loader = createArticleLoader(store.read)
    loader.start(1)
    loader.start(2)
    expect((await loader.take(1)).article.id).toBe(1)
    expect(store.reads).toEqual([1, 2, 1])
  })

  it('does not use a load that waited too long: the article may have changed since', async () => {
    const store = fakeStore()
    const time = clock()
    const loader = createArticleLoader(store.read, time.now, 2_000)
    loader.start(4)
    time.pass(2_001)
    expect((await loader.take(4)).article.headline).toBe('read 2')
    loader.start(4)
    time.pass(1_500)
    expect((await loader.take(4)).article.headline).toBe('read 3')
  })

  it('passes a failed read to the view that takes it', async () => {
    const store = fakeStore(true)
    const loader = createArticleLoader(store.read)
    loader.start(9)
    await expect(loader.take(9)).rejects.toThrow('There is no article number 9.')
  })
})
