import type { NewArticle } from '../store'
import { articleFromText, readArticleFile } from '../import'
import { parseAnnotationFile, placeAnnotations, readAnnotatedArticle, type Placed } from '../import/annotations'

/**
 * The heavy, untrusted parts of importing, as plain data in and out so they can run in
 * another thread: reading an article file or pasted text, and reading and placing
 * annotations. Each is pure over its input; the store stays with the caller.
 */
export type Job =
  | { kind: 'readArticleFile'; fileName: string; bytes: Uint8Array }
  | { kind: 'articleFromText'; text: string; headline?: string }
  | { kind: 'placeAnnotations'; fileName: string; content: string; articleText: string }
  | { kind: 'readAnnotatedArticle'; fileName: string; text: string; ann: string }

export interface JobResults {
  readArticleFile: NewArticle
  articleFromText: NewArticle
  placeAnnotations: Placed
  readAnnotatedArticle: Placed & { article: NewArticle }
}

export type ResultOf<J extends Job> = JobResults[J['kind']]

/** Runs one job on this thread. */
export async function runJob<J extends Job>(job: J): Promise<ResultOf<J>> {
  const run = async (): Promise<JobResults[Job['kind']]> => {
    switch (job.kind) {
      case 'readArticleFile':
        return readArticleFile(job.fileName, job.bytes)
      case 'articleFromText':
        return articleFromText(job.text, job.headline)
      case 'placeAnnotations':
        return placeAnnotations(job.articleText, parseAnnotationFile(job.fileName, job.content, job.articleText))
      case 'readAnnotatedArticle': {
        const { article, placed, threads, report, checkers } = readAnnotatedArticle(job.fileName, job.text, job.ann)
        return { article, placed, threads, report, checkers }
      }
    }
  }
  return (await run()) as ResultOf<J>
}

/** What a job is about, in an editor's words, for the errors that stop it. */
export function describeJob(job: Job): string {
  switch (job.kind) {
    case 'readArticleFile':
      return `"${job.fileName}"`
    case 'articleFromText':
      return 'the pasted text'
    case 'placeAnnotations':
      return `the annotations in "${job.fileName}"`
    case 'readAnnotatedArticle':
      return `"${job.fileName}" and its annotations`
  }
}
