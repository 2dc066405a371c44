import { useCallback, useEffect, useRef, useState } from 'react'
import { formatDay } from '../common/dates'
import type { ArticleSummary, LibraryPage, LibrarySort } from '../../../shared/domain'
import { call } from '../../api'

/**
 * The library's rows as the user scrolls: fetched from the store a page at a time, only
 * the pages the view needs, each page's dates formatted once as it arrives (not on every
 * render: formatting 50,000 dates took 1.4 s of a keystroke). Answers to an earlier search
 * or order are dropped, so the list never ends on a stale query.
 */

/** Rows in one page asked of the store. */
export const PAGE_SIZE = 100

/** A library row with its dates already in words. */
export interface LibraryRow extends ArticleSummary {
  published: string
  edited: string
}

let editedFormat: Intl.DateTimeFormat | undefined

/** A published date (YYYY-MM-DD or a full date-time) as the reader's locale writes it. */
export const formatPublished = formatDay

/** When an article was last edited, to the minute. */
export function formatEdited(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  editedFormat ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
  return editedFormat.format(d)
}

function toRow(a: ArticleSummary): LibraryRow {
  return { ...a, published: formatPublished(a.publishedAt), edited: formatEdited(a.updatedAt) }
}

interface Pages {
  /** Bumped by every new search, order or refresh: an answer for an older one is dropped. */
  generation: number
  rows: Map<number, LibraryRow[]>
  /** Where the page after each loaded page starts (keyset), to fetch it by cursor. */
  cursors: Map<number, string | null>
  asked: Set<number>
}

export interface LibraryPages {
  /** How many articles the list holds, or null before the first answer. */
  total: number | null
  /** The row at `index`, or undefined while its page is on its way. */
  rowAt: (index: number) => LibraryRow | undefined
  /** Asks for the pages that hold rows first to last (exclusive), when not there yet. */
  want: (first: number, last: number) => void
  /** Fetches the pages in view again (after an import or a delete), keeping them shown meanwhile. */
  refresh: () => void
}

/** The library's pages for a search and an order. */
export function useLibraryPages(query: string, sort: LibrarySort, onError: (message: string) => void): LibraryPages {
  const state = useRef<Pages>({ generation: 0, rows: new Map(), cursors: new Map(), asked: new Set() })
  const [total, setTotal] = useState<number | null>(null)
  const [, setVersion] = useState(0)
  const range = useRef<[number, number]>([0, PAGE_SIZE])
  const errorRef = useRef(onError)
  errorRef.current = onError

  const fetchPage = useCallback(
    (page: number) => {
      const s = state.current
      if (s.asked.has(page)) return
      s.asked.add(page)
      const generation = s.generation
      const cursor = page > 0 ? s.cursors.get(page - 1) : undefined
      const input = {
        sort,
        limit: PAGE_SIZE,
        ...(query.trim() ? { query } : {}),
        // By cursor when the page before is here (keyset, as a scroll reads on), else by offset (a jump).
        ...(cursor ? { cursor } : { offset: page * PAGE_SIZE })
      }
      call('libraryPage', input).then(
        (answer: LibraryPage) => {
          if (state.current.generation !== generation) return
          s.rows.set(page, answer.rows.map(toRow))
          s.cursors.set(page, answer.nextCursor)
          setTotal(answer.total)
          setVersion((v) => v + 1)
        },
        (err: Error) => {
          if (state.current.generation !== generation) return
          s.asked.delete(page)
          errorRef.current(err.message)
        }
      )
    },
    [query, sort]
  )

  const want = useCallback(
    (first: number, last: number) => {
      range.current = [first, last]
      const from = Math.floor(Math.max(0, first) / PAGE_SIZE)
      const to = Math.floor(Math.max(first, last - 1) / PAGE_SIZE)
      for (let p = from; p <= to; p++) fetchPage(p)
    },
    [fetchPage]
  )

  /** A new generation; `keep` leaves the old rows shown until the new ones arrive. */
  const restart = useCallback(
    (keep: boolean) => {
      const s = state.current
      state.current = { generation: s.generation + 1, rows: keep ? s.rows : new Map(), cursors: new Map(), asked: new Set() }
      if (!keep) setTotal(null)
      want(...range.current)
    },
    [want]
  )

  useEffect(() => {
    range.current = [0, PAGE_SIZE]
    restart(false)
  }, [restart])

  return {
    total,
    rowAt: (index) => state.current.rows.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    want,
    refresh: useCallback(() => restart(true), [restart])
  }
}
