import { useEffect, useLayoutEffect, useRef, useState, type JSX } from 'react'
import type { LibraryPages, LibraryRow } from './pages'
import { CLAIM_STATUS_LABELS, type ArticleSummary } from '../../../shared/domain'

/** Each row's height in CSS pixels (styles.css holds the rows to it). */
export const ROW_HEIGHT = 60
/** Rows drawn beyond each edge of the window, so a short scroll shows rows already there. */
const OVERSCAN = 8

/**
 * The library's table, drawing only the rows in the window (the page scrolls, as before):
 * 100,000 articles cost the page what 30 do. Rows above and below the view are one spacer
 * row each, so the scroll bar still spans the whole list; a row whose page is on its way
 * shows that it is loading.
 */
export function LibraryTable({ pages, onDelete }: { pages: LibraryPages; onDelete: (a: LibraryRow) => void }): JSX.Element {
  const body = useRef<HTMLTableSectionElement>(null)
  const [view, setView] = useState<[number, number]>([0, 30])
  const total = pages.total ?? 0
  const { want } = pages

  useLayoutEffect(() => {
    let frame = 0
    const measure = (): void => {
      frame = 0
      const el = body.current
      if (!el) return
      const top = el.getBoundingClientRect().top
      const first = Math.max(0, Math.floor(-top / ROW_HEIGHT) - OVERSCAN)
      const last = Math.min(total, Math.ceil((window.innerHeight - top) / ROW_HEIGHT) + OVERSCAN)
      setView((v) => (v[0] === first && v[1] === last ? v : [first, Math.max(first, last)]))
    }
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(measure)
    }
    measure()
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
      cancelAnimationFrame(frame)
    }
  }, [total])

  useEffect(() => want(view[0], view[1]), [view, want])

  const [first, last] = view
  const rows: JSX.Element[] = []
  for (let i = first; i < last; i++) {
    const a = pages.rowAt(i)
    rows.push(
      a ? (
        <tr key={a.id} className="article-row" aria-rowindex={i + 2} data-index={i}>
          <td>
            <a href={`#/article/${a.id}`} className="headline-link" title={a.headline}>
              {a.headline}
            </a>
            <DeskLine a={a} />
          </td>
          <td>{a.outlet || '—'}</td>
          <td>{a.published}</td>
          <td className="num">{a.annotationCount}</td>
          <td>{a.edited}</td>
          <td>
            <button type="button" className="quiet" aria-label={`Delete “${a.headline}”`} title="Delete (you can undo)" onClick={() => onDelete(a)}>
              Delete
            </button>
          </td>
        </tr>
      ) : (
        <tr key={`loading-${i}`} className="article-row loading" aria-rowindex={i + 2} aria-busy="true" data-index={i}>
          <td colSpan={6} className="muted">
            Loading…
          </td>
        </tr>
      )
    )
  }
  return (
    <table className="articles" aria-label="Articles" aria-rowcount={total + 1}>
      <colgroup>
        <col className="col-headline" />
        <col className="col-outlet" />
        <col className="col-date" />
        <col className="col-count" />
        <col className="col-edited" />
        <col className="col-actions" />
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          <th>Headline</th>
          <th>Outlet</th>
          <th>Published</th>
          <th className="num">Annotations</th>
          <th>Last edited</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody ref={body}>
        {first > 0 && <tr className="spacer" aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
        {rows}
        {last < total && <tr className="spacer" aria-hidden="true" style={{ height: (total - last) * ROW_HEIGHT }} />}
      </tbody>
    </table>
  )
}

/**
 * The line under a headline: the byline, then the desk's work on the article (claims
 * approved of all, the worst verdict, open threads), each only when there is some.
 */
function DeskLine({ a }: { a: ArticleSummary }): JSX.Element | null {
  const parts: JSX.Element[] = []
  if (a.byline) parts.push(<span key="by">{a.byline}</span>)
  if (a.claimCount > 0) parts.push(<span key="claims">{`${a.approvedCount}/${a.claimCount} claims approved`}</span>)
  if (a.worstVerdict) parts.push(<span key="worst" className={`verdict-word verdict-${a.worstVerdict}`}>{`worst: ${CLAIM_STATUS_LABELS[a.worstVerdict]}`}</span>)
  if (a.openThreads > 0) parts.push(<span key="threads">{a.openThreads === 1 ? '1 open thread' : `${a.openThreads} open threads`}</span>)
  if (!parts.length) return null
  return <div className="muted small byline-line">{parts.flatMap((p, i) => (i ? [<span key={`sep-${i}`} aria-hidden="true"> · </span>, p] : [p]))}</div>
}
