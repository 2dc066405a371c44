import { Worker } from 'node:worker_threads'
import { CopydeskError } from '../../../shared/errors'
import { IMPORT_TIME_LIMIT_MS } from '../../../shared/limits'
import { describeJob, runJob, type Job, type ResultOf } from './jobs'
import type { JobReply, JobRequest } from './worker'

/**
 * Where imports run. The doors take a runner (injected, so the Electron glue can choose a
 * utility process where this one uses a worker thread) and only ever hand it plain data.
 */
export interface JobRunner {
  run<J extends Job>(job: J): Promise<ResultOf<J>>
  /** Stops the runner's thread, if it has one; jobs after this start a new one. */
  close(): Promise<void>
}

/** Runs jobs on the calling thread: for scripts and tests of the work itself, never for a door. */
export function sameThreadRunner(): JobRunner {
  return { run: runJob, close: async () => {} }
}

export interface ThreadRunnerOptions {
  /** The worker's script: the built out/main/import-worker.js. */
  file: string
  /** A job still running after this long is stopped and refused (default IMPORT_TIME_LIMIT_MS). */
  timeoutMs?: number
  /** The worker's heap, in MB; a job that needs more is refused (default 448). */
  heapMb?: number
  /**
   * Start the worker now rather than at the first job: loading the readers takes ~0.4 s
   * here, which a long-running door (the app, `copydesk serve`) should not add to its first
   * import. A command line that may not import at all leaves it for the first job.
   */
  warm?: boolean
}

/**
 * Runs jobs in a worker thread, one at a time, so the thread that answers the window or the
 * HTTP door never waits on a file: a job that runs past the time limit, or past the worker's
 * memory, has its worker terminated (the next job gets a fresh one) and is refused in words
 * an editor can act on. The worker is kept between jobs (starting one costs ~0.4 s), and
 * does not keep a command line from exiting while it is idle.
 */
export function threadRunner(options: ThreadRunnerOptions): JobRunner {
  const timeoutMs = options.timeoutMs ?? IMPORT_TIME_LIMIT_MS
  const heapMb = options.heapMb ?? 448
  let worker: Worker | undefined
  let nextId = 1
  let queue: Promise<unknown> = Promise.resolve()

  const spawn = (): Worker => {
    const w = new Worker(options.file, { resourceLimits: { maxOldGenerationSizeMb: heapMb } })
    // Always listened to, so an error after its job has been answered is never an uncaught one.
    w.on('error', () => {})
    w.on('exit', () => {
      if (worker === w) worker = undefined
    })
    w.unref()
    return w
  }

  const stop = (w: Worker): void => {
    if (worker === w) worker = undefined
    void w.terminate()
  }

  const runOne = <J extends Job>(job: J): Promise<ResultOf<J>> =>
    new Promise((resolve, reject) => {
      const w = (worker ??= spawn())
      const id = nextId++
      const done = (): void => {
        clearTimeout(timer)
        w.off('message', onMessage)
        w.off('error', onError)
        w.off('exit', onExit)
        w.unref()
      }
      const onMessage = (reply: JobReply): void => {
        if (reply.id !== id) return
        done()
        if (reply.ok) resolve(reply.value as ResultOf<J>)
        else reject(new CopydeskError(reply.error.code, reply.error.message))
      }
      const onError = (err: Error & { code?: string }): void => {
        done()
        stop(w)
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new CopydeskError('file_too_large', `${capitalise(describeJob(job))} needs more memory than Copydesk gives one import, so it was not opened: it is too large or too complex. Save it as plain text, or split it, and import that.`)
            : new CopydeskError('internal', `Something went wrong inside Copydesk while reading ${describeJob(job)}: ${err.message}`)
        )
      }
      const onExit = (): void => {
        done()
        reject(new CopydeskError('internal', `Copydesk's import stopped unexpectedly while reading ${describeJob(job)}.`))
      }
      const timer = setTimeout(() => {
        done()
        stop(w)
        reject(
          new CopydeskError(
            'file_too_large',
            `Copydesk stopped reading ${describeJob(job)} after ${Math.round(timeoutMs / 100) / 10} seconds: it is too large or too complex to open. Save it as plain text, or split it, and import that.`
          )
        )
      }, timeoutMs)
      w.on('message', onMessage)
      w.on('error', onError)
      w.on('exit', onExit)
      w.ref()
      w.postMessage({ id, job } satisfies JobRequest)
    })

  if (options.warm) worker = spawn()

  return {
    run(job) {
      const task = queue.then(() => runOne(job))
      queue = task.catch(() => {})
      return task
    },
    async close() {
      const w = worker
      worker = undefined
      if (w) await w.terminate()
    }
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
