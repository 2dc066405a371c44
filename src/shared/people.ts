/** How the desk roster reads names: trimmed, inner white space as one space. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim()
}

/** Initials from a name when none are given: "Ama K. Mensah" → "AM", "Rosa" → "R". */
export function initialsOf(name: string): string {
  const words = cleanName(name)
    .split(' ')
    .map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter(Boolean)
  if (words.length === 0) return ''
  const first = [...words[0]][0] ?? ''
  const last = words.length > 1 ? ([...words[words.length - 1]][0] ?? '') : ''
  return (first + last).toUpperCase()
}

/** A name as the roster compares names: cleaned, in any case (all of Unicode, where SQLite's NOCASE folds only ASCII). */
export function nameKey(name: string): string {
  return cleanName(name).toLowerCase()
}
