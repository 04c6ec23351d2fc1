import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket's message type for sync messages. */
const MESSAGE_SYNC = 0;

/**
 * Resolves once the server has answered everything this client sent so far. It sends a sync step 1 and waits
 * for the server's step 2: the server handles a socket's messages in order and sends a step 2 only to answer a
 * step 1, so any answer to an earlier message (a permission-denied, an echo) has arrived before it. Tests wait
 * on this instead of reading a list of answers before one could have come.
 */
export function serverAnswered(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  const ws = provider.ws;
  if (!ws || !provider.wsconnected || !provider.synced) {
    return Promise.reject(new Error('Expected a connected, synced provider before probing the server'));
  }
  return new Promise((resolve, reject) => {
    const handlers = provider.messageHandlers;
    const original = handlers[MESSAGE_SYNC]!;
    const restore = () => {
      clearTimeout(timer);
      handlers[MESSAGE_SYNC] = original;
    };
    const timer = setTimeout(() => {
      restore();
      reject(new Error(`The server did not answer a sync step 1 within ${timeoutMs} ms`));
    }, timeoutMs);
    handlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, messageType) => {
      const kind = decoding.peekVarUint(decoder);
      original(encoder, decoder, p, emitSynced, messageType);
      if (kind === syncProtocol.messageYjsSyncStep2) {
        restore();
        resolve();
      }
    };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, provider.doc);
    ws.send(encoding.toUint8Array(encoder));
  });
}
