import { parentPort } from 'node:worker_threads'
import { toErrorValue } from '../../../shared/errors'
import { runJob, type Job } from './jobs'

/**
 * The import worker's entry (built to out/main/import-worker.js): runs each job it is sent
 * and answers with its result or its error value, one job at a time.
 */
export interface JobRequest {
  id: number
  job: Job
}

export type JobReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ReturnType<typeof toErrorValue> }

const port = parentPort
if (port) {
  port.on('message', ({ id, job }: JobRequest) => {
    runJob(job).then(
      (value) => port.postMessage({ id, ok: true, value } satisfies JobReply),
      (err: unknown) => port.postMessage({ id, ok: false, error: toErrorValue(err) } satisfies JobReply)
    )
  })
}
