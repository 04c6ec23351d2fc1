import type { Database } from 'better-sqlite3';
import type { CommentEntry, Outcome, Person, Resolution } from '../../shared/api/review';
import type { TextAnchor } from '../../shared/review/textAnchor';

/** How many earlier placements of an anchor are kept, for resolving it in older versions. */
export const ANCHOR_HISTORY_LIMIT = 100;

/** A thread as stored: its first comment, where it points, and how it was settled. */
export interface StoredThread extends CommentEntry {
  readonly docId: string;
  readonly blocking: boolean;
  readonly publicConsultation: boolean;
  /** The text as it was when the comment was made; never changes. */
  readonly quote: string;
  /** Where the thread points now (placed anew when its text moves). */
  readonly anchor: TextAnchor;
  /** Where it pointed before each move, oldest first: a frozen version predates the current positions. */
  readonly anchorHistory: readonly TextAnchor[];
  /** The article the text was in when last seen, for the record once the text is gone. */
  readonly articleKey: string | null;
  readonly status: 'open' | 'resolved';
  readonly resolution: Resolution | null;
}

interface ThreadRow {
  id: string;
  doc_id: string;
  author_id: string;
  author_name: string;
  created_at: string;
  text: string;
  blocking: number;
  public_consultation: number;
  quote: string;
  anchor: string;
  anchor_history: string;
  article_key: string | null;
  status: 'open' | 'resolved';
  outcome: Outcome | null;
  reason: string | null;
  resolved_by_id: string | null;
  resolved_by_name: string | null;
  resolved_at: string | null;
}

interface ReplyRow {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  created_at: string;
  text: string;
}

const toThread = (row: ThreadRow): StoredThread => ({
  id: row.id,
  docId: row.doc_id,
  author: { id: row.author_id, name: row.author_name },
  createdAt: row.created_at,
  text: row.text,
  blocking: row.blocking === 1,
  publicConsultation: row.public_consultation === 1,
  quote: row.quote,
  anchor: JSON.parse(row.anchor) as TextAnchor,
  anchorHistory: JSON.parse(row.anchor_history) as TextAnchor[],
  articleKey: row.article_key,
  status: row.status,
  resolution:
    row.status === 'resolved' && row.outcome
      ? { outcome: row.outcome, reason: row.reason ?? '', by: { id: row.resolved_by_id ?? '', name: row.resolved_by_name ?? '' }, at: row.resolved_at ?? '' }
      : null,
});

const toReply = (row: ReplyRow): CommentEntry & { threadId: string } => ({
  id: row.id,
  threadId: row.thread_id,
  author: { id: row.author_id, name: row.author_name },
  createdAt: row.created_at,
  text: row.text,
});

/** What a new thread stores. */
export interface NewThread {
  readonly id: string;
  readonly docId: string;
  readonly author: Person;
  readonly at: string;
  readonly text: string;
  readonly blocking: boolean;
  readonly publicConsultation: boolean;
  readonly quote: string;
  readonly anchor: TextAnchor;
  readonly articleKey: string | null;
}

/** SQLite storage of comment threads and replies; every method is one statement or one transaction. */
export interface CommentStore {
  threads(docId: string): StoredThread[];
  thread(docId: string, threadId: string): StoredThread | null;
  /** Replies of a document's threads, by thread id, oldest first. */
  replies(docId: string): Map<string, CommentEntry[]>;
  reply(replyId: string): (CommentEntry & { threadId: string }) | null;
  insertThread(thread: NewThread): void;
  insertReply(reply: { id: string; threadId: string; author: Person; at: string; text: string }): void;
  resolve(threadId: string, resolution: Resolution): void;
  reopen(threadId: string, by: Person, at: string, reason: string | null): void;
  /** Stores where a thread's text is now. */
  moveAnchor(threadId: string, anchor: TextAnchor, articleKey: string | null): void;
}

/** Creates the comment store on the workspace database. */
export function createCommentStore(db: Database): CommentStore {
  const threadsOf = db.prepare<[string], ThreadRow>('SELECT * FROM comment_threads WHERE doc_id = ? ORDER BY created_at, id');
  const threadById = db.prepare<[string, string], ThreadRow>('SELECT * FROM comment_threads WHERE doc_id = ? AND id = ?');
  const repliesOf = db.prepare<[string], ReplyRow>(
    'SELECT r.* FROM comment_replies r JOIN comment_threads t ON t.id = r.thread_id WHERE t.doc_id = ? ORDER BY r.created_at, r.id',
  );
  const replyById = db.prepare<[string], ReplyRow>('SELECT * FROM comment_replies WHERE id = ?');
  const insertThread = db.prepare(
    `INSERT INTO comment_threads (id, doc_id, author_id, author_name, created_at, text, blocking, public_consultation, quote, anchor, article_key, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
  );
  const insertReply = db.prepare('INSERT INTO comment_replies (id, thread_id, author_id, author_name, created_at, text) VALUES (?, ?, ?, ?, ?, ?)');
  const setResolved = db.prepare(
    "UPDATE comment_threads SET status = 'resolved', outcome = ?, reason = ?, resolved_by_id = ?, resolved_by_name = ?, resolved_at = ? WHERE id = ?",
  );
  const setOpen = db.prepare(
    "UPDATE comment_threads SET status = 'open', outcome = NULL, reason = NULL, resolved_by_id = NULL, resolved_by_name = NULL, resolved_at = NULL WHERE id = ?",
  );
  const logEvent = db.prepare('INSERT INTO comment_thread_events (thread_id, action, outcome, reason, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const setAnchor = db.prepare('UPDATE comment_threads SET anchor = ?, anchor_history = ?, article_key = ? WHERE id = ?');
  const anchorOf = db.prepare<[string], Pick<ThreadRow, 'anchor' | 'anchor_history'>>('SELECT anchor, anchor_history FROM comment_threads WHERE id = ?');

  return {
    threads: (docId) => threadsOf.all(docId).map(toThread),
    thread: (docId, threadId) => {
      const row = threadById.get(docId, threadId);
      return row ? toThread(row) : null;
    },
    replies(docId) {
      const out = new Map<string, CommentEntry[]>();
      for (const row of repliesOf.all(docId)) {
        const { threadId, ...entry } = toReply(row);
        out.set(threadId, [...(out.get(threadId) ?? []), entry]);
      }
      return out;
    },
    reply: (replyId) => {
      const row = replyById.get(replyId);
      return row ? toReply(row) : null;
    },
    insertThread: (t) =>
      void insertThread.run(t.id, t.docId, t.author.id, t.author.name, t.at, t.text, t.blocking ? 1 : 0, t.publicConsultation ? 1 : 0, t.quote, JSON.stringify(t.anchor), t.articleKey),
    insertReply: (r) => void insertReply.run(r.id, r.threadId, r.author.id, r.author.name, r.at, r.text),
    resolve: db.transaction((threadId: string, r: Resolution) => {
      setResolved.run(r.outcome, r.reason, r.by.id, r.by.name, r.at, threadId);
      logEvent.run(threadId, 'resolved', r.outcome, r.reason, r.by.id, r.by.name, r.at);
    }),
    reopen: db.transaction((threadId: string, by: Person, at: string, reason: string | null) => {
      setOpen.run(threadId);
      logEvent.run(threadId, 'reopened', null, reason, by.id, by.name, at);
    }),
    moveAnchor: db.transaction((threadId: string, anchor: TextAnchor, articleKey: string | null) => {
      const row = anchorOf.get(threadId);
      if (!row) return;
      const before = JSON.parse(row.anchor) as TextAnchor;
      let history = JSON.parse(row.anchor_history) as TextAnchor[];
      // Only new positions go into the history; a text that merely grew or shrank keeps its positions.
      if (before.block !== anchor.block || before.start !== anchor.start || before.end !== anchor.end) {
        history = [...history, before].slice(-ANCHOR_HISTORY_LIMIT);
      }
      setAnchor.run(JSON.stringify(anchor), JSON.stringify(history), articleKey, threadId);
    }),
  };
}
