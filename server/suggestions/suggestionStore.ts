import type { Database } from 'better-sqlite3';
import type { Person } from '../../shared/api/review';
import type { NewBlockSpec } from '../../shared/api/suggestions';
import type { SpanRef } from '../../shared/review/suggestionSpan';
import type { AppliedChange } from './applySuggestion';

/** A suggestion as stored: what was asked, where its quote stands, and its current decision. */
export interface StoredSuggestion {
  readonly id: string;
  readonly docId: string;
  readonly author: Person;
  readonly createdAt: string;
  readonly blockKey: string;
  readonly articleKey: string | null;
  readonly quote: string;
  readonly text: string;
  readonly newBlocks: readonly (NewBlockSpec | null)[];
  readonly note: string | null;
  readonly publicConsultation: boolean;
  /** Where the quote stands (placed anew when its text moves). */
  readonly position: SpanRef;
  /** Canonical JSON of the request, to tell a retry from another request with the same id. */
  readonly request: string;
  readonly status: 'open' | 'accepted' | 'rejected';
  readonly decision: Decision | null;
  /** Where an accepted change stands in the text, for undo. */
  readonly applied: AppliedChange | null;
}

/** Who decided, when, and why. */
export interface Decision {
  readonly by: Person;
  readonly at: string;
  readonly reason: string | null;
}

interface SuggestionRow {
  id: string;
  doc_id: string;
  author_id: string;
  author_name: string;
  created_at: string;
  block_key: string;
  article_key: string | null;
  quote: string;
  text: string;
  new_blocks: string;
  note: string | null;
  public_consultation: number;
  position: string;
  request: string;
  status: 'open' | 'accepted' | 'rejected';
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  reason: string | null;
  applied: string | null;
}

const toSuggestion = (row: SuggestionRow): StoredSuggestion => ({
  id: row.id,
  docId: row.doc_id,
  author: { id: row.author_id, name: row.author_name },
  createdAt: row.created_at,
  blockKey: row.block_key,
  articleKey: row.article_key,
  quote: row.quote,
  text: row.text,
  newBlocks: JSON.parse(row.new_blocks) as (NewBlockSpec | null)[],
  note: row.note,
  publicConsultation: row.public_consultation === 1,
  position: JSON.parse(row.position) as SpanRef,
  request: row.request,
  status: row.status,
  decision:
    row.status !== 'open' && row.decided_by_id
      ? { by: { id: row.decided_by_id, name: row.decided_by_name ?? '' }, at: row.decided_at ?? '', reason: row.reason }
      : null,
  applied: row.applied ? (JSON.parse(row.applied) as AppliedChange) : null,
});

/** What a new suggestion stores. */
export type NewStoredSuggestion = Omit<StoredSuggestion, 'status' | 'decision' | 'applied'>;

/**
 * SQLite storage of suggestions. The methods are single statements or small transactions; the service runs
 * each action's writes, its audit entry and its text update in one outer transaction.
 */
export interface SuggestionStore {
  list(docId: string): StoredSuggestion[];
  get(docId: string, id: string): StoredSuggestion | null;
  /** A suggestion by id in any document: client ids must not collide across acts either. */
  byId(id: string): StoredSuggestion | null;
  insert(suggestion: NewStoredSuggestion): void;
  decide(id: string, status: 'accepted' | 'rejected', decision: Decision, applied: AppliedChange | null, clientId: number | null): void;
  /** Makes a decided suggestion open again, with the position its quote stands at now. */
  reopen(id: string, by: Person, at: string, position: SpanRef, clientId: number | null): void;
  /** Stores where an open suggestion's quote is now. */
  move(id: string, position: SpanRef, blockKey: string, articleKey: string | null): void;
}

/** Creates the suggestion store on the workspace database. */
export function createSuggestionStore(db: Database): SuggestionStore {
  const listOf = db.prepare<[string], SuggestionRow>('SELECT * FROM suggestions WHERE doc_id = ? ORDER BY created_at, id');
  const getOne = db.prepare<[string, string], SuggestionRow>('SELECT * FROM suggestions WHERE doc_id = ? AND id = ?');
  const getAny = db.prepare<[string], SuggestionRow>('SELECT * FROM suggestions WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO suggestions (id, doc_id, author_id, author_name, created_at, block_key, article_key, quote, text, new_blocks, note, public_consultation, position, request, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
  );
  const setDecided = db.prepare(
    'UPDATE suggestions SET status = ?, decided_by_id = ?, decided_by_name = ?, decided_at = ?, reason = ?, applied = ? WHERE id = ?',
  );
  const setOpen = db.prepare(
    "UPDATE suggestions SET status = 'open', decided_by_id = NULL, decided_by_name = NULL, decided_at = NULL, reason = NULL, applied = NULL, position = ? WHERE id = ?",
  );
  const setPosition = db.prepare('UPDATE suggestions SET position = ?, block_key = ?, article_key = ? WHERE id = ?');
  const logEvent = db.prepare('INSERT INTO suggestion_events (suggestion_id, action, reason, by_id, by_name, at, client_id) VALUES (?, ?, ?, ?, ?, ?, ?)');

  return {
    list: (docId) => listOf.all(docId).map(toSuggestion),
    get: (docId, id) => {
      const row = getOne.get(docId, id);
      return row ? toSuggestion(row) : null;
    },
    byId: (id) => {
      const row = getAny.get(id);
      return row ? toSuggestion(row) : null;
    },
    insert: db.transaction((s: NewStoredSuggestion) => {
      insert.run(s.id, s.docId, s.author.id, s.author.name, s.createdAt, s.blockKey, s.articleKey, s.quote, s.text, JSON.stringify(s.newBlocks), s.note, s.publicConsultation ? 1 : 0, JSON.stringify(s.position), s.request);
      logEvent.run(s.id, 'created', null, s.author.id, s.author.name, s.createdAt, null);
    }),
    decide: db.transaction((id: string, status: 'accepted' | 'rejected', d: Decision, applied: AppliedChange | null, clientId: number | null) => {
      setDecided.run(status, d.by.id, d.by.name, d.at, d.reason, applied ? JSON.stringify(applied) : null, id);
      logEvent.run(id, status, d.reason, d.by.id, d.by.name, d.at, clientId);
    }),
    reopen: db.transaction((id: string, by: Person, at: string, position: SpanRef, clientId: number | null) => {
      setOpen.run(JSON.stringify(position), id);
      logEvent.run(id, 'undone', null, by.id, by.name, at, clientId);
    }),
    move: (id, position, blockKey, articleKey) => void setPosition.run(JSON.stringify(position), blockKey, articleKey, id),
  };
}
