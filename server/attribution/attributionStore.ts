import type { Database } from 'better-sqlite3';
import { invariant } from '../../shared/parsed';
import { RangeIndex } from './rangeIndex';
import { editOfUpdate, type IdRange, type TextEdit } from './textEdit';

/** The member id under which text written by the server itself is recorded (the seed of a new act). */
export const SYSTEM_MEMBER = 'system';

/** Everything recorded about who wrote a document's text: owners of client ids, and every edit's ranges. */
export interface AttributionHistory {
  /** The member that first wrote under a client id, or null. */
  ownerOf(client: number): string | null;
  /** Who inserted each id, and when. */
  readonly inserted: RangeIndex;
  /** Who deleted each id, and when. */
  readonly deleted: RangeIndex;
}

/** A member's last visit of an act: when, and the Yjs snapshot (state vector and delete set) of that moment. */
export interface Visit {
  readonly at: string;
  readonly snapshot: Uint8Array;
}

/**
 * The record behind "who changed what" (issue 12), in SQLite: which member first wrote under each Yjs client
 * id of a document, what every applied update inserted and deleted and who sent it, and each member's last
 * visit. Writes run inside the caller's transaction, the one that stores the update.
 */
export interface AttributionStore {
  /**
   * The first of `writers` that another member owns, with its owner, or null when the member may write
   * under all of them (they are theirs, or nobody's yet).
   */
  foreignWriter(docId: string, memberId: string, writers: readonly number[]): { readonly client: number; readonly ownerId: string } | null;
  /**
   * Records an applied update: claims its new client ids for the member and stores what it inserted and
   * deleted. Must run inside the transaction that stores the update; throws outside one, and throws (so
   * the update rolls back) when a client id belongs to another member.
   */
  record(docId: string, memberId: string, writers: readonly number[], edit: TextEdit, at: string): void;
  /**
   * Records a change the server wrote itself without a live room (the seed of a new act, or a suggestion
   * accepted straight into the store), as `memberId` ('system' or the deciding member): every struct of
   * the update is counted as inserted by them, every range of its delete set as deleted by them. Inside
   * the transaction that stores the update. For a live room use `DocRoom.applyServerUpdate`, which
   * records exactly what the update changed.
   */
  recordServerEdit(docId: string, update: Uint8Array, memberId: string, at?: string): void;
  /** Everything recorded for a document, for reading changes back. */
  history(docId: string): AttributionHistory;
  /** Remembers a member's visit of an act (one per member per act, the newest). */
  recordVisit(docId: string, memberId: string, snapshot: Uint8Array, at: string): void;
  lastVisit(docId: string, memberId: string): Visit | null;
}

type RangeRow = [number, number, number];

const toJson = (ranges: readonly IdRange[]): string => JSON.stringify(ranges.map((r): RangeRow => [r.client, r.clock, r.len]));
const fromJson = (json: string): IdRange[] => (JSON.parse(json) as RangeRow[]).map(([client, clock, len]) => ({ client, clock, len }));

/** The attribution record on SQLite (tables `yjs_clients`, `text_edits`, `doc_visits`). */
export function createAttributionStore(db: Database): AttributionStore {
  const ownerRow = db.prepare<[string, number], { member_id: string }>('SELECT member_id FROM yjs_clients WHERE doc_id = ? AND client_id = ?');
  const claim = db.prepare<[string, number, string, string]>('INSERT INTO yjs_clients (doc_id, client_id, member_id, first_at) VALUES (?, ?, ?, ?)');
  const owners = db.prepare<[string], { client_id: number; member_id: string }>('SELECT client_id, member_id FROM yjs_clients WHERE doc_id = ?');
  const insertEdit = db.prepare<[string, string, string, string, string]>('INSERT INTO text_edits (doc_id, member_id, at, inserted, deleted) VALUES (?, ?, ?, ?, ?)');
  const edits = db.prepare<[string], { member_id: string; at: string; inserted: string; deleted: string }>('SELECT member_id, at, inserted, deleted FROM text_edits WHERE doc_id = ? ORDER BY seq');
  const upsertVisit = db.prepare<[string, string, string, Buffer]>(
    'INSERT INTO doc_visits (doc_id, member_id, at, snapshot) VALUES (?, ?, ?, ?) ON CONFLICT (doc_id, member_id) DO UPDATE SET at = excluded.at, snapshot = excluded.snapshot',
  );
  const visitRow = db.prepare<[string, string], { at: string; snapshot: Buffer }>('SELECT at, snapshot FROM doc_visits WHERE doc_id = ? AND member_id = ?');

  const store: AttributionStore = {
    foreignWriter(docId, memberId, writers) {
      for (const client of writers) {
        const owner = ownerRow.get(docId, client)?.member_id;
        if (owner !== undefined && owner !== memberId) return { client, ownerId: owner };
      }
      return null;
    },
    record(docId, memberId, writers, edit, at) {
      invariant(db.inTransaction, 'Expected attribution to be recorded inside the transaction that stores the update');
      for (const client of writers) {
        const owner = ownerRow.get(docId, client)?.member_id;
        invariant(owner === undefined || owner === memberId, `Expected client ${client} of ${docId} to be free or ${memberId}'s, but ${owner} owns it`);
        // Most updates come under an id the member already holds: only a new id costs a write.
        if (owner === undefined) claim.run(docId, client, memberId, at);
      }
      if (edit.inserted.length || edit.deleted.length) insertEdit.run(docId, memberId, at, toJson(edit.inserted), toJson(edit.deleted));
    },
    recordServerEdit(docId, update, memberId, at = new Date().toISOString()) {
      const { writers, ...edit } = editOfUpdate(update);
      store.record(docId, memberId, writers, edit, at);
    },
    history(docId) {
      const owner = new Map(owners.all(docId).map((row) => [row.client_id, row.member_id]));
      const inserted = new RangeIndex();
      const deleted = new RangeIndex();
      for (const row of edits.all(docId)) {
        const author = { memberId: row.member_id, at: row.at };
        inserted.add(fromJson(row.inserted), author);
        deleted.add(fromJson(row.deleted), author);
      }
      return { ownerOf: (client) => owner.get(client) ?? null, inserted, deleted };
    },
    recordVisit(docId, memberId, snapshot, at) {
      upsertVisit.run(docId, memberId, at, Buffer.from(snapshot));
    },
    lastVisit(docId, memberId) {
      const row = visitRow.get(docId, memberId);
      return row ? { at: row.at, snapshot: new Uint8Array(row.snapshot) } : null;
    },
  };
  return store;
}
