import type { DocStore } from './docStore';

/**
 * Decides when a document's update rows are merged. It counts rows in memory (no COUNT(*) per keystroke) and
 * runs the merge on a later turn of the event loop, after the update that crossed the threshold has been
 * broadcast, so many documents crossing it together do not stall everyone's edits (bench/ANALYSIS.md).
 */
export interface CompactionScheduler {
  /** Notes one appended row; schedules a merge once the document has more rows than the threshold. */
  appended(docId: string): void;
  /** Merges now (the last client left); the count starts again from one row. */
  compactNow(docId: string): void;
  /** Cancels pending merges (shutdown). */
  close(): void;
}

/** A scheduler over a DocStore with a row threshold. */
export function createCompactionScheduler(store: DocStore, threshold: number, log: (line: string) => void): CompactionScheduler {
  const rows = new Map<string, number>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const compact = (docId: string) => {
    pending.delete(docId);
    try {
      store.compact(docId);
      rows.set(docId, store.count(docId));
    } catch (error) {
      log(`[store] compaction of ${docId} failed, its rows are kept: ${(error as Error).message}`);
    }
  };
  return {
    appended(docId) {
      const count = rows.has(docId) ? rows.get(docId)! + 1 : store.count(docId);
      rows.set(docId, count);
      if (count > threshold && !pending.has(docId)) pending.set(docId, setTimeout(() => compact(docId), 0));
    },
    compactNow(docId) {
      clearTimeout(pending.get(docId));
      compact(docId);
    },
    close() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
