/**
 * Settings of this window's layout and review habits, kept in the browser's own storage
 * (per computer, not per desk): the side panel's width, whether suggestions are drawn in
 * the text, the lowest confidence of a suggestion worth reviewing. Bad or missing values
 * fall back to the defaults; storage that cannot be written (a private window) is ignored.
 */
export interface UiPrefs {
  /** Width of the side panel in CSS pixels, or 0 for the default (a share of the window). */
  panelWidth: number
  /** Draw every suggestion in the text, not only the one under review. */
  suggestionsInText: boolean
  /** Suggestions below this score (0–1) are not listed. */
  suggestionThreshold: number
}

export const DEFAULT_UI_PREFS: UiPrefs = { panelWidth: 0, suggestionsInText: false, suggestionThreshold: 0.5 }

const KEY = 'copydesk-ui'

/** Reads the settings, each checked on its own. */
export function readUiPrefs(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): UiPrefs {
  let raw: unknown = null
  try {
    raw = JSON.parse(storage?.getItem(KEY) ?? 'null')
  } catch {
    raw = null
  }
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const num = (v: unknown, lo: number, hi: number, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi ? v : fallback)
  return {
    panelWidth: num(r.panelWidth, 0, 4000, DEFAULT_UI_PREFS.panelWidth),
    suggestionsInText: typeof r.suggestionsInText === 'boolean' ? r.suggestionsInText : DEFAULT_UI_PREFS.suggestionsInText,
    suggestionThreshold: num(r.suggestionThreshold, 0, 1, DEFAULT_UI_PREFS.suggestionThreshold)
  }
}

/** Changes some settings and keeps them; returns them all. */
export function writeUiPrefs(patch: Partial<UiPrefs>, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): UiPrefs {
  const next = { ...readUiPrefs(storage), ...patch }
  try {
    storage?.setItem(KEY, JSON.stringify(next))
  } catch {
    // Storage full or refused: the setting lasts for this window only.
  }
  return next
}
