import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A Node member's document and its connection: the stock provider, as the renderer uses it. */
export interface Connected {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

/**
 * Connects a fresh Y.Doc to a room with the stock WebsocketProvider, as a browser would, but with
 * `disableBc` (so clients of one process sync only through the server) and the `ws` polyfill (Node 20
 * has no global WebSocket).
 */
export function connectDoc(serverUrl: string, docId: string, params: Readonly<Record<string, string>>): Connected {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, docId, doc, {
    params: { ...params },
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 500,
  });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Lets a process hold many providers: each adds a process 'exit' listener. */
export function allowProviders(count: number): void {
  process.setMaxListeners(Math.max(process.getMaxListeners(), count + 20));
}
