import { join } from 'node:path'
import { openStore } from '../../src/main/core/store'
import { annotationOn } from './articles'
import { copydesk, ROOT } from './cli'

/**
 * A library file holding four samples, imported through the command line, with a claim on the
 * budget story whose evidence cites a tax ordinance (the samples carry no annotations).
 */
export function sampleSearchLibrary(file: string): void {
  const r = copydesk(file, 'import', ...['city-budget.txt', 'courts-treasurer.txt', 'wire-ukraine-talks.txt', 'election-whitfield.md'].map((f) => join(ROOT, 'samples', f)))
  if (r.code !== 0) throw new Error(`importing the samples failed: ${r.stderr}`)
  const store = openStore(file)
  try {
    const budget = store.search({ query: 'byline:Okafor kind:article' }).hits[0]
    const text = store.getArticle(budget.articleId).text
    const claim = annotationOn(text, 'raising the property tax rate by 6.8%', 'claim', 'c-rate', {
      status: 'true',
      explanation: 'The adopted rate is 6.8% above this year’s.',
      evidence: [{ url: 'https://riverton.example/council/ordinance-2026-41', note: 'Tax levy ordinance 2026-41, adopted November 2' }]
    })
    store.saveArticle({ id: budget.articleId, baseRevision: 1, annotations: [claim], who: 'Test' })
  } finally {
    store.close()
  }
}
