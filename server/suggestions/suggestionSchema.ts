/**
 * The tables of issue 12, appended to the workspace's migrations (server/db/migrations.ts): suggestions with
 * their current decision, and the append-only history of what happened to each. `position` and `applied`
 * are JSON (shared/review/suggestionSpan.ts, server/suggestions/applySuggestion.ts); `request` is the
 * canonical JSON of what the author asked, so a retried request is told apart from another one.
 */
export const SUGGESTION_SCHEMA_SQL = `CREATE TABLE suggestions (
     id TEXT PRIMARY KEY,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     author_id TEXT NOT NULL,
     author_name TEXT NOT NULL,
     created_at TEXT NOT NULL,
     block_key TEXT NOT NULL,
     article_key TEXT,
     quote TEXT NOT NULL,
     text TEXT NOT NULL,
     new_blocks TEXT NOT NULL DEFAULT '[]',
     note TEXT,
     public_consultation INTEGER NOT NULL DEFAULT 0,
     position TEXT NOT NULL,
     request TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
     decided_by_id TEXT,
     decided_by_name TEXT,
     decided_at TEXT,
     reason TEXT,
     applied TEXT
   );
   CREATE INDEX suggestions_by_doc ON suggestions(doc_id, created_at);
   CREATE TABLE suggestion_events (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     suggestion_id TEXT NOT NULL REFERENCES suggestions(id),
     action TEXT NOT NULL CHECK (action IN ('created', 'accepted', 'rejected', 'undone')),
     reason TEXT,
     by_id TEXT NOT NULL,
     by_name TEXT NOT NULL,
     at TEXT NOT NULL,
     client_id INTEGER
   );
   CREATE INDEX suggestion_events_by_suggestion ON suggestion_events(suggestion_id, seq);
   CREATE TRIGGER suggestion_events_no_update BEFORE UPDATE ON suggestion_events
   BEGIN SELECT RAISE(ABORT, 'suggestion history is append-only: rows cannot be changed'); END;
   CREATE TRIGGER suggestion_events_no_delete BEFORE DELETE ON suggestion_events
   BEGIN SELECT RAISE(ABORT, 'suggestion history is append-only: rows cannot be deleted'); END;`;
