/** True on macOS, where Mod is ⌘. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** A key binding as the user reads it on this platform: "Mod-Shift-C" → "Ctrl+Shift+C" or "⌘⇧C". */
export function shortcut(binding: string): string {
  const parts = binding.split('-')
  const raw = parts.pop()!
  const arrows: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' }
  const key = arrows[raw] ?? (raw.length === 1 ? raw.toUpperCase() : raw)
  const mods = parts.map((p) => {
    if (p === 'Mod') return isMac ? '⌘' : 'Ctrl'
    if (p === 'Shift') return isMac ? '⇧' : 'Shift'
    if (p === 'Alt') return isMac ? '⌥' : 'Alt'
    if (p === 'Ctrl') return isMac ? '⌃' : 'Ctrl'
    return p
  })
  return isMac ? [...mods, key].join('') : [...mods, key].join('+')
}
