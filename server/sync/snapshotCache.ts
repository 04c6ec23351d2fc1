import { createHash } from 'node:crypto';

/** One built snapshot: the update bytes for an act, for one audience (with or without deleted text). */
export interface Snapshot {
  /** The content hash of the bytes, the route's ETag: the same bytes always have the same id. */
  readonly id: string;
  readonly docId: string;
  /** Whether the bytes may carry deleted text (sync's history rule), so an id is never served across it. */
  readonly withHistory: boolean;
  readonly bytes: Uint8Array;
}

/** The cache's bounds. */
export interface SnapshotCacheLimits {
  /** How long a snapshot stays after its last use, for a client resuming a download. */
  readonly ttlMs: number;
  /** All cached bytes together; the least recently used go first beyond it. */
  readonly maxBytes: number;
}

/** Defaults: a few minutes of resuming, and a few 40-page acts (about 0.5 MB each) at once. */
export const SNAPSHOT_CACHE_DEFAULTS: SnapshotCacheLimits = { ttlMs: 5 * 60_000, maxBytes: 32 * 1024 * 1024 };

/**
 * Recently built snapshots by id, so a resumed Range request (`If-Range: <id>`) gets the same bytes even when
 * the act changed in between: the websocket sync that follows brings the rest. Bounded by age and bytes.
 */
export class SnapshotCache {
  // A Map keeps insertion order: re-inserting on use makes the first entry the least recently used.
  private readonly entries = new Map<string, { snapshot: Snapshot; usedAt: number }>();
  private bytes = 0;

  constructor(
    private readonly limits: SnapshotCacheLimits = SNAPSHOT_CACHE_DEFAULTS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps freshly built bytes and returns their snapshot (the cached one when the same bytes are there). */
  put(docId: string, withHistory: boolean, bytes: Uint8Array): Snapshot {
    const id = createHash('sha256').update(bytes).update(withHistory ? 'history' : 'visible').digest('base64url').slice(0, 32);
    const existing = this.get(id, docId, withHistory);
    if (existing) return existing;
    const snapshot: Snapshot = { id, docId, withHistory, bytes };
    // A snapshot larger than the whole budget is served once and not kept: resuming it rebuilds it.
    if (bytes.length > this.limits.maxBytes) return snapshot;
    this.entries.set(id, { snapshot, usedAt: this.now() });
    this.bytes += bytes.length;
    this.evict();
    return snapshot;
  }

  /** The cached snapshot with this id, if it is this act's and for this audience, and still fresh. */
  get(id: string, docId: string, withHistory: boolean): Snapshot | null {
    this.evict();
    const entry = this.entries.get(id);
    if (!entry || entry.snapshot.docId !== docId || entry.snapshot.withHistory !== withHistory) return null;
    this.entries.delete(id);
    this.entries.set(id, { snapshot: entry.snapshot, usedAt: this.now() });
    return entry.snapshot;
  }

  /** Bytes held now (for tests and the bench). */
  get heldBytes(): number {
    return this.bytes;
  }

  private evict(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (this.bytes <= this.limits.maxBytes && now - entry.usedAt <= this.limits.ttlMs) break;
      this.entries.delete(id);
      this.bytes -= entry.snapshot.bytes.length;
    }
  }
}
