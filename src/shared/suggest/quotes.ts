/**
 * Finding quotations: straight, curly and doubled-apostrophe double quotes, guillemets
 * (« » and » «), low-high quotes („ “), single quotes told apart from apostrophes, quotes
 * inside quotes (also where the marks run together: ,''') and quotes that run over several
 * paragraphs. A left curly mark typed where a right one belongs still closes. Unbalanced marks
 * yield nothing rather than a span that runs away to the end of the text; a quotation closed
 * inside a mark that never closes ("“We ...,” after a stray ") is found on its own.
 */

/** One quotation: its words from `start` to `end`, its marks at `open` and `close`. */
export interface FoundQuote {
  start: number
  end: number
  /** Index of the opening mark and of the closing mark (each may be two characters: ''). */
  open: number
  close: number
  /** Where the closing mark ends (after it). */
  closeEnd: number
  single: boolean
}

type Family = 'straight' | 'curly' | 'low' | 'guillemet' | 'rguillemet' | 'tex'

interface Mark {
  at: number
  len: number
  family: Family
  /** 'open' or 'close' when the mark says so, 'either' for straight marks. */
  role: 'open' | 'close' | 'either'
}

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c)
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c)
// Characters after which a straight mark opens a quote.
const OPENS_AFTER = /[\s([{\u2014\u2013\-/:;]/
// Characters before which a straight mark closes a quote.
const CLOSES_BEFORE = /[\s)\]}.,;:!?\u2014\u2013\-\u2026]/

function scanMarks(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = []
  for (let i = from; i < to; i++) {
    const c = text[i]
    switch (c) {
      case '"':
        // A value in markup (id="..."), not a quotation.
        if (text[i - 1] === '=') {
          const endAttr = text.indexOf('"', i + 1)
          if (endAttr > 0 && endAttr < to) i = endAttr
          break
        }
        marks.push({ at: i, len: 1, family: 'straight', role: 'either' })
        break
      case '\u201C':
        marks.push({ at: i, len: 1, family: 'curly', role: leftMarkCloses(text, i) ? 'close' : 'open' })
        break
      case '\u201D':
        marks.push({ at: i, len: 1, family: 'curly', role: 'close' })
        break
      case '\u201E':
        marks.push({ at: i, len: 1, family: 'low', role: 'open' })
        break
      case '\u00AB':
        marks.push({ at: i, len: 1, family: 'guillemet', role: 'open' })
        break
      case '\u00BB':
        marks.push({ at: i, len: 1, family: 'guillemet', role: 'close' })
        break
      case '`':
        if (text[i + 1] === '`') {
          marks.push({ at: i, len: 2, family: 'tex', role: 'open' })
          i++
        }
        break
      case "'":
        // Two apostrophes stand for a double quotation mark in some wire copy.
        if (text[i + 1] === "'" && text[i + 2] !== "'" && text[i - 1] !== "'") {
          marks.push({ at: i, len: 2, family: 'tex', role: 'either' })
          i++
        } else if (isTriple(text, i)) {
          // Three: a doubled mark with a single one inside it. Opening ('''Sir) the doubled
          // mark comes first; closing (no,''') it comes last. The single one is left to singleQuotes.
          const at = i === from || OPENS_AFTER.test(text[i - 1]) ? i : i + 1
          marks.push({ at, len: 2, family: 'tex', role: 'either' })
          i += 2
        }
        break
    }
  }
  return marks
}

/** Three apostrophes in a row, no more and no fewer, starting at `i`. */
function isTriple(text: string, i: number): boolean {
  return text[i - 1] !== "'" && text[i + 1] === "'" && text[i + 2] === "'" && text[i + 3] !== "'"
}

/** A left mark written where a right one belongs: after a word, before a space (“Frozen“ and). */
function leftMarkCloses(text: string, i: number): boolean {
  const before = text[i - 1]
  const after = text[i + 1]
  return before !== undefined && /[\p{L}\p{N}.,!?\u2026]/u.test(before) && (after === undefined || /[\s.,;:!?)]/.test(after))
}

/** Decides whether a straight mark opens or closes, from its neighbours and what is open. */
function straightRole(text: string, m: Mark, openFamily: Family | null, from: number, to: number): 'open' | 'close' {
  const before = m.at > from ? text[m.at - 1] : undefined
  const after = m.at + m.len < to ? text[m.at + m.len] : undefined
  const canOpen = before === undefined || OPENS_AFTER.test(before) || /[\u201C\u2018\u00AB\u201E]/.test(before)
  const canClose = after === undefined || CLOSES_BEFORE.test(after) || /[\u201D\u2019\u00BB]/.test(after)
  const sameOpen = openFamily === m.family || (openFamily === 'tex' && m.family === 'tex')
  if (canOpen && !canClose) return 'open'
  if (canClose && !canOpen) return 'close'
  return sameOpen ? 'close' : 'open'
}

function closes(open: Mark, close: Mark): boolean {
  switch (open.family) {
    case 'straight':
      return close.family === 'straight' || (close.family === 'curly' && close.role === 'close')
    case 'tex':
      return close.family === 'tex' || (close.family === 'curly' && close.role === 'close')
    case 'curly':
      return close.family === 'curly' || close.family === 'straight'
    case 'low':
      return close.family === 'curly' || close.family === 'straight'
    case 'guillemet':
      return close.family === 'guillemet'
    case 'rguillemet':
      // » « quotes close with the mark that opens French ones.
      return close.family === 'guillemet'
  }
}

/** The lines of the text that hold something, as [start, end) pairs. */
function blocks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let start = 0
  for (;;) {
    const nl = text.indexOf('\n', start)
    const end = nl === -1 ? text.length : nl
    if (/\S/.test(text.slice(start, end))) out.push([start, end])
    if (nl === -1) return out
    start = nl + 1
  }
}

/** The first mark of a block when it opens a quote (so a quote carries on into it). */
function leadingOpener(text: string, marks: Mark[], from: number): Mark | null {
  const first = marks[0]
  if (!first) return null
  for (let i = from; i < first.at; i++) if (!isSpace(text[i])) return null
  if (first.role === 'close' && first.family !== 'guillemet') return null
  return first
}

/** Marks of one kind: the same family, with » « counted as guillemets. */
function sameKind(a: Family, b: Family): boolean {
  const base = (f: Family): Family => (f === 'rguillemet' ? 'guillemet' : f)
  return base(a) === base(b)
}

/** Finds double-quoted stretches, outermost only, carrying open quotes over paragraphs. */
function doubleQuotes(text: string): FoundQuote[] {
  const out: FoundQuote[] = []
  const bl = blocks(text)
  let carried: Mark | null = null
  // Quotes closed right inside an outer mark still open: nested if it closes, else quotes of their own.
  let orphans: FoundQuote[] = []
  for (let b = 0; b < bl.length; b++) {
    const [from, to] = bl[b]
    const marks = scanMarks(text, from, to)
    let stack: Mark[] = []
    let k = 0
    if (carried) {
      const lead = leadingOpener(text, marks, from)
      // The mark that carries a quote on is the one that opened it: a paragraph that opens
      // with another kind (" then “) starts a new quote inside an excerpt, not the same one.
      if (lead && sameKind(lead.family, carried.family)) {
        stack = [carried]
        k = 1
      }
      carried = null
    }
    // The outer mark was not carried on: it never closes, so what closed inside it stands alone.
    if (stack.length === 0) orphans = flush(out, orphans)
    for (; k < marks.length; k++) {
      const m = marks[k]
      const top = stack[stack.length - 1]
      let role = m.role
      if (role === 'either') role = straightRole(text, m, top ? top.family : null, from, to)
      // A closing guillemet with nothing open, before a word, opens a » « quote.
      if (m.family === 'guillemet' && role === 'close' && !stack.some((s) => s.family === 'guillemet')) {
        if (isWordChar(text[m.at + 1]) || text[m.at + 1] === undefined) {
          stack.push({ ...m, family: 'rguillemet', role: 'open' })
        }
        continue
      }
      if (m.family === 'guillemet' && role === 'open' && stack.some((s) => s.family === 'rguillemet')) role = 'close'
      // After „ the high mark “ closes.
      if (m.family === 'curly' && role === 'open' && top && top.family === 'low') role = 'close'
      if (role === 'open') {
        stack.push(m)
        continue
      }
      // A closing mark: close the innermost quote it fits, dropping unclosed ones inside it.
      let j = stack.length - 1
      while (j >= 0 && !closes(stack[j], m)) j--
      if (j < 0) continue
      const opener = stack[j]
      stack = stack.slice(0, j)
      const start = opener.at + opener.len
      if (m.at <= start) continue
      const found: FoundQuote = { start, end: m.at, open: opener.at, close: m.at, closeEnd: m.at + m.len, single: false }
      if (stack.length === 0) {
        orphans = []
        out.push(found)
      } else if (stack.length === 1) orphans.push(found)
    }
    // An outer quote left open continues only if the next paragraph opens with a mark.
    if (stack.length > 0) carried = stack[0]
  }
  flush(out, orphans)
  return out.sort((a, b) => a.start - b.start)
}

/**
 * Adds to `out` the quotes that closed inside a mark that never closed ("“We ...,” with a
 * stray mark before it, or doubled ““): the stray mark is a typo, not an outer quotation.
 * Returns a fresh, empty list of orphans.
 */
function flush(out: FoundQuote[], orphans: FoundQuote[]): FoundQuote[] {
  out.push(...orphans)
  return []
}

// Words that begin with an apostrophe and are not quotations: 'em, 'til, '90s.
const ELISION = /^(?:em|til|tis|twas|cause|n|bout|round|\d\d?s?)\b/i

function singleOpens(text: string, i: number, from: number): boolean {
  const before = i > from ? text[i - 1] : undefined
  const afterDoubled = i - 2 >= from && isTriple(text, i - 2)
  if (!(before === undefined || afterDoubled || /[\s([{\u2014\u2013"\u201C\u00AB\u201E:]/.test(before))) return false
  if (!/[\p{L}\p{N}.$\u2026]/u.test(text[i + 1] ?? '')) return false
  return !ELISION.test(text.slice(i + 1, i + 6))
}

/** 2 for a sure closing mark, 1 for one that may be a plural possessive (countries'), 0 for none. */
function singleCloses(text: string, i: number, to: number): number {
  const before = text[i - 1]
  const after = i + 1 < to ? text[i + 1] : undefined
  if (isSpace(before)) return 0
  // Right before the doubled mark that closes the outer quote: no,'''
  if (isTriple(text, i)) return 2
  if (after !== undefined && !/[\s)\].,;:!?\u2014\u2013\-"\u201D\u00BB\u2026]/.test(after)) return 0
  if ((before === 's' || before === 'S') && after === ' ' && /[\p{Ll}\p{N}]/u.test(text[i + 2] ?? '')) return 1
  return 2
}

/** Finds single-quoted stretches within each paragraph. */
function singleQuotes(text: string): FoundQuote[] {
  const out: FoundQuote[] = []
  for (const [from, to] of blocks(text)) {
    let i = from
    while (i < to) {
      const c = text[i]
      const alone = text[i + 1] !== "'" && (text[i - 1] !== "'" || (i - 2 >= from && isTriple(text, i - 2)))
      if ((c === '\u2018' || c === "'") && alone && singleOpens(text, i, from)) {
        let weak = -1
        let found = -1
        for (let j = i + 2; j < to; j++) {
          const d = text[j]
          if (d !== '\u2019' && d !== "'") continue
          if (d === "'" && c === '\u2018' && text[j + 1] === "'") continue
          const s = singleCloses(text, j, to)
          if (s === 2) {
            found = j
            break
          }
          if (s === 1 && weak < 0) weak = j
        }
        const close = found >= 0 ? found : weak
        if (close > i + 1) {
          out.push({ start: i + 1, end: close, open: i, close, closeEnd: close + 1, single: true })
          i = close + 1
          continue
        }
      }
      i++
    }
  }
  return out
}

/**
 * Finds the outermost quotations in `text`, in order. A quote inside a quote belongs to the
 * outer one; whichever marks are outside (double or single) win.
 */
export function findQuotes(text: string): FoundQuote[] {
  const doubles = doubleQuotes(text)
  const singles = singleQuotes(text)
  const all: FoundQuote[] = []
  for (const s of singles) {
    // A single quote inside a double one is nested; one that wraps a double one is outer.
    if (doubles.some((d) => d.open <= s.open && s.closeEnd <= d.closeEnd)) continue
    if (doubles.some((d) => d.open < s.closeEnd && s.open < d.closeEnd && !(s.open < d.open && d.closeEnd <= s.closeEnd))) continue
    all.push(s)
  }
  for (const d of doubles) {
    if (all.some((s) => s.single && s.open < d.open && d.closeEnd <= s.closeEnd)) continue
    all.push(d)
  }
  return all.sort((a, b) => a.start - b.start)
}
