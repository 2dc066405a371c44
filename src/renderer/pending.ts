/**
 * Saves the store has not confirmed yet, kept in the browser's own storage (IndexedDB) so a
 * crash of anything (the page, the app, `copydesk serve`) loses no typed work: each save is
 * kept here as it starts, as the very request it sends, and dropped once the store confirms
 * it. A save that never came back is offered again when its article is next opened, and sent
 * as it was: the store applies it only to the revision it was made on, so nothing written
 * since is ever overwritten.
 *
 * Entries are per visit to an article (a window session and a count), so the saves of one
 * visit replace each other but never those an earlier visit left behind.
 */

/** One unconfirmed save. */
export interface PendingSave {
  /** `${articleId}:${createdAt}:${visit}`: the article (told apart from one with the same id in another library) and the visit. */
  key: string
  articleId: number
  createdAt: string
  headline: string
  /** When the save was started (ISO). */
  at: string
  /** The revision the save applies to. */
  baseRevision: number
  /** The saveArticle request, as JSON. */
  request: Blob
}

const DB = 'copydesk-pending'
const STORE = 'saves'

/** This window's session. */
const SESSION = Math.random().toString(36).slice(2, 10)
let visits = 0

/** A new visit to an article: its saves are kept apart from every other visit's. */
export function newVisit(): string {
  return `${SESSION}.${++visits}`
}

let opened: Promise<IDBDatabase | null> | null = null

/** The database, or null where the browser keeps none (storage off): then nothing is kept. */
function database(): Promise<IDBDatabase | null> {
  opened ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB, 1)
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' })
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => resolve(null)
      req.onblocked = () => resolve(null)
    } catch {
      resolve(null)
    }
  })
  return opened
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  const db = await database()
  if (!db) return undefined
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode)
    const req = work(tx.objectStore(STORE))
    tx.oncomplete = () => resolve(req.result)
    tx.onerror = () => reject(tx.error ?? new Error('The browser could not keep the unsaved changes.'))
    tx.onabort = () => reject(tx.error ?? new Error('The browser could not keep the unsaved changes.'))
  })
}

/** The key of a visit's save of an article. */
export function pendingKey(articleId: number, createdAt: string, visit: string): string {
  return `${articleId}:${createdAt}:${visit}`
}

/** Keeps a save until `dropPending` (the store confirmed it). */
export async function keepPending(save: PendingSave): Promise<void> {
  await run('readwrite', (s) => s.put(save))
}

/** Forgets a save. */
export async function dropPending(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key))
}

/** Every save kept, oldest first. */
export async function allPending(): Promise<PendingSave[]> {
  const all = ((await run('readonly', (s) => s.getAll())) ?? []) as PendingSave[]
  return all.sort((a, b) => a.at.localeCompare(b.at))
}

/** The saves of an article that other visits left unconfirmed, newest first. */
export async function pendingFor(articleId: number, createdAt: string, visit: string): Promise<PendingSave[]> {
  const mine = pendingKey(articleId, createdAt, visit)
  return (await allPending()).filter((p) => p.articleId === articleId && p.createdAt === createdAt && p.key !== mine).reverse()
}
