import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { MESSAGE_HEARTBEAT } from '../../shared/sync/linkWatchdog';
import { api, removeDir, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

const PING_MS = 200;

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await server?.stop();
  if (dataDir) removeDir(dataDir);
  server = undefined;
  dataDir = undefined;
});

async function startWithAct(): Promise<{ server: Server; docId: string; token: string }> {
  dataDir = tempDataDir();
  server = await startTestServer(dataDir, { syncPingIntervalMs: PING_MS });
  const token = server.workspace.ownerToken;
  const created = await api(server, token, 'POST', '/api/documents', { templateId: 'citizen-reception', language: 'ka', municipality: 'tsageri', values: {} });
  expect(created.status).toBe(201);
  return { server, docId: created.body.id as string, token };
}

/**
 * A client that completes the WebSocket handshake by hand and then reads but never answers: no pongs, no
 * close. That is what the server sees of a member whose line died without a word.
 */
function silentSocket(port: number, path: string): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let head = '';
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now())));
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      if (head.includes('\r\n\r\n')) return;
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      if (!head.startsWith('HTTP/1.1 101')) reject(new Error(`expected 101, got ${head.split('\r\n')[0]}`));
      else resolve({ socket, closed });
    });
    socket.on('connect', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`),
    );
  });
}

describe('the sync heartbeat', () => {
  test('the server drops a socket that stops answering its pings, and its member leaves the room', async () => {
    const { server, docId, token } = await startWithAct();
    const opened = Date.now();
    const { closed } = await silentSocket(server.port, `/sync/${docId}?token=${token}`);
    const at = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 5_000))]);
    expect(at).toBeGreaterThan(0);
    // Dropped at the second ping at the earliest (the first is unanswered), within a few intervals.
    expect(at - opened).toBeGreaterThanOrEqual(PING_MS);
    expect(at - opened).toBeLessThan(10 * PING_MS);
    expect(server.logs.some((line) => line.includes('did not answer the last ping'))).toBe(true);
    await waitFor(() => server.workspace.sync.openRoom(docId) === undefined, 'the room of the dropped socket is freed');
  });

  test('a client that answers pings stays connected, and its heartbeat probe is answered with the same byte', async () => {
    const { server, docId, token } = await startWithAct();
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/sync/${docId}?token=${token}`);
    const received: Uint8Array[] = [];
    let closedAt = 0;
    ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    ws.on('close', () => (closedAt = Date.now()));
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 6 * PING_MS));
    expect(closedAt).toBe(0);
    const before = received.length;
    ws.send(Uint8Array.of(MESSAGE_HEARTBEAT));
    await waitFor(() => received.slice(before).some((m) => m.length === 1 && m[0] === MESSAGE_HEARTBEAT), 'the probe is answered');
    ws.close();
  });
});
