import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { threadRunner, type JobRunner } from '../../src/main/core/work/runner'
import { assertBuilt, ROOT } from '../helpers/cli'
import { longArticleText } from '../helpers/hostile-files'
import { refusal } from '../helpers/refusal'

/** The worker as the command line and the app start it: the built bundle. */
const WORKER = join(ROOT, 'out', 'main', 'import-worker.js')

describe('imports run in a worker thread with a time and memory limit', () => {
  let runner: JobRunner | undefined
  afterEach(async () => {
    await runner?.close()
    runner = undefined
  })

  it('reads an article in the built worker, as the command line and the app do', async () => {
    assertBuilt()
    runner = threadRunner({ file: WORKER })
    const a = await runner.run({ kind: 'readArticleFile', fileName: 'story.txt', bytes: Buffer.from('Harbour fees to double\n\nBy Lee Moss\n\nFees rise 100%.') })
    expect(a).toMatchObject({ headline: 'Harbour fees to double', byline: 'Lee Moss', text: 'Fees rise 100%.' })
  })

  it('stops a job that runs past the time limit and says so in words; a new job then starts afresh', async () => {
    assertBuilt()
    runner = threadRunner({ file: WORKER, timeoutMs: 30 })
    const slow = Buffer.from(longArticleText(3_000_000))
    const t0 = performance.now()
    const r = await refusal(runner.run({ kind: 'readArticleFile', fileName: 'slow.txt', bytes: slow }))
    expect(r).toEqual({ code: 'file_too_large', message: expect.stringMatching(/^Copydesk stopped reading "slow\.txt" after 0 seconds: it is too large or too complex/) })
    expect(performance.now() - t0).toBeLessThan(2000)
    const again = threadRunner({ file: WORKER })
    try {
      expect(await again.run({ kind: 'articleFromText', text: 'Short\n\nText.' })).toMatchObject({ headline: 'Short', text: 'Text.' })
    } finally {
      await again.close()
    }
  })

  it('refuses a job that needs more memory than the worker has, and the process goes on', async () => {
    assertBuilt()
    runner = threadRunner({ file: WORKER, heapMb: 24 })
    const r = await refusal(runner.run({ kind: 'readArticleFile', fileName: 'big.txt', bytes: Buffer.from(longArticleText(4_500_000)) }))
    expect(r).toEqual({ code: 'file_too_large', message: expect.stringContaining('"big.txt" needs more memory than Copydesk gives one import') })
    expect(await runner.run({ kind: 'articleFromText', text: 'Still\n\nhere.' })).toMatchObject({ text: 'here.' })
  })

  it('carries a refusal from the worker as the same error value', async () => {
    assertBuilt()
    runner = threadRunner({ file: WORKER })
    expect(await refusal(runner.run({ kind: 'readArticleFile', fileName: 'x.pdf', bytes: Buffer.from('%PDF') }))).toMatchObject({ code: 'unsupported_format' })
  })
})
