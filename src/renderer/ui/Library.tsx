import type { JSX } from 'react'
import { useCallback, useRef, useState, type DragEvent } from 'react'
import type { ArticleSummary, LibrarySort } from '../../shared/domain'
import { call } from '../api'
import { openArticle, useAppCommands } from './App'
import { ACCEPT_ATTRIBUTE, planImport, runImport } from './importing'
import { useNotify } from './common/notices'
import { PendingList } from './PendingList'
import { RecoveryNotice } from './RecoveryNotice'
import { LibraryTable } from './library/LibraryTable'
import { useLibraryPages } from './library/pages'
import { SearchResults } from './search/SearchResults'
import { useSearch } from './search/useSearch'
import { ViewTabs } from './common/ViewTabs'

const SORTS: [LibrarySort, string][] = [
  ['updated', 'Last edited'],
  ['created', 'Date added'],
  ['headline', 'Headline (A–Z)']
]

/** The library: every article, most recently edited first (a page at a time); import, paste, open, delete. */
export function Library(): JSX.Element {
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<LibrarySort>('updated')
  const [busy, setBusy] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const toast = useNotify()
  /** Files that could not be imported, each with why: listed until dismissed. */
  const [problems, setProblems] = useState<string[]>([])
  const { pasteAsNew } = useAppCommands()

  const onError = useCallback((message: string) => toast({ tone: 'error', message }), [toast])
  // With words in the box, ranked results over everything replace the list of articles.
  const search = useSearch(query)
  const searching = query.trim() !== ''
  const pages = useLibraryPages('', sort, onError)
  const refresh = pages.refresh

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
      refresh()
    }
  }

  async function remove(a: ArticleSummary): Promise<void> {
    try {
      await call('deleteArticle', { id: a.id })
      refresh()
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
        <ViewTabs current="library" />
        <input
          className="search"
          type="search"
          placeholder="Search everything (kind:claim, outlet:…)"
          aria-label="Search the library"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="library-sort" hidden={searching}>
          <span className="muted small">Order</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)}>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
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
        <RecoveryNotice onRestored={refresh} />
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
        {searching ? (
          <SearchResults search={search} />
        ) : pages.total === null ? (
          <p className="muted">Loading…</p>
        ) : pages.total === 0 ? (
          <div className="empty">
            <p>No articles yet.</p>
            <p className="muted">Import a .txt, .html, .md or .docx file, drop one here, or paste text as a new article.</p>
          </div>
        ) : (
          <>
            <p className="muted small library-count" role="status">
              {`${pages.total.toLocaleString()} ${pages.total === 1 ? 'article' : 'articles'}`}
            </p>
            <LibraryTable pages={pages} onDelete={(a) => void remove(a)} />
          </>
        )}
      </main>
      {dragging && <div className="dropzone">Drop .txt, .html, .md or .docx files (or a brat .txt with its .ann) to import them</div>}
    </div>
  )
}
