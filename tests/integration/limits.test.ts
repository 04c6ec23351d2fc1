import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { SERVER_DEFAULTS, type ServerOptions } from '../../server/config';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { api, waitFor } from '../helpers/testServer';

/**
 * Issue 11, point 7: limits that fit an office behind one address. Honest use counts per member, rejected
 * tokens per address; a locked-out address still lets valid tokens in (server/auth/authLimiter.ts says why).
 * These tests run with the real defaults unless they say otherwise.
 */

const cleanup = cleanupAfterEach();

const REAL_LIMITS: Partial<ServerOptions> = {
  apiRequestsPerMinute: SERVER_DEFAULTS.apiRequestsPerMinute,
  syncConnectionsPerMinute: SERVER_DEFAULTS.syncConnectionsPerMinute,
  failedAuthPerMinute: SERVER_DEFAULTS.failedAuthPerMinute,
};

type Answer = { status: number; body: string; retryAfter: string | undefined };

/** An API GET from a chosen local address (127.0.0.0/8 is all loopback on Linux). */
function getFrom(server: { url: string }, path: string, token: string | null, localAddress = '127.0.0.1'): Promise<Answer> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, localAddress, headers: token ? { Authorization: `Bearer ${token}` } : {} },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, retryAfter: res.headers['retry-after'] }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A raw sync upgrade from a chosen local address: 101, or the refusal's status and body. */
function upgradeFrom(server: { url: string }, docId: string, token: string, localAddress = '127.0.0.1'): Promise<Answer> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${docId}?token=${encodeURIComponent(token)}`, { localAddress });
    ws.on('open', () => {
      ws.close();
      resolve({ status: 101, body: '', retryAfter: undefined });
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, retryAfter: res.headers['retry-after'] }));
    });
    ws.on('error', () => undefined);
  });
}

const badToken = (i: number) => `not-a-member-token-${i}`;

describe('limits for an office behind one address', () => {
  test('40 members behind one address each open 3 acts within a minute, with their API calls: nobody gets 429', async () => {
    const { server, token: owner } = await serverForTest(cleanup, REAL_LIMITS);
    const started = Date.now();
    const acts: string[] = [];
    for (const title of ['Code of ethics', 'Hotline rules', 'E-petition rules']) {
      acts.push((await api(server, owner, 'POST', '/api/documents', { title, language: 'en' })).body.id);
    }
    const tokens: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const created = await api(server, owner, 'POST', '/api/members', { name: `Member ${i + 1}`, role: i % 4 === 0 ? 'reviewer' : 'drafter' });
      expect(created.status).toBe(201);
      tokens.push(created.body.token);
    }

    const statuses: number[] = [];
    const connectionErrors: string[] = [];
    const providers: WebsocketProvider[] = [];
    cleanup.push(() => providers.forEach((p) => p.destroy()));
    // Each provider listens for the process's exit; 120 of them are expected here, not a leak.
    const maxListeners = process.getMaxListeners();
    process.setMaxListeners(200);
    cleanup.push(() => process.setMaxListeners(maxListeners));
    // What the web app asks when a member opens the act list and then an act, as in renderer/src.
    const openAct = async (token: string, docId: string) => {
      for (const path of [`/api/documents/${docId}`, '/api/me', '/api/workflow', `/api/documents/${docId}/stages`, `/api/documents/${docId}/versions`, `/api/documents/${docId}/comments`, `/api/documents/${docId}/reviews`]) {
        statuses.push((await getFrom(server, path, token)).status);
      }
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, docId, doc, {
        params: { token },
        disableBc: true,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      });
      providers.push(provider);
      provider.on('connection-error', (event) => connectionErrors.push(String((event as unknown as { message?: string }).message ?? event.type)));
      await waitFor(() => {
        // A refused upgrade makes the provider retry quietly; fail at once instead of at the timeout.
        if (connectionErrors.length) throw new Error(`A sync connection was refused: ${connectionErrors[0]}`);
        return provider.synced;
      }, `member to sync ${docId}`, 50_000);
      // The act's text arrived: the server's state, not an empty doc that only said hello.
      expect(doc.store.clients.size).toBeGreaterThan(0);
    };
    await Promise.all(
      tokens.map(async (token) => {
        statuses.push((await getFrom(server, '/api/documents', token)).status);
        await Promise.all(acts.map((docId) => openAct(token, docId)));
      }),
    );

    expect(Date.now() - started).toBeLessThan(60_000);
    expect(providers).toHaveLength(120);
    expect(connectionErrors).toEqual([]);
    expect(statuses).toHaveLength(40 * (1 + 3 * 7));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(server.logs.filter((line) => line.startsWith('[auth]'))).toEqual([]);
  });

  test('a flood of bad tokens from one address gets 429 on the API and the sync endpoint; valid tokens and other addresses still get in', async () => {
    const { server, token: owner } = await serverForTest(cleanup, REAL_LIMITS);
    const docId = (await api(server, owner, 'POST', '/api/documents', { title: 'Code of ethics', language: 'en' })).body.id as string;
    const limit = SERVER_DEFAULTS.failedAuthPerMinute;

    // The API and the sync endpoint count into one table: half the allowance on each, and no token at all.
    const first: number[] = [];
    for (let i = 0; i < limit / 2; i += 1) first.push((await getFrom(server, '/api/documents', i === 0 ? null : badToken(i))).status);
    for (let i = limit / 2; i < limit; i += 1) first.push((await upgradeFrom(server, docId, badToken(i))).status);
    expect(first).toEqual([...Array(limit / 2).fill(401), ...Array(limit / 2).fill(401)]);

    const apiRefused = await getFrom(server, '/api/documents', badToken(100));
    expect(apiRefused.status).toBe(429);
    expect(Number(apiRefused.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(apiRefused.body).error).toEqual({
      code: 'rate_limited',
      message: expect.stringMatching(new RegExp(`^Too many rejected tokens from this address \\(more than ${limit} a minute\\): try again in \\d+ s with a valid token$`)),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect(JSON.parse(apiRefused.body)).not.toHaveProperty('documents');
    const syncRefused = await upgradeFrom(server, docId, badToken(101));
    expect(syncRefused.status).toBe(429);
    expect(JSON.parse(syncRefused.body).error.code).toBe('rate_limited');
    expect(Number(syncRefused.retryAfter)).toBeGreaterThan(0);
    expect((await getFrom(server, '/api/documents', null)).status).toBe(429);

    // The office shares the address: a colleague with a valid token still gets in, on both channels.
    const colleague = (await api(server, owner, 'POST', '/api/members', { name: 'Nino', role: 'drafter' })).body.token as string;
    const honest = await getFrom(server, '/api/documents', colleague);
    expect(honest.status).toBe(200);
    expect(JSON.parse(honest.body).documents.map((d: { id: string }) => d.id)).toEqual([docId]);
    expect((await upgradeFrom(server, docId, colleague)).status).toBe(101);
    // Another address has its own count.
    expect((await getFrom(server, '/api/documents', badToken(200), '127.0.0.2')).status).toBe(401);
    expect((await upgradeFrom(server, docId, badToken(201), '127.0.0.2')).status).toBe(401);
    // One log line for the lockout, not one per refused token.
    expect(server.logs.filter((line) => line.startsWith('[auth] 127.0.0.1: more than 20 rejected tokens'))).toHaveLength(1);
  });

  test('many other addresses cannot reset the count of a locked-out address', async () => {
    const { server } = await serverForTest(cleanup, { ...REAL_LIMITS, limiterTrackedKeys: 8 });
    const limit = SERVER_DEFAULTS.failedAuthPerMinute;
    for (let i = 0; i <= limit; i += 1) await getFrom(server, '/api/documents', badToken(i), '127.0.0.1');
    expect((await getFrom(server, '/api/documents', badToken(99), '127.0.0.1')).status).toBe(429);
    // 60 more addresses, each guessing once: more than the table holds.
    const others: number[] = [];
    for (let i = 0; i < 60; i += 1) others.push((await getFrom(server, '/api/documents', badToken(i), `127.0.1.${i + 1}`)).status);
    // The first addresses get places of their own; the rest share the overflow bucket, which fills and refuses.
    expect(others.slice(0, 7)).toEqual(Array(7).fill(401));
    expect(others.slice(-10)).toEqual(Array(10).fill(429));
    expect((await getFrom(server, '/api/documents', badToken(100), '127.0.0.1')).status).toBe(429);
  });

  test('API requests count per member: one member over the limit gets 429, a colleague at the same address does not', async () => {
    const { server, token: owner } = await serverForTest(cleanup, { ...REAL_LIMITS, apiRequestsPerMinute: 5 });
    const [nino, giorgi] = [
      (await api(server, owner, 'POST', '/api/members', { name: 'Nino', role: 'drafter' })).body.token as string,
      (await api(server, owner, 'POST', '/api/members', { name: 'Giorgi', role: 'drafter' })).body.token as string,
    ];
    const ninos: number[] = [];
    for (let i = 0; i < 6; i += 1) ninos.push((await getFrom(server, '/api/me', nino)).status);
    expect(ninos).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await getFrom(server, '/api/me', nino);
    expect(JSON.parse(refused.body).error.message).toMatch(/^Too many requests: at most 5 a minute per member; try again in \d+ s$/);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await getFrom(server, '/api/me', giorgi)).status).toBe(200);
    // Public routes are not counted against anyone.
    for (let i = 0; i < 10; i += 1) expect((await getFrom(server, '/api/health', null)).status).toBe(200);
  });
});
