import type { Database, Statement } from 'better-sqlite3'
import { BLOCK_SEPARATOR } from '../../../shared/text'

/**
 * An article's text as the search index keeps it: one passage per block (paragraph), a long
 * block cut after sentences chosen by their own words, so an edit moves no cut but its own.
 * Each passage is keyed by a hash of its words; a save compares keys and re-indexes only the
 * passages that are new, whatever moved around them.
 */

export interface Passage {
  /** Where it starts in the article's text. */
  start: number
  text: string
}

/** Blocks longer than this are cut into pieces (a court ruling's one long paragraph). */
const LONG_BLOCK = 2_000
/** No piece goes on longer than this without a cut, sentence or not. */
const LONGEST_PIECE = 8_000

/**
 * cyrb53 (public domain, bryc): a fast 53-bit string hash. Two passages of one article with
 * equal keys and different words would leave one unindexed; at 53 bits plus the length, the
 * chance is nil for any article.
 */
function cyrb53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** A passage's key in the index: its length and the hash of its words. */
export function passageKey(text: string): string {
  return `${text.length.toString(36)}.${cyrb53(text).toString(36)}`
}

const SENTENCE_END = /[.!?…]["'”’)\]]*\s+/g

/** Cuts a long block after sentences whose own hash says so (about one in four), or at a space when none does. */
function cutLong(block: string, start: number, out: Passage[]): void {
  let from = 0
  SENTENCE_END.lastIndex = 0
  for (let m = SENTENCE_END.exec(block); m; m = SENTENCE_END.exec(block)) {
    const end = m.index + m[0].length
    // The sentence's last words decide, so a cut depends on nothing else in the block.
    const cutHere = cyrb53(block.slice(Math.max(from, m.index - 32), end)) % 4 === 0
    if ((cutHere && end - from >= 200) || end - from > LONGEST_PIECE) {
      out.push({ start: start + from, text: block.slice(from, end) })
      from = end
    }
  }
  while (block.length - from > LONGEST_PIECE) {
    const space = block.lastIndexOf(' ', from + LONGEST_PIECE)
    const end = space > from ? space + 1 : from + LONGEST_PIECE
    out.push({ start: start + from, text: block.slice(from, end) })
    from = end
  }
  if (from < block.length) out.push({ start: start + from, text: block.slice(from) })
}

/** The passages of an article's text, in order, blank blocks left out. */
export function passagesOf(text: string): Passage[] {
  const out: Passage[] = []
  let start = 0
  for (const block of text.split(BLOCK_SEPARATOR)) {
    if (block.trim()) {
      if (block.length > LONG_BLOCK) cutLong(block, start, out)
      else out.push({ start, text: block })
    }
    start += block.length + BLOCK_SEPARATOR.length
  }
  return out
}

interface Statements {
  stored: Statement
  remove: Statement
  addDoc: Statement
  addWords: Statement
}

const prepared = new WeakMap<Database, Statements>()

function statements(db: Database): Statements {
  let s = prepared.get(db)
  if (!s) {
    s = {
      stored: db.prepare(`SELECT id, ref FROM search_docs WHERE article_id = ? AND kind = 'passage'`),
      remove: db.prepare(`DELETE FROM search_docs WHERE id = ?`),
      addDoc: db.prepare(`INSERT INTO search_docs (article_id, kind, ref) VALUES (?, 'passage', ?)`),
      addWords: db.prepare(`INSERT INTO search_fts (rowid, text) VALUES (?, ?)`)
    }
    prepared.set(db, s)
  }
  return s
}

/** What a re-index did: passages kept as they were, added, removed. */
export interface PassageChange {
  kept: number
  added: number
  removed: number
}

/**
 * Brings the index of an article's text up to date with `text` (inside the write that saves
 * it): passages whose key is already stored for the article stay; new ones are added, gone
 * ones removed. A one-word edit re-indexes one passage, whatever the article's length.
 */
export function indexArticleText(db: Database, articleId: number, text: string): PassageChange {
  const s = statements(db)
  const byKey = new Map<string, number[]>()
  for (const row of s.stored.all(articleId) as { id: number; ref: string }[]) {
    const ids = byKey.get(row.ref)
    if (ids) ids.push(row.id)
    else byKey.set(row.ref, [row.id])
  }
  const added: [string, string][] = []
  let kept = 0
  for (const p of passagesOf(text)) {
    const key = passageKey(p.text)
    const ids = byKey.get(key)
    if (ids?.length) {
      ids.pop()
      kept++
    } else added.push([key, p.text])
  }
  let removed = 0
  for (const ids of byKey.values()) {
    for (const id of ids) {
      s.remove.run(id)
      removed++
    }
  }
  for (const [key, words] of added) {
    const id = s.addDoc.run(articleId, key).lastInsertRowid
    s.addWords.run(id, words)
  }
  return { kept, added: added.length, removed }
}
