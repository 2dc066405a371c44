import type { JSX } from 'react'
import { formatDay } from '../common/dates'
import { CLAIM_STATUS_LABELS } from '../../../shared/domain'
import { FILTER_HELP } from '../../../shared/search/query'
import type { MatchedField, ResultKind, SearchHit, SnippetPart } from '../../../shared/search/types'
import type { SearchState } from './useSearch'

/** Ranked search results: what each is, where the words were found, a snippet with them marked. */

const KIND_LABELS: Record<ResultKind, string> = {
  article: 'Article',
  claim: 'Claim',
  quote: 'Quote',
  attribution: 'Attribution',
  comment: 'Comment'
}

const MATCHED_LABELS: Record<MatchedField, string> = {
  headline: 'headline',
  byline: 'byline',
  outlet: 'outlet',
  link: 'link',
  text: 'text',
  explanation: 'explanation',
  evidence: 'evidence',
  name: 'speaker or source',
  verdict: 'verdict'
}

function Marked({ parts }: { parts: SnippetPart[] }): JSX.Element {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>
}

function Result({ hit }: { hit: SearchHit }): JSX.Element {
  const where = [hit.outlet, hit.publishedAt && formatDay(hit.publishedAt), hit.byline].filter(Boolean).join(' · ')
  const showWords = hit.kind !== 'article' && hit.words && hit.matched !== 'text'
  // An article found by its headline shows the headline with the words marked, not twice.
  const inHeadline = hit.matched === 'headline'
  return (
    <li className={`search-hit kind-${hit.kind}`}>
      <div className="search-hit-head">
        <span className={`search-kind search-kind-${hit.kind}`}>{KIND_LABELS[hit.kind]}</span>
        {hit.matched && <span className="search-where">found in its {hit.kind !== 'article' && hit.matched === 'text' ? 'words' : MATCHED_LABELS[hit.matched]}</span>}
        {hit.status && <span className={`search-status status-${hit.status}`}>{CLAIM_STATUS_LABELS[hit.status]}</span>}
      </div>
      <a className="search-headline" href={`#/article/${hit.articleId}`}>
        {inHeadline ? <Marked parts={hit.snippet} /> : hit.headline}
      </a>
      {showWords && (
        <p className="search-words">
          “{hit.words}”{hit.name && <span className="muted"> — {hit.name}</span>}
        </p>
      )}
      {hit.snippet.length > 0 && !inHeadline && (
        <p className="search-snippet">
          <Marked parts={hit.snippet} />
        </p>
      )}
      {where && <p className="search-meta muted small">{where}</p>}
    </li>
  )
}

/** The filters the search box takes, folded away under the results. */
export function SearchTips(): JSX.Element {
  return (
    <details className="search-tips">
      <summary>Search tips: filters</summary>
      <p>Words find what starts with them; put a phrase in quotes. Add filters to narrow:</p>
      <dl>
        {FILTER_HELP.map(([name, what]) => (
          <div key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">For example: <code>kind:claim status:false speaker:&quot;Dana Whitfield&quot; after:2026-01</code></p>
    </details>
  )
}

/** The results of the search box, or why there are none. */
export function SearchResults({ search }: { search: SearchState & { loadMore: () => void } }): JSX.Element {
  const { hits, status, error, more, query } = search
  const count = hits.length === 1 ? '1 result' : `${hits.length}${more ? '+' : ''} results`
  return (
    <section className="search-results" aria-label="Search results" aria-busy={status === 'searching'}>
      <p className="search-count muted" role="status">
        {status === 'error' ? '' : status === 'searching' && !query ? 'Searching…' : query ? `${count} for “${query}”` : ''}
      </p>
      {error && (
        <p className="search-error" role="alert">
          {error}
        </p>
      )}
      {status === 'done' && hits.length === 0 && <p className="empty">Nothing found. Try fewer words, or a word’s beginning.</p>}
      {hits.length > 0 && (
        <ol className="search-list" aria-label={`Results for ${query}`}>
          {hits.map((h) => (
            <Result key={`${h.kind}:${h.commentId ?? h.annotationId ?? h.articleId}`} hit={h} />
          ))}
        </ol>
      )}
      {more && (
        <button type="button" className="search-more" onClick={search.loadMore} disabled={status === 'searching'}>
          More results
        </button>
      )}
      <SearchTips />
    </section>
  )
}
