import { connect } from 'node:net';

/** What came back on a raw socket: the status (0 when nothing parseable came) and the whole text. */
export interface RawAnswer {
  readonly status: number;
  readonly text: string;
  /** True when the server closed the socket (rather than the test giving up waiting). */
  readonly closed: boolean;
}

/**
 * Writes bytes to the server exactly as given, with no client library normalising the target, headers or
 * body, and reads what comes back until the server closes or `waitMs` passes.
 */
export function rawRequest(port: number, data: string | Buffer, options: { waitMs?: number; endAfterWrite?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, text, closed });
    };
    const timer = setTimeout(() => finish(false), options.waitMs ?? 2_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', () => {
      socket.write(data);
      if (options.endAfterWrite) socket.end();
    });
  });
}

/** A GET with the target exactly as given and `Connection: close`. */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const lines = [`GET ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return rawRequest(port, `${lines.join('\r\n')}\r\n\r\n`);
}

/** The headers of a WebSocket upgrade to a raw target. */
export function upgradeRequest(target: string, extra: string[] = [], host: string | null = '127.0.0.1'): string {
  return [
    `GET ${target} HTTP/1.1`,
    ...(host ? [`Host: ${host}`] : []),
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ...extra,
    '',
    '',
  ].join('\r\n');
}
