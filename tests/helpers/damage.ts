import Database from 'better-sqlite3'
import { closeSync, openSync, writeSync } from 'node:fs'

/**
 * Damages a real library file the way a failing disk does: one page of a table, the articles
 * table's first, overwritten with garbage. The file must be closed (its WAL folded in).
 */
export function corruptArticlesPage(file: string): void {
  const db = new Database(file, { readonly: true })
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const { rootpage } = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'articles'`).get() as { rootpage: number }
  db.close()
  const fd = openSync(file, 'r+')
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize)
  } finally {
    closeSync(fd)
  }
}

/** Overwrites the file's first bytes, where SQLite looks for "SQLite format 3". */
export function corruptHeader(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    writeSync(fd, Buffer.alloc(100, 0x00), 0, 100, 0)
  } finally {
    closeSync(fd)
  }
}
