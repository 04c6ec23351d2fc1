/**
 * The tables of issue 5, appended to the workspace's migrations (server/db/migrations.ts): comment threads
 * with their replies and the history of their outcomes, and the sign-off of each article with its history.
 * A thread's anchor is JSON (shared/review/textAnchor.ts); `quote` keeps the text as it was commented on.
 */
export const REVIEW_SCHEMA_SQL = `CREATE TABLE comment_threads (
     id TEXT PRIMARY KEY,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     author_id TEXT NOT NULL,
     author_name TEXT NOT NULL,
     created_at TEXT NOT NULL,
     text TEXT NOT NULL,
     blocking INTEGER NOT NULL DEFAULT 0,
     public_consultation INTEGER NOT NULL DEFAULT 0,
     quote TEXT NOT NULL,
     anchor TEXT NOT NULL,
     anchor_history TEXT NOT NULL DEFAULT '[]',
     article_key TEXT,
     status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
     outcome TEXT CHECK (outcome IN ('accepted', 'partly_accepted', 'rejected')),
     reason TEXT,
     resolved_by_id TEXT,
     resolved_by_name TEXT,
     resolved_at TEXT
   );
   CREATE INDEX comment_threads_by_doc ON comment_threads(doc_id, created_at);
   CREATE TABLE comment_replies (
     id TEXT PRIMARY KEY,
     thread_id TEXT NOT NULL REFERENCES comment_threads(id),
     author_id TEXT NOT NULL,
     author_name TEXT NOT NULL,
     created_at TEXT NOT NULL,
     text TEXT NOT NULL
   );
   CREATE INDEX comment_replies_by_thread ON comment_replies(thread_id, created_at);
   CREATE TABLE comment_thread_events (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     thread_id TEXT NOT NULL REFERENCES comment_threads(id),
     action TEXT NOT NULL CHECK (action IN ('resolved', 'reopened')),
     outcome TEXT,
     reason TEXT,
     by_id TEXT NOT NULL,
     by_name TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE TABLE article_reviews (
     doc_id TEXT NOT NULL REFERENCES documents(id),
     article_key TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('approved', 'changes_requested')),
     note TEXT,
     reviewer_id TEXT NOT NULL,
     reviewer_name TEXT NOT NULL,
     reviewed_at TEXT NOT NULL,
     text_hash TEXT NOT NULL,
     PRIMARY KEY (doc_id, article_key)
   );
   CREATE TABLE article_review_history (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     article_key TEXT NOT NULL,
     status TEXT NOT NULL,
     note TEXT,
     reviewer_id TEXT NOT NULL,
     reviewer_name TEXT NOT NULL,
     reviewed_at TEXT NOT NULL,
     text_hash TEXT NOT NULL
   );`;
