import type { Database } from 'better-sqlite3';

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
