import { useCallback, useEffect, useRef, useState } from 'react'
import type { SearchHit } from '../../../shared/search/types'
import { call } from '../../api'

/**
 * The search box's answers, for the Library and any other view (the Claims view passes its
 * own query, `kind:claim …`). Each keystroke's request is numbered; an answer is shown only if
 * it is for the latest request, so one that arrives late (a shorter, slower query) is dropped
 * and the list always ends on what the box says.
 */

export interface SearchState {
  /** The query these hits answer ('' when idle). */
  query: string
  hits: SearchHit[]
  /** More results wait (see loadMore). */
  more: boolean
  status: 'idle' | 'searching' | 'done' | 'error'
  /** Why the query could not be run, in the editor's words (a filter mistyped…). */
  error: string | null
}

export interface SearchOptions {
  /** Results per page. */
  limit?: number
  /** How long typing must pause before a request goes (ms). */
  pauseMs?: number
}

const IDLE: SearchState = { query: '', hits: [], more: false, status: 'idle', error: null }

/** Searches the library for `query` as it is typed; see the module's note on late answers. */
export function useSearch(query: string, options: SearchOptions = {}): SearchState & { loadMore: () => void } {
  const { limit = 30, pauseMs = 120 } = options
  const [state, setState] = useState<SearchState>(IDLE)
  const latest = useRef(0)
  const next = useRef<string | null>(null)

  useEffect(() => {
    const ticket = ++latest.current
    const q = query.trim()
    if (!q) {
      next.current = null
      setState(IDLE)
      return
    }
    setState((s) => ({ ...s, status: 'searching' }))
    const timer = setTimeout(() => {
      call('search', { query: q, limit }).then(
        (page) => {
          if (ticket !== latest.current) return
          next.current = page.next
          setState({ query: q, hits: page.hits, more: page.next !== null, status: 'done', error: null })
        },
        (err: Error) => {
          if (ticket !== latest.current) return
          next.current = null
          setState({ query: q, hits: [], more: false, status: 'error', error: err.message })
        }
      )
    }, pauseMs)
    return () => clearTimeout(timer)
  }, [query, limit, pauseMs])

  const loadMore = useCallback(() => {
    const cursor = next.current
    const ticket = latest.current
    if (!cursor) return
    next.current = null
    setState((s) => ({ ...s, status: 'searching' }))
    call('search', { query: query.trim(), limit, cursor }).then(
      (page) => {
        if (ticket !== latest.current) return
        next.current = page.next
        setState((s) => ({ ...s, hits: [...s.hits, ...page.hits], more: page.next !== null, status: 'done' }))
      },
      (err: Error) => {
        if (ticket !== latest.current) return
        setState((s) => ({ ...s, status: 'error', error: err.message }))
      }
    )
  }, [query, limit])

  return { ...state, loadMore }
}
