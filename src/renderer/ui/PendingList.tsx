import { useEffect, useState, type JSX } from 'react'
import { allPending, dropPending, type PendingSave } from '../pending'

/**
 * On the library: articles with changes the library never confirmed (kept in this browser
 * after a crash), each with a link to open it, where they are offered back, or to discard them.
 */
export function PendingList(): JSX.Element | null {
  const [saves, setSaves] = useState<PendingSave[]>([])
  useEffect(() => {
    let live = true
    allPending().then((all) => live && setSaves(all), () => {})
    return () => {
      live = false
    }
  }, [])
  if (!saves.length) return null
  return (
    <section className="pending-list" aria-labelledby="pending-title">
      <h2 id="pending-title">Unsaved changes kept in this browser</h2>
      <p className="muted small">Copydesk stopped before the library confirmed these. Open the article to restore them.</p>
      <ul>
        {saves.map((s) => (
          <li key={s.key}>
            <a href={`#/article/${s.articleId}`}>{s.headline || `Article ${s.articleId}`}</a>{' '}
            <span className="muted small">changed {new Date(s.at).toLocaleString()}</span>{' '}
            <button
              type="button"
              className="quiet"
              onClick={() => {
                void dropPending(s.key)
                setSaves((all) => all.filter((x) => x.key !== s.key))
              }}
            >
              Discard
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
