import { CopydeskError } from '../../shared/errors'
import { Store, type StoreOptions } from './store'
import { backUpInto, dailyBackup, listBackups, type Backup } from './store/backups'
import { LATEST_VERSION } from './store/migrations'
import { restoreLibrary, type Restored } from './store/restore'

/**
 * The library as the doors open it: checked, backed up before a migration and once a day,
 * and restorable from a backup while open. The store itself (./store) does none of the
 * waiting these need, so tests and tools can open one synchronously.
 */

export interface OpenLibraryOptions extends StoreOptions {
  now?: Date
  /** Told of anything the user should know that does not stop the library opening. */
  tell?: (note: string) => void
  /**
   * Make the day's backup while the library answers (the doors), not before it opens: a
   * library of years takes seconds to copy, and nobody should wait for that to see it.
   * backupSettled(store) says when it is done; close the store after that, or it is lost.
   */
  backUpInBackground?: boolean
}

/** The day's backup each library opened with backUpInBackground is making. */
const dailyBackups = new WeakMap<Store, Promise<void>>()

/** Settles when the day's backup that opening `store` started is made (or has failed and been told). */
export function backupSettled(store: Store): Promise<void> {
  return dailyBackups.get(store) ?? Promise.resolve()
}

/** True while the day's backup that opening `store` started is still being made. */
export function backupPending(store: Store): boolean {
  return dailyBackups.has(store)
}

/** Backs up before migrating (so an update never leaves a library without its old copy). */
async function migrateWithBackup(store: Store, now: Date): Promise<void> {
  // A damaged library is left as it is, for a restore; a read-only one says it cannot be migrated.
  if (store.state().status === 'damaged') return
  if (store.state().status !== 'ok' || !store.needsMigration()) {
    store.migrate()
    return
  }
  if (store.schemaVersion() > 0) {
    await backUpInto(store.db, store.file, 'before-migration', now, LATEST_VERSION).catch((err: unknown) => {
      throw new CopydeskError(
        'internal',
        `This library must be brought up to date for this version of Copydesk, which backs it up first, and the backup could not be made (${(err as Error).message}). Nothing was changed. Check there is free space beside the library, then open it again.`
      )
    })
  }
  store.migrate()
}

/**
 * Opens the library at `file` for a door. A damaged one opens only with `allowDamaged`, so
 * the door can offer its backups; otherwise the error says which backup there is.
 */
export async function openLibrary(file: string, options: OpenLibraryOptions = {}): Promise<Store> {
  const now = options.now ?? new Date()
  const store = new Store(file, { ...options, migrate: false })
  try {
    const hadData = store.state().status !== 'damaged' && store.schemaVersion() > 0
    await migrateWithBackup(store, now)
    if (hadData && store.state().status === 'ok' && file !== ':memory:') {
      // SQLite's online backup copies a few hundred pages a turn of the event loop, so the
      // door answers meanwhile; writes through this connection go into the copy as well.
      const made = dailyBackup(store.db, file, now).then(
        () => undefined,
        (err: unknown) => {
          options.tell?.(`Today's backup of the library could not be made (${(err as Error).message}); the library itself is unchanged.`)
        }
      )
      if (options.backUpInBackground) dailyBackups.set(store, made.finally(() => dailyBackups.delete(store)))
      else await made
    }
    return store
  } catch (err) {
    store.close()
    throw store.explain(err)
  }
}

/** A backup of the open library into its backups folder, made now (copydesk backup, the contract). */
export async function backUpNow(store: Store): Promise<Backup> {
  if (store.state().status === 'damaged') {
    throw new CopydeskError('database_damaged', `${store.state().message} A backup of it would hold the damage too, so none was made; restore a backup instead (copydesk backups lists them).`)
  }
  return backUpInto(store.db, store.file, 'manual')
}

/** The backup of this library called `name` (as listBackups names it), or a not_found error. */
export function findBackup(file: string, name: string): Backup {
  const backup = listBackups(file).find((b) => b.name === name)
  if (!backup) throw new CopydeskError('not_found', `There is no backup called "${name}" beside this library. Choose one from the list of backups.`)
  return backup
}

/**
 * Restores the open library from one of its backups: the store lets go of the file, the
 * backup takes its place, and the store opens it again (migrating it, backed up, if it is
 * from an older Copydesk). If the restore is refused, the store reopens the library as it was.
 */
export async function restoreInPlace(store: Store, source: string, options: StoreOptions = {}): Promise<Restored> {
  store.close()
  let restored: Restored
  try {
    restored = restoreLibrary(store.file, source, options)
  } finally {
    store.reopen()
  }
  await migrateWithBackup(store, new Date())
  return restored
}
