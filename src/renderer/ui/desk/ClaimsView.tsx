import { ViewTabs } from '../common/ViewTabs'
import { useCallback, useEffect, useRef, useState, type JSX } from 'react'
import { CLAIM_SORTS, CLAIM_SORT_LABELS, NOBODY, type ClaimFilters, type ClaimRow, type ClaimView } from '../../../shared/claims'
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, SIGNOFF_LABELS, VERDICTS, type ClaimStatus } from '../../../shared/domain'
import { call } from '../../api'
import { formatDay } from '../common/dates'
import { SearchResults } from '../search/SearchResults'
import { useSearch } from '../search/useSearch'
import { VirtualList } from '../VirtualList'
import { setMe, useRoster } from './roster'

/** The statuses that are not verdicts, then the verdicts, as the filter groups them. */
const WORK_STATUSES = CLAIM_STATUSES.filter((s) => !VERDICTS.includes(s))

/** One row's height in the list (two lines: the claim in its sentence, then its desk fields). */
const ROW_HEIGHT = 64
const PAGE = 100

/** Where opening a claim's row goes: its article, with the claim's details open. */
export function claimHref(r: Pick<ClaimRow, 'articleId' | 'annotationId'>): string {
  return `#/article/${r.articleId}/annotation/${encodeURIComponent(r.annotationId)}`
}

/**
 * The Claims view: every claim of every article, a page at a time from the store (keyset
 * pages), drawn for the view only; filtered by status or verdict, checker, reviewer, article,
 * the days of its last change, "assigned to me" and "needs review", sorted, and kept as named
 * saved views in the library. Its search box searches the claims (`kind:claim …`), ranked.
 */
export function ClaimsView({ articleId }: { articleId?: number }): JSX.Element {
  const { people, me } = useRoster()
  const [filters, setFilters] = useState<ClaimFilters>(articleId === undefined ? {} : { articleId })
  const [query, setQuery] = useState('')
  // Open unless the window is too short to show them and rows too (a small window, a big zoom).
  const [filtersOpen, setFiltersOpen] = useState(() => window.innerHeight >= 560)
  const search = useSearch(query.trim() ? `kind:claim ${query}` : '')
  const [rows, setRows] = useState<ClaimRow[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [views, setViews] = useState<ClaimView[]>([])
  const [viewName, setViewName] = useState('')
  /** Which request's answer is shown: an older one arriving late is dropped. */
  const asked = useRef(0)
  const loadingMore = useRef(false)

  useEffect(() => {
    call('getPreferences', {}).then((p) => setMe(p.userId), () => {})
    call('listClaimViews', {}).then(setViews, () => {})
  }, [])

  useEffect(() => {
    const n = ++asked.current
    setError(null)
    call('listClaims', { ...filters, limit: PAGE }).then(
      (page) => {
        if (n !== asked.current) return
        setRows(page.rows)
        setNext(page.nextCursor)
      },
      (e: Error) => n === asked.current && (setError(e.message), setRows([]))
    )
  }, [filters])

  const more = useCallback(() => {
    if (!next || loadingMore.current) return
    loadingMore.current = true
    const n = asked.current
    call('listClaims', { ...filters, limit: PAGE, cursor: next }).then(
      (page) => {
        loadingMore.current = false
        if (n !== asked.current) return
        setRows((r) => [...(r ?? []), ...page.rows])
        setNext(page.nextCursor)
      },
      (e: Error) => {
        loadingMore.current = false
        setError(e.message)
      }
    )
  }, [filters, next])

  const set = (patch: Partial<ClaimFilters>): void => {
    const f = { ...filters, ...patch }
    for (const k of Object.keys(f) as (keyof ClaimFilters)[]) if (f[k] === undefined || f[k] === false) delete f[k]
    setFilters(f)
  }
  const saveView = async (): Promise<void> => {
    try {
      const v = await call('saveClaimView', { name: viewName, filters })
      setViews((vs) => [...vs.filter((x) => x.id !== v.id), v].sort((a, b) => a.name.localeCompare(b.name)))
      setViewName('')
    } catch (e) {
      setError((e as Error).message)
    }
  }
  const current = people.filter((p) => !p.archived)
  const searching = query.trim() !== ''
  const setCount = Object.keys(filters).filter((k) => k !== 'sort').length
  return (
    <div className="claims-view">
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          Copydesk
        </span>
        <ViewTabs current="claims" />
      </header>
      <main className="claims-body">
        <h1 className="visually-hidden">Claims</h1>
        <input
          className="search claims-search"
          type="search"
          placeholder="Search the claims (status:false, outlet:…, speaker:…)"
          aria-label="Search the claims"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <details className="claim-filters-box" hidden={searching} open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
          <summary>
            Filters{setCount ? ` · ${setCount} set` : ''}
          </summary>
        <form className="claim-filters" aria-label="Filter claims" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span>Status or verdict</span>
            <select value={filters.statuses?.[0] ?? ''} onChange={(e) => set({ statuses: e.target.value ? [e.target.value as ClaimStatus] : undefined })}>
              <option value="">Any</option>
              <optgroup label="Work">
                {WORK_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {CLAIM_STATUS_LABELS[s]}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Verdicts">
                {VERDICTS.map((s) => (
                  <option key={s} value={s}>
                    {CLAIM_STATUS_LABELS[s]}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <label className="field">
            <span>Checker</span>
            <select value={filters.checkerId ?? ''} onChange={(e) => set({ checkerId: e.target.value || undefined })}>
              <option value="">Anyone</option>
              <option value={NOBODY}>No one yet</option>
              {current.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Reviewer</span>
            <select value={filters.reviewerId ?? ''} onChange={(e) => set({ reviewerId: e.target.value || undefined })}>
              <option value="">Anyone</option>
              <option value={NOBODY}>No one yet</option>
              {current
                .filter((p) => p.role === 'editor')
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </select>
          </label>
          <label className="field">
            <span>Changed from</span>
            <input type="date" value={filters.changedFrom ?? ''} max={filters.changedTo} onChange={(e) => set({ changedFrom: e.target.value || undefined })} />
          </label>
          <label className="field">
            <span>Changed to</span>
            <input type="date" value={filters.changedTo ?? ''} min={filters.changedFrom} onChange={(e) => set({ changedTo: e.target.value || undefined })} />
          </label>
          <label className="field">
            <span>Sort</span>
            <select value={filters.sort ?? 'changed'} onChange={(e) => set({ sort: e.target.value === 'changed' ? undefined : (e.target.value as ClaimFilters['sort']) })}>
              {CLAIM_SORTS.map((s) => (
                <option key={s} value={s}>
                  {CLAIM_SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={Boolean(filters.mine)} disabled={!me} onChange={(e) => set({ mine: e.target.checked })} />
            Assigned to me
          </label>
          <label className="check">
            <input type="checkbox" checked={Boolean(filters.needsReview)} onChange={(e) => set({ needsReview: e.target.checked })} />
            Needs review
          </label>
          <label className="field">
            <span>Saved views</span>
            <select
              value=""
              onChange={(e) => {
                const v = views.find((x) => x.id === e.target.value)
                if (v) setFilters(v.filters)
              }}
            >
              <option value="">Choose a saved view…</option>
              {views.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <div className="save-view">
            <input aria-label="Name for this view" placeholder="Name this view" value={viewName} onChange={(e) => setViewName(e.target.value)} />
            <button type="button" disabled={!viewName.trim()} onClick={() => void saveView()}>
              Save view
            </button>
          </div>
        </form>
        </details>
        {filters.articleId !== undefined && !searching && (
          <p className="claims-article">
            <span>
              Claims of <strong>{rows?.find((r) => r.articleId === filters.articleId)?.headline ?? `article ${filters.articleId}`}</strong>
            </span>
            <a href={`#/article/${filters.articleId}`}>Open the article</a>
            <a href="#/claims">Show every article's claims</a>
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {searching ? (
          <SearchResults search={search} />
        ) : rows === null ? (
          <p className="muted">Loading…</p>
        ) : rows.length === 0 ? (
          <p className="muted">No claims match.</p>
        ) : (
          <VirtualList
            items={rows}
            rowHeight={ROW_HEIGHT}
            keyOf={(r) => r.annotationId}
            label="Claims"
            render={(r, i) => <Row row={r} last={i === rows.length - 1} onLast={more} />}
          />
        )}
      </main>
    </div>
  )
}

function Row({ row: r, last, onLast }: { row: ClaimRow; last: boolean; onLast: () => void }): JSX.Element {
  useEffect(() => {
    if (last) onLast()
  }, [last, onLast])
  const who = [r.checker && `Checker ${r.checker.name}`, r.reviewer && `Reviewer ${r.reviewer.name}`, r.due && `Due ${r.due}`].filter(Boolean).join(' · ')
  return (
    <div className="claim-row">
      <a className="claim-line" href={claimHref(r)}>
        {/* The words before, cut from the left so the claim itself stays in view. */}
        <span className="muted">{r.before.length > 90 ? `…${r.before.slice(-89).replace(/^\S*\s/, '')}` : r.before}</span>
        <mark className="claim-words">{r.text}</mark>
        <span className="muted">{r.after}</span>
      </a>
      <span className="claim-meta small">
        <span className={`verdict verdict-${r.status}`}>{CLAIM_STATUS_LABELS[r.status]}</span>
        {r.signoff !== 'none' && <span> · {SIGNOFF_LABELS[r.signoff]}</span>}
        <span className="muted">
          {' · '}
          <a className="claim-article" href={`#/claims/article/${r.articleId}`} title="Only this article's claims">
            {r.headline}
          </a>
        </span>
        {who && <span className="muted"> · {who}</span>}
        <span className="muted"> · Changed {formatDay(r.updatedAt)}</span>
      </span>
    </div>
  )
}
