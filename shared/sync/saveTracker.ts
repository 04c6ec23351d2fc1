import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket's message type for sync messages. */
const MESSAGE_SYNC = 0;

/** When the tracker asks the server to confirm: after a pause in typing, and at least this often while typing. */
export const SAVE_TRACKER_DEFAULTS = { pauseMs: 400, maxWaitMs: 3000 } as const;

/** Whether this window's changes to the act have reached the server, as far as the server has confirmed. */
export interface SaveTracker {
  /** True while a change made here (typed, or loaded from this computer's copy) has not been confirmed. */
  readonly unconfirmed: boolean;
  /** How many local changes (Yjs updates made here) the server has not confirmed yet: the header's "3 not sent". */
  readonly pending: number;
  /** Calls the listener whenever `unconfirmed` or `pending` may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

/**
 * Tracks which local changes the server has confirmed. The y-websocket protocol has no acknowledgement, but the
 * server handles a socket's messages in order, stores an update before it answers anything after it, and sends a
 * sync step 2 only to answer a step 1. So after a pause in typing the tracker sends a step 1, and the step 2 that
 * answers it confirms every change sent before it. The page never says "saved" on the strength of a socket
 * that was merely open (issue 11, point 6: nothing typed is silently dropped).
 *
 * It lives in shared/ because it is a contract with the server (server/sync/docRoom.ts keeps it: an update is
 * stored before anything after it is answered), and so Node tests can hold it against the real server.
 */
export function createSaveTracker(provider: WebsocketProvider, options: { pauseMs?: number; maxWaitMs?: number } = {}): SaveTracker {
  const pauseMs = options.pauseMs ?? SAVE_TRACKER_DEFAULTS.pauseMs;
  const maxWaitMs = options.maxWaitMs ?? SAVE_TRACKER_DEFAULTS.maxWaitMs;
  const listeners = new Set<() => void>();
  /** Local changes counted so far, and the count the server has confirmed. */
  let changes = 0;
  let confirmed = 0;
  /**
   * The step 1 messages on this socket not yet answered, oldest first: the provider's own on connecting
   * (null: its answer confirms nothing, the client's offline changes go out after it) and ours (the change
   * count when it was sent).
   */
  let awaiting: Array<number | null> = [];
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;
  let firstUnprobedAt: number | null = null;
  let lastPending = 0;

  const notify = () => {
    const pending = Math.max(0, changes - confirmed);
    if (pending === lastPending) return;
    lastPending = pending;
    for (const listener of listeners) listener();
  };

  const probe = () => {
    clearTimeout(pauseTimer);
    pauseTimer = undefined;
    const ws = provider.ws;
    // Not synced yet: the 'sync' event schedules the probe, after the client has sent its own changes.
    if (!ws || !provider.wsconnected || !provider.synced || changes === confirmed) return;
    // One question at a time; its answer schedules the next one if more was typed meanwhile.
    if (awaiting.some((entry) => entry !== null)) return;
    firstUnprobedAt = null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, provider.doc);
    awaiting.push(changes);
    ws.send(encoding.toUint8Array(encoder));
  };

  const schedule = () => {
    const now = Date.now();
    firstUnprobedAt ??= now;
    clearTimeout(pauseTimer);
    pauseTimer = setTimeout(probe, Math.max(0, Math.min(pauseMs, firstUnprobedAt + maxWaitMs - now)));
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    // What the server sent is on the server; everything else (typing, the local copy) must be confirmed.
    if (origin === provider) return;
    changes += 1;
    notify();
    schedule();
  };
  const onStatus = ({ status }: { status: string }) => {
    // A new socket: the provider's step 1 goes out right after this event. A closed one answers nothing more.
    awaiting = status === 'connected' ? [null] : [];
    if (status !== 'connected') {
      clearTimeout(pauseTimer);
      pauseTimer = undefined;
      firstUnprobedAt = null;
    }
  };
  const onSync = (synced: boolean) => {
    if (synced && changes > confirmed) schedule();
  };

  const handlers = provider.messageHandlers;
  const original = handlers[MESSAGE_SYNC]!;
  const wrapped: typeof original = (encoder, decoder, p, emitSynced, messageType) => {
    const kind = decoding.peekVarUint(decoder);
    original(encoder, decoder, p, emitSynced, messageType);
    if (kind !== syncProtocol.messageYjsSyncStep2) return;
    const answered = awaiting.shift();
    if (typeof answered === 'number') {
      confirmed = Math.max(confirmed, answered);
      notify();
      if (changes > confirmed) schedule();
    }
  };
  handlers[MESSAGE_SYNC] = wrapped;

  provider.doc.on('update', onUpdate);
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  if (provider.wsconnected) awaiting = provider.synced ? [] : [null];

  return {
    get unconfirmed() {
      return changes > confirmed;
    },
    get pending() {
      return Math.max(0, changes - confirmed);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      clearTimeout(pauseTimer);
      listeners.clear();
      provider.doc.off('update', onUpdate);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      // Only our own wrapper is taken out: something that wrapped it later keeps its place.
      if (handlers[MESSAGE_SYNC] === wrapped) handlers[MESSAGE_SYNC] = original;
    },
  };
}
