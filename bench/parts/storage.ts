import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/openDatabase';
import { createSqliteDocStore } from '../../server/store/docStore';
import { spawnTsChild } from '../lib/children';
import { processMeter } from '../lib/procStats';
import type { PartContext } from '../lib/context';
import { GOALS, recorder, type PartOutput, type Recorder } from '../lib/figures';
import { addDocument, appendRate, checkpoint, compactionAtThreshold, databaseBytes, loadByApplying, replaceRows, timeLoads, type TimedLoad } from '../storage/database';
import { typedUpdates } from '../storage/typedUpdates';

/** How long and how much; --quick shrinks both. */
const SIZE = {
  full: { appendMs: 5_000, fullSyncMs: 2_000, maxAppends: 1_000_000, loadRows: 100_000, smallRows: 10_000, loadRepeats: 3, mergeLimitMs: 30_000 },
  quick: { appendMs: 1_000, fullSyncMs: 500, maxAppends: 200_000, loadRows: 3_000, smallRows: 1_000, loadRepeats: 1, mergeLimitMs: 8_000 },
} as const;

type Size = (typeof SIZE)[keyof typeof SIZE];

const rowsText = (n: number): string => n.toLocaleString('en-US').replace(/,/g, ' ');

/**
 * Part 2, storage: the server's SQLite DocStore on a file in the temp folder (the same disk as workspaces),
 * opened as the server opens it (WAL, synchronous=NORMAL). Appends go one transaction per update, as the sync
 * path stores each update before broadcasting it; loads are what opening a room does.
 */
export async function runStoragePart(context: PartContext): Promise<PartOutput> {
  const size = context.quick ? SIZE.quick : SIZE.full;
  const out = recorder('storage');
  const dir = mkdtempSync(join(tmpdir(), 'sajaro-bench-storage-'));
  const file = join(dir, 'workspace.sqlite');
  const db = openDatabase(file);
  try {
    const store = createSqliteDocStore(db);
    const updates = typedUpdates(Math.max(size.loadRows, 50_000), context.seed);
    const meanBytes = updates.reduce((sum, u) => sum + u.byteLength, 0) / updates.length;
    out.figure('updateBytes', 'mean size of a typed update', meanBytes, 'bytes');

    context.log('[storage] durable appends');
    const meter = processMeter(process.pid);
    const normal = appendRate(db, store, addDocument(db, 'doc-appends-normal'), updates, size.appendMs, size.maxAppends);
    const used = meter.stop();
    out.figure('appendsPerSecond', 'durable appends (one transaction each, synchronous=NORMAL)', normal, '/s', { goal: GOALS.storageAppends });
    out.figure('appendsPerCpuSecond', '… per CPU second the bench used (what one free core would do)', (normal * (size.appendMs / 1000)) / used.cpuSeconds, '/s');
    out.figure('appendsRunQueueWait', '… meanwhile the bench waited for a CPU (run-queue delay)', (1000 * used.runQueueWaitSeconds) / (size.appendMs / 1000), 'ms/s');
    db.pragma('synchronous = FULL');
    const full = appendRate(db, store, addDocument(db, 'doc-appends-full'), updates, size.fullSyncMs, size.maxAppends);
    db.pragma('synchronous = NORMAL');
    out.figure('appendsPerSecondFull', 'appends with synchronous=FULL (fsync per commit, survives power loss)', full, '/s');

    context.log(`[storage] loads of ${rowsText(size.smallRows)} and ${rowsText(size.loadRows)} update rows`);
    const small = addDocument(db, 'doc-load-small');
    const large = addDocument(db, 'doc-load');
    db.transaction(() => {
      for (let i = 0; i < size.smallRows; i += 1) store.append(small, updates[i] as Uint8Array);
      for (let i = 0; i < size.loadRows; i += 1) store.append(large, updates[i] as Uint8Array);
    })();
    checkpoint(db);
    const sizeBefore = databaseBytes(db);
    out.figure('loadSmall', `load a document from ${rowsText(size.smallRows)} update rows`, timeLoads(db, store, small, 1).ms, 'ms');

    const loaded = await inChild<TimedLoad>(file, 'load', large, size.mergeLimitMs);
    out.figure('loadRows', `load a document from ${rowsText(size.loadRows)} update rows (DocStore.load)`, loaded?.ms, 'ms', {
      ...(loaded ? {} : { note: `did not finish within ${size.mergeLimitMs / 1000} s` }),
    });
    if (loaded) out.figure('loadRowsRead', '… of which reading the rows', loaded.readMs, 'ms');
    const applied = loadByApplying(db, large);
    out.figure('loadRowsApplying', `the same ${rowsText(size.loadRows)} rows applied in order to one Y.Doc instead of Y.mergeUpdates`, applied.ms, 'ms');

    out.figure('compactAtThreshold', 'compaction at the server threshold: 500 new rows onto a compacted state (median of 5)', compactionAtThreshold(db, store, updates), 'ms');

    const compactMs = await inChild<number>(file, 'compact', large, size.mergeLimitMs);
    out.figure('compact', `compaction of the ${rowsText(size.loadRows)} rows into one (DocStore.compact)`, compactMs, 'ms', {
      ...(compactMs === null ? { note: `did not finish within ${size.mergeLimitMs / 1000} s` } : {}),
    });
    // When DocStore.compact cannot finish, the same state is stored as one row by the applying method.
    if (compactMs === null) replaceRows(db, store, large, applied.state);
    const compacted = timeLoads(db, store, large, size.loadRepeats * 3);
    out.figure('loadCompacted', 'load the same document after compaction', compacted.ms, 'ms', { goal: GOALS.storageLoadCompacted });
    out.figure('stateBytes', 'its compacted state', compacted.bytes / 1024, 'KiB');

    checkpoint(db);
    const sizeAfter = databaseBytes(db);
    db.exec('VACUUM');
    checkpoint(db);
    out.figure('dbBefore', 'database file before compaction', sizeBefore / 2 ** 20, 'MiB');
    out.figure('dbAfter', 'database file after compaction (freed pages kept for reuse)', sizeAfter / 2 ** 20, 'MiB');
    out.figure('dbAfterVacuum', 'database file after compaction and VACUUM', databaseBytes(db) / 2 ** 20, 'MiB');
    notes(out, size, meanBytes, loaded === null || compactMs === null);
    return out.output();
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a load or a compaction in a child process; null when it did not finish within the limit. */
async function inChild<T>(file: string, task: 'load' | 'compact', docId: string, limitMs: number): Promise<T | null> {
  const child = spawnTsChild(`storage-${task}`, 'bench/storage/storageChild.ts', [file]);
  try {
    await child.next('ready', 30_000);
    return await child.request<T>(task, { docId }, limitMs);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Timed out')) return null;
    throw error;
  } finally {
    await child.stop();
  }
}

function notes(out: Recorder, size: Size, meanBytes: number, gaveUp: boolean): void {
  out.note(
    `Updates: real Yjs updates of one member typing, one Georgian character (a keystroke) per update (mean ${meanBytes.toFixed(1)} bytes), generated from the seed. ` +
      'Durable means committed to the WAL with synchronous=NORMAL, as the server runs: it survives a crash of the server process, and a power loss up to the last checkpoint; synchronous=FULL is shown beside it.',
  );
  out.note(
    'A load is DocStore.load (read the rows in order, Y.mergeUpdates) plus applying the result to a fresh Y.Doc, as the sync endpoint opens a room; loads and compactions of the large document run in a child process with a time limit. ' +
      'Sizes are of the database file plus its WAL after a checkpoint, with the rows of the append runs (two other documents) included.',
  );
  if (gaveUp) {
    out.note(
      `DocStore.load and DocStore.compact call Y.mergeUpdates on all the rows at once, which grows faster than quadratically with their number (compare the ${rowsText(size.smallRows)}-row load above; on this machine 2 500 rows took about 0.13 s, 5 000 0.35 s, 10 000 1.1 s and 20 000 12 s), ` +
        `so ${rowsText(size.loadRows)} rows did not finish within ${size.mergeLimitMs / 1000} s; applying the same rows in order to one Y.Doc took the time shown. ` +
        'The compacted document was then stored as one row with the state so obtained (the same content DocStore.compact would store). The server compacts every 500 updates, so this bites only a store whose compaction failed or was skipped.',
    );
  }
}
