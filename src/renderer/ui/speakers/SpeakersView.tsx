import { useCallback, useEffect, useRef, useState, type JSX } from 'react'
import type { SpeakerSummary } from '../../../shared/speakers/types'
import { call } from '../../api'
import { speakerHref } from '../App'
import { useNotify } from '../common/notices'
import { ViewTabs } from '../common/ViewTabs'
import { formatDay } from '../common/dates'

/**
 * People in the news: everyone the library's quotes and attributions name, once each, with
 * how often they are quoted and cited. Two picked can be merged into one person.
 */
export function SpeakersView(): JSX.Element {
  const [rows, setRows] = useState<SpeakerSummary[] | null>(null)
  const [query, setQuery] = useState('')
  const [picked, setPicked] = useState<SpeakerSummary[]>([])
  const [merging, setMerging] = useState(false)
  const notify = useNotify()
  /** Only the answer to the latest question is shown: an earlier one arriving late is dropped. */
  const asked = useRef(0)

  const refresh = useCallback(async () => {
    const mine = ++asked.current
    try {
      const list = await call('listSpeakers', query.trim() ? { query } : {})
      if (mine === asked.current) setRows(list)
    } catch (err) {
      if (mine === asked.current) notify({ tone: 'error', message: (err as Error).message })
    }
  }, [query, notify])

  useEffect(() => {
    void refresh()
  }, [refresh])

  function toggle(s: SpeakerSummary, on: boolean): void {
    setPicked((p) => (on ? [...p.filter((x) => x.id !== s.id), s].slice(-2) : p.filter((x) => x.id !== s.id)))
  }

  async function merge(): Promise<void> {
    const [a, b] = picked
    setMerging(true)
    try {
      const merged = await call('mergeSpeakers', { a: a.id, b: b.id })
      setPicked([])
      notify({
        tone: 'info',
        message: `${a.name} and ${b.name} are now one person, ${merged.name}. To undo it, split them on their page.`,
        action: { label: 'Open their page', run: () => (location.hash = speakerHref(merged.id)) }
      })
      await refresh()
    } catch (err) {
      notify({ tone: 'error', message: (err as Error).message })
    } finally {
      setMerging(false)
    }
  }

  return (
    <div className="speakers-view">
      <header className="topbar">
        <h1 className="brand">Copydesk</h1>
        <ViewTabs current="speakers" />
        <input className="search" type="search" placeholder="Find a person" aria-label="Find a person" value={query} onChange={(e) => setQuery(e.target.value)} />
      </header>
      <main className="speakers-body">
        <h2 className="speakers-title">People in the news</h2>
        <p className="muted speakers-intro">
          Everyone the library’s quotes and attributions name, once each: “Russian President Vladimir Putin”, “Mr. Putin” and “Putin” are one person. Pick two to merge them when the names alone could not tell.
        </p>
        {picked.length > 0 && (
          <div className="merge-bar" role="region" aria-label="People picked to merge">
            <span>
              {picked.length === 1 ? `Picked ${picked[0].name}: pick one more to merge with.` : `Picked ${picked[0].name} (${picked[0].id}) and ${picked[1].name} (${picked[1].id}).`}
            </span>
            <button type="button" className="primary" disabled={picked.length < 2 || merging} onClick={() => void merge()}>
              Merge into one person
            </button>
            <button type="button" onClick={() => setPicked([])}>
              Clear
            </button>
          </div>
        )}
        {rows === null ? (
          <p className="muted">Loading…</p>
        ) : rows.length === 0 ? (
          <div className="empty">
            {query ? (
              <p>No one quoted or cited matches “{query}”.</p>
            ) : (
              <>
                <p>No one is quoted or cited yet.</p>
                <p className="muted">Tag quotes with their speakers and attributions with their sources, and the people they name are listed here.</p>
              </>
            )}
          </div>
        ) : (
          <table className="speakers-table speakers" aria-label="People in the news">
            <thead>
              <tr>
                <th>
                  <span className="visually-hidden">Pick to merge</span>
                </th>
                <th>Name</th>
                <th className="num">Quotes</th>
                <th className="num">Claims</th>
                <th className="num">Articles</th>
                <th>Last seen</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => {
                const on = picked.some((p) => p.id === s.id)
                const others = s.variants.filter((v) => v !== s.name)
                return (
                  <tr key={s.id} className={on ? 'picked' : undefined}>
                    <td className="pick">
                      <input type="checkbox" checked={on} aria-label={`Pick ${s.name} (${s.id}) to merge`} onChange={(e) => toggle(s, e.target.checked)} />
                    </td>
                    <td>
                      <a href={speakerHref(s.id)} className="headline-link">
                        {s.name}
                      </a>
                      {others.length > 0 && <div className="muted small">Also: {others.slice(0, 4).join(' · ')}{others.length > 4 ? ' …' : ''}</div>}
                    </td>
                    <td className="num">{s.quoteCount}</td>
                    <td className="num">{s.claimCount}</td>
                    <td className="num">{s.articleCount}</td>
                    <td>{formatDay(s.lastSeen)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </main>
    </div>
  )
}
