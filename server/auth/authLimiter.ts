import { apiError, type ApiErrorBody } from '../../shared/api/errors';
import { createRateWindows, type RateWindows } from './rateWindows';

/** How many of each thing a minute (issue 11, point 7); SERVER_DEFAULTS names the defaults. */
export interface AccessLimitOptions {
  /** Rejected tokens (missing or invalid) per address, counted over the API and the sync endpoint together. */
  readonly failedAuthPerMinute: number;
  /** Authenticated API requests per member. */
  readonly apiRequestsPerMinute: number;
  /** Sync connection attempts per member. */
  readonly syncConnectionsPerMinute: number;
  /** Addresses (and members) tracked at most per table; those beyond share one overflow bucket. */
  readonly maxTrackedKeys: number;
  readonly windowMs?: number;
  /** A monotonic clock in milliseconds, for tests. */
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

/** A 429 answer: the status, the Retry-After seconds and the JSON error body. */
export interface LimitRefusal {
  readonly status: 429;
  readonly retryAfterSeconds: number;
  readonly body: ApiErrorBody;
}

/**
 * The limits of one workspace server, shared by the API and the sync endpoint. A municipal office reaches us
 * from one public address (and a reverse proxy makes every client one address), so honest use is counted
 * per member, after authentication; only what an address cannot prove, a rejected token, is counted per
 * address. A locked-out address still lets valid tokens in: tokens are 256-bit, so no rate of guessing
 * finds one, and a colleague's tab retrying a revoked link must not lock the whole office out. What the
 * lockout changes is the answer to bad tokens (429 instead of 401), which slows a flood and shows it in the log.
 */
export interface AccessLimits {
  /**
   * Counts a rejected token from an address. Returns the 429 to answer once the address is over its limit,
   * or null: then answer the usual 401.
   */
  tokenRejected(address: string): LimitRefusal | null;
  /** Counts an authenticated API request of a member; a 429 once the member is over the limit, else null. */
  apiRequest(memberId: string): LimitRefusal | null;
  /** Counts a sync connection attempt of an authenticated member; a 429 once over the limit, else null. */
  syncConnection(memberId: string): LimitRefusal | null;
}

/** Creates the limits of one server; each counter is a bounded table (rateWindows.ts). */
export function createAccessLimits(options: AccessLimitOptions): AccessLimits {
  const windowMs = options.windowMs ?? 60_000;
  const table = (limit: number): RateWindows =>
    createRateWindows({ limit, windowMs, maxKeys: options.maxTrackedKeys, ...(options.now ? { now: options.now } : {}) });
  const failures = table(options.failedAuthPerMinute);
  const requests = table(options.apiRequestsPerMinute);
  const connections = table(options.syncConnectionsPerMinute);
  const log = options.log ?? (() => undefined);

  const refusal = (retryAfterMs: number, message: (seconds: number) => string): LimitRefusal => {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return { status: 429, retryAfterSeconds: seconds, body: apiError('rate_limited', message(seconds), { retryAfterSeconds: seconds }) };
  };

  return {
    tokenRejected(address) {
      const verdict = failures.hit(address);
      if (verdict.allowed) return null;
      // One line when an address (or the shared overflow bucket) crosses the limit, not one per refusal.
      if (verdict.count === options.failedAuthPerMinute + 1) {
        const who = verdict.overflow ? `addresses beyond the ${options.maxTrackedKeys} tracked (shared bucket, latest ${address})` : address;
        log(`[auth] ${who}: more than ${options.failedAuthPerMinute} rejected tokens within a minute; answering 429 to bad tokens for ${Math.ceil(verdict.retryAfterMs / 1000)} s`);
      }
      return refusal(verdict.retryAfterMs, (s) =>
        `Too many rejected tokens from this address (more than ${options.failedAuthPerMinute} a minute): try again in ${s} s with a valid token`,
      );
    },
    apiRequest(memberId) {
      const verdict = requests.hit(memberId);
      if (verdict.allowed) return null;
      return refusal(verdict.retryAfterMs, (s) => `Too many requests: at most ${options.apiRequestsPerMinute} a minute per member; try again in ${s} s`);
    },
    syncConnection(memberId) {
      const verdict = connections.hit(memberId);
      if (verdict.allowed) return null;
      return refusal(verdict.retryAfterMs, (s) => `Too many sync connection attempts: at most ${options.syncConnectionsPerMinute} a minute per member; try again in ${s} s`);
    },
  };
}
