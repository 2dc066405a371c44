import type { Database } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { VERDICTS } from '../../../shared/domain'
import { cleanName, initialsOf, nameKey } from '../../../shared/people'

/**
 * Migration 4: the desk. A roster of people (checkers and editors); claims name their
 * checker and reviewer by a person's id and carry a due date and a sign-off; the Claims
 * view's saved filter sets; and columns and indexes over the claims' fields so that one
 * page of a million annotations is read from an index, not a scan.
 *
 * Existing claims: each free-text checker becomes a roster person (role checker; the same
 * name in another case or spacing is one person, spelt as it was most often written), and
 * the claim names them by id. A verdict set before sign-off existed is *proposed*: nobody
 * approved it, and a public export says it left it out until an editor does.
 */
export function deskRoster(db: Database): void {
  db.exec(`
    CREATE TABLE people (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      initials TEXT NOT NULL DEFAULT '',
      role TEXT NOT NULL CHECK (role IN ('checker', 'editor')),
      created_at TEXT NOT NULL,
      archived_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX people_name ON people(name COLLATE NOCASE) WHERE archived_at IS NULL;

    CREATE TABLE claim_views (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      filters TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX claim_views_name ON claim_views(name COLLATE NOCASE);
  `)

  // The checkers as they were typed, most written spelling first for each name.
  const typed = db
    .prepare(
      `SELECT json_extract(fields, '$.checker') AS name, count(*) AS n FROM annotations
       WHERE kind = 'claim' AND trim(coalesce(json_extract(fields, '$.checker'), '')) <> ''
       GROUP BY 1 ORDER BY n DESC, name`
    )
    .all() as { name: string; n: number }[]
  // One person per name in any case or spacing, spelt as it was written most often (on a
  // tie, as written neatly: already trimmed, with capitals).
  const neat = (t: string): number => (cleanName(t) === t ? 2 : 0) + (t !== t.toLowerCase() ? 1 : 0)
  const best = new Map<string, { typed: string; n: number }>()
  for (const t of typed) {
    const key = nameKey(t.name)
    const was = best.get(key)
    if (!was || t.n > was.n || (t.n === was.n && neat(t.name) > neat(was.typed))) best.set(key, { typed: t.name, n: t.n })
  }
  const idOf = new Map<string, string>()
  const at = new Date().toISOString()
  const insert = db.prepare(`INSERT INTO people (id, name, initials, role, created_at) VALUES (?, ?, ?, 'checker', ?)`)
  for (const [key, { typed: spelt }] of best) {
    const id = `p-${randomUUID()}`
    idOf.set(key, id)
    const clean = cleanName(spelt)
    insert.run(id, clean, initialsOf(clean), at)
  }
  const byTyped = typed.map((t) => ({ typed: t.name, id: idOf.get(nameKey(t.name))! }))

  const verdicts = VERDICTS.map((v) => `'${v}'`).join(', ')
  db.exec(`CREATE TEMP TABLE checker_ids (typed TEXT PRIMARY KEY, id TEXT NOT NULL)`)
  const map = db.prepare(`INSERT INTO temp.checker_ids (typed, id) VALUES (?, ?)`)
  for (const t of byTyped) map.run(t.typed, t.id)
  db.exec(`
    UPDATE annotations SET fields = json_set(
      json_remove(fields, '$.checker'),
      '$.checkerId', (SELECT c.id FROM temp.checker_ids c WHERE c.typed = json_extract(annotations.fields, '$.checker')),
      '$.reviewerId', NULL,
      '$.due', '',
      '$.signoff', CASE WHEN json_extract(fields, '$.status') IN (${verdicts}) THEN 'proposed' ELSE 'none' END,
      '$.signedOffBy', NULL,
      '$.signedOffAt', '',
      '$.returnReason', ''
    ) WHERE kind = 'claim';
    DROP TABLE temp.checker_ids;
  `)

  // "Me": the user's name, when it was one of the checkers.
  const userName = db.prepare(`SELECT value FROM preferences WHERE key = 'userName'`).get() as { value: string } | undefined
  const me = userName ? idOf.get(nameKey(JSON.parse(userName.value) as string)) : undefined
  if (me) db.prepare(`INSERT INTO preferences (key, value) VALUES ('userId', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(me))

  // The claims' fields as columns (computed, not stored) and the indexes the Claims view
  // pages through: each filter it drives by, in the order of each sort.
  db.exec(`
    ALTER TABLE annotations ADD COLUMN claim_status TEXT GENERATED ALWAYS AS (json_extract(fields, '$.status')) VIRTUAL;
    ALTER TABLE annotations ADD COLUMN claim_signoff TEXT GENERATED ALWAYS AS (json_extract(fields, '$.signoff')) VIRTUAL;
    ALTER TABLE annotations ADD COLUMN claim_checker TEXT GENERATED ALWAYS AS (json_extract(fields, '$.checkerId')) VIRTUAL;
    ALTER TABLE annotations ADD COLUMN claim_reviewer TEXT GENERATED ALWAYS AS (json_extract(fields, '$.reviewerId')) VIRTUAL;
    ALTER TABLE annotations ADD COLUMN claim_due TEXT GENERATED ALWAYS AS (
      CASE WHEN coalesce(json_extract(fields, '$.due'), '') = '' THEN '9999-12-31' ELSE json_extract(fields, '$.due') END
    ) VIRTUAL;
    CREATE INDEX claims_changed ON annotations(updated_at, id) WHERE kind = 'claim';
    CREATE INDEX claims_status ON annotations(claim_status, updated_at, id) WHERE kind = 'claim';
    CREATE INDEX claims_signoff ON annotations(claim_signoff, updated_at, id) WHERE kind = 'claim';
    CREATE INDEX claims_checker ON annotations(claim_checker, updated_at, id) WHERE kind = 'claim';
    CREATE INDEX claims_reviewer ON annotations(claim_reviewer, updated_at, id) WHERE kind = 'claim';
    CREATE INDEX claims_due ON annotations(claim_due, id) WHERE kind = 'claim';
  `)
}
