import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy that cuts every connection after a fixed number of bytes: a line that drops again and again. */
export interface CuttingProxy {
  /** The proxy's http:// origin, standing in for the server's. */
  readonly url: string;
  /** Connections cut so far. */
  cuts(): number;
  close(): Promise<void>;
}

/**
 * Forwards 127.0.0.1:<port> to the target and destroys both sides of a connection once `cutAfterBytes` have
 * crossed it (both directions counted), as a line that drops mid-transfer does. Every new connection starts
 * its own count, so progress is only possible in pieces smaller than the budget.
 */
export async function startCuttingProxy(targetPort: number, cutAfterBytes: number): Promise<CuttingProxy> {
  let cuts = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    sockets.add(client).add(upstream);
    let crossed = 0;
    let cut = false;
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (data: Buffer) => {
        if (cut) return;
        const room = cutAfterBytes - crossed;
        crossed += data.length;
        if (data.length < room) {
          to.write(data);
          return;
        }
        // Deliver what fits, then drop the line in both directions.
        cut = true;
        cuts += 1;
        to.write(data.subarray(0, room), () => {
          client.destroy();
          upstream.destroy();
        });
      });
    forward(client, upstream);
    forward(upstream, client);
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Expected the proxy to listen on a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    cuts: () => cuts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
