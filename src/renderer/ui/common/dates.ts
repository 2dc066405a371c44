let dayFormat: Intl.DateTimeFormat | undefined

/** A day as the reader's locale writes it ("15 Nov 2026"), or a dash when unknown; one formatter for every row. */
export function formatDay(iso: string): string {
  if (!iso) return '—'
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)
  if (Number.isNaN(d.getTime())) return iso
  dayFormat ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
  return dayFormat.format(d)
}
