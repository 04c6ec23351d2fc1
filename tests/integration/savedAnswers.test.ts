import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { apiFetch, ApiError } from '../../renderer/src/connection/api';
import { savedAnswer, staleSince } from '../../renderer/src/connection/apiCache';

/** Node 20 has no localStorage: a plain in-memory one, with the methods the cache uses. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, String(value));
  removeItem = (key: string) => void this.items.delete(key);
}

let server: Server;
let status = 200;
let port = 0;

beforeEach(async () => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  status = 200;
  server = createServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(status === 200 ? { current: 'drafting' } : { error: { code: 'not_found', message: 'Unknown document' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterEach(async () => {
  if (server.listening) await new Promise((resolve) => server.close(resolve));
});

describe('saved answers of the act', () => {
  test('a good answer is kept, and given back marked stale when the server cannot be reached', async () => {
    const session = { serverUrl: `http://127.0.0.1:${port}`, token: 't' };
    const path = '/api/documents/doc-abcdefgh/stages';
    expect(await apiFetch(session, path)).toEqual({ current: 'drafting' });
    expect(savedAnswer(session, path)?.body).toEqual({ current: 'drafting' });
    expect(staleSince('/api/documents/doc-abcdefgh')).toBeNull();

    await new Promise((resolve) => server.close(resolve));
    expect(await apiFetch(session, path)).toEqual({ current: 'drafting' });
    expect(staleSince('/api/documents/doc-abcdefgh')).toBe(savedAnswer(session, path)!.at);
  });

  test("the server's refusal is never hidden behind a saved copy, and writes are never answered from one", async () => {
    const session = { serverUrl: `http://127.0.0.1:${port}`, token: 't' };
    const path = '/api/documents/doc-ijklmnop/stages';
    await apiFetch(session, path);
    status = 404;
    await expect(apiFetch(session, path)).rejects.toBeInstanceOf(ApiError);
    await new Promise((resolve) => server.close(resolve));
    await expect(apiFetch(session, `${path.replace('/stages', '')}/transitions`, { method: 'POST', body: {} })).rejects.toMatchObject({ code: 'network' });
  });
});
