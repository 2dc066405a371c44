import type { JSX } from 'react'
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react'
import { CLAIM_STATUS_LABELS, type ArticleSummary } from '../../shared/domain'
import { call } from '../api'
import { openArticle, useAppCommands } from './App'
import { ACCEPT_ATTRIBUTE, planImport, runImport } from './importing'
import { useNotify } from './common/notices'
import { PendingList } from './PendingList'
import { RecoveryNotice } from './RecoveryNotice'

function formatDate(iso: string): string {
  if (!iso) return '—'
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

function formatEdited(iso: string): string {
  const d = new Date(iso)
  return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/** The library: every article, most recently edited first; import, paste, open, delete. */
export function Library(): JSX.Element {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null)
  const [query, setQuery] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const toast = useNotify()
  /** Files that could not be imported, each with why: listed until dismissed. */
  const [problems, setProblems] = useState<string[]>([])
  const { pasteAsNew } = useAppCommands()

  const refresh = useCallback(async () => {
    try {
      setArticles(await call('listArticles', query.trim() ? { query } : {}))
    } catch (err) {
      toast({ tone: 'error', message: (err as Error).message })
    }
  }, [query, toast])

  useEffect(() => {
    void refresh()
  }, [refresh])

  async function importFiles(files: File[]): Promise<void> {
    const planned = planImport(files)
    const failed = [...planned.problems]
    const { jobs } = planned
    let lastId: number | null = null
    let imported = 0
    for (const [i, job] of jobs.entries()) {
      const name = job.kind === 'file' ? job.file.name : job.text.name
      setBusy(jobs.length > 1 ? `Importing ${name} (${i + 1} of ${jobs.length})…` : `Importing ${name}…`)
      try {
        lastId = (await runImport(job)).id
        imported++
      } catch (err) {
        failed.push((err as Error).message)
      }
    }
    setBusy(null)
    setProblems(failed)
    if (failed.length === 0 && jobs.length === 1 && lastId !== null) openArticle(lastId)
    else {
      if (imported) toast({ tone: 'info', message: imported === 1 ? 'Imported 1 article.' : `Imported ${imported} articles.` })
      void refresh()
    }
  }

  async function remove(a: ArticleSummary): Promise<void> {
    try {
      await call('deleteArticle', { id: a.id })
      await refresh()
      toast({
        tone: 'info',
        message: `Deleted “${a.headline}”.`,
        action: {
          label: 'Undo',
          run: () => {
            void call('restoreArticle', { id: a.id }).then(refresh, (err: Error) => toast({ tone: 'error', message: err.message }))
          }
        }
      })
    } catch (err) {
      toast({ tone: 'error', message: (err as Error).message })
    }
  }

  function onDrop(e: DragEvent): void {
    e.preventDefault()
    setDragging(false)
    const files = [...e.dataTransfer.files]
    if (files.length) void importFiles(files)
  }

  return (
    <div
      className={`library${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false)
      }}
      onDrop={onDrop}
    >
      <header className="topbar library-topbar">
        <h1 className="brand">Copydesk</h1>
        <nav className="view-tabs" aria-label="Views">
          <a href="#/" aria-current="page">
            Library
          </a>
          <a href="#/claims">Claims</a>
        </nav>
        <input
          className="search"
          type="search"
          placeholder="Search headlines and text"
          aria-label="Search articles"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="actions">
          <button type="button" className="primary" title="Import an article file (.txt, .html, .md, .docx)" onClick={() => fileInput.current?.click()}>
            Import file…
          </button>
          <button type="button" title="Make a new article from text you paste" onClick={pasteAsNew}>
            Paste as new article
          </button>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            multiple
            hidden
            aria-label="Article file"
            data-testid="file-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])]
              e.target.value = ''
              if (files.length) void importFiles(files)
            }}
          />
        </div>
      </header>
      {busy && (
        <div className="progress" role="progressbar" aria-label={busy}>
          {busy}
        </div>
      )}
      <main className="library-body">
        <RecoveryNotice onRestored={() => void refresh()} />
        <PendingList />
        {problems.length > 0 && (
          <section className="problems" role="alert" aria-labelledby="import-problems">
            <div className="problems-head">
              <h2 id="import-problems">{problems.length === 1 ? 'A file could not be imported' : `${problems.length} files could not be imported`}</h2>
              <button type="button" onClick={() => setProblems([])}>
                Dismiss
              </button>
            </div>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </section>
        )}
        {articles === null ? (
          <p className="muted">Loading…</p>
        ) : articles.length === 0 ? (
          <div className="empty">
            {query ? (
              <p>No article matches “{query}”.</p>
            ) : (
              <>
                <p>No articles yet.</p>
                <p className="muted">Import a .txt, .html, .md or .docx file, drop one here, or paste text as a new article.</p>
              </>
            )}
          </div>
        ) : (
          <table className="articles" aria-label="Articles">
            <thead>
              <tr>
                <th>Headline</th>
                <th>Outlet</th>
                <th>Published</th>
                <th className="num">Annotations</th>
                <th className="num">Claims approved</th>
                <th>Worst verdict</th>
                <th>Last edited</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {articles.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={`#/article/${a.id}`} className="headline-link">
                      {a.headline}
                    </a>
                    {a.byline && <div className="muted small">{a.byline}</div>}
                  </td>
                  <td>{a.outlet || '—'}</td>
                  <td>{formatDate(a.publishedAt)}</td>
                  <td className="num">{a.annotationCount}</td>
                  <td className="num">
                    {a.claimCount ? (
                      <>
                        {a.approvedCount}/{a.claimCount}
                        <span className="visually-hidden"> claims approved</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{a.worstVerdict ? <span className={`verdict verdict-${a.worstVerdict}`}>{CLAIM_STATUS_LABELS[a.worstVerdict]}</span> : '—'}</td>
                  <td>{formatEdited(a.updatedAt)}</td>
                  <td>
                    <button type="button" className="quiet" aria-label={`Delete “${a.headline}”`} title="Delete (you can undo)" onClick={() => void remove(a)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
      {dragging && <div className="dropzone">Drop .txt, .html, .md or .docx files (or a brat .txt with its .ann) to import them</div>}
    </div>
  )
}
