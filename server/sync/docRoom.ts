import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Member } from '../../shared/api/members';
import {
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  HEARTBEAT_ANSWER,
} from './messages';
import { checkUpdate } from './updateCheck';
import { SYSTEM_MEMBER } from '../attribution/attributionStore';
import { captureEdit, type TextEdit } from '../attribution/textEdit';
import { decodeAwarenessEntries, encodeAwarenessEntries } from './awarenessEntries';

/** One client's socket as the room sees it. */
export interface SyncConnection {
  readonly member: Member;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Who wrote an update: the member (or 'system'), and the client ids under which it adds new structs. */
export interface EditAuthor {
  readonly memberId: string;
  readonly writers: readonly number[];
}

/** What a room needs from the workspace: durable storage and the rules on who may edit the text. */
export interface RoomHost {
  /**
   * Stores one update durably; runs `apply` in the same transaction and rolls back if it throws. `apply`
   * returns what the update inserted and deleted, which the host records for `author` (issue 12).
   */
  persist(docId: string, update: Uint8Array, apply: () => TextEdit, author: EditAuthor): void;
  /** Why this member may not change the text now (read-only role, adopted act), or null if they may. */
  refuseEdit(docId: string, member: Member): string | null;
  /** Why this member may not write under these client ids (another member owns one), or null (issue 12). */
  refuseWriters(docId: string, member: Member, writers: readonly number[]): string | null;
  /**
   * False when the member may not read the act's kept history (deleted text): they are sent the document as
   * it stands, without deleted content (issue 11, point 10). Absent, everyone may.
   */
  mayReadHistory?(member: Member): boolean;
  /** Called once per connection when its updates are refused for another member's client id: the audit entry. */
  writersRefused?(docId: string, member: Member, reason: string): void;
  log(line: string): void;
}

/** Origin of transactions that load stored state: they must not be stored again (CONVENTIONS.md). */
export const LOAD_ORIGIN = Symbol('load');

/**
 * The live state of one document on the server: its Y.Doc, its awareness and the connected clients. Every
 * client update is stored before anyone else sees it, so a crash never loses what a client has seen.
 */
export class DocRoom {
  // The document keeps its history (gc off): who inserted and who deleted what since any snapshot can be read
  // back (issue 12), and stored states and frozen versions keep the deleted text with its ids.
  readonly doc = new Y.Doc({ gc: false });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly connections = new Map<SyncConnection, Set<number>>();
  /** Which connection set each awareness client id: presence is its owner's to change. */
  private readonly owners = new Map<number, SyncConnection>();
  private pending: Array<{ update: Uint8Array; origin: unknown }> = [];
  /** Connections whose forged client ids were already reported, so a flood makes one audit entry each. */
  private readonly reported = new WeakSet<SyncConnection>();
  private broken = false;

  constructor(
    readonly docId: string,
    stored: Uint8Array | null,
    private readonly host: RoomHost,
  ) {
    // The server holds no awareness state of its own.
    this.awareness.setLocalState(null);
    if (stored) Y.applyUpdate(this.doc, stored, LOAD_ORIGIN);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== LOAD_ORIGIN) this.pending.push({ update, origin });
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const ids = this.connectionOf(origin);
      if (ids) {
        // A client that reconnected (same member) takes its id over from its old connection.
        for (const id of [...added, ...updated]) {
          const previous = this.owners.get(id);
          if (previous && previous !== origin) this.connections.get(previous)?.delete(id);
          this.owners.set(id, origin as SyncConnection);
          ids.add(id);
        }
      }
      for (const id of removed) {
        const previous = this.owners.get(id);
        if (previous) this.connections.get(previous)?.delete(id);
        this.owners.delete(id);
      }
      if (changed.length) this.broadcast(encodeAwareness(this.awareness, changed), null);
    });
  }

  /** How many clients are connected. */
  get size(): number {
    return this.connections.size;
  }

  /** Joins a client: sends the server's sync step 1 and the current awareness states. */
  join(connection: SyncConnection): void {
    this.connections.set(connection, new Set());
    connection.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) connection.send(encodeAwareness(this.awareness, states));
  }

  /** Removes a client and its awareness states (its cursor disappears for everyone else). */
  leave(connection: SyncConnection): void {
    const ids = this.connections.get(connection);
    if (!ids) return;
    this.connections.delete(connection);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
  }

  /** Handles one binary message; a malformed one closes that connection only, with a logged reason. */
  receive(connection: SyncConnection, data: Uint8Array): void {
    if (!this.connections.has(connection) || this.broken) return;
    let message;
    try {
      message = decodeClientMessage(data);
      switch (message.kind) {
        case 'syncStep1':
          connection.send(encodeSyncStep2(this.host.mayReadHistory?.(connection.member) === false ? withoutHistory(this.doc) : this.doc, message.stateVector));
          return;
        case 'heartbeat':
          // The client's probe of a quiet link: answered at once, before anything else queued after it.
          connection.send(HEARTBEAT_ANSWER);
          return;
        case 'queryAwareness':
          connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
          return;
        case 'awareness':
          this.applyClientAwareness(connection, message.update);
          return;
        case 'update':
          this.applyClientUpdate(connection, message.update);
          return;
      }
    } catch (error) {
      this.host.log(`[sync] closed ${this.docId} for ${connection.member.name}: malformed message (${describe(error)})`);
      connection.close(1003, 'malformed message');
      this.leave(connection);
    }
  }

  /** Closes every connection of a member (a revoked token). */
  closeMember(memberId: string, reason: string): void {
    for (const connection of [...this.connections.keys()]) {
      if (connection.member.id === memberId) {
        connection.close(4001, reason);
        this.leave(connection);
      }
    }
  }

  /** Closes every connection (shutdown, or the document could not take an update). */
  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections.keys()]) {
      connection.close(code, reason);
      this.leave(connection);
    }
  }

  /**
   * Applies a change made by the server itself (an accepted suggestion), stored and broadcast like a
   * client's. `alongside` runs in the same transaction before the document changes, so the action's own
   * rows (a decision, its audit entry) are stored with the text or not at all; a failure throws and leaves
   * the document as it was. The edit's client ids (the server's private copy's) and what it inserts and
   * deletes are recorded as `memberId`'s: 'system', or the member who decided it (issue 12).
   */
  applyServerUpdate(update: Uint8Array, origin: unknown, alongside?: () => void, memberId: string = SYSTEM_MEMBER): void {
    const check = checkUpdate(this.doc, update);
    if (check.kind === 'incomplete') throw new Error(`Expected a server edit of ${this.docId} to be complete, but ${check.reason}`);
    const author = { memberId, writers: check.kind === 'complete' ? check.writers : [] };
    try {
      this.host.persist(
        this.docId,
        update,
        () => {
          alongside?.();
          const edit = captureEdit(this.doc, () => Y.applyUpdate(this.doc, update, origin));
          if (this.doc.store.pendingStructs || this.doc.store.pendingDs) throw new Error('the update left parts pending');
          return edit;
        },
        author,
      );
    } catch (error) {
      // Nothing was stored; if the document took part of the update, drop it as a failed client update does.
      if (this.pending.length) {
        this.pending = [];
        this.broken = true;
        this.closeAll(1011, 'update could not be applied');
      }
      throw error;
    }
    this.flush();
  }

  /**
   * Applies a client's presence. Entries for client ids that another member's connection set are dropped,
   * so nobody can move, rename or remove someone else's cursor (issue 7).
   */
  private applyClientAwareness(connection: SyncConnection, update: Uint8Array): void {
    const entries = decodeAwarenessEntries(update);
    const own = entries.filter((entry) => {
      const owner = this.owners.get(entry.clientId);
      return owner === undefined || owner === connection || owner.member.id === connection.member.id;
    });
    if (own.length < entries.length) {
      this.host.log(`[sync] ${this.docId}: dropped ${entries.length - own.length} presence entries from ${connection.member.name} for another member's clients`);
    }
    if (own.length) awarenessProtocol.applyAwarenessUpdate(this.awareness, own.length === entries.length ? update : encodeAwarenessEntries(own), connection);
  }

  private applyClientUpdate(connection: SyncConnection, update: Uint8Array): void {
    // Decoding first rejects garbage (it throws, and receive closes the connection) before the store or the
    // document sees it.
    const check = checkUpdate(this.doc, update);
    if (check.kind === 'nothingNew') return;
    const refusal = this.host.refuseEdit(this.docId, connection.member);
    if (refusal) {
      connection.send(encodePermissionDenied(refusal));
      return;
    }
    // Attribution is enforced, not trusted: text under another member's client id would be credited to them.
    // Refused like a read-only member's edit (before the completeness check, since a forger's next updates
    // build on refused ones), so the connection stays and nothing is stored or broadcast (issue 12).
    const forged = this.host.refuseWriters(this.docId, connection.member, check.writers);
    if (forged) {
      connection.send(encodePermissionDenied(forged));
      if (!this.reported.has(connection)) {
        this.reported.add(connection);
        this.host.log(`[sync] ${this.docId}: refused an update of ${connection.member.name}: ${forged}`);
        this.host.writersRefused?.(this.docId, connection.member, forged);
      }
      return;
    }
    if (check.kind === 'incomplete') {
      this.host.log(`[sync] closed ${this.docId} for ${connection.member.name}: incomplete update (${check.reason})`);
      connection.close(1003, 'incomplete update');
      this.leave(connection);
      return;
    }
    try {
      const author = { memberId: connection.member.id, writers: check.writers };
      this.host.persist(
        this.docId,
        update,
        () => {
          const edit = captureEdit(this.doc, () => Y.applyUpdate(this.doc, update, connection));
          // checkUpdate should have caught this; if it did not, roll back rather than store a half-applied update.
          if (this.doc.store.pendingStructs || this.doc.store.pendingDs) throw new Error('the update left parts pending');
          return edit;
        },
        author,
      );
    } catch (error) {
      // The transaction rolled back, so the store is as it was; the in-memory doc may not be, so drop it and
      // let every client resync from the store.
      this.pending = [];
      this.broken = true;
      this.host.log(`[sync] closed ${this.docId}: an update could not be applied (${describe(error)})`);
      this.closeAll(1011, 'update could not be applied');
      return;
    }
    this.flush();
  }

  /** Broadcasts what was applied, only after it was committed. */
  private flush(): void {
    const pending = this.pending;
    this.pending = [];
    for (const { update, origin } of pending) this.broadcast(encodeUpdate(update), this.connectionOf(origin) ? origin : null);
  }

  /** True once the room dropped its state after a failed update; the workspace replaces it. */
  get isBroken(): boolean {
    return this.broken;
  }

  private connectionOf(origin: unknown): Set<number> | undefined {
    return this.connections.get(origin as SyncConnection);
  }

  private broadcast(data: Uint8Array, except: unknown): void {
    for (const connection of this.connections.keys()) if (connection !== except) connection.send(data);
  }

  /** Frees the document's memory once nobody is connected. */
  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A copy of the document with its deleted content collected: the same state vector and the same visible text,
 * but no deleted text to read back. The room keeps history (gc off) for "who changed what"; a member who may
 * only read gets the act as it stands, as they would from the model.
 */
export function withoutHistory(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: true });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
