import { connect, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of a server that counts the bytes each way: what really crosses the wire. */
export interface CountingProxy {
  readonly url: string;
  /** Bytes from the server to the clients so far, headers, frames and TLS-free framing included. */
  readonly down: () => number;
  readonly up: () => number;
  close(): Promise<void>;
}

/** Starts a counting proxy on a free loopback port that forwards every connection to `targetPort`. */
export async function startCountingProxy(targetPort: number): Promise<CountingProxy> {
  let down = 0;
  let up = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      up += chunk.byteLength;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      down += chunk.byteLength;
      client.write(chunk);
    });
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', closeBoth).on('error', closeBoth);
    upstream.on('close', closeBoth).on('error', closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    down: () => down,
    up: () => up,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
