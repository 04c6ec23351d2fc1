import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/** How the proxy shapes the link; a clean link has no delay and no rate (bytes are still counted). */
export interface LinkShape {
  /** One-way delay added to every byte, in each direction (ms). */
  readonly delayMs: number;
  /** The link's rate in each direction, bits per second; 0 for unlimited. */
  readonly bitsPerSecond: number;
}

/** Bytes that crossed the link since the last reset, by direction. */
export interface LinkBytes {
  /** Browser → server. */
  readonly up: number;
  /** Server → browser. */
  readonly down: number;
  /** TCP connections the browser opened through the link. */
  readonly connections: number;
}

/** A running proxy: the port the browser uses, its byte counters, and its end. */
export interface LinkProxy {
  readonly port: number;
  bytes(): LinkBytes;
  resetBytes(): void;
  /** Milliseconds since the link last carried a byte in either direction. */
  idleMs(): number;
  close(): Promise<void>;
}

/** A segment of about one Ethernet frame's payload, so a large write crosses the link evenly, not in one burst. */
const SEGMENT_BYTES = 1_400;
/** Bytes one connection may have queued on the link before its sender is paused: the bottleneck's buffer. */
const QUEUE_LIMIT_BYTES = 16_000;

/**
 * One direction of the link, shared by every connection (a member has one line, not one per socket): a
 * segment starts when the line is free, takes size ÷ rate to send, and arrives `delayMs` after that.
 */
class Direction {
  private freeAt = 0;
  bytes = 0;
  lastAt = 0;

  constructor(private readonly shape: LinkShape) {}

  /** When a segment of `size` bytes handed over now, no earlier than `notBefore`, arrives at the far end. */
  schedule(size: number, notBefore: number): number {
    const now = performance.now();
    this.bytes += size;
    this.lastAt = now;
    const start = Math.max(now, this.freeAt, notBefore);
    const finish = start + (this.shape.bitsPerSecond > 0 ? (size * 8 * 1000) / this.shape.bitsPerSecond : 0);
    this.freeAt = finish;
    return finish + this.shape.delayMs;
  }
}

/**
 * A TCP proxy in the bench that plays a slow line between the browser and the server: every chunk is held
 * `delayMs` in each direction and paced to `bitsPerSecond` (one queue per direction for all connections),
 * and a new connection's first bytes wait one round trip for the handshake a real line would take. Each
 * connection's sender is paused while it has more than a bottleneck buffer queued, so TCP's back-pressure
 * still shares the line between connections. Loss is not the proxy's: iptables drops packets on its port.
 */
export async function startLinkProxy(targetPort: number, shape: LinkShape): Promise<LinkProxy> {
  const up = new Direction(shape);
  const down = new Direction(shape);
  let connections = 0;
  const sockets = new Set<Socket>();

  const pipe = (from: Socket, to: Socket, direction: Direction, notBefore: () => number): void => {
    let queued = 0;
    let lastDelivery = 0;
    from.on('data', (chunk: Buffer) => {
      for (let offset = 0; offset < chunk.length; offset += SEGMENT_BYTES) {
        const segment = chunk.subarray(offset, offset + SEGMENT_BYTES);
        // Arrivals in one connection keep their order even if timers of equal deadline were reordered.
        const at = Math.max(direction.schedule(segment.length, notBefore()), lastDelivery);
        lastDelivery = at;
        queued += segment.length;
        const deliver = (): void => {
          queued -= segment.length;
          if (!to.destroyed) to.write(segment);
          if (queued < QUEUE_LIMIT_BYTES && from.isPaused()) from.resume();
        };
        const wait = at - performance.now();
        if (wait <= 0 && queued === segment.length) deliver();
        else setTimeout(deliver, Math.max(0, wait));
      }
      if (queued >= QUEUE_LIMIT_BYTES) from.pause();
    });
    // A close travels the line too: end the far side once what was sent before it has arrived.
    from.on('end', () => setTimeout(() => to.end(), Math.max(lastDelivery, performance.now() + shape.delayMs) - performance.now()));
  };

  const server: Server = createServer({ noDelay: true, allowHalfOpen: true }, (client) => {
    connections += 1;
    const handshakeDone = performance.now() + 2 * shape.delayMs;
    const upstream = connect({ port: targetPort, host: '127.0.0.1', noDelay: true, allowHalfOpen: true });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    pipe(client, upstream, up, () => handshakeDone);
    pipe(upstream, client, down, () => 0);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    bytes: () => ({ up: up.bytes, down: down.bytes, connections }),
    resetBytes() {
      up.bytes = 0;
      down.bytes = 0;
      connections = 0;
    },
    idleMs: () => performance.now() - Math.max(up.lastAt, down.lastAt),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
