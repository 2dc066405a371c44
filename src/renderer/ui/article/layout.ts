import { useEffect, useState, type RefObject } from 'react'
import { readUiPrefs, writeUiPrefs } from '../common/ui-prefs'

/** Below this width (CSS pixels: a 1024 px window at 125% zoom and up) the side panel is a drawer over the text. */
export const NARROW_BELOW = 880
/** The narrowest the article's column may get beside the panel (a line of the text stays ~60 characters). */
const ARTICLE_MIN = 560
const PANEL_MIN = 300
/** The panel never takes more than this share of the window: the text is what is being worked on. */
const PANEL_SHARE = 0.6

/** Whether the window is too narrow for the text and the panel side by side. */
export function useNarrow(): boolean {
  const query = `(max-width: ${NARROW_BELOW - 0.02}px)`
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches)
  useEffect(() => {
    const m = window.matchMedia(query)
    const on = (): void => setNarrow(m.matches)
    m.addEventListener('change', on)
    return () => m.removeEventListener('change', on)
  }, [query])
  return narrow
}

/** The panel's default width for a window `viewport` wide: about a third, within bounds. */
export function defaultPanelWidth(viewport: number): number {
  return panelBounds(viewport, Math.round(Math.min(760, Math.max(340, viewport * 0.32))))
}

/** `width` kept within what a window `viewport` wide allows. */
export function panelBounds(viewport: number, width: number): number {
  return Math.round(Math.max(PANEL_MIN, Math.min(panelMax(viewport), width)))
}

/** The widest the panel may be in a window `viewport` wide. */
export function panelMax(viewport: number): number {
  return Math.round(Math.max(PANEL_MIN, Math.min(viewport * PANEL_SHARE, viewport - ARTICLE_MIN)))
}

export interface PanelWidth {
  width: number
  min: number
  max: number
  /** While resizing. */
  set: (w: number) => void
  /** Once resized: remembered for next time. */
  keep: (w: number) => void
  reset: () => void
}

/** The side panel's width: the one the editor chose last (remembered), kept within the window as it resizes. */
export function usePanelWidth(): PanelWidth {
  const [viewport, setViewport] = useState(() => window.innerWidth)
  const [chosen, setChosen] = useState(() => readUiPrefs().panelWidth)
  useEffect(() => {
    const on = (): void => setViewport(window.innerWidth)
    window.addEventListener('resize', on)
    return () => window.removeEventListener('resize', on)
  }, [])
  const width = chosen ? panelBounds(viewport, chosen) : defaultPanelWidth(viewport)
  return {
    width,
    min: PANEL_MIN,
    max: panelMax(viewport),
    set: setChosen,
    keep: (w) => {
      setChosen(w)
      writeUiPrefs({ panelWidth: w })
    },
    reset: () => {
      setChosen(0)
      writeUiPrefs({ panelWidth: 0 })
    }
  }
}

/** Keeps `--topbar-h` at the sticky header's height (it grows with zoom), for what sits below it. */
export function useTopbarHeight(header: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = header.current
    if (!el) return
    const set = (): void => document.documentElement.style.setProperty('--topbar-h', `${el.getBoundingClientRect().height}px`)
    set()
    const observer = new ResizeObserver(set)
    observer.observe(el)
    return () => observer.disconnect()
  }, [header])
}
