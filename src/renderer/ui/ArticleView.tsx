import type { JSX } from 'react'
import type { Command, EditorState } from 'prosemirror-state'
import { TextSelection } from 'prosemirror-state'
import { undo, undoDepth } from 'prosemirror-history'
import { Node } from 'prosemirror-model'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ANNOTATION_KINDS, type Annotation, type AnnotationKind, type ArticleMeta, type Preferences } from '../../shared/domain'
import { HISTORY_PAGE } from '../../shared/limits'
import { articleSchema, type DocJSON } from '../../shared/schema'
import { annotationChanges, bodyChange } from '../../shared/save-request'
import { textLength } from '../../shared/text'
import { call, callInSlices, onMenuCommand } from '../api'
import { dropPending, keepPending, newVisit, pendingFor, pendingKey, type PendingSave } from '../pending'
import { PendingRestore } from './article/PendingRestore'
import { ConflictBanner } from './article/ConflictBanner'
import { saveAsCopy } from './article/copy'
import { Modal } from './common/modal'
import { Autosaver } from '../autosave'
import { tagSelection } from '../editor/annotation-keys'
import {
  annotationEvents,
  annotationsAt,
  annotationsFromStored,
  annotationsToStored,
  annotationsVersion,
  getAnnotation,
  removeAnnotation,
  selectAnnotation,
  selectedAnnotationId,
  type AnnotationRecord
} from '../editor/annotations'
import { readPendingDomChanges } from '../editor/dom-sync'
import { afterNextFrame } from '../editor/frame'
import { useEditorHandle, useMountEditor } from '../editor/react'
import { articleLoader, openArticle, openLibrary, useAppCommands } from './App'
import { articleEditorState, resumedEditorState } from './article-editor'
import { keepEditorState, takeEditorState } from './article/editor-cache'
import { undoWherever, useArticleKeys } from './article/keys'
import { useNarrow, usePanelWidth, useTopbarHeight } from './article/layout'
import { annotationActions } from './annotations/actions'
import { ThreadClient } from './annotations/thread-client'
import { ContextMenu, HoverCard, type MenuState } from './annotations/EditorOverlays'
import { annotationsUnderPointer } from './annotations/pointer'
import { announce } from './common/announce'
import { useNotify } from './common/notices'
import { Splitter } from './common/Splitter'
import { EditingToolbar } from './EditingToolbar'
import { ExportDialog } from './ExportDialog'
import { FindBar } from './FindBar'
import { ImportAnnotationsDialog } from './ImportAnnotationsDialog'
import { KIND_LABELS } from './labels'
import { MetaFields } from './MetaFields'
import { PreferencesDialog } from './PreferencesDialog'
import { setMe } from './desk/roster'
import { printArticle } from './print'
import { SaveIndicator, SaveState } from './SaveIndicator'
import { SidePanel, type PanelTab } from './SidePanel'
import type { SuggestionsControl } from './suggestions/useSuggestions'

/** The fields of an annotation that hold something (what retagging it clears), as an editor names them. */
function filledFields(a: AnnotationRecord): string[] {
  const f = a.fields
  if (a.kind === 'claim' && 'status' in f) {
    return [f.status !== 'unchecked' && 'verdict', f.explanation && 'explanation', f.evidence.length && 'evidence', f.checkerId && 'checker', f.reviewerId && 'reviewer', f.due && 'due date', f.sourceId && 'source'].filter(Boolean) as string[]
  }
  if (a.kind === 'quote' && 'speakerId' in f) return [(f.speakerId || f.speakerName) && 'speaker', f.checked && 'check', f.checkedNote && 'check note'].filter(Boolean) as string[]
  if (a.kind === 'attribution' && 'sourceName' in f) return [f.sourceName && 'source name', f.cue && 'cue'].filter(Boolean) as string[]
  return []
}

/** "Claim “raising the property tax…”": an annotation as a notice names it. */
function named(a: AnnotationRecord): string {
  const words = a.exact.replace(/\s+/g, ' ')
  return `${KIND_LABELS[a.kind]} “${words.length > 48 ? `${words.slice(0, 47)}…` : words}”`
}

/**
 * One article open for editing: its details, its text, its annotations, and a save state
 * always in view. The page itself re-renders only when the article, its details, the layout
 * or a dialog change: the toolbar, the save state and the side panel follow the editor by
 * themselves.
 */
export function ArticleView({ id, at }: { id: number; /** An annotation to open with its details. */ at?: string }): JSX.Element {
  const [loaded, setLoaded] = useState(false)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [meta, setMeta] = useState<ArticleMeta | null>(null)
  const [saves] = useState(() => new SaveState())
  const [initialState, setInitialState] = useState<EditorState | null>(null)
  const [menu, setMenu] = useState<MenuState | null>(null)
  const [prefsOpen, setPrefsOpen] = useState(false)
  const [userName, setUserName] = useState('')
  const [kinds, setKinds] = useState<ReadonlySet<AnnotationKind>>(() => new Set(ANNOTATION_KINDS))
  /** The kinds shown, for the editor's keys and clicks (they skip hidden kinds). */
  const kindsRef = useRef(kinds)
  kindsRef.current = kinds
  const [tab, setTab] = useState<PanelTab>('annotations')
  const [find, setFind] = useState<number | null>(null)
  const [drawer, setDrawer] = useState(false)
  const narrow = useNarrow()
  const panel = usePanelWidth()
  const revision = useRef(0)
  const prefs = useRef<Preferences>({ userName: '', userId: '', organisation: '', organisationUrl: '' })
  const metaRef = useRef<ArticleMeta | null>(null)
  const dirty = useRef({ meta: false, body: false, annotations: false })
  const place = useRef<HTMLDivElement>(null)
  const header = useRef<HTMLElement>(null)
  const latest = useRef<EditorState | null>(null)
  /** Which article this is, beyond its id (another library may have an article 1): see pending.ts. */
  const identity = useRef({ createdAt: '' })
  /** This visit to the article: its saves are kept apart from an earlier visit's (see pending.ts). */
  const [visit] = useState(newVisit)
  const [pending, setPending] = useState<PendingSave | null>(null)
  /** The article was changed elsewhere: this copy's changes cannot be saved over it. */
  const [conflict, setConflict] = useState(false)
  /** Leaving with changes not saved: asked first. */
  const [leaving, setLeaving] = useState<string | null>(null)
  const notify = useNotify()
  /** Why a key or command did nothing: said in a notice. */
  const tellRef = useRef((message: string): void => void notify({ tone: 'info', message }))
  tellRef.current = (message: string): void => void notify({ tone: 'info', message })
  const tell = useCallback((message: string): void => tellRef.current(message), [])
  const { showShortcuts, reopenArticle } = useAppCommands()
  const [dialog, setDialog] = useState<'export' | 'import' | null>(null)
  useTopbarHeight(header)

  const handle = useEditorHandle((tr, state, before) => {
    latest.current = state
    const was = lastVersion.current
    lastVersion.current = annotationsVersion(state)
    // Annotation steps leave the document as it was: only a new doc is a text change.
    const textChanged = tr.doc !== tr.before
    if (textChanged) dirty.current.body = true
    if (was !== lastVersion.current) {
      dirty.current.annotations = true
      sayWhatChanged(tr, state, before)
    }
    if (textChanged || was !== lastVersion.current) autosaver.changed()
  })
  const lastVersion = useRef(-1)
  /** The annotations as the store has them, by id: what the next save compares with. */
  const saved = useRef<ReadonlyMap<string, Annotation>>(new Map())
  /** The body as the store has it at `revision`, when known: a save sends what changed from it. */
  const savedDoc = useRef<Node | null>(null)

  /** Undoes back to the undo step at `depth` (and whatever came after it), until `done`. */
  const undoBack = (depth: number, done: (view: NonNullable<typeof handle.view>) => boolean): void => {
    const view = handle.view
    if (!view) return
    for (let n = undoDepth(view.state) - depth + 1; n > 0 && !done(view); n--) {
      if (!undo(view.state, view.dispatch)) break
    }
    view.focus()
  }

  /** Says what an edit did to the annotations: a removal gets a notice with Undo, a tag is announced. */
  const sayWhatChanged = (tr: Parameters<typeof annotationEvents>[0], state: EditorState, before: EditorState): void => {
    const { added, removed, retagged } = annotationEvents(tr, before, state)
    if (added.length) announce(added.length === 1 ? `${named(added[0])} tagged.` : `${added.length} annotations added.`)
    for (const was of retagged) {
      const lost = filledFields(was)
      if (!lost.length) continue
      const now = getAnnotation(state, was.id)
      notify({
        tone: 'info',
        message: `${named(was)} is now a ${KIND_LABELS[now?.kind ?? was.kind].toLowerCase()}: its ${lost.join(', ')} ${lost.length > 1 ? 'were' : 'was'} cleared.`,
        action: { label: 'Undo', run: () => undoBack(undoDepth(state), (v) => getAnnotation(v.state, was.id)?.kind === was.kind) }
      })
    }
    if (!removed.length) return
    const depth = undoDepth(state)
    const ids = removed.map((a) => a.id)
    notify({
      tone: 'info',
      message: removed.length === 1 ? `${named(removed[0])} removed.` : `${removed.length} annotations removed: ${removed.map(named).join(', ')}.`,
      action: {
        label: 'Undo',
        // Undo back to the edit that removed them (and whatever came after it).
        run: () => undoBack(depth, (v) => ids.every((i) => !!getAnnotation(v.state, i)))
      }
    })
  }

  const autosaver = useMemo(
    () =>
      new Autosaver({
        onStatus: (s, err) => {
          saves.set(s, err)
          if (s === 'error' && (err as (Error & { code?: string }) | undefined)?.code === 'conflict') {
            setConflict(true)
            keepWhole()
          }
        },
        save: async (pause) => {
          const state = handle.view?.state ?? latest.current
          const was = dirty.current
          dirty.current = { meta: false, body: false, annotations: false }
          try {
            // Offsets move with the text, so a text change saves the annotations too. Only what
            // changed is sent: the blocks typed in, the annotations changed, and how the rest moved.
            const annotations = (was.body || was.annotations) && state ? annotationsToStored(state) : undefined
            const base = savedDoc.current
            const doc = was.body && state ? state.doc : undefined
            const input = {
              id,
              baseRevision: revision.current,
              meta: was.meta && metaRef.current ? metaRef.current : undefined,
              body: doc && !base ? (doc.toJSON() as DocJSON) : undefined,
              bodyChange: doc && base ? bodyChange(base, doc, textLength(doc)) : undefined,
              changes: annotations ? annotationChanges(annotations, saved.current) : undefined
            }
            // After a pause in typing, the request is written in idle slices of a few ms: in
            // one task, it held the page for 40–55 ms for a 20,000-word article with 2,000
            // annotations on the bench, and a key pressed meanwhile waited for all of it.
            // Kept in the browser until the store confirms it, so no crash loses it (see pending.ts).
            const key = pendingKey(id, identity.current.createdAt, visit)
            let kept: Promise<void> = Promise.resolve()
            const keep = (request: Blob): void => {
              const save = { key, articleId: id, createdAt: identity.current.createdAt, headline: metaRef.current?.headline ?? '', at: new Date().toISOString(), baseRevision: input.baseRevision, request }
              kept = keepPending(save).catch(() => {})
            }
            const result = await callInSlices('saveArticle', input, pause ?? (() => Promise.resolve()), keep)
            void kept.then(() => dropPending(key)).catch(() => {})
            revision.current = result.revision
            if (annotations) saved.current = new Map(annotations.map((a) => [a.id, a]))
            if (doc) savedDoc.current = doc
          } catch (err) {
            const d = dirty.current
            dirty.current = { meta: d.meta || was.meta, body: d.body || was.body, annotations: d.annotations || was.annotations }
            throw err
          }
        }
      }),
    [id, handle, saves]
  )

  useEffect(() => {
    let live = true
    articleLoader.take(id).then(
      ({ article: a, stored, prefs: p }) => {
        if (!live) return
        const m: ArticleMeta = { headline: a.headline, byline: a.byline, outlet: a.outlet, url: a.url, publishedAt: a.publishedAt }
        prefs.current = p
        setUserName(p.userName)
        setMe(p.userId)
        setLoaded(true)
        setMeta(m)
        metaRef.current = m
        revision.current = a.revision
        identity.current = { createdAt: a.createdAt }
        // Changes a crash kept from the store (another window session's): offer them.
        pendingFor(id, a.createdAt, visit).then((kept) => live && setPending(kept[0] ?? null), () => {})
        saved.current = new Map(stored.map((x) => [x.id, x]))
        const user = (): string => prefs.current.userName
        const suggestions = (): SuggestionsControl | null => suggestionsRef.current
        const shown = (): ReadonlySet<AnnotationKind> => kindsRef.current
        const hooks = { user, suggestions, shown, tell: (message: string) => tellRef.current(message) }
        // Back from the library: the same text, annotations and undo history as when it was left.
        // A kept editor's body may differ from the store's: its first save sends the body whole.
        savedDoc.current = null
        const kept = takeEditorState(id, a.revision)
        if (kept) {
          const state = resumedEditorState(kept, hooks)
          lastVersion.current = annotationsVersion(state)
          latest.current = state
          setInitialState(state)
          return
        }
        // The body is made into a document once (20,000 words: ~5 ms); the annotations are placed on it.
        const doc = Node.fromJSON(articleSchema, a.body)
        savedDoc.current = doc
        const records = annotationsFromStored(doc, stored, new Date().toISOString())
        const state = articleEditorState(doc, records, hooks)
        lastVersion.current = annotationsVersion(state)
        latest.current = state
        setInitialState(state)
        // Annotations found again elsewhere (or orphaned) are saved in their new places.
        if (records.some((r, i) => r.updatedAt !== stored[i].updatedAt)) {
          dirty.current.annotations = true
          autosaver.changed()
        }
        const orphaned = records.filter((r) => r.placement === 'orphaned').length
        if (orphaned) notify({ tone: 'info', message: `${orphaned} annotation(s) could not be found in the text any more; see “Not found in the text”.` })
      },
      (err: Error) => live && setLoadError(err.message)
    )
    return () => {
      live = false
    }
  }, [id, notify, autosaver])

  useMountEditor(handle, place, initialState)

  // Opening an article puts the caret in its text (at the start, or where it was left), or at
  // the annotation it was opened at, with its details (from a person's page, say).
  useEffect(() => {
    if (!initialState) return
    afterNextFrame(() => {
      const view = handle.view
      if (!view || view.isDestroyed || document.querySelector('[role=dialog]')) return
      if (at && selectAnnotation(at, { reveal: true })(view.state, view.dispatch)) return view.focus()
      if (at) tellRef.current('That annotation is no longer in this article.')
      if (view.state.selection.from <= 1 && view.state.selection.empty) view.dispatch(view.state.tr.setSelection(TextSelection.atStart(view.state.doc)))
      view.focus()
    })
  }, [handle, initialState, at])

  // Save what is pending when the window or tab goes away; warn if it may not make it.
  useEffect(() => {
    const flush = (): void => void autosaver.flush().catch(() => {})
    const onUnload = (e: BeforeUnloadEvent): void => {
      if (autosaver.hasUnsavedChanges) {
        flush()
        e.preventDefault()
      }
    }
    const onHidden = (): void => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('beforeunload', onUnload)
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      window.removeEventListener('beforeunload', onUnload)
      document.removeEventListener('visibilitychange', onHidden)
      flush()
      autosaver.dispose()
      // Kept for a return within this window, undo history and all, when everything in it was
      // saved (changes left unsaved are offered back from the browser's storage instead).
      if (latest.current && !autosaver.hasUnsavedChanges && !autosaver.wasDiscarded) keepEditorState(id, latest.current, () => revision.current)
    }
  }, [autosaver, id])

  const onMetaChange = useCallback(
    (next: ArticleMeta) => {
      setMeta(next)
      metaRef.current = next
      dirty.current.meta = true
      autosaver.changed()
    },
    [autosaver]
  )

  const actions = useMemo(() => annotationActions(() => handle.view), [handle])
  // A comment can only be added to a saved annotation: the article's pending save goes first.
  const threads = useMemo(() => new ThreadClient(id, () => autosaver.flush()), [id, autosaver])
  const suggestionsRef = useRef<SuggestionsControl | null>(null)
  // The newest page of the history (older pages: `before` the first entry's id).
  const loadHistory = useCallback((annotationId: string) => call('annotationHistory', { articleId: id, annotationId, limit: HISTORY_PAGE }), [id])
  const openPreferences = useCallback(() => setPrefsOpen(true), [])
  const retrySave = useCallback(() => void autosaver.flush().catch(() => {}), [autosaver])

  const run = useCallback(
    (cmd: Command): boolean => {
      const view = handle.view
      if (!view) return false
      const done = cmd(view.state, view.dispatch, view)
      view.focus()
      return done
    },
    [handle]
  )

  // In a narrow window the panel is a drawer: it opens when an annotation is selected.
  useEffect(() => {
    if (!narrow || !initialState) return
    let was: string | null = null
    return handle.subscribe(() => {
      const view = handle.view
      const now = view ? selectedAnnotationId(view.state) : null
      if (now && now !== was) {
        setTab('annotations')
        setDrawer(true)
      }
      was = now
    })
  }, [handle, narrow, initialState])

  /** Dialogs that read the article from the store: save first, so they see every change. */
  const openDialog = useCallback(
    async (which: 'export' | 'import'): Promise<void> => {
      if (!autosaver.hasUnsavedChanges) {
        setDialog(which)
        return
      }
      // The dialog gives focus back to what opened it: keep that across the save.
      const opener = document.activeElement as HTMLElement | null
      try {
        await autosaver.flush()
        opener?.focus()
        setDialog(which)
      } catch (err) {
        notify({ tone: 'error', message: `Save your changes first: ${(err as Error).message}` })
      }
    },
    [autosaver, notify]
  )
  const openExport = useCallback(() => void openDialog('export'), [openDialog])
  const openImport = useCallback(() => void openDialog('import'), [openDialog])
  const openFind = useCallback(() => setFind((n) => (n ?? 0) + 1), [])
  const print = useCallback(async () => {
    try {
      await autosaver.flush()
      await printArticle(id)
    } catch (err) {
      notify({ tone: 'error', message: `The article could not be printed: ${(err as Error).message}` })
    }
  }, [autosaver, id, notify])
  const onPrint = useCallback(() => void print(), [print])
  useEffect(
    () =>
      onMenuCommand((c) => {
        if (c.command === 'show-export') openExport()
        else if (c.command === 'show-import-annotations') openImport()
        else if (c.command === 'find') openFind()
        else if (c.command === 'print') onPrint()
        else if ((c.command === 'undo' || c.command === 'redo') && !document.querySelector('[role=dialog]')) undoWherever(handle, c.command === 'redo')
      }),
    [openExport, openImport, openFind, onPrint, handle]
  )

  useArticleKeys(handle, {
    find: openFind,
    print: onPrint,
    menu: () => {
      const view = handle.view
      if (!view) return
      let x = 40
      let y = 80
      try {
        const caret = view.coordsAtPos(view.state.selection.head)
        x = caret.left
        y = caret.bottom + 4
      } catch {
        // No box for the caret (an empty block): the menu opens near the top of the window.
      }
      const under = annotationsAt(view.state, view.state.selection.head)[0]
      setMenu({ x, y, canTag: !view.state.selection.empty, onAnnotation: under?.id ?? null, annotationName: under ? named(under) : '' })
    },
    escape: () => {
      const view = handle.view
      if (menu || !view) return
      if (selectedAnnotationId(view.state)) selectAnnotation(null)(view.state, view.dispatch)
      else if (drawer) setDrawer(false)
    }
  })

  // A click on highlighted text opens its innermost annotation (found by position: the
  // highlights painter has no element per annotation); so does a click inside a selection.
  useEffect(() => {
    const el = place.current
    if (!el || !initialState) return
    let down: { x: number; y: number } | null = null
    const onDown = (e: MouseEvent): void => {
      down = { x: e.clientX, y: e.clientY }
    }
    const onClick = (e: MouseEvent): void => {
      const view = handle.view
      // A drag that selected text is not a click on an annotation; a click that did not move is,
      // even inside words still selected (the browser collapses that selection only afterwards).
      const moved = !down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4
      if (!view || (moved && !(getSelection()?.isCollapsed ?? true))) return
      // Innermost first; a click on the one already open opens the next one out (a claim
      // around a quote can be reached by clicking on the quote again).
      const hits = annotationsUnderPointer(view, e.clientX, e.clientY).filter((a) => kindsRef.current.has(a.kind))
      const open = hits.findIndex((a) => a.id === selectedAnnotationId(view.state))
      const hit = hits.length ? hits[(open + 1) % hits.length].id : null
      // Selecting redraws the annotation's span: the click's caret must be read first.
      readPendingDomChanges(view)
      selectAnnotation(hit)(view.state, view.dispatch)
    }
    const onContext = (e: MouseEvent): void => {
      const view = handle.view
      if (!view) return
      e.preventDefault()
      // From the keyboard (Shift+F10, the menu key) there is no pointer: the menu opens at the caret.
      let { clientX: x, clientY: y } = e
      const box = el.getBoundingClientRect()
      const keyboard = x < box.left || x > box.right || y < box.top || y > box.bottom || (x === 0 && y === 0)
      if (keyboard) {
        try {
          const caret = view.coordsAtPos(view.state.selection.head)
          x = caret.left
          y = caret.bottom + 4
        } catch {
          x = box.left + 20
          y = Math.max(box.top, 80)
        }
      }
      const under = keyboard ? annotationsAt(view.state, view.state.selection.head)[0] : annotationsUnderPointer(view, x, y)[0]
      setMenu({ x, y, canTag: !view.state.selection.empty, onAnnotation: under?.id ?? null, annotationName: under ? named(under) : '' })
    }
    el.addEventListener('mousedown', onDown)
    el.addEventListener('click', onClick)
    el.addEventListener('contextmenu', onContext)
    return () => {
      el.removeEventListener('mousedown', onDown)
      el.removeEventListener('click', onClick)
      el.removeEventListener('contextmenu', onContext)
    }
  }, [handle, initialState])

  async function backToLibrary(): Promise<void> {
    try {
      await autosaver.flush()
      openLibrary()
    } catch (err) {
      setLeaving((err as Error).message)
    }
  }

  /**
   * Keeps the editor's whole version in the browser (not only what changed since the store's
   * copy, which no longer applies to it): whatever happens to the window, it can be saved as a
   * copy from the article's offer later.
   */
  const keepWhole = (): void => {
    const state = handle.view?.state ?? latest.current
    if (!state || !metaRef.current) return
    const whole = { id, baseRevision: revision.current, meta: metaRef.current, body: state.doc.toJSON() as DocJSON, annotations: annotationsToStored(state) }
    const createdAt = identity.current.createdAt
    void keepPending({ key: pendingKey(id, createdAt, visit), articleId: id, createdAt, headline: metaRef.current.headline, at: new Date().toISOString(), baseRevision: revision.current, request: new Blob([JSON.stringify(whole)]) }).catch(() => {})
  }

  /** The editor's version as a new article (when it cannot go over this one), then that article. */
  const copyMine = async (): Promise<void> => {
    const state = handle.view?.state ?? latest.current
    if (!state || !metaRef.current) return
    const copy = await saveAsCopy({ meta: metaRef.current, body: state.doc.toJSON() as DocJSON, annotations: annotationsToStored(state) })
    await dropPending(pendingKey(id, identity.current.createdAt, visit)).catch(() => {})
    autosaver.discard()
    notify({ tone: 'info', message: 'Your version was saved as a new article; it is open now.' })
    openArticle(copy)
  }
  const reopenLatest = (): void => {
    void dropPending(pendingKey(id, identity.current.createdAt, visit)).catch(() => {})
    autosaver.discard()
    reopenArticle()
  }

  if (loadError) {
    return (
      <div className="article-page">
        <header className="topbar">
          <button type="button" onClick={openLibrary}>
            ← Library
          </button>
        </header>
        <main className="article-error">
          <h1>This article could not be opened</h1>
          <p className="error" role="alert">
            {loadError}
          </p>
        </main>
      </div>
    )
  }

  const hidden = ANNOTATION_KINDS.filter((k) => !kinds.has(k))
  const panelOpen = !narrow || drawer
  return (
    <div className={`article-page${narrow ? ' is-narrow' : ''}`} style={{ ['--panel-w' as string]: `${panel.width}px` }}>
      <header ref={header} className="topbar article-topbar">
        <button type="button" className="back" title="Back to the library" onClick={() => void backToLibrary()}>
          ← Library
        </button>
        <h1 className="visually-hidden">{meta?.headline || 'Article'}</h1>
        <EditingToolbar
          handle={handle}
          run={run}
          tell={tell}
          onShortcuts={showShortcuts}
          onExport={openExport}
          onImport={openImport}
          onPreferences={openPreferences}
          onFind={openFind}
          onPrint={onPrint}
        />
        {narrow && (
          <button type="button" className="panel-toggle" aria-expanded={drawer} onClick={() => setDrawer((d) => !d)}>
            Side panel
          </button>
        )}
        <SaveIndicator state={saves} onRetry={retrySave} />
        {find !== null && initialState && <FindBar handle={handle} focusKey={find} onClose={() => setFind(null)} />}
      </header>
      <div className="article-layout">
        <main className="article-main" aria-label="Article">
          {conflict && <ConflictBanner onCopy={copyMine} onReopen={reopenLatest} />}
          {pending && <PendingRestore save={pending} onDone={() => setPending(null)} onRestored={reopenArticle} />}
          {loaded && meta ? (
            <div className="paper">
              <MetaFields meta={meta} onChange={onMetaChange} />
              <div ref={place} className={`editor${hidden.map((k) => ` hide-${k}`).join('')}`} data-testid="editor" />
            </div>
          ) : (
            <p className="muted paper">Opening the article…</p>
          )}
          {initialState && <HoverCard handle={handle} container={place} kinds={kinds} />}
          {menu && (
            <ContextMenu
              menu={menu}
              onClose={() => setMenu(null)}
              onTag={(k) => {
                setMenu(null)
                run(tagSelection(k, tellRef.current))
              }}
              onRemove={(annId) => {
                setMenu(null)
                run(removeAnnotation(annId))
              }}
            />
          )}
        </main>
        {initialState && (
          <SidePanel
            hidden={!panelOpen}
            handle={handle}
            articleId={id}
            actions={actions}
            suggestionsRef={suggestionsRef}
            loadHistory={loadHistory}
            saves={saves}
            threads={threads}
            userName={userName}
            onPreferences={openPreferences}
            kinds={kinds}
            onKinds={setKinds}
            tab={tab}
            onTab={setTab}
            onClose={narrow ? () => setDrawer(false) : undefined}
            resizer={narrow ? undefined : <Splitter width={panel.width} min={panel.min} max={panel.max} onResize={panel.set} onDone={panel.keep} onReset={panel.reset} />}
          />
        )}
      </div>
      {dialog === 'export' && (
        <ExportDialog
          articleId={id}
          onClose={() => setDialog(null)}
          onExported={(names, leftOut) =>
            notify({
              tone: 'info',
              message: `Exported ${names.join(' and ')}.${leftOut ? ` ${leftOut === 1 ? '1 claim was' : `${leftOut} claims were`} left out: ${leftOut === 1 ? 'its verdict is' : 'their verdicts are'} not approved yet.` : ''}`
            })
          }
        />
      )}
      {dialog === 'import' && (
        <ImportAnnotationsDialog
          articleId={id}
          onClose={() => setDialog(null)}
          onImported={() => {
            setDialog(null)
            reopenArticle()
          }}
        />
      )}
      {leaving !== null && (
        <Modal title="Leave with changes not saved?" titleId={`leave-${id}`} onClose={() => setLeaving(null)}>
          <p>Your last changes are not saved in the library: {leaving}</p>
          <p className="muted small">If you leave, they stay kept in this browser, and the library lists them.</p>
          <div className="modal-actions">
            <button type="button" autoFocus onClick={() => setLeaving(null)}>
              Stay
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                autosaver.discard()
                openLibrary()
              }}
            >
              Leave anyway
            </button>
          </div>
        </Modal>
      )}
      {prefsOpen && (
        <PreferencesDialog
          onClose={() => setPrefsOpen(false)}
          onSaved={(p) => {
            prefs.current = p
            setUserName(p.userName)
            setMe(p.userId)
          }}
        />
      )}
    </div>
  )
}
