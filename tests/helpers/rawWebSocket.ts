import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { upgradeRequest } from './rawHttp';

/** A WebSocket opened by hand on a raw socket, with no client library to shape or limit what is sent. */
export interface RawWebSocket {
  readonly socket: Socket;
  /** The handshake's answer headers, lower-cased. */
  readonly headers: Record<string, string>;
  /** Resolves with the close code of the server's close frame, or null when the socket ended without one. */
  readonly closed: Promise<number | null>;
}

/** Opens a WebSocket to `target` offering `extensions`; rejects unless the server answers 101. */
export function openRawWebSocket(port: number, target: string, extensions: string): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let opened = false;
    let closeCode: ((code: number | null) => void) | undefined;
    const closed = new Promise<number | null>((r) => (closeCode = r));
    socket.on('error', (error) => (opened ? closeCode!(null) : reject(error)));
    socket.on('close', () => (opened ? closeCode!(null) : reject(new Error('closed before the handshake'))));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!opened) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const [status, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
        buffer = buffer.subarray(end + 4);
        if (!/^HTTP\/1\.1 101/.test(status!)) return reject(new Error(`Expected 101, got '${status}'`));
        opened = true;
        const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
        resolve({ socket, headers, closed });
      }
      // The server's frames are unmasked; only the close frame matters here.
      for (;;) {
        const frame = readFrame(buffer);
        if (!frame) break;
        buffer = buffer.subarray(frame.length);
        if (frame.opcode === 0x8) closeCode!(frame.payload.byteLength >= 2 ? frame.payload.readUInt16BE(0) : null);
      }
    });
    socket.on('connect', () => socket.write(upgradeRequest(target, [`Sec-WebSocket-Extensions: ${extensions}`])));
  });
}

/** A masked client frame (FIN set), binary unless told; `compressed` sets RSV1, the permessage-deflate bit. */
export function clientFrame(payload: Buffer, options: { compressed?: boolean; opcode?: number } = {}): Buffer {
  const first = 0x80 | (options.compressed ? 0x40 : 0) | (options.opcode ?? 0x2);
  const length = payload.byteLength;
  const header = length < 126 ? Buffer.from([first, 0x80 | length]) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (length >= 126) {
    header[0] = first;
    if (length < 65536) {
      header[1] = 0x80 | 126;
      header.writeUInt16BE(length, 2);
    } else {
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(length), 2);
    }
  }
  const mask = randomBytes(4);
  const masked = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) masked[i] = payload[i]! ^ mask[i & 3]!;
  return Buffer.concat([header, mask, masked]);
}

function readFrame(buffer: Buffer): { opcode: number; payload: Buffer; length: number } | null {
  if (buffer.byteLength < 2) return null;
  const opcode = buffer[0]! & 0x0f;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.byteLength < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.byteLength < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  if (buffer.byteLength < offset + length) return null;
  return { opcode, payload: buffer.subarray(offset, offset + length), length: offset + length };
}
