import { get, type IncomingMessage } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, constants as zlibConstants, createDeflateRaw, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from 'vite';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { generateAct } from '../../bench/lib/act';
import { seedActState } from '../../server/lexical/seed';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { startCountingProxy, type CountingProxy } from '../helpers/countingProxy';
import { clientFrame, openRawWebSocket } from '../helpers/rawWebSocket';
import { serverAnswered } from '../helpers/syncProbe';
import { ROOT, removeDir, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

// Issue 14, "Small transfers": bytes on the wire with compression against without it, for a 40-page act, for
// the page's assets and for the sync; caching of the assets; event streams still live.

/**
 * What compression must achieve to be worth having on a poor line: at least halve the bytes. Minified
 * JavaScript, CSS, JSON and Georgian text in UTF-8 (three bytes a letter, from one small block of code points)
 * all shrink to a third or less under any deflate or Brotli level, so half leaves a wide margin.
 */
const MUST_SHRINK_TO = 0.5;

let dataDir: string;
let rendererDir: string;
let server: Awaited<ReturnType<typeof startTestServer>>;
let proxy: CountingProxy;
let docId: string;
let token: string;
let stateBytes: number;
const clients: Array<{ destroy(): void }> = [];

beforeAll(async () => {
  // The production renderer, built the way `npm run serve` serves it, into a folder of this test's own.
  rendererDir = mkdtempSync(join(tmpdir(), 'sajaro-renderer-'));
  await build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'silent', build: { outDir: rendererDir, emptyOutDir: true } });
  dataDir = tempDataDir();
  server = await startTestServer(dataDir, { rendererDir });
  token = server.workspace.ownerToken;
  proxy = await startCountingProxy(server.port);
  // A generated 40-page act cannot come from a template: the act is created blank through the documents
  // service (row, first stage, audit) and its stored state replaced before anyone opens it, as the bench does.
  const act = generateAct({ pages: 40, seed: 14 });
  const created = server.workspace.documents.create({ title: 'Forty pages', language: 'ka' });
  if (!created.ok) throw new Error(created.error);
  docId = created.value.id;
  const state = seedActState(act.blocks, docId);
  stateBytes = state.byteLength;
  server.workspace.db.transaction(() => {
    server.workspace.db.prepare('DELETE FROM doc_updates WHERE doc_id = ?').run(docId);
    server.workspace.store.append(docId, state);
  })();
  server.workspace.documents.textChanged(docId);
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  await proxy?.close();
  await server?.stop();
  removeDir(dataDir);
  rmSync(rendererDir, { recursive: true, force: true });
});

interface Fetched {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  /** The body as it came, still encoded. */
  readonly raw: Buffer;
  /** The body decoded per its Content-Encoding. */
  readonly body: Buffer;
  /** Bytes the server sent for this request, headers included, counted by the proxy. */
  readonly wire: number;
}

/** A GET through the counting proxy on a fresh connection, with no client decoding the body on the way. */
function fetchRaw(path: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const before = proxy.down();
  return new Promise((resolve, reject) => {
    const request = get(`${proxy.url}${path}`, { agent: false, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        let body = raw;
        try {
          if (raw.byteLength > 0 && encoding === 'br') body = brotliDecompressSync(raw);
          if (raw.byteLength > 0 && encoding === 'gzip') body = gunzipSync(raw);
        } catch (error) {
          return reject(new Error(`${path}: the ${encoding} body does not decode: ${(error as Error).message}`));
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, raw, body, wire: proxy.down() - before });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const COMPRESSED = { 'Accept-Encoding': 'br, gzip' };
const IDENTITY = { 'Accept-Encoding': 'identity' };

/** The page and the files it references, as a browser fetches them on a first visit. */
async function pageFiles(): Promise<string[]> {
  const page = await fetchRaw('/', IDENTITY);
  const assets = [...page.body.toString('utf8').matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  return ['/', ...assets];
}

describe('HTTP: compressed as negotiated, and cached by content hash', () => {
  test("the page's assets (index.html, JS, CSS) cross the wire in less than half the bytes with br or gzip, and decode to the same files", async () => {
    const files = await pageFiles();
    expect(files.some((f) => f.endsWith('.js')) && files.some((f) => f.endsWith('.css'))).toBe(true);
    let plain = 0;
    let compressed = 0;
    for (const file of files) {
      const identity = await fetchRaw(file, IDENTITY);
      const brotli = await fetchRaw(file, COMPRESSED);
      const gzip = await fetchRaw(file, { 'Accept-Encoding': 'gzip' });
      expect([identity.status, brotli.status, gzip.status]).toEqual([200, 200, 200]);
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(brotli.body.equals(identity.body), `${file} decodes to the same bytes`).toBe(true);
      expect(gzip.body.equals(identity.body), `${file} (gzip) decodes to the same bytes`).toBe(true);
      if (file !== '/') {
        // Brotli preferred when offered; gzip for a client that offers only gzip.
        expect(brotli.headers['content-encoding']).toBe('br');
        expect(gzip.headers['content-encoding']).toBe('gzip');
        expect(brotli.headers.vary).toMatch(/accept-encoding/i);
        // Scripts and styles go as the build precompressed them (Brotli 11), not compressed again per request.
        expect(brotli.raw.equals(readFileSync(join(rendererDir, `${file}.br`))), `${file} is the build's .br`).toBe(true);
      }
      plain += identity.wire;
      compressed += brotli.wire;
    }
    console.log(`[transfer] page assets: ${plain} bytes plain, ${compressed} bytes with br (${((100 * compressed) / plain).toFixed(1)} %)`);
    expect(compressed).toBeLessThan(plain * MUST_SHRINK_TO);
  });

  test("the 40-page act's model (JSON) is compressed; the .docx, already a zip, is sent as it is", async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const plain = await fetchRaw(`/api/documents/${docId}/model`, { ...auth, ...IDENTITY });
    const brotli = await fetchRaw(`/api/documents/${docId}/model`, { ...auth, ...COMPRESSED });
    expect([plain.status, brotli.status]).toEqual([200, 200]);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotli.body.toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
    console.log(`[transfer] act model: ${plain.wire} bytes plain, ${brotli.wire} with br`);
    expect(brotli.wire).toBeLessThan(plain.wire * MUST_SHRINK_TO);

    const docx = await fetchRaw(`/api/documents/${docId}/export.docx`, { ...auth, ...COMPRESSED });
    expect(docx.status).toBe(200);
    expect(docx.headers['content-encoding']).toBeUndefined();
    expect(docx.raw.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('small JSON answers go as they are; a client that asks for no encoding gets none', async () => {
    const health = await fetchRaw('/api/health', COMPRESSED);
    expect(health.headers['content-encoding']).toBeUndefined();
    const model = await fetchRaw(`/api/documents/${docId}/model`, { Authorization: `Bearer ${token}` });
    expect(model.headers['content-encoding']).toBeUndefined();
  });

  test('hashed assets are immutable for a year; the page, deep links and the service worker are revalidated, with a 304 when unchanged', async () => {
    const [, ...assets] = await pageFiles();
    for (const asset of assets) {
      expect(asset).toMatch(/^\/assets\/.+-[A-Za-z0-9_-]{8,}\.(js|css)$/);
      expect((await fetchRaw(asset, COMPRESSED)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const path of ['/', '/sw.js', `/documents/${docId}`]) {
      const answer = await fetchRaw(path, COMPRESSED);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['cache-control'], path).toBe('no-cache');
    }
    const page = await fetchRaw('/', COMPRESSED);
    expect(page.headers.etag).toBeTruthy();
    const again = await fetchRaw('/', { ...COMPRESSED, 'If-None-Match': page.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.raw.byteLength).toBe(0);
    const script = assets.find((a) => a.endsWith('.js'))!;
    const first = await fetchRaw(script, COMPRESSED);
    expect((await fetchRaw(script, { ...COMPRESSED, 'If-None-Match': first.headers.etag! })).status).toBe(304);
  });

  test('event streams stay live and unencoded when the client accepts br and gzip', async () => {
    const open = (path: string) =>
      new Promise<{ headers: IncomingMessage['headers']; text: () => string; close: () => void }>((resolve, reject) => {
        const request = get(`${server.url}${path}`, { headers: { ...COMPRESSED, Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          resolve({ headers: response.headers, text: () => body, close: () => request.destroy() });
        });
        request.on('error', reject);
      });
    const events = await open('/api/events');
    const review = await open(`/api/documents/${docId}/review/events`);
    clients.push({ destroy: events.close }, { destroy: review.close });
    for (const stream of [events, review]) {
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(stream.headers['content-encoding']).toBeUndefined();
    }
    await waitFor(() => events.text().includes('event: ready') && review.text().includes('event: ready'), 'both streams are ready');
    // Each event arrives while the stream stays open, not buffered until it ends.
    const created = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'A second act', language: 'en' }),
    });
    expect(created.status).toBe(201);
    await waitFor(() => events.text().includes('event: document'), 'the workspace stream delivers the new act live', 5_000);
    server.workspace.review.events.publish(docId, 'comments');
    await waitFor(() => review.text().includes('event: comments'), 'the review stream delivers its event live', 5_000);
  });
});

/** ws with permessage-deflate refused, as a client that does not offer it. */
class PlainWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols, { perMessageDeflate: false });
  }
}

/** Opens a stock provider through the proxy and resolves when it has synced, with the bytes received so far. */
async function syncThroughProxy(polyfill: typeof WebSocket | typeof PlainWebSocket): Promise<{ doc: Y.Doc; provider: WebsocketProvider; wire: number }> {
  const before = proxy.down();
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${proxy.url.replace(/^http/, 'ws')}/sync`, docId, doc, {
    params: { token },
    disableBc: true,
    WebSocketPolyfill: polyfill as unknown as typeof globalThis.WebSocket,
  });
  clients.push({ destroy: () => provider.destroy() }, doc);
  await waitFor(() => provider.synced, 'the stock client synced', 60_000);
  return { doc, provider, wire: proxy.down() - before };
}

describe('sync: permessage-deflate, state-vector resync, and the size cap on inflated messages', () => {
  test("a stock client's initial sync of the 40-page act takes less than half the bytes with permessage-deflate", async () => {
    const plain = await syncThroughProxy(PlainWebSocket);
    const deflated = await syncThroughProxy(WebSocket);
    expect((plain.provider.ws as unknown as WebSocket).extensions).toBe('');
    expect((deflated.provider.ws as unknown as WebSocket).extensions).toMatch(/permessage-deflate/);
    // Both have the whole act.
    const text = (doc: Y.Doc) => doc.get('root', Y.XmlText).toString();
    expect(text(deflated.doc).length).toBeGreaterThan(100_000);
    expect(text(deflated.doc)).toBe(text(plain.doc));
    console.log(`[transfer] initial sync: state ${stateBytes} bytes; on the wire ${plain.wire} plain, ${deflated.wire} deflated`);
    expect(plain.wire).toBeGreaterThan(stateBytes);
    expect(deflated.wire).toBeLessThan(plain.wire * MUST_SHRINK_TO);
  });

  test('a client that reconnects with its state vector receives only what it lacks: a small remote edit, not the act', async () => {
    const member: LexicalClient = await connectClient(proxy.url, docId, token);
    clients.push(member);
    const firstWire = proxy.down();
    member.provider.disconnect();

    const remote = await connectClient(server.url, docId, token);
    clients.push(remote);
    const edit = 'ცვლილება ოცდათოთხმეტი';
    remote.type(edit);
    await serverAnswered(remote.provider);

    // The server's sync step 2 on the second connection: the update it sends against the client's state vector.
    const steps: Uint8Array[] = [];
    const handlers = member.provider.messageHandlers;
    const original = handlers[0]!;
    handlers[0] = (encoder, decoder, provider, emitSynced, messageType) => {
      const copy = decoding.clone(decoder);
      if (decoding.readVarUint(copy) === syncProtocol.messageYjsSyncStep2) steps.push(decoding.readVarUint8Array(copy));
      original(encoder, decoder, provider, emitSynced, messageType);
    };
    const before = proxy.down();
    member.provider.connect();
    await waitFor(() => member.text().includes(edit), 'the reconnected member has the remote edit', 30_000);
    const secondWire = proxy.down() - before;

    expect(steps).toHaveLength(1);
    const step2 = steps[0]!;
    const inserted = Y.decodeUpdate(step2).structs.some((s) => s instanceof Y.Item && s.content instanceof Y.ContentString && s.content.str.includes(edit));
    expect(inserted, 'the step 2 carries the edit').toBe(true);
    console.log(`[transfer] resync: step 2 of ${step2.byteLength} bytes against a state of ${stateBytes}; second connection ${secondWire} bytes on the wire`);
    // The edit is some 60 bytes of UTF-8; with its structure and the act's delete set a few hundred. A twentieth
    // of the state would already be 30 kB: far more than what is missing, far less than a full resync.
    expect(step2.byteLength).toBeLessThan(stateBytes / 20);
    expect(secondWire).toBeLessThan(firstWire / 10);
  });

  test('a client that asks for a smaller server window than ours gets plain frames, not a refused handshake', async () => {
    const narrow = await openRawWebSocket(server.port, `/sync/${docId}?token=${token}`, 'permessage-deflate; server_max_window_bits=10');
    narrow.socket.destroy();
    expect(narrow.headers['sec-websocket-extensions']).toBeUndefined();
    const usual = await openRawWebSocket(server.port, `/sync/${docId}?token=${token}`, 'permessage-deflate; server_max_window_bits=15');
    usual.socket.destroy();
    expect(usual.headers['sec-websocket-extensions']).toMatch(/permessage-deflate; server_max_window_bits=13/);
  });

  test('a compressed frame that inflates far past the cap is closed with 1009 before it is inflated whole; the server keeps serving', async () => {
    // 64 times the default cap of 8 MiB (SERVER_DEFAULTS.maxSyncMessageBytes).
    const inflatedBytes = 512 * 1024 * 1024;
    const bomb = await deflateZeros(inflatedBytes);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);

    const socket = await openRawWebSocket(server.port, `/sync/${docId}?token=${token}`, 'permessage-deflate; client_max_window_bits');
    expect(socket.headers['sec-websocket-extensions']).toMatch(/permessage-deflate/);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    socket.socket.write(clientFrame(bomb, { compressed: true }));
    const code = await socket.closed;
    clearInterval(sampler);
    socket.socket.destroy();

    expect(code).toBe(1009);
    expect(server.logs.some((line) => line.includes('message too large'))).toBe(true);
    // Inflated whole, it would hold 512 MiB; stopped at the cap it holds about 8 MiB and zlib's buffers.
    console.log(`[transfer] zip bomb: peak RSS +${((peak - baseline) / 2 ** 20).toFixed(1)} MiB`);
    expect(peak - baseline).toBeLessThan(128 * 1024 * 1024);

    const after = await syncThroughProxy(WebSocket);
    expect(after.doc.get('root', Y.XmlText).length).toBeGreaterThan(0);
  });
});

/** A raw-deflate message body (RFC 7692: sync-flushed, its 00 00 ff ff tail removed) of `bytes` zeros. */
function deflateZeros(bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
    deflate.on('error', reject);
    const zeros = Buffer.alloc(1024 * 1024);
    let written = 0;
    const writeMore = (): void => {
      while (written < bytes) {
        written += zeros.byteLength;
        if (!deflate.write(zeros)) return void deflate.once('drain', writeMore);
      }
      deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
        const all = Buffer.concat(chunks);
        resolve(all.subarray(0, all.byteLength - 4));
      });
    };
    writeMore();
  });
}
