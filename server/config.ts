import { HEARTBEAT_DEFAULTS } from '../shared/sync/linkWatchdog';

/** The server's named defaults, in one place (CONVENTIONS.md: name defaults once). */
export const SERVER_DEFAULTS = {
  port: 4870,
  host: '127.0.0.1',
  /** A document's stored updates are merged into one row after this many (DESIGN.md, compaction). */
  compactAfterUpdates: 500,
  /** The largest sync message a client may send; a larger one closes that connection. */
  maxSyncMessageBytes: 8 * 1024 * 1024,
  /**
   * How long a client may take to send a whole request (headers and body): long enough for a 1 MiB body on a
   * rural 2G link, short enough that a lying Content-Length or a cut chunked body frees its socket.
   */
  requestTimeoutMs: 180_000,
  /** The largest JSON body an API request may carry. */
  maxBodyBytes: 1024 * 1024,
  /**
   * Sync connection attempts allowed per member per minute. Per member, not per address: an office shares
   * one address (issue 11). A member with a few acts open on a flapping link reconnects every few seconds.
   */
  syncConnectionsPerMinute: 60,
  /** Authenticated API requests allowed per member per minute. */
  apiRequestsPerMinute: 1200,
  /**
   * Rejected tokens (missing or invalid, API and sync together) per address per minute; beyond it bad tokens
   * from that address get 429, while valid ones still get in (server/auth/authLimiter.ts says why).
   */
  failedAuthPerMinute: 20,
  /** Addresses and members each limiter table tracks; more share one overflow bucket (rateWindows.ts). */
  limiterTrackedKeys: 10_000,
  /**
   * The sync endpoint pings every socket this often (a WebSocket ping, which every browser answers by itself)
   * and drops one that did not answer the previous ping, so a dead link frees its room (issue 14, part 3).
   */
  syncPingIntervalMs: HEARTBEAT_DEFAULTS.serverPingMs,
  /** Database file name inside the data folder. */
  databaseFile: 'workspace.sqlite',
  ownerTokenFile: 'owner.token',
  /** Written by a running server with its PID, removed on stop; restore refuses a workspace that has a live one. */
  lockFile: 'server.lock',
  templatesFolder: 'templates',
} as const;

/** How a server instance is set up; every field has a default in SERVER_DEFAULTS. */
export interface ServerOptions {
  readonly dataDir: string;
  readonly port?: number;
  readonly host?: string;
  /** The built renderer to serve; omitted, the server is API and sync only. */
  readonly rendererDir?: string;
  /** Folder of the shipped templates. */
  readonly templatesDir?: string;
  readonly syncConnectionsPerMinute?: number;
  readonly apiRequestsPerMinute?: number;
  readonly failedAuthPerMinute?: number;
  /** Keys each limiter table tracks before the overflow bucket; for tests of the bound. */
  readonly limiterTrackedKeys?: number;
  readonly maxSyncMessageBytes?: number;
  /** WebSocket permessage-deflate on the sync endpoint (on by default); off only to measure what it saves. */
  readonly syncCompression?: boolean;
  /** How often the sync endpoint pings its sockets; shorter in tests of the heartbeat. */
  readonly syncPingIntervalMs?: number;
  /** Extra origins allowed by CORS, e.g. the desktop app's own origin. */
  readonly allowedOrigins?: readonly string[];
  /** better-sqlite3's native binding, for Electron's ABI build (DESIGN.md, "Native ABI"). */
  readonly nativeBinding?: string;
  /**
   * Writes a new owner token to owner.token on start (revoking the old owner member if still active), audited
   * as 'member.owner_token_replaced': `serve --new-owner-token`, for when the owner link was revoked or leaked.
   */
  readonly replaceOwnerToken?: boolean;
  readonly log?: (line: string) => void;
}
