import type { ApiErrorCode } from '../../shared/api/errorCodes';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Member } from '../../shared/api/members';
import { parseSyncTarget } from './syncTarget';
import { DocRoom, withoutHistory, type RoomHost, type SyncConnection } from './docRoom';
import type { AccessLimits } from '../auth/authLimiter';
import * as Y from 'yjs';
import { SYSTEM_MEMBER } from '../attribution/attributionStore';
import { captureEdit } from '../attribution/textEdit';
import { checkUpdate } from './updateCheck';

/**
 * What the sync endpoint needs from the workspace. `documentExists` takes the act's id; the others take the
 * room name, which is the act's id or its note's room (`<docId>--note`, issue 13).
 */
export interface SyncHost extends RoomHost {
  authenticate(token: string | undefined): Member | null;
  documentExists(docId: string): boolean;
  load(docId: string): Uint8Array | null;
  /** Called when the last client left a document: a good moment to compact. */
  roomEmptied(docId: string): void;
}

/** How long a socket with bytes still queued for it may stay silent: y-websocket's own patience (30 s). */
const SYNC_BUSY_GRACE_MS = 30_000;

/** The sync endpoint's settings. */
export interface SyncOptions {
  readonly maxMessageBytes: number;
  /** Offer WebSocket permessage-deflate (SYNC_DEFLATE); a client that does not ask for it gets plain frames. */
  readonly compression: boolean;
  /** How often every socket is pinged; one that missed the previous ping's pong is dropped. */
  readonly pingIntervalMs: number;
  /** Rejected tokens per address and connection attempts per member, shared with the API (authLimiter.ts). */
  readonly limits: AccessLimits;
}

/**
 * permessage-deflate on the sync endpoint (issue 14; the figures are in bench/ANALYSIS.md, "Sync compression").
 * It is negotiated in the handshake, so stock y-websocket clients (browsers, Node's `ws`) keep working and a
 * client that does not offer it gets plain frames. ws creates a connection's zlib contexts the first time a
 * message crosses the threshold and keeps them until the connection closes, so with many connections the
 * window and hash sizes are what cost memory: 13 window bits and memLevel 6 take 64 KiB of deflate state per
 * connection instead of zlib's 256 KiB, for a 40-page act's initial sync 5 % larger (132 kB, not 126 kB, of
 * 598 kB).
 */
export const SYNC_DEFLATE = {
  /** Keystroke updates and awareness (tens of bytes) go uncompressed: nothing to gain, no zlib work for them. */
  thresholdBytes: 1024,
  serverMaxWindowBits: 13,
  memLevel: 6,
} as const;

/** The sync endpoint `GET /sync/<room>?token=…` (an act or its note), speaking the y-websocket protocol. */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, DocRoom>();
  private readonly limits: AccessLimits;
  private readonly maxMessageBytes: number;
  /** When each socket last answered a ping or sent anything. */
  private readonly heardAt = new WeakMap<WebSocket, number>();
  /** When the last round of pings went out. */
  private lastPingAt = 0;
  private readonly pingTimer: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: SyncHost,
    options: SyncOptions,
  ) {
    // ws closes a connection whose message exceeds maxPayload (close code 1009).
    // With permessage-deflate, ws counts maxPayload on the inflated message and stops inflating as soon as it
    // is exceeded: a small frame that inflates to gigabytes is closed with 1009 having cost at most the cap.
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: options.compression
        ? {
            threshold: SYNC_DEFLATE.thresholdBytes,
            serverMaxWindowBits: SYNC_DEFLATE.serverMaxWindowBits,
            zlibDeflateOptions: { memLevel: SYNC_DEFLATE.memLevel },
          }
        : false,
    });
    this.maxMessageBytes = options.maxMessageBytes;
    this.limits = options.limits;
    this.pingTimer = setInterval(() => this.pingAll(), options.pingIntervalMs);
    this.pingTimer.unref?.();
  }

  /**
   * A dead link sends no close: without this its socket, its presence and its room would linger until the
   * kernel gives up on TCP, many minutes later (issue 14, part 3). A socket that sent nothing (no pong, no
   * message) since the previous ping is dropped with terminate(), which needs no handshake. While our own bytes
   * still wait to go out, the pong may rightly wait behind them on a slow line (a long act's first sync), so
   * such a socket gets SYNC_BUSY_GRACE_MS; our clients also keep probing meanwhile (shared/sync/linkWatchdog.ts).
   */
  private pingAll(): void {
    const now = Date.now();
    const previousPing = this.lastPingAt;
    this.lastPingAt = now;
    for (const ws of this.wss.clients) {
      const heardAt = this.heardAt.get(ws) ?? 0;
      const missed = ws.bufferedAmount > 0 ? now - heardAt > SYNC_BUSY_GRACE_MS : heardAt < previousPing;
      if (missed) {
        this.host.log(`[sync] dropped a socket that did not answer the last ping (silent for ${now - heardAt} ms)`);
        ws.terminate();
        continue;
      }
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }

  /**
   * Handles an HTTP upgrade; anything that is not a valid, authorised sync request gets a JSON error on the
   * socket and no document bytes. It never throws: a bad upgrade costs at most its own socket (issue 11).
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node's HTTP server removes its own error listener from a socket it hands to 'upgrade': without this,
    // a client that resets the connection before the handshake would throw past everything.
    socket.on('error', (error) => this.host.log(`[sync] socket error before the handshake: ${error.message}`));
    try {
      this.upgrade(request, socket, head);
    } catch (error) {
      this.host.log(`[sync] upgrade failed for '${String(request.url).slice(0, 120)}': ${(error as Error).message}`);
      rejectUpgrade(socket, 500, 'internal', 'The sync endpoint could not accept this connection');
    }
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // HTTP/1.1 requires Host, and Node's server refuses plain requests without it; upgrades get the same rule.
    if (!request.headers.host) return rejectUpgrade(socket, 400, 'bad_request', 'Missing Host header: expected an HTTP/1.1 request with Host');
    const target = parseSyncTarget(request.url ?? '');
    if (!target.ok) return rejectUpgrade(socket, target.error.status, target.error.code, target.error.message);
    const member = this.host.authenticate(target.value.token);
    // A rejected token counts against the address; a member's attempts against the member, since an office
    // shares one address (issue 11).
    const limited = member ? this.limits.syncConnection(member.id) : this.limits.tokenRejected(request.socket.remoteAddress ?? 'unknown');
    if (limited) return rejectUpgrade(socket, 429, 'rate_limited', limited.body.error.message, limited.retryAfterSeconds);
    if (!member) return rejectUpgrade(socket, 401, 'unauthorized', 'Missing or invalid token: expected ?token=<member token>');
    const { docId, room } = target.value;
    if (!this.host.documentExists(docId)) return rejectUpgrade(socket, 404, 'not_found', `Unknown document '${docId}'`);
    plainFramesForNarrowWindow(request);
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, room, member));
  }

  /** The live room of a document, loading it from the store on first use. */
  room(docId: string): DocRoom {
    let room = this.rooms.get(docId);
    if (!room || room.isBroken) {
      room?.destroy();
      room = new DocRoom(docId, this.host.load(docId), this.host);
      this.rooms.set(docId, room);
    }
    return room;
  }

  /**
   * Applies an edit the server made to a document's text as one update: through its open room, which
   * stores it and then broadcasts it to every client, or straight to the store when nobody has the act
   * open. `alongside` runs in the same transaction (see `DocRoom.applyServerUpdate`). The edit is recorded
   * as `memberId`'s, the member who decided it ('system' by default), for who changed what (issue 12).
   */
  applyServerEdit(docId: string, update: Uint8Array, origin: unknown, alongside?: () => void, memberId: string = SYSTEM_MEMBER): void {
    const room = this.rooms.get(docId);
    if (room && !room.isBroken) return room.applyServerUpdate(update, origin, alongside, memberId);
    // Nobody has the act open: what the edit inserts and newly deletes is read on a private copy of the
    // stored state (an update's delete set repeats every earlier deletion, which must stay their authors').
    const copy = new Y.Doc({ gc: false });
    try {
      const stored = this.host.load(docId);
      if (stored) Y.applyUpdate(copy, stored);
      const check = checkUpdate(copy, update);
      if (check.kind === 'incomplete') throw new Error(`Expected a server edit of ${docId} to be complete, but ${check.reason}`);
      const edit = captureEdit(copy, () => Y.applyUpdate(copy, update));
      this.host.persist(
        docId,
        update,
        () => {
          alongside?.();
          return edit;
        },
        { memberId, writers: check.kind === 'complete' ? check.writers : [] },
      );
    } finally {
      copy.destroy();
    }
  }

  /** Whether a member's sync carries the act's deleted text (those who may edit it), or only what stands. */
  includesHistory(member: Member): boolean {
    return this.host.mayReadHistory?.(member) !== false;
  }

  /**
   * The update that takes a client from `stateVector` to the room's current state, exactly as the member's
   * sync step 2 would carry it (the same history rule), for the chunked snapshot route (issue 14). A room
   * nobody has open is read from the store on a private copy, without opening it.
   */
  updateFor(room: string, member: Member, stateVector: Uint8Array): Uint8Array {
    const open = this.rooms.get(room);
    const live = open && !open.isBroken ? open.doc : null;
    const doc = live ?? new Y.Doc({ gc: false });
    try {
      if (!live) {
        const stored = this.host.load(room);
        if (stored) Y.applyUpdate(doc, stored);
      }
      const source = this.includesHistory(member) ? doc : withoutHistory(doc);
      try {
        return Y.encodeStateAsUpdate(source, stateVector);
      } finally {
        if (source !== doc) source.destroy();
      }
    } finally {
      if (!live) doc.destroy();
    }
  }

  /** The live room if the document is open, without loading it. */
  openRoom(docId: string): DocRoom | undefined {
    return this.rooms.get(docId);
  }

  /** Closes every open connection of a member, at once (a revoked token). */
  closeMember(memberId: string): void {
    for (const room of this.rooms.values()) room.closeMember(memberId, 'token revoked');
  }

  /** Closes all connections and frees all rooms. */
  close(): void {
    for (const [docId, room] of this.rooms) {
      room.closeAll(1001, 'server shutting down');
      this.host.roomEmptied(docId);
      room.destroy();
    }
    this.rooms.clear();
    clearInterval(this.pingTimer);
    this.wss.close();
  }

  private accept(ws: WebSocket, docId: string, member: Member): void {
    const room = this.room(docId);
    const connection: SyncConnection = {
      member,
      send: (data) => {
        if (ws.readyState === ws.OPEN) ws.send(data);
      },
      close: (code, reason) => ws.close(code, reason),
    };
    ws.binaryType = 'nodebuffer';
    this.heardAt.set(ws, Date.now());
    ws.on('pong', () => this.heardAt.set(ws, Date.now()));
    ws.on('message', (data: Buffer, isBinary) => {
      this.heardAt.set(ws, Date.now());
      if (!isBinary) {
        this.host.log(`[sync] closed ${docId} for ${member.name}: text frame, expected binary`);
        ws.close(1003, 'expected binary messages');
        return;
      }
      try {
        // A room replaced after a failed update: this client must reconnect and resync from the store.
        if (this.room(docId) !== room) ws.close(1011, 'document reloaded');
        else room.receive(connection, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch (error) {
        this.host.log(`[sync] closed ${docId} for ${member.name}: ${(error as Error).message}`);
        ws.close(1011, 'message could not be handled');
      }
    });
    ws.on('close', () => {
      room.leave(connection);
      if (room.size === 0 && this.rooms.get(docId) === room) {
        this.rooms.delete(docId);
        this.host.roomEmptied(docId);
        room.destroy();
      }
    });
    ws.on('error', (error: Error & { code?: string }) => {
      // ws has already closed the connection (1009 for a message over maxPayload, 1002 for a broken frame).
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        this.host.log(`[sync] closed ${docId} for ${member.name}: message too large (more than ${this.maxMessageBytes} bytes)`);
      } else this.host.log(`[sync] closed ${docId} for ${member.name}: ${error.message}`);
    });
    room.join(connection);
  }
}

/**
 * ws refuses the whole handshake (400) when a client asks for a smaller server window than SYNC_DEFLATE's;
 * such a client gets plain frames instead, as one that offers no compression does.
 */
function plainFramesForNarrowWindow(request: IncomingMessage): void {
  const offer = request.headers['sec-websocket-extensions'];
  if (typeof offer !== 'string') return;
  const asked = [...offer.matchAll(/server_max_window_bits\s*=\s*"?(\d+)/gi)].map((m) => Number(m[1]));
  if (asked.some((bits) => bits < SYNC_DEFLATE.serverMaxWindowBits)) delete request.headers['sec-websocket-extensions'];
}

function rejectUpgrade(socket: Duplex, status: number, code: ApiErrorCode, message: string, retryAfterSeconds?: number): void {
  const body = JSON.stringify({ error: { code, message, details: retryAfterSeconds ? { retryAfterSeconds } : {} } });
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error' }[status] ?? 'Error';
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${retryAfterSeconds ? `Retry-After: ${retryAfterSeconds}\r\n` : ''}Connection: close\r\n\r\n${body}`);
}
