import { invariant } from '../../shared/parsed';

/** What one counted event amounts to: whether it is within the limit, and when its window ends. */
export interface RateVerdict {
  readonly allowed: boolean;
  /** Events counted for the key (or for the shared overflow bucket) in the current window, this one included. */
  readonly count: number;
  /** Milliseconds until the window ends and the count starts again. */
  readonly retryAfterMs: number;
  /** True when the key had no place of its own and was counted in the shared overflow bucket. */
  readonly overflow: boolean;
}

/** How a {@link RateWindows} table counts. */
export interface RateWindowOptions {
  /** Events allowed per key per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Keys tracked at most; keys beyond it share one overflow bucket. */
  readonly maxKeys: number;
  /** A monotonic clock in milliseconds; `performance.now` unless a test passes its own. */
  readonly now?: () => number;
}

/** A fixed-window counter per key (an address, a member id) with a bounded table. */
export interface RateWindows {
  /** Counts one event of `key` and says whether it is within the limit. */
  hit(key: string): RateVerdict;
  /** Keys with a place of their own in the table (the overflow bucket not counted). */
  readonly size: number;
}

interface Window {
  start: number;
  count: number;
}

/**
 * Creates a bounded table of fixed windows. The table never drops a key whose window is still running, so
 * nobody can reset another key's count by filling the table with many keys of their own (the old limiter
 * cleared the whole table at 10 000 addresses, which let an attacker with that many addresses start again).
 * Only keys whose window has ended give up their place; when the table is full of running windows, unknown
 * keys are counted together in one overflow bucket with the same limit, so a flood of new keys limits itself.
 */
export function createRateWindows(options: RateWindowOptions): RateWindows {
  const { limit, windowMs, maxKeys } = options;
  invariant(limit >= 0 && windowMs > 0 && maxKeys > 0, 'Expected a limit >= 0, a window > 0 ms and room for at least one key');
  const now = options.now ?? (() => performance.now());
  // Map keeps insertion order, and a key is (re)inserted when its window starts: the oldest windows come
  // first, so the ended ones are found at the front without a scan of the whole table.
  const windows = new Map<string, Window>();
  let overflow: Window = { start: -Infinity, count: 0 };

  const ended = (window: Window, at: number): boolean => at - window.start >= windowMs;

  const dropEnded = (at: number): void => {
    for (const [key, window] of windows) {
      if (!ended(window, at)) break;
      windows.delete(key);
    }
  };

  const verdict = (window: Window, at: number, isOverflow: boolean): RateVerdict => ({
    allowed: window.count <= limit,
    count: window.count,
    retryAfterMs: Math.max(0, window.start + windowMs - at),
    overflow: isOverflow,
  });

  return {
    hit(key) {
      const at = now();
      let window = windows.get(key);
      if (window && ended(window, at)) {
        windows.delete(key);
        window = undefined;
      }
      if (!window) {
        if (windows.size >= maxKeys) dropEnded(at);
        if (windows.size >= maxKeys) {
          if (ended(overflow, at)) overflow = { start: at, count: 0 };
          overflow.count += 1;
          return verdict(overflow, at, true);
        }
        window = { start: at, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return verdict(window, at, false);
    },
    get size() {
      return windows.size;
    },
  };
}
