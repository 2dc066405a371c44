import type { Database } from 'better-sqlite3'
import { CLAIM_STATUS_LABELS, VERDICTS, type ClaimStatus, type Evidence } from '../../../shared/domain'
import type { MatchedField, SearchHit, SearchTerm, SnippetPart } from '../../../shared/search/types'
import { findTerms, snippet } from '../../../shared/search/words'
import { passageKey, passagesOf } from './passages'

/**
 * A page of results as the user sees them: for each document the index found, its article,
 * what it is, which of its fields holds the words (the first in the order a reader weighs
 * them), a snippet of that field with the words marked, and where in the text it is.
 */

/** One document the index found: a search_docs row. */
export interface FoundDoc {
  id: number
  kind: 'article' | 'passage' | 'claim' | 'quote' | 'attribution' | 'comment'
  ref: string
  link: string
  articleId: number
}

interface ArticleInfo {
  headline: string
  byline: string
  outlet: string
  url: string
  published_at: string
}

interface AnnotationInfo {
  kind: 'claim' | 'quote' | 'attribution'
  exact: string
  fields: Record<string, unknown>
}

const WORDS_SHOWN = 200

function clip(s: string, n = WORDS_SHOWN): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > n ? `${t.slice(0, n - 1)}…` : t
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

/** The first field that holds the terms, with its snippet; else the first field, unmarked. */
function bestField(fields: [MatchedField, string][], terms: readonly SearchTerm[]): { matched: MatchedField | null; snippet: SnippetPart[] } {
  const present = fields.filter(([, text]) => text.trim())
  if (terms.length) {
    // The field holding the most of the query's terms ("Riverton Ledger": the outlet, not a
    // headline that says "Riverton"); on a tie, the first in the order a reader weighs them.
    let best: [MatchedField, string] | null = null
    let most = 0
    for (const [name, text] of present) {
      const n = terms.filter((t) => findTerms(text, [t]).length > 0).length
      if (n > most) {
        most = n
        best = [name, text]
      }
    }
    if (best) return { matched: best[0], snippet: snippet(best[1], terms) }
  }
  const first = present[0]
  return { matched: null, snippet: first ? snippet(first[1], []) : [] }
}

/** Reads what a page of results needs from the store, one article or annotation at a time. */
export function buildHits(db: Database, docs: FoundDoc[], terms: readonly SearchTerm[]): SearchHit[] {
  const articleOf = db.prepare(`SELECT headline, byline, outlet, url, published_at FROM articles WHERE id = ?`)
  const textOf = db.prepare(`SELECT text FROM articles WHERE id = ?`).pluck()
  const annotationOf = db.prepare(`SELECT kind, exact, fields FROM annotations WHERE id = ?`)
  const articles = new Map<number, ArticleInfo>()
  const article = (id: number): ArticleInfo => {
    let a = articles.get(id)
    if (!a) articles.set(id, (a = articleOf.get(id) as ArticleInfo))
    return a
  }
  const annotation = (id: string): AnnotationInfo | null => {
    const row = annotationOf.get(id) as { kind: AnnotationInfo['kind']; exact: string; fields: string } | undefined
    return row ? { kind: row.kind, exact: row.exact, fields: JSON.parse(row.fields) as Record<string, unknown> } : null
  }
  /** A quote's speaker, an attribution's source, or the source a claim is linked to. */
  const nameOf = (a: AnnotationInfo): string => {
    const own = str(a.fields.speakerName) || str(a.fields.sourceName)
    if (own) return own
    const link = str(a.fields.speakerId) || str(a.fields.sourceId)
    return link ? str(annotation(link)?.fields.sourceName) : ''
  }
  const comments = docs.some((d) => d.kind === 'comment') ? db.prepare(`SELECT body, author_name FROM comments WHERE id = ?`) : null

  return docs.map((d): SearchHit => {
    const a = article(d.articleId)
    const base = {
      articleId: d.articleId,
      headline: a.headline,
      outlet: a.outlet,
      byline: a.byline,
      publishedAt: a.published_at,
      annotationId: null as string | null,
      commentId: null as string | null,
      status: null as ClaimStatus | null,
      name: '',
      words: '',
      at: null as { start: number; end: number } | null
    }
    if (d.kind === 'article') {
      const found = bestField([['headline', a.headline], ['byline', a.byline], ['outlet', a.outlet], ['link', a.url]], terms)
      return { ...base, kind: 'article', ...found }
    }
    if (d.kind === 'passage') {
      const text = textOf.get(d.articleId) as string
      const passage = passagesOf(text).find((p) => passageKey(p.text) === d.ref)
      if (!passage) return { ...base, kind: 'article', matched: null, snippet: [{ text: a.headline, hit: false }] }
      const first = findTerms(passage.text, terms)[0]
      return {
        ...base,
        kind: 'article',
        matched: 'text',
        snippet: snippet(passage.text, terms),
        at: first ? { start: passage.start + first.start, end: passage.start + first.end } : { start: passage.start, end: passage.start }
      }
    }
    if (d.kind === 'comment') {
      const c = comments?.get(d.ref) as { body: string; author_name: string } | undefined
      const on = annotation(d.link)
      const found = bestField([['text', c?.body ?? ''], ['name', c?.author_name ?? '']], terms)
      return {
        ...base,
        kind: 'comment',
        ...found,
        commentId: d.ref,
        annotationId: d.link,
        status: on?.kind === 'claim' ? (on.fields.status as ClaimStatus) : null,
        name: c?.author_name ?? '',
        words: on ? clip(on.exact) : ''
      }
    }
    const n = annotation(d.ref)
    if (!n) return { ...base, kind: d.kind, matched: null, snippet: [], annotationId: d.ref }
    const f = n.fields
    const name = nameOf(n)
    const status = n.kind === 'claim' ? (f.status as ClaimStatus) : null
    const evidence = Array.isArray(f.evidence) ? (f.evidence as Evidence[]).map((e) => [e.url, e.note].filter(Boolean).join(' — ')).join(' · ') : ''
    const verdict = status && VERDICTS.includes(status) ? CLAIM_STATUS_LABELS[status] : ''
    const explanation = [str(f.explanation), str(f.checkedNote), str(f.note)].filter(Boolean).join(' · ')
    const found = bestField(
      [
        ['text', n.exact],
        ['name', str(f.speakerName) || str(f.sourceName)],
        ['explanation', explanation],
        ['evidence', evidence],
        ['verdict', verdict]
      ],
      terms
    )
    return { ...base, kind: n.kind, ...found, annotationId: d.ref, status, name, words: clip(n.exact) }
  })
}
