import type { Database } from 'better-sqlite3';
import { AUDIT_SCHEMA_SQL } from '../audit/auditSchema';
import { REVIEW_SCHEMA_SQL } from '../review/reviewSchema';
import { SUGGESTION_SCHEMA_SQL } from '../suggestions/suggestionSchema';
import { ATTRIBUTION_SCHEMA_SQL } from '../attribution/attributionSchema';
import { NOTE_SCHEMA_SQL } from '../note/noteSchema';
import { AMENDMENT_SCHEMA_SQL } from '../amendments/amendmentSchema';

/**
 * The schema, as an ordered list of migrations. `PRAGMA user_version` holds how many have run, so each
 * runs once, in order, in its own transaction. Append new migrations; never edit a shipped one.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     language TEXT NOT NULL CHECK (language IN ('ka', 'en')),
     municipality TEXT NOT NULL DEFAULT '',
     template_id TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE doc_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     data BLOB NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates(doc_id, seq);
   CREATE TABLE members (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );`,
  // Issue 4: the hash-chained audit log, the workspace's workflow definition, frozen versions and stage
  // history. Versions and stage history are append-only, as the audit log is; documents created before
  // this migration start in drafting at their creation time.
  AUDIT_SCHEMA_SQL +
    `CREATE TABLE workflow_definition (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     definition TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     updated_by TEXT NOT NULL
   );
   CREATE TABLE versions (
     id TEXT PRIMARY KEY,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     number INTEGER NOT NULL,
     name TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('stage', 'manual')),
     stage TEXT,
     created_at TEXT NOT NULL,
     by_id TEXT NOT NULL,
     by_name TEXT NOT NULL,
     state BLOB NOT NULL,
     model TEXT NOT NULL,
     state_sha256 TEXT NOT NULL,
     model_sha256 TEXT NOT NULL,
     UNIQUE (doc_id, number)
   );
   CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
   BEGIN SELECT RAISE(ABORT, 'versions are immutable: a frozen version cannot be changed'); END;
   CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
   BEGIN SELECT RAISE(ABORT, 'versions are immutable: a frozen version cannot be deleted'); END;
   CREATE TABLE stage_history (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     stage TEXT NOT NULL,
     from_stage TEXT,
     entered_at TEXT NOT NULL,
     by_id TEXT NOT NULL,
     by_name TEXT NOT NULL,
     note TEXT,
     data TEXT NOT NULL DEFAULT '{}',
     deadlines TEXT NOT NULL DEFAULT '[]',
     version_id TEXT REFERENCES versions(id)
   );
   CREATE INDEX stage_history_by_doc ON stage_history(doc_id, seq);
   CREATE TRIGGER stage_history_no_update BEFORE UPDATE ON stage_history
   BEGIN SELECT RAISE(ABORT, 'stage history is append-only: rows cannot be changed'); END;
   CREATE TRIGGER stage_history_no_delete BEFORE DELETE ON stage_history
   BEGIN SELECT RAISE(ABORT, 'stage history is append-only: rows cannot be deleted'); END;
   INSERT INTO stage_history (doc_id, stage, entered_at, by_id, by_name)
     SELECT id, 'drafting', created_at, 'system', 'system' FROM documents;`,
  // Issue 5: comment threads anchored in the act's text, and lawyers' sign-off per article.
  REVIEW_SCHEMA_SQL,
  // Issue 12: suggestions, their decisions and the history of each.
  SUGGESTION_SCHEMA_SQL,
  // Issue 12: who first wrote under each Yjs client id, what every update inserted and deleted, last visits.
  ATTRIBUTION_SCHEMA_SQL,
  // Issue 13, §3: the explanatory note, its section list, and the note in frozen versions.
  NOTE_SCHEMA_SQL,
  // Issue 13 §5: who adopts the act (the council by an ordinance, or the Mayor by an order) picks its workflow.
  `ALTER TABLE documents ADD COLUMN adopting_body TEXT NOT NULL DEFAULT 'council' CHECK (adopting_body IN ('council', 'mayor'));`,
  // Issue 13, §4: revisions of acts in force, their consolidated editions and repeals.
  AMENDMENT_SCHEMA_SQL,
  // Issue 15: an archived act is kept, hidden from the list and the dashboard, and can be restored.
  `ALTER TABLE documents ADD COLUMN archived_at TEXT;`,
];

/** Runs the migrations that have not run yet. */
export function migrate(db: Database, migrations: readonly string[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version += 1) {
    db.transaction(() => {
      db.exec(migrations[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
