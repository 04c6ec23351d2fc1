import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectClient } from '../helpers/lexicalClient';
import { rawGet, rawRequest, upgradeRequest, type RawAnswer } from '../helpers/rawHttp';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { api, removeDir, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

/** Words that stand only in the act's title and text: no refused answer may carry them. */
const SECRET_TITLE = 'Secret procurement rules';

/**
 * Every form of a protected path that an attacker might send hoping that the auth check and the router read
 * it differently (issue 11): percent-encoded letters, double and trailing slashes, dot segments, case
 * variants, absolute-form targets, `;` parameters, and more.
 */
function pathForms(path: string, port: number): string[] {
  const rest = path.slice('/api'.length);
  const encodeAll = (segment: string) => [...segment].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
  return [
    `/%61pi${rest}`,
    `/ap%69${rest}`,
    `/%61%70%69${rest}`,
    `/%41%50%49${rest}`,
    `/api${rest.replace(/\//g, '%2f')}`,
    `/api${rest.replace(/\//g, '%2F')}`,
    `/${encodeAll('api')}/${encodeAll(rest.slice(1))}`,
    `/${path}`,
    `//${path.slice(1)}`,
    path.replace('/api/', '/api//'),
    `${path}/`,
    `${path}//`,
    `/api/.${rest}`,
    `/api/x/..${rest}`,
    `/x/..${path}`,
    `/%2e%2e${path}`,
    `/api/%2e${rest}`,
    `/API${rest}`,
    `/Api${rest}`,
    `/api${rest.toUpperCase()}`,
    `http://x${path}`,
    `http://127.0.0.1:${port}${path}`,
    `HTTP://X${path}`,
    `${path};jsessionid=1`,
    `/api;x=1${rest}`,
    `${path}%00`,
    `${path}%20`,
    `${path}?`,
    `${path}#top`,
    `${path}/.`,
    `${path}?token=not-a-token`,
  ];
}

function leaksNothing(answer: RawAnswer, target: string): void {
  expect(answer.status >= 200 && answer.status < 300, `${target} answered ${answer.status}`).toBe(false);
  expect(answer.text, `${target} leaked act data`).not.toContain(SECRET_TITLE);
  expect(answer.text, `${target} leaked act text`).not.toContain('შესყიდვ');
}

describe('the token cannot be bypassed', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let dataDir: string;
  let docId: string;
  let observer: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startTestServer(dataDir);
    const owner = server.workspace.ownerToken;
    docId = (await api(server, owner, 'POST', '/api/documents', { title: SECRET_TITLE, language: 'en' })).body.id;
    const writer = await connectClient(server.url, docId, owner);
    writer.type(' შესყიდვები');
    await waitFor(async () => (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body.includes('შესყიდვები'), 'the text is stored');
    writer.destroy();
    observer = (await api(server, owner, 'POST', '/api/members', { name: 'Observer', role: 'observer' })).body.token;
  });
  afterAll(async () => {
    await server.stop();
    removeDir(dataDir);
  });

  test('no form of a protected path answers without a token', async () => {
    const port = Number(new URL(server.url).port);
    const protectedPaths = [
      '/api/documents',
      `/api/documents/${docId}`,
      `/api/documents/${docId}/text`,
      `/api/documents/${docId}/model`,
      `/api/documents/${docId}/comments`,
      `/api/documents/${docId}/export.docx`,
      '/api/members',
      '/api/me',
      '/api/dashboard',
    ];
    // The plain path with a token does answer with the act: the refusals below are not a server that is down.
    const honest = await rawGet(port, `/api/documents/${docId}/text`, { Authorization: `Bearer ${server.workspace.ownerToken}` });
    expect(honest.status).toBe(200);
    expect(honest.text).toContain('შესყიდვები');
    let forms = 0;
    for (const path of protectedPaths) {
      for (const target of [path, ...pathForms(path, port)]) {
        leaksNothing(await rawGet(port, target), target);
        forms += 1;
      }
    }
    expect(forms).toBeGreaterThan(20 * protectedPaths.length);
  });

  test("an observer's token reaches no coordinator route in any form", async () => {
    const port = Number(new URL(server.url).port);
    for (const path of ['/api/members']) {
      for (const target of [path, ...pathForms(path, port)]) {
        const answer = await rawGet(port, target, { Authorization: `Bearer ${observer}` });
        expect(answer.status >= 200 && answer.status < 300, `${target} answered ${answer.status} to an observer`).toBe(false);
        expect(answer.text).not.toContain('"members"');
      }
    }
    for (const target of ['/api/members', '/%61pi/members', '/api//members', 'http://x/api/members']) {
      const body = JSON.stringify({ name: 'Intruder', role: 'coordinator' });
      const answer = await rawRequest(
        port,
        `POST ${target} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${observer}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      expect(answer.status, `POST ${target}`).not.toBe(201);
    }
    const members = (await api(server, server.workspace.ownerToken, 'GET', '/api/members')).body.members as Array<{ name: string }>;
    expect(members.map((m) => m.name)).not.toContain('Intruder');
  });
});

describe('nothing a client sends stops the server', () => {
  let dataDir: string;
  let server: ServerProcess;
  let docId: string;
  let port: number;

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startServerProcess(dataDir);
    port = Number(new URL(server.url).port);
    docId = (await api(server, server.token, 'POST', '/api/documents', { title: 'Code of ethics', language: 'en' })).body.id;
  });
  afterAll(async () => {
    await server.kill('SIGTERM');
    removeDir(dataDir);
  });

  test('malformed upgrades and requests cost at most their own connection', async () => {
    const token = server.token;
    const honest = await connectClient(server.url, docId, token);
    const nested = '['.repeat(200_000) + ']'.repeat(200_000);
    const post = (target: string, body: string, extra = '') =>
      `POST ${target} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`;
    const attacks: Array<{ name: string; send: () => Promise<RawAnswer>; expectStatus?: number[] }> = [
      { name: 'upgrade //', send: () => rawRequest(port, upgradeRequest('//')), expectStatus: [404] },
      { name: 'upgrade /sync/% with a valid token', send: () => rawRequest(port, upgradeRequest(`/sync/%?token=${token}`)), expectStatus: [400] },
      { name: 'upgrade with a cut UTF-8 escape', send: () => rawRequest(port, upgradeRequest(`/sync/%E0%A4%A?token=${token}`)), expectStatus: [400] },
      { name: 'upgrade with a bad escape in the token', send: () => rawRequest(port, upgradeRequest(`/sync/${docId}?token=%zz%`)), expectStatus: [401] },
      { name: 'upgrade without Host', send: () => rawRequest(port, upgradeRequest(`/sync/${docId}?token=${token}`, [], null)), expectStatus: [400] },
      { name: 'upgrade with a 60 kB path', send: () => rawRequest(port, upgradeRequest(`/sync/${'a'.repeat(60_000)}?token=${token}`)), expectStatus: [431, 404] },
      { name: 'upgrade to an API path', send: () => rawRequest(port, upgradeRequest('/api/documents')), expectStatus: [404] },
      { name: 'upgrade of an absolute-form target', send: () => rawRequest(port, upgradeRequest(`http://x/sync/${docId}?token=${token}`)), expectStatus: [404] },
      { name: 'upgrade to an unknown act', send: () => rawRequest(port, upgradeRequest(`/sync/doc-00000000?token=${token}`)), expectStatus: [404] },
      { name: 'upgrade with a broken WebSocket key', send: () => rawRequest(port, upgradeRequest(`/sync/${docId}?token=${token}`).replace('dGhlIHNhbXBsZSBub25jZQ==', '!')), expectStatus: [400] },
      { name: 'upgrade reset before the handshake', send: () => rawRequest(port, upgradeRequest(`/sync/${docId}?token=${token}`), { waitMs: 1 }) },
      { name: 'GET //', send: () => rawGet(port, '//'), expectStatus: [200, 404] },
      { name: 'GET without Host', send: () => rawRequest(port, 'GET /api/documents HTTP/1.1\r\nConnection: close\r\n\r\n'), expectStatus: [400] },
      { name: 'GET with a 60 kB path', send: () => rawGet(port, `/api/${'a'.repeat(60_000)}`), expectStatus: [431] },
      { name: 'GET with a bad escape', send: () => rawGet(port, '/api/documents/%E0%A4%A'), expectStatus: [400, 404] },
      { name: 'GET absolute-form', send: () => rawGet(port, 'http://x/api/documents'), expectStatus: [401] },
      { name: 'a lying Content-Length', send: () => rawRequest(port, post('/api/documents', '{"title":"x","language":"en"}').replace(/Content-Length: \d+/, 'Content-Length: 5000'), { waitMs: 500, endAfterWrite: true }) },
      {
        name: 'a cut chunked body',
        send: () =>
          rawRequest(port, `POST /api/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"tit\r\n`, { waitMs: 500, endAfterWrite: true }),
      },
      { name: 'a broken chunk size', send: () => rawRequest(port, `POST /api/documents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`), expectStatus: [400] },
      { name: 'deeply nested JSON', send: () => rawRequest(port, post('/api/documents', nested), { waitMs: 10_000 }), expectStatus: [400, 413] },
      { name: '__proto__ keys', send: () => rawRequest(port, post('/api/members', '{"name":"x","role":"observer","__proto__":{"role":"coordinator"}}')), expectStatus: [400] },
      { name: 'constructor.prototype keys', send: () => rawRequest(port, post('/api/documents', '{"title":"x","language":"en","constructor":{"prototype":{"admin":true}}}')), expectStatus: [400] },
      { name: 'JSON that is not JSON', send: () => rawRequest(port, post('/api/documents', '{"title": "x", ')), expectStatus: [400] },
      { name: 'garbage bytes', send: () => rawRequest(port, Buffer.from([0, 255, 13, 10, 13, 10, 1, 2, 3])), expectStatus: [400] },
      { name: 'an event stream dropped at once', send: () => rawRequest(port, `GET /api/events?token=${token} HTTP/1.1\r\nHost: x\r\n\r\n`, { waitMs: 50 }) },
      { name: 'a review stream dropped at once', send: () => rawRequest(port, `GET /api/documents/${docId}/review/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`, { waitMs: 50 }) },
    ];
    for (const attack of attacks) {
      const answer = await attack.send();
      if (attack.expectStatus) expect(attack.expectStatus, `${attack.name}: answered ${answer.status} ${answer.text.slice(0, 200)}`).toContain(answer.status);
      expect(answer.text, attack.name).not.toContain('Code of ethics');
      expect(server.child.exitCode, `the server exited after: ${attack.name}\n${server.output()}`).toBeNull();
      const health = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      expect(health.status, `health after: ${attack.name}`).toBe(200);
    }
    // The honest member connected before the attacks still syncs, and a newcomer sees its edit.
    honest.type(' After the attacks.');
    const newcomer = await connectClient(server.url, docId, token);
    await waitFor(() => newcomer.text().includes('After the attacks.'), 'a newcomer sees the honest edit');
    honest.destroy();
    newcomer.destroy();
    expect(server.output()).not.toContain('uncaught exception');
  });
});
