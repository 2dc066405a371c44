import type { Database } from 'better-sqlite3'
import { indexArticleText } from './passages'

/**
 * The search index's tables (migration 6). One FTS5 table holds every searchable document of
 * the library; `search_docs` says what each one is:
 *
 * - `article`: an article's headline, byline, outlet and link (kept by triggers on articles);
 * - `passage`: one block (paragraph) of an article's text, `ref` the hash of its words: a save
 *   re-indexes only the blocks whose words changed (see passages.ts);
 * - `claim`, `quote`, `attribution`: an annotation's words, explanation or check note,
 *   evidence, named speaker or source, and verdict (kept by triggers on annotations, which
 *   fire only when an annotation's words, kind or fields change, never when it only moves);
 * - `comment`: a comment's text and author (triggers on comments, once that table exists).
 *
 * The FTS table is contentless (`content=''`, `contentless_delete=1`): it keeps no second copy
 * of the text, and a document is removed by its rowid alone, without reading its old words.
 * Snippets are made from the text where it lives (see hits.ts).
 */

/** The FTS columns, in order: a document fills those of its kind. */
export const FTS_COLUMNS = ['headline', 'byline', 'outlet', 'url', 'text', 'claim', 'explanation', 'evidence', 'names', 'verdict'] as const

/**
 * bm25 weights, in FTS_COLUMNS order: a word in a headline or a name says more about what a
 * document is about than one word among a paragraph's hundred.
 */
export const FTS_WEIGHTS = [8, 6, 5, 2, 1, 3, 1.5, 1.5, 4, 2] as const

/** A verdict's words in the index, so "misleading" or "mostly true" finds claims judged so. */
const VERDICT_WORDS = `CASE json_extract(%.fields, '$.status') WHEN 'true' THEN 'true' WHEN 'mostly_true' THEN 'mostly true'
  WHEN 'misleading' THEN 'misleading' WHEN 'false' THEN 'false' WHEN 'unverifiable' THEN 'unverifiable' ELSE '' END`

/**
 * The search_docs values of an annotation row called `t` (a trigger's `new`, or a table alias):
 * article, kind, id, the attribution it is linked to, a claim's status and checker. The checker
 * is the roster person's id once claims carry one (`checkerId`), else the name typed.
 */
function annotationDoc(t: string): string {
  return `${t}.article_id, ${t}.kind, ${t}.id,
    coalesce(json_extract(${t}.fields, '$.speakerId'), json_extract(${t}.fields, '$.sourceId'), ''),
    CASE WHEN ${t}.kind = 'claim' THEN coalesce(json_extract(${t}.fields, '$.status'), '') ELSE '' END,
    CASE WHEN ${t}.kind = 'claim' THEN coalesce(json_extract(${t}.fields, '$.checkerId'), json_extract(${t}.fields, '$.checker'), '') ELSE '' END`
}

/** The FTS values (text, claim, explanation, evidence, names, verdict) of an annotation row `t`. */
function annotationWords(t: string): string {
  return `CASE WHEN ${t}.kind = 'claim' THEN '' ELSE ${t}.exact END,
    CASE WHEN ${t}.kind = 'claim' THEN ${t}.exact ELSE '' END,
    concat_ws(' ', json_extract(${t}.fields, '$.explanation'), json_extract(${t}.fields, '$.checkedNote'), json_extract(${t}.fields, '$.note')),
    coalesce((SELECT group_concat(concat_ws(' ', json_extract(e.value, '$.url'), json_extract(e.value, '$.note')), ' ') FROM json_each(${t}.fields, '$.evidence') e), ''),
    concat_ws(' ', json_extract(${t}.fields, '$.speakerName'), json_extract(${t}.fields, '$.sourceName')),
    ${VERDICT_WORDS.replace(/%/g, t)}`
}

const ANNOTATION_FTS_COLUMNS = 'text, claim, explanation, evidence, names, verdict'

/** Indexes the annotation `new` (inside a trigger). */
const INDEX_NEW_ANNOTATION = `
  INSERT INTO search_docs (article_id, kind, ref, link, status, checker) VALUES (${annotationDoc('new')});
  INSERT INTO search_fts (rowid, ${ANNOTATION_FTS_COLUMNS}) VALUES (last_insert_rowid(), ${annotationWords('new')});`

const INDEX_NEW_ARTICLE = `
  INSERT INTO search_docs (article_id, kind) VALUES (new.id, 'article');
  INSERT INTO search_fts (rowid, headline, byline, outlet, url) VALUES (last_insert_rowid(), new.headline, new.byline, new.outlet, new.url);`

/** Creates the index's tables and the triggers that keep it (migration 6), empty. */
export function createSearchTables(db: Database): void {
  db.exec(`
    CREATE TABLE search_docs (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('article', 'passage', 'claim', 'quote', 'attribution', 'comment')),
      ref TEXT NOT NULL DEFAULT '',
      link TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT '',
      checker TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX search_docs_article ON search_docs(article_id, kind);
    CREATE INDEX search_docs_ref ON search_docs(ref, kind) WHERE ref <> '';
    CREATE INDEX search_docs_link ON search_docs(link) WHERE link <> '';
    CREATE INDEX search_docs_claims ON search_docs(kind, status) WHERE kind = 'claim';

    CREATE VIRTUAL TABLE search_fts USING fts5(
      ${FTS_COLUMNS.join(', ')},
      content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
      DELETE FROM search_fts WHERE rowid = old.id;
    END;

    CREATE TRIGGER search_article_insert AFTER INSERT ON articles BEGIN ${INDEX_NEW_ARTICLE} END;
    CREATE TRIGGER search_article_update AFTER UPDATE OF headline, byline, outlet, url ON articles
    WHEN old.headline IS NOT new.headline OR old.byline IS NOT new.byline OR old.outlet IS NOT new.outlet OR old.url IS NOT new.url BEGIN
      DELETE FROM search_docs WHERE article_id = new.id AND kind = 'article';
      ${INDEX_NEW_ARTICLE}
    END;

    CREATE TRIGGER search_annotation_insert AFTER INSERT ON annotations BEGIN ${INDEX_NEW_ANNOTATION} END;
    CREATE TRIGGER search_annotation_update AFTER UPDATE OF kind, exact, fields ON annotations
    WHEN old.kind IS NOT new.kind OR old.exact IS NOT new.exact OR old.fields IS NOT new.fields BEGIN
      DELETE FROM search_docs WHERE ref = old.id AND kind = old.kind;
      ${INDEX_NEW_ANNOTATION}
    END;
    CREATE TRIGGER search_annotation_delete AFTER DELETE ON annotations BEGIN
      DELETE FROM search_docs WHERE ref = old.id AND kind = old.kind;
    END;
  `)
}

/** True when the library has the comments table (desk threads). */
export function hasComments(db: Database): boolean {
  return !!db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'comments'`).get()
}

const INDEX_NEW_COMMENT = `
  INSERT INTO search_docs (article_id, kind, ref, link) SELECT new.article_id, 'comment', new.id, new.annotation_id WHERE new.deleted_at IS NULL;
  INSERT INTO search_fts (rowid, text, names) SELECT last_insert_rowid(), new.body, new.author_name WHERE new.deleted_at IS NULL;`

/**
 * The hook for comments: triggers that index the `comments` table (id, article_id,
 * annotation_id, author_name, body, deleted_at), and what it holds now. Migration 6 calls it
 * when that table exists; a migration that creates the table after 6 calls it too.
 */
export function indexComments(db: Database): void {
  db.exec(`
    CREATE TRIGGER IF NOT EXISTS search_comment_insert AFTER INSERT ON comments BEGIN ${INDEX_NEW_COMMENT} END;
    CREATE TRIGGER IF NOT EXISTS search_comment_update AFTER UPDATE OF body, author_name, deleted_at ON comments BEGIN
      DELETE FROM search_docs WHERE ref = old.id AND kind = 'comment';
      ${INDEX_NEW_COMMENT}
    END;
    CREATE TRIGGER IF NOT EXISTS search_comment_delete AFTER DELETE ON comments BEGIN
      DELETE FROM search_docs WHERE ref = old.id AND kind = 'comment';
    END;
    DELETE FROM search_docs WHERE kind = 'comment';
    INSERT INTO search_docs (article_id, kind, ref, link) SELECT article_id, 'comment', id, annotation_id FROM comments WHERE deleted_at IS NULL;
    INSERT INTO search_fts (rowid, text, names) SELECT d.id, c.body, c.author_name FROM search_docs d JOIN comments c ON c.id = d.ref WHERE d.kind = 'comment';
  `)
}

/** Indexes everything the library holds already (migration 6, on a library made before it). */
export function fillSearchIndex(db: Database): void {
  db.exec(`
    INSERT INTO search_docs (article_id, kind) SELECT id, 'article' FROM articles ORDER BY id;
    INSERT INTO search_fts (rowid, headline, byline, outlet, url)
      SELECT d.id, a.headline, a.byline, a.outlet, a.url FROM search_docs d JOIN articles a ON a.id = d.article_id WHERE d.kind = 'article';
    INSERT INTO search_docs (article_id, kind, ref, link, status, checker) SELECT ${annotationDoc('n')} FROM annotations n ORDER BY n.article_id, n.start;
    INSERT INTO search_fts (rowid, ${ANNOTATION_FTS_COLUMNS})
      SELECT d.id, ${annotationWords('n')} FROM search_docs d JOIN annotations n ON n.id = d.ref AND n.kind = d.kind;
  `)
  // One article's text at a time: a library of years holds gigabytes of it.
  const ids = db.prepare(`SELECT id FROM articles ORDER BY id`).pluck().all() as number[]
  const text = db.prepare(`SELECT text FROM articles WHERE id = ?`).pluck()
  for (const id of ids) indexArticleText(db, id, text.get(id) as string)
  if (hasComments(db)) indexComments(db)
}
