import type { Database } from 'better-sqlite3'
import { deskRoster } from './migration-4-desk'

/**
 * Numbered schema migrations. Each runs in one transaction that also sets `user_version`,
 * so a database is always at exactly one version. Append only: never edit a shipped one.
 */
export interface Migration {
  version: number
  name: string
  up: (db: Database) => void
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'articles, full-text index, preferences',
    up(db) {
      db.exec(`
        CREATE TABLE articles (
          id INTEGER PRIMARY KEY,
          headline TEXT NOT NULL,
          byline TEXT NOT NULL DEFAULT '',
          outlet TEXT NOT NULL DEFAULT '',
          url TEXT NOT NULL DEFAULT '',
          published_at TEXT NOT NULL DEFAULT '',
          body TEXT NOT NULL,
          text TEXT NOT NULL,
          source_name TEXT NOT NULL,
          source_format TEXT NOT NULL,
          revision INTEGER NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        ) STRICT;
        CREATE INDEX articles_updated ON articles(updated_at DESC) WHERE deleted_at IS NULL;

        CREATE VIRTUAL TABLE articles_fts USING fts5(
          headline, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
          INSERT INTO articles_fts(rowid, headline, text) VALUES (new.id, new.headline, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
          INSERT INTO articles_fts(articles_fts, rowid, headline, text) VALUES ('delete', old.id, old.headline, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, text ON articles BEGIN
          INSERT INTO articles_fts(articles_fts, rowid, headline, text) VALUES ('delete', old.id, old.headline, old.text);
          INSERT INTO articles_fts(rowid, headline, text) VALUES (new.id, new.headline, new.text);
        END;

        CREATE TABLE preferences (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
      `)
    }
  },
  {
    version: 2,
    name: 'annotations and their history',
    up(db) {
      db.exec(`
        CREATE TABLE annotations (
          id TEXT PRIMARY KEY,
          article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('claim', 'quote', 'attribution')),
          start INTEGER NOT NULL CHECK (start >= 0),
          end INTEGER NOT NULL CHECK (end > start),
          exact TEXT NOT NULL,
          prefix TEXT NOT NULL,
          suffix TEXT NOT NULL,
          fields TEXT NOT NULL,
          origin TEXT NOT NULL CHECK (origin IN ('manual', 'suggested', 'imported')),
          placement TEXT NOT NULL CHECK (placement IN ('anchored', 'orphaned')),
          created_by TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_by TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX annotations_article ON annotations(article_id, start);

        CREATE TABLE annotation_history (
          id INTEGER PRIMARY KEY,
          annotation_id TEXT NOT NULL,
          article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
          at TEXT NOT NULL,
          who TEXT NOT NULL,
          action TEXT NOT NULL,
          changes TEXT NOT NULL
        ) STRICT;
        CREATE INDEX annotation_history_article ON annotation_history(article_id, annotation_id, id);
      `)
    }
  },
  {
    version: 3,
    name: 'dismissed suggestions',
    up(db) {
      db.exec(`
        CREATE TABLE suggestion_dismissals (
          article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
          key TEXT NOT NULL,
          at TEXT NOT NULL,
          PRIMARY KEY (article_id, key)
        ) STRICT;
      `)
    }
  },
  {
    version: 4,
    name: 'the desk: roster, claim assignment and sign-off, saved claim views',
    up: deskRoster
  }
]

export const LATEST_VERSION = migrations[migrations.length - 1].version

/** The version a database file is at (`PRAGMA user_version`). */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings a database up to `target` (default: the latest). Throws when the file was written
 * by a newer Copydesk, so an old app never writes into a schema it does not know. Each step
 * takes the write lock first and reads the version again under it, so two programs opening
 * the same old file at once migrate it once.
 */
export function migrate(db: Database, target = LATEST_VERSION): void {
  const current = schemaVersion(db)
  if (current > LATEST_VERSION) {
    throw new RangeError(
      `This data file was written by a newer version of Copydesk (schema ${current}; this version knows up to ${LATEST_VERSION}). Update Copydesk to open it.`
    )
  }
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue
    db.transaction(() => {
      if (schemaVersion(db) >= m.version) return
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }).immediate()
  }
}
