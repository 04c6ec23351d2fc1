import type { DocStore } from '../../server/store/docStore';
import { DocRoom } from '../../server/sync/docRoom';
import type { LoopDelay } from '../lib/loopDelay';
import { summarize } from '../lib/stats';

/** Where the Sajaro server's time goes on the sync path, over a window. */
export interface RoomTimings {
  /** Client messages handled (an edit: check, store in SQLite, apply, broadcast). */
  readonly messages: number;
  readonly messageP50Ms: number;
  readonly messageP99Ms: number;
  readonly messageMaxMs: number;
  readonly compactions: number;
  readonly compactionMaxMs: number;
  readonly compactionTotalMs: number;
}

/** Keeps at most this many message samples per window, so a long run cannot grow without bound. */
const MAX_SAMPLES = 500_000;

/**
 * Times, inside the bench's server process, each client message a room handles and each compaction, by
 * wrapping `DocRoom.prototype.receive` and the workspace's `DocStore.compact` (the server's own code is
 * unchanged; the wrappers add two clock reads per call). `reset` starts a window, `read` reports it.
 */
export function timeRooms(store: DocStore): { reset(): void; read(): RoomTimings } {
  let messages: number[] = [];
  let compactions: number[] = [];
  const receive = DocRoom.prototype.receive;
  DocRoom.prototype.receive = function timedReceive(this: DocRoom, ...args: Parameters<DocRoom['receive']>): void {
    const start = performance.now();
    try {
      receive.apply(this, args);
    } finally {
      if (messages.length < MAX_SAMPLES) messages.push(performance.now() - start);
    }
  };
  const compact = store.compact.bind(store);
  // The workspace's closures call store.compact through the object, so replacing the property times every call.
  (store as { compact: DocStore['compact'] }).compact = (docId: string): void => {
    const start = performance.now();
    try {
      compact(docId);
    } finally {
      compactions.push(performance.now() - start);
    }
  };
  return {
    reset: () => {
      messages = [];
      compactions = [];
    },
    read: () => {
      const m = summarize(messages);
      return {
        messages: m.count,
        messageP50Ms: m.p50,
        messageP99Ms: m.p99,
        messageMaxMs: m.max,
        compactions: compactions.length,
        compactionMaxMs: compactions.length ? Math.max(...compactions) : 0,
        compactionTotalMs: compactions.reduce((a, b) => a + b, 0),
      };
    },
  };
}

/** What a bench server reports about itself: its event loop, and for Sajaro, its rooms. */
export interface ServerStats {
  readonly loop: LoopDelay;
  readonly rooms?: RoomTimings;
}

/** Two windows' room timings as one: counts and totals add up, percentiles and maxima take the worse. */
export function combineRoomTimings(a: RoomTimings | undefined, b: RoomTimings | undefined): RoomTimings | undefined {
  if (!a || !b) return a ?? b;
  return {
    messages: a.messages + b.messages,
    messageP50Ms: Math.max(a.messageP50Ms, b.messageP50Ms),
    messageP99Ms: Math.max(a.messageP99Ms, b.messageP99Ms),
    messageMaxMs: Math.max(a.messageMaxMs, b.messageMaxMs),
    compactions: a.compactions + b.compactions,
    compactionMaxMs: Math.max(a.compactionMaxMs, b.compactionMaxMs),
    compactionTotalMs: a.compactionTotalMs + b.compactionTotalMs,
  };
}
