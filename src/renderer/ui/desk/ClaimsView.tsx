import { ViewTabs } from '../common/ViewTabs'
import { useCallback, useEffect, useRef, useState, type JSX } from 'react'
import { CLAIM_SORTS, CLAIM_SORT_LABELS, NOBODY, type ClaimFilters, type ClaimRow, type ClaimView } from '../../../shared/claims'
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, SIGNOFF_LABELS, type ClaimStatus } from '../../../shared/domain'
import { call } from '../../api'
import { VirtualList } from '../VirtualList'
import { setMe, useRoster } from './roster'

/** One row's height in the list (two lines: the claim in its sentence, then its desk fields). */
const ROW_HEIGHT = 64
const PAGE = 100

/** Where opening a claim's row goes: its article, with the claim's details open. */
export function claimHref(r: Pick<ClaimRow, 'articleId' | 'annotationId'>): string {
  return `#/article/${r.articleId}/annotation/${encodeURIComponent(r.annotationId)}`
}

/**
 * The Claims view: every claim of every article, a page at a time from the store (keyset
 * pages), drawn for the view only; filtered by status, checker, "assigned to me" and "needs
 * review", sorted, and kept as named saved views in the library.
 */
export function ClaimsView(): JSX.Element {
  const { people, me } = useRoster()
  const [filters, setFilters] = useState<ClaimFilters>({})
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
        <form className="claim-filters" aria-label="Filter claims" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span>Status</span>
            <select value={filters.statuses?.[0] ?? ''} onChange={(e) => set({ statuses: e.target.value ? [e.target.value as ClaimStatus] : undefined })}>
              <option value="">Any</option>
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CLAIM_STATUS_LABELS[s]}
                </option>
              ))}
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
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {rows === null ? (
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
    <a className="claim-row" href={claimHref(r)}>
      <span className="claim-line">
        {/* The words before, cut from the left so the claim itself stays in view. */}
        <span className="muted">{r.before.length > 90 ? `…${r.before.slice(-89).replace(/^\S*\s/, '')}` : r.before}</span>
        <mark className="claim-words">{r.text}</mark>
        <span className="muted">{r.after}</span>
      </span>
      <span className="claim-meta small">
        <span className={`verdict verdict-${r.status}`}>{CLAIM_STATUS_LABELS[r.status]}</span>
        {r.signoff !== 'none' && <span> · {SIGNOFF_LABELS[r.signoff]}</span>}
        <span className="muted"> · {r.headline}</span>
        {who && <span className="muted"> · {who}</span>}
      </span>
    </a>
  )
}
