import type { Database } from 'better-sqlite3'
import { statSync } from 'node:fs'
import { isDamage } from './sqlite-errors'

/**
 * How a library is checked as it opens. Up to WHOLE_CHECK_BYTES every page is read
 * (`quick_check`); a larger one has its schema and the first and last rows of every table
 * read instead: quick_check read a 1.8 GB library of 100,000 articles in 13 s, and a library
 * should open without reading everything. Damage met later in a large one is still reported
 * as damage, with the backup to restore (see sqlite-errors), when the page is read.
 */

/** The largest library read whole as it opens (256 MB: about 14,000 articles of news). */
export const WHOLE_CHECK_BYTES = 256 * 1024 * 1024

/** What is wrong with the file (['ok'] when nothing is), read whole or at its edges by size. */
export function openCheck(db: Database, file: string, wholeCheckBytes = WHOLE_CHECK_BYTES): string[] {
  if (statSync(file).size <= wholeCheckBytes) return (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check)
  try {
    const tables = db.prepare(`SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table'`).all() as { name: string; wr: number }[]
    for (const t of tables) {
      const name = `"${t.name.replace(/"/g, '""')}"`
      db.prepare(`SELECT * FROM ${name} LIMIT 1`).all()
      if (!t.wr) db.prepare(`SELECT * FROM ${name} ORDER BY rowid DESC LIMIT 1`).all()
    }
    return ['ok']
  } catch (err) {
    if (isDamage(err)) return [(err as Error).message]
    throw err
  }
}
