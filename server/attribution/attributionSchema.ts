/**
 * The tables of issue 12, appended to the workspace's migrations (server/db/migrations.ts). `yjs_clients`
 * holds which member first wrote under each Yjs client id of a document (or 'system' for the server's own
 * edits); `text_edits` one row per applied update that changed the text, with the id ranges it inserted and
 * deleted as JSON `[[client, clock, len], …]`, kept apart from `doc_updates` because compaction merges
 * those rows; `doc_visits` each member's last visit of an act as a Yjs snapshot. Member ids are not foreign
 * keys: 'system' is no member, and a revoked member's text stays theirs.
 */
export const ATTRIBUTION_SCHEMA_SQL = `CREATE TABLE yjs_clients (
     doc_id TEXT NOT NULL REFERENCES documents(id),
     client_id INTEGER NOT NULL,
     member_id TEXT NOT NULL,
     first_at TEXT NOT NULL,
     PRIMARY KEY (doc_id, client_id)
   ) WITHOUT ROWID;
   CREATE TABLE text_edits (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     member_id TEXT NOT NULL,
     at TEXT NOT NULL,
     inserted TEXT NOT NULL,
     deleted TEXT NOT NULL
   );
   CREATE INDEX text_edits_by_doc ON text_edits(doc_id, seq);
   CREATE TABLE doc_visits (
     doc_id TEXT NOT NULL REFERENCES documents(id),
     member_id TEXT NOT NULL,
     at TEXT NOT NULL,
     snapshot BLOB NOT NULL,
     PRIMARY KEY (doc_id, member_id)
   ) WITHOUT ROWID;`;
