/**
 * Issue 13, §3: the explanatory notes' Yjs updates (one DocStore per table, keyed by the act's id), the
 * workspace's section list, and the note frozen beside the act in every version (null in versions frozen
 * before notes existed).
 */
export const NOTE_SCHEMA_SQL = `
  CREATE TABLE note_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    data BLOB NOT NULL
  );
  CREATE INDEX note_updates_by_doc ON note_updates(doc_id, seq);
  CREATE TABLE note_sections (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
  );
  ALTER TABLE versions ADD COLUMN note_state BLOB;
  ALTER TABLE versions ADD COLUMN note_model TEXT;
`;
