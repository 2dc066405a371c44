import type { Database } from 'better-sqlite3'
import { notesToComments } from './migrate-notes'
import { createSearchTables, fillSearchIndex } from '../search/schema'
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
  },
  {
    version: 5,
    name: 'comment threads, replacing the internal note',
    up(db) {
      // No foreign key to annotations: a save rewrites an article's annotation rows, and undo
      // can bring a removed annotation back, with its thread.
      db.exec(`
        CREATE TABLE comments (
          id TEXT PRIMARY KEY,
          article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
          annotation_id TEXT NOT NULL,
          author_id TEXT,
          author_name TEXT NOT NULL,
          body TEXT NOT NULL,
          created_at TEXT NOT NULL,
          edited_at TEXT,
          deleted_at TEXT
        ) STRICT;
        CREATE INDEX comments_annotation ON comments(article_id, annotation_id, created_at);

        CREATE TABLE threads (
          annotation_id TEXT PRIMARY KEY,
          article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
          resolved_at TEXT,
          resolved_by TEXT
        ) STRICT;
        CREATE INDEX threads_article ON threads(article_id);
      `)
      notesToComments(db)
    }
  },
  {
    version: 6,
    name: 'search over everything, indexed in passages',
    up(db) {
      db.exec(`
        DROP TRIGGER IF EXISTS articles_fts_insert;
        DROP TRIGGER IF EXISTS articles_fts_delete;
        DROP TRIGGER IF EXISTS articles_fts_update;
        DROP TABLE IF EXISTS articles_fts;
      `)
      // The whole-text index it replaces re-indexed an article's every word on every save.
      createSearchTables(db)
      fillSearchIndex(db)
    }
  },
  {
    version: 7,
    name: 'speakers: who quotes and attributions name, and the user\'s merges and splits',
    up(db) {
      // speaker_mentions is kept by triggers from the annotations, however a save writes them,
      // so the People view reads a small indexed table instead of every annotation's JSON.
      // speaker_decisions holds what the user decided; people are derived from both.
      // Only what names someone: quotes, attributions, and claims sourced to an attribution.
      const names = (row: string): string => `${row}.kind <> 'claim' OR json_extract(${row}.fields, '$.sourceId') IS NOT NULL`
      const mention = (row: string, from = ''): string => `
        INSERT OR REPLACE INTO speaker_mentions (annotation_id, article_id, kind, name, source_type, link_id)
        SELECT ${row}.id, ${row}.article_id, ${row}.kind,
          CASE ${row}.kind WHEN 'quote' THEN coalesce(json_extract(${row}.fields, '$.speakerName'), '')
                          WHEN 'attribution' THEN coalesce(json_extract(${row}.fields, '$.sourceName'), '') ELSE '' END,
          CASE ${row}.kind WHEN 'attribution' THEN coalesce(json_extract(${row}.fields, '$.sourceType'), 'person') ELSE 'person' END,
          CASE ${row}.kind WHEN 'quote' THEN json_extract(${row}.fields, '$.speakerId')
                          WHEN 'claim' THEN json_extract(${row}.fields, '$.sourceId') END
        ${from}`
      // No foreign key to articles: the annotations' own cascade fires the delete trigger, and
      // each key and index here is paid by every save of every annotation that names someone.
      db.exec(`
        CREATE TABLE speaker_mentions (
          annotation_id TEXT PRIMARY KEY,
          article_id INTEGER NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('quote', 'attribution', 'claim')),
          name TEXT NOT NULL,
          source_type TEXT NOT NULL,
          link_id TEXT
        ) STRICT;

        CREATE TRIGGER speaker_mentions_insert AFTER INSERT ON annotations WHEN ${names('new')} BEGIN
          ${mention('new')};
        END;
        CREATE TRIGGER speaker_mentions_delete AFTER DELETE ON annotations WHEN ${names('old')} BEGIN
          DELETE FROM speaker_mentions WHERE annotation_id = old.id;
        END;
        CREATE TRIGGER speaker_mentions_update AFTER UPDATE OF kind, fields, article_id ON annotations BEGIN
          DELETE FROM speaker_mentions WHERE annotation_id = old.id;
          ${mention('new')} WHERE ${names('new')};
        END;

        CREATE TABLE speaker_decisions (
          id INTEGER PRIMARY KEY,
          action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
          a TEXT NOT NULL,
          b TEXT NOT NULL DEFAULT '',
          who TEXT NOT NULL,
          at TEXT NOT NULL,
          UNIQUE (action, a, b)
        ) STRICT;
      `)
      db.exec(`${mention('a', 'FROM annotations a')} WHERE ${names('a')}`)
    }
  },
  {
    // Numbered as issue 19's plan assigns it (desk-scale); 4 to 7 come from the other parts.
    version: 8,
    name: 'library order indexes',
    up(db) {
      // The library pages through articles by last edit, date added and headline, ties split
      // by id, in one direction: each index holds (key, id) in that order, so a page is read
      // off it, forwards or backwards, without sorting 100,000 rows first. The index of
      // migration 1 was descending on updated_at alone, so its ties came out in rising id,
      // against the order asked for.
      db.exec(`
        DROP INDEX articles_updated;
        CREATE INDEX articles_updated ON articles(updated_at, id) WHERE deleted_at IS NULL;
        CREATE INDEX articles_created ON articles(created_at, id) WHERE deleted_at IS NULL;
        CREATE INDEX articles_headline ON articles(headline COLLATE NOCASE, id) WHERE deleted_at IS NULL;
      `)
    }
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
