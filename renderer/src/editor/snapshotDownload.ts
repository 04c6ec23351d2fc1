import { SNAPSHOT_DEFAULTS } from '../../../shared/sync/snapshotContract';

/** How far a download has come: bytes received of the snapshot's total (null until the first answer). */
export interface SnapshotProgress {
  readonly received: number;
  readonly total: number | null;
}

/** How a download ended: the complete update, or why the plain websocket path should open the act instead. */
export type SnapshotOutcome =
  | { readonly kind: 'complete'; readonly update: Uint8Array }
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'aborted' };

/** What a download needs; `fetch` is the global one unless a test passes another. */
export interface SnapshotRequest {
  /** The snapshot route's full URL, with `?sv=` for the local copy. */
  readonly url: string;
  readonly token: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SnapshotProgress) => void;
  /** Told each failed attempt (the line dropped, the server is away) before the pause and the retry. */
  readonly onFailure?: () => void;
  readonly chunkBytes?: number;
}

/** The download's patience, named once (CONVENTIONS.md). */
export const SNAPSHOT_DOWNLOAD_DEFAULTS = {
  firstRetryMs: 250,
  maxRetryMs: 4000,
  /** Network failures in a row without one byte gained before the websocket path is tried instead. */
  maxFailuresWithoutProgress: 8,
  /** New snapshots (the act changed and its old bytes left the server's cache) before giving up. */
  maxRestarts: 5,
  /**
   * A piece whose answer has not begun within this long counts as a failed attempt: a dead line (packets
   * dropped, nothing closed) never fails a fetch by itself, and the page would say "connecting" forever.
   * A 300 ms line answers in about a second.
   */
  answerTimeoutMs: 4000,
  /** A 64 KiB piece takes ~2 s at 256 kbit/s; one that has not arrived in this long is a dead line too. */
  pieceTimeoutMs: 20_000,
} as const;

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;
/** Statuses that say "try again later" rather than "this route is not for you". */
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Downloads an act's snapshot (issue 14) in Range requests of `chunkBytes`, each pinned to the first answer's
 * ETag with If-Range, so a link that drops every few seconds loses at most the chunk in flight: what arrived
 * is kept in memory and the next attempt asks for the rest, after a growing pause. A refusal that is not the
 * network's (401, 403, 404, 400) ends it as `unavailable`, and the caller opens the act the plain way.
 */
export async function downloadSnapshot(request: SnapshotRequest): Promise<SnapshotOutcome> {
  const chunk = request.chunkBytes ?? SNAPSHOT_DEFAULTS.chunkBytes;
  let parts: Uint8Array[] = [];
  let received = 0;
  let total: number | null = null;
  let etag: string | null = null;
  let failures = 0;
  let restarts = 0;
  let pause: number = SNAPSHOT_DOWNLOAD_DEFAULTS.firstRetryMs;
  const restart = (newTag: string | null): void => {
    parts = [];
    received = 0;
    total = null;
    etag = newTag;
    restarts += 1;
  };

  while (total === null || received < total) {
    if (request.signal?.aborted) return { kind: 'aborted' };
    if (restarts > SNAPSHOT_DOWNLOAD_DEFAULTS.maxRestarts) return { kind: 'unavailable', reason: `the act changed ${restarts} times during the download` };
    try {
      const headers: Record<string, string> = { Authorization: `Bearer ${request.token}`, Range: `bytes=${received}-${received + chunk - 1}` };
      if (etag) headers['If-Range'] = etag;
      const piece = new AbortController();
      const stop = () => piece.abort();
      request.signal?.addEventListener('abort', stop);
      let timer = setTimeout(stop, SNAPSHOT_DOWNLOAD_DEFAULTS.answerTimeoutMs);
      const done = () => {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', stop);
      };
      let response: Response;
      try {
        response = await fetch(request.url, { headers, signal: piece.signal, cache: 'no-store' });
      } catch (error) {
        done();
        throw error;
      }
      clearTimeout(timer);
      timer = setTimeout(stop, SNAPSHOT_DOWNLOAD_DEFAULTS.pieceTimeoutMs);
      if (response.status === 206) {
        const range = CONTENT_RANGE.exec(response.headers.get('content-range') ?? '');
        const tag = response.headers.get('etag');
        if (!range || Number(range[1]) !== received || (etag !== null && tag !== etag)) {
          done();
          await response.body?.cancel();
          restart(null);
          continue;
        }
        const bytes = new Uint8Array(await response.arrayBuffer().finally(done));
        etag = tag;
        total = Number(range[3]);
        parts.push(bytes);
        received += bytes.length;
      } else if (response.status === 200) {
        done();
        // If-Range did not match: these are other bytes. Start over on them, in ranges again, rather than
        // risk one long body on a line that drops.
        await response.body?.cancel();
        restart(response.headers.get('etag'));
        continue;
      } else if (response.status === 416 && total !== null && received >= total) {
        done();
        break;
      } else if (RETRYABLE.has(response.status)) {
        done();
        await response.body?.cancel();
        throw new Error(`status ${response.status}`);
      } else {
        done();
        await response.body?.cancel();
        return { kind: 'unavailable', reason: `the snapshot route answered ${response.status}` };
      }
      failures = 0;
      pause = SNAPSHOT_DOWNLOAD_DEFAULTS.firstRetryMs;
      request.onProgress?.({ received, total });
    } catch (error) {
      if (request.signal?.aborted) return { kind: 'aborted' };
      failures += 1;
      request.onFailure?.();
      if (failures > SNAPSHOT_DOWNLOAD_DEFAULTS.maxFailuresWithoutProgress) return { kind: 'unavailable', reason: `the network failed ${failures} times in a row (${(error as Error).message})` };
      await sleep(pause, request.signal);
      pause = Math.min(pause * 2, SNAPSHOT_DOWNLOAD_DEFAULTS.maxRetryMs);
    }
  }
  return { kind: 'complete', update: concat(parts, received) };
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const whole = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
