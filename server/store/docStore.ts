import type { Database } from 'better-sqlite3';
import * as Y from 'yjs';

/**
 * Where document updates live: the shape of y-redis's storage and Hocuspocus's fetch/store, so a
 * PostgreSQL store can replace SQLite where a deployment outgrows one machine (DESIGN.md).
 */
export interface DocStore {
  /** The document's whole state as one update, or null when nothing is stored. */
  load(docId: string): Uint8Array | null;
  /** Appends one update durably. Callers run it inside their transaction. */
  append(docId: string, update: Uint8Array): void;
  /** Merges all stored updates of a document into one row, in one transaction. */
  compact(docId: string): void;
  /** How many update rows the document has. */
  count(docId: string): number;
}

/** The tables that hold Yjs updates: the acts' texts, and their explanatory notes (issue 13). */
export type UpdateTable = 'doc_updates' | 'note_updates';

/** A DocStore on SQLite: one row per update, merged by compaction. */
export function createSqliteDocStore(db: Database, table: UpdateTable = 'doc_updates'): DocStore {
  const selectUpdates = db.prepare<[string], { data: Buffer }>(`SELECT data FROM ${table} WHERE doc_id = ? ORDER BY seq`);
  const insert = db.prepare<[string, Buffer]>(`INSERT INTO ${table} (doc_id, data) VALUES (?, ?)`);
  const remove = db.prepare<[string]>(`DELETE FROM ${table} WHERE doc_id = ?`);
  const countRows = db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE doc_id = ?`);

  const load = (docId: string): Uint8Array | null => {
    const rows = selectUpdates.all(docId);
    if (rows.length === 0) return null;
    if (rows.length === 1) return new Uint8Array(rows[0]!.data);
    // Applying the rows in order to one doc is linear; Y.mergeUpdates grows faster than quadratically with
    // the number of rows (100 000 rows: 1.1 s against more than 30 s, bench/ANALYSIS.md).
    const doc = new Y.Doc({ gc: false });
    try {
      doc.transact(() => {
        for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
      });
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  };

  return {
    load,
    append(docId, update) {
      insert.run(docId, Buffer.from(update));
    },
    compact: db.transaction((docId: string) => {
      const merged = load(docId);
      if (!merged) return;
      remove.run(docId);
      insert.run(docId, Buffer.from(merged));
    }),
    count(docId) {
      return countRows.get(docId)?.n ?? 0;
    },
  };
}
