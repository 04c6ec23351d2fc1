/**
 * The baseline: `@y/websocket-server` 0.1.1's `setupWSConnection` on a plain http + ws server, in a child
 * process of its own, because the package keeps its documents in module-level state. It uses the same `ws`
 * as Sajaro, so the comparison is of the two servers' sync handling, not of two socket libraries.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { getPersistence, setupWSConnection } from '@y/websocket-server/utils';
import { watchEventLoop } from '../lib/loopDelay';
import { serveRequests, tellParent, type IpcMessage } from '../lib/children';

/** What the baseline tells the bench once it listens. */
export interface BaselineReady extends IpcMessage {
  readonly type: 'ready';
  readonly url: string;
  /** Whether the package persists anything: only when YPERSISTENCE names a LevelDB folder, which the bench never sets. */
  readonly persists: boolean;
}

async function main(): Promise<void> {
  const http = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('baseline');
  });
  const wss = new WebSocketServer({ server: http });
  // The room name is the request path, as the package's own server reads it: ws://host/<docId>.
  wss.on('connection', (socket, request) => setupWSConnection(socket as never, request));
  await new Promise<void>((listening) => http.listen(0, '127.0.0.1', listening));
  const { port } = http.address() as AddressInfo;

  const loop = watchEventLoop();
  serveRequests({ resetStats: () => loop.reset(), stats: () => ({ loop: loop.read() }) }, async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((closed) => http.close(() => closed()));
  });
  tellParent({ type: 'ready', url: `http://127.0.0.1:${port}`, persists: getPersistence() !== null } satisfies BaselineReady);
}

main().catch((error: unknown) => {
  console.error('[bench:baseline]', error);
  process.exit(1);
});
