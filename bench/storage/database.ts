import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import * as Y from 'yjs';
import type { DocStore } from '../../server/store/docStore';
import { median } from '../lib/stats';

/** Adds a document row (the updates table refers to it) and returns its id. */
export function addDocument(db: Database, id: string): string {
  const now = new Date().toISOString();
  db.prepare('INSERT INTO documents (id, title, language, municipality, template_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, id, 'ka', '', null, now, now);
  return id;
}

/** Appends updates one transaction at a time, as the sync path stores them, for a while; returns appends per second. */
export function appendRate(db: Database, store: DocStore, docId: string, updates: readonly Uint8Array[], durationMs: number, maxAppends: number): number {
  const append = db.transaction((update: Uint8Array) => store.append(docId, update));
  const start = performance.now();
  let n = 0;
  // Checking the clock every 100 appends keeps its cost out of the figure.
  while (n < maxAppends && (n % 100 !== 0 || performance.now() - start < durationMs)) {
    append(updates[n % updates.length] as Uint8Array);
    n += 1;
  }
  return n / ((performance.now() - start) / 1000);
}

/** A timed load: DocStore.load (read the rows, merge them) and applying the state to a fresh Y.Doc. */
export interface TimedLoad {
  readonly ms: number;
  readonly readMs: number;
  readonly bytes: number;
}

/** Times `repeats` loads of a document as the sync endpoint opens a room; returns the medians. */
export function timeLoads(db: Database, store: DocStore, docId: string, repeats: number): TimedLoad {
  const times: number[] = [];
  const reads: number[] = [];
  let bytes = 0;
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    const state = store.load(docId);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    times.push(performance.now() - start);
    bytes = state?.byteLength ?? 0;
    doc.destroy();
    reads.push(timeRead(db, docId));
  }
  return { ms: median(times), readMs: median(reads), bytes };
}

/**
 * Loads a document by applying its rows in order to one Y.Doc in one transaction and encoding the result:
 * the same state as DocStore.load, by another method, for comparison with Y.mergeUpdates.
 */
export function loadByApplying(db: Database, docId: string): { ms: number; state: Uint8Array } {
  const start = performance.now();
  const doc = new Y.Doc();
  const rows = readRows(db, docId);
  doc.transact(() => {
    for (const row of rows) Y.applyUpdate(doc, row);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { ms: performance.now() - start, state };
}

/** Replaces a document's rows with one row holding its state, as DocStore.compact stores it. */
export function replaceRows(db: Database, store: DocStore, docId: string, state: Uint8Array): void {
  db.transaction(() => {
    db.prepare('DELETE FROM doc_updates WHERE doc_id = ?').run(docId);
    store.append(docId, state);
  })();
}

function readRows(db: Database, docId: string): Uint8Array[] {
  // The DocStore's own query; reading without merging shows the SQLite share of a load.
  return db
    .prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq')
    .all(docId)
    .map((r) => new Uint8Array(r.data));
}

function timeRead(db: Database, docId: string): number {
  const start = performance.now();
  readRows(db, docId);
  return performance.now() - start;
}

/** Updates between two compactions on the server (SERVER_DEFAULTS.compactAfterUpdates). */
const SERVER_COMPACTION_ROWS = 500;

/**
 * What one compaction costs the server, which runs it on the sync path (blocking the event loop) each time a
 * document passes the threshold: a compacted state of 5 000 updates, then 500 new rows, compacted; five
 * times over, median.
 */
export function compactionAtThreshold(db: Database, store: DocStore, updates: readonly Uint8Array[]): number {
  const docId = addDocument(db, 'doc-compaction');
  const doc = new Y.Doc();
  for (let i = 0; i < 5_000; i += 1) Y.applyUpdate(doc, updates[i] as Uint8Array);
  store.append(docId, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  const times: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const from = 5_000 + round * SERVER_COMPACTION_ROWS;
    db.transaction(() => {
      for (let i = from; i < from + SERVER_COMPACTION_ROWS; i += 1) store.append(docId, updates[i % updates.length] as Uint8Array);
    })();
    const start = performance.now();
    store.compact(docId);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Moves the WAL into the database file, so file sizes compare. */
export function checkpoint(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** The database's bytes on disk: pages in use and free, plus the WAL. */
export function databaseBytes(db: Database): number {
  const size = (path: string): number => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  return size(db.name) + size(`${db.name}-wal`);
}
