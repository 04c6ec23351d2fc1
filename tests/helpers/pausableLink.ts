import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between the browser and the server whose line can be cut the way a real one dies: `cut()` stops
 * carrying bytes in both directions and closes nothing, so neither end is told (no FIN, no RST). Connections
 * made while cut are accepted and held, as a dead line's first hop would. `restore()` carries everything
 * held and everything after. For the heartbeat tests (issue 14, part 3), where a clean close would prove nothing.
 */
export interface PausableLink {
  /** The port the browser connects to. */
  readonly port: number;
  readonly url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

interface Pair {
  readonly client: Socket;
  server: Socket | null;
  /** Bytes from the client held while the line was cut before the server side existed. */
  readonly early: Buffer[];
}

export async function startPausableLink(targetPort: number): Promise<PausableLink> {
  let isCut = false;
  const pairs = new Set<Pair>();

  const joinServer = (pair: Pair) => {
    const server = connect(targetPort, '127.0.0.1');
    pair.server = server;
    server.on('error', () => pair.client.destroy());
    server.on('close', () => pair.client.destroy());
    for (const chunk of pair.early.splice(0)) server.write(chunk);
    server.pipe(pair.client);
    pair.client.pipe(server);
    pair.client.resume();
  };

  const proxy: Server = createServer((client) => {
    const pair: Pair = { client, server: null, early: [] };
    pairs.add(pair);
    client.on('error', () => pair.server?.destroy());
    client.on('close', () => {
      pair.server?.destroy();
      pairs.delete(pair);
    });
    if (isCut) client.pause();
    else joinServer(pair);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as { port: number }).port;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    cut() {
      isCut = true;
      // Paused sockets stop reading, so bytes pile up in kernel buffers and go nowhere; nothing is closed.
      for (const pair of pairs) {
        pair.client.pause();
        pair.server?.pause();
        pair.client.unpipe();
        pair.server?.unpipe();
      }
    },
    restore() {
      isCut = false;
      for (const pair of pairs) {
        if (!pair.server) {
          joinServer(pair);
          continue;
        }
        pair.server.pipe(pair.client);
        pair.client.pipe(pair.server);
        pair.client.resume();
        pair.server.resume();
      }
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.server?.destroy();
      }
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
