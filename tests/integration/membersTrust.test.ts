import { get, type IncomingMessage } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { verifyAuditChain } from '../../server/audit/auditLog';
import { api, removeDir, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';

/**
 * Issue 11, points 3, 5 (members), 6 (server) and 9: the workspace always keeps a coordinator, a revoked owner
 * stays revoked across restarts, revocation ends a member's event streams at once, every member decision is
 * in the audit log, and two servers cannot hold one folder.
 */

type Server = Awaited<ReturnType<typeof startTestServer>>;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function serverIn(dir: string, options: Parameters<typeof startTestServer>[1] = {}): Promise<Server> {
  const server = await startTestServer(dir, options);
  cleanups.push(() => server.stop());
  return server;
}

function tempDir(): string {
  const dir = tempDataDir('sajaro-members-');
  cleanups.unshift(() => removeDir(dir));
  return dir;
}

async function addMember(server: Server, actor: string, name: string, role: string): Promise<{ id: string; token: string }> {
  const created = await api(server, actor, 'POST', '/api/members', { name, role });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id, token: created.body.token };
}

/** The member actions in the audit log, oldest first, read from the database itself. */
function memberAudit(server: Server): Array<{ actor: string; action: string; payload: Record<string, unknown> }> {
  return (server.workspace.db.prepare("SELECT actor, action, payload FROM audit_log WHERE action LIKE 'member.%' ORDER BY seq").all() as Array<{ actor: string; action: string; payload: string }>).map(
    (row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }),
  );
}

/** What a refused change must leave alone: every member row and the whole audit log. */
function trustState(server: Server) {
  const db = server.workspace.db;
  return { members: db.prepare('SELECT * FROM members ORDER BY id').all(), audit: verifyAuditChain(db) };
}

/** An SSE stream opened with a raw request, as a browser's EventSource holds it. */
interface RawStream {
  readonly status: number;
  text(): string;
  readonly ended: Promise<void>;
  isEnded(): boolean;
  close(): void;
}

function openStream(url: string, token: string): Promise<RawStream> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } }, (response: IncomingMessage) => {
      let body = '';
      let ended = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      const done = new Promise<void>((settle) => {
        response.once('end', settle);
        response.once('close', settle);
      }).then(() => {
        ended = true;
      });
      resolve({ status: response.statusCode ?? 0, text: () => body, ended: done, isEnded: () => ended, close: () => request.destroy() });
    });
    request.once('error', reject);
  });
}

/** Resolves when the promise does within `ms`; fails naming what did not happen otherwise. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Not within ${ms} ms: ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the workspace always has a coordinator (point 3)', () => {
  test('the last coordinator cannot demote themselves: 409 last_coordinator and nothing changed', async () => {
    const server = await serverIn(tempDir());
    const owner = server.workspace.ownerToken;
    const ownerId = server.workspace.owner.member.id;
    await addMember(server, owner, 'Giorgi', 'drafter');
    const before = trustState(server);
    for (const role of ['drafter', 'reviewer', 'observer']) {
      const refused = await api(server, owner, 'PATCH', `/api/members/${ownerId}`, { role });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('last_coordinator');
      expect(refused.body.error.message).toContain(`'Owner' (${ownerId}) is the last active coordinator`);
    }
    expect(trustState(server)).toEqual(before);
    expect((await api(server, owner, 'GET', '/api/members')).status).toBe(200);
  });

  test('two coordinators revoking or demoting each other at once leave exactly one coordinator', async () => {
    const server = await serverIn(tempDir());
    const owner = server.workspace.ownerToken;
    const ownerId = server.workspace.owner.member.id;
    const tamar = await addMember(server, owner, 'Tamar', 'coordinator');

    const [a, b] = await Promise.all([
      api(server, owner, 'PATCH', `/api/members/${tamar.id}`, { role: 'drafter' }),
      api(server, tamar.token, 'PATCH', `/api/members/${ownerId}`, { role: 'drafter' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    // The loser was either demoted before it was authorised (403) or found itself the last coordinator (409).
    expect([403, 409]).toContain(statuses[1]);
    const left = server.workspace.members.list().filter((m) => m.role === 'coordinator');
    expect(left).toHaveLength(1);

    // Make both coordinators again, then race two revocations.
    const survivor = left[0]!.id === ownerId ? { token: owner, id: ownerId } : tamar;
    const other = survivor.id === ownerId ? tamar : { token: owner, id: ownerId };
    expect((await api(server, survivor.token, 'PATCH', `/api/members/${other.id}`, { role: 'coordinator' })).status).toBe(200);
    const revocations = await Promise.all([
      api(server, survivor.token, 'DELETE', `/api/members/${other.id}`),
      api(server, other.token, 'DELETE', `/api/members/${survivor.id}`),
    ]);
    const revoked = revocations.map((r) => r.status).sort();
    expect(revoked[0]).toBe(204);
    expect([401, 409]).toContain(revoked[1]);
    expect(server.workspace.members.list().filter((m) => m.role === 'coordinator')).toHaveLength(1);
  });

  test('hostile member requests are 4xx JSON naming the problem and change nothing', async () => {
    const server = await serverIn(tempDir());
    const owner = server.workspace.ownerToken;
    const giorgi = await addMember(server, owner, 'Giorgi', 'reviewer');
    const before = trustState(server);
    const cases: Array<[string, string, unknown, number, string]> = [
      ['PATCH', `/api/members/${giorgi.id}`, { role: 'owner' }, 400, 'bad_request'],
      ['PATCH', `/api/members/${giorgi.id}`, { role: 'coordinator', revokedAt: null }, 400, 'bad_request'],
      ['PATCH', `/api/members/${giorgi.id}`, '{"role": "coordinator", "__proto__": {"role": "coordinator"}}', 400, 'bad_request'],
      ['PATCH', `/api/members/${giorgi.id}`, '[', 400, 'bad_request'],
      ['PATCH', '/api/members/m-nope', { role: 'observer' }, 404, 'not_found'],
      ['PATCH', `/api/members/${encodeURIComponent("m-'; DROP TABLE members; --")}`, { role: 'observer' }, 404, 'not_found'],
      ['DELETE', '/api/members/m-nope', undefined, 404, 'not_found'],
      ['DELETE', `/api/members/${server.workspace.owner.member.id}`, undefined, 409, 'conflict'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const answer = await api(server, owner, method, path, body);
      expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(answer.body.error.code).toBe(code);
    }
    // A reviewer may not manage members at all, whatever the body.
    expect((await api(server, giorgi.token, 'PATCH', `/api/members/${giorgi.id}`, { role: 'coordinator' })).status).toBe(403);
    expect(trustState(server)).toEqual(before);
  });
});

describe('a revoked owner stays revoked across restarts (point 3)', () => {
  test('the server starts again on the folder, the old owner token stays 401, and --new-owner-token gives a working link', async () => {
    const dir = tempDir();
    let server = await serverIn(dir);
    const oldOwner = server.workspace.ownerToken;
    const oldOwnerId = server.workspace.owner.member.id;
    const tamar = await addMember(server, oldOwner, 'Tamar', 'coordinator');
    expect((await api(server, tamar.token, 'DELETE', `/api/members/${oldOwnerId}`)).status).toBe(204);
    expect((await api(server, oldOwner, 'GET', '/api/me')).status).toBe(401);
    await server.stop();

    // Before issue 11 this start failed on the UNIQUE index of token hashes.
    server = await serverIn(dir);
    expect(server.workspace.owner).toMatchObject({ status: 'revoked', member: { id: oldOwnerId } });
    expect((await api(server, oldOwner, 'GET', '/api/me')).status).toBe(401);
    expect((await api(server, tamar.token, 'GET', '/api/members')).body.members.map((m: { name: string }) => m.name)).toEqual(['Tamar']);
    await server.stop();

    server = await serverIn(dir, { replaceOwnerToken: true });
    const newOwner = server.workspace.ownerToken;
    expect(newOwner).not.toBe(oldOwner);
    expect(readFileSync(join(dir, 'owner.token'), 'utf8').trim()).toBe(newOwner);
    expect(statSync(join(dir, 'owner.token')).mode & 0o777).toBe(0o600);
    expect((await api(server, newOwner, 'GET', '/api/me')).body).toMatchObject({ name: 'Owner', role: 'coordinator' });
    expect((await api(server, newOwner, 'GET', '/api/members')).status).toBe(200);
    expect((await api(server, oldOwner, 'GET', '/api/me')).status).toBe(401);
    const replaced = memberAudit(server).filter((e) => e.action === 'member.owner_token_replaced');
    expect(replaced).toEqual([
      {
        actor: 'system',
        action: 'member.owner_token_replaced',
        payload: { memberId: server.workspace.owner.member.id, name: 'Owner', role: 'coordinator', previousMemberId: oldOwnerId, previousRevokedNow: false },
      },
    ]);
    expect(verifyAuditChain(server.workspace.db).ok).toBe(true);
  });

  test('serve on a folder whose owner was revoked starts and says how to get a link; serve --new-owner-token prints a working one', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const first = await serverIn(dir);
    const oldOwner = first.workspace.ownerToken;
    const tamar = await addMember(first, oldOwner, 'Tamar', 'coordinator');
    expect((await api(first, tamar.token, 'DELETE', `/api/members/${first.workspace.owner.member.id}`)).status).toBe(204);
    await first.stop();

    const processes: ServerProcess[] = [];
    cleanups.push(async () => {
      for (const p of processes) await p.kill('SIGTERM');
    });
    const revoked = await startServerProcess(dir, 90_000, { ready: /\[serve\] listening on (http:\/\/[^\s/]+)[^\n]*\n[^\n]*revoked[^\n]*\n[^\n]*--new-owner-token/ });
    processes.push(revoked);
    expect(revoked.output()).not.toContain('#token=');
    expect(revoked.output()).toContain(`the owner token in ${join(dir, 'owner.token')} was revoked by a coordinator`);
    expect((await api(revoked, oldOwner, 'GET', '/api/me')).status).toBe(401);
    expect((await api(revoked, tamar.token, 'GET', '/api/me')).status).toBe(200);
    await revoked.kill('SIGTERM');

    const renewed = await startServerProcess(dir, 90_000, { args: ['--new-owner-token'] });
    processes.push(renewed);
    expect(renewed.output()).toContain('a new owner token was written to');
    expect(renewed.token).not.toBe(oldOwner);
    expect((await api(renewed, renewed.token, 'GET', '/api/me')).body).toMatchObject({ name: 'Owner', role: 'coordinator' });
    expect((await api(renewed, oldOwner, 'GET', '/api/me')).status).toBe(401);
  });
});

describe('revocation ends event streams at once (point 6, server side)', () => {
  test("revoking a member ends their /api/events and review streams within a bounded wait; others' streams stay open", async () => {
    const server = await serverIn(tempDir());
    const owner = server.workspace.ownerToken;
    const nino = await addMember(server, owner, 'Nino', 'drafter');
    const doc = (await api(server, owner, 'POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka', municipality: 'bagdati' })).body.id as string;

    const events = await openStream(`${server.url}/api/events`, nino.token);
    const review = await openStream(`${server.url}/api/documents/${doc}/review/events`, nino.token);
    const ownerEvents = await openStream(`${server.url}/api/events`, owner);
    cleanups.push(() => [events, review, ownerEvents].forEach((s) => s.close()));
    expect([events.status, review.status, ownerEvents.status]).toEqual([200, 200, 200]);
    await waitFor(() => [events, review, ownerEvents].every((s) => s.text().includes('event: ready')), 'the streams are ready');
    expect(server.workspace.memberStreams.count(nino.id)).toBe(2);

    expect((await api(server, owner, 'DELETE', `/api/members/${nino.id}`)).status).toBe(204);
    // No event follows the revocation: the streams end because of it, not at their next event.
    await within(Promise.all([events.ended, review.ended]), 2_000, "Nino's two streams end after the revocation");
    expect(events.text()).toContain('event: closed\ndata: {"reason":"revoked"}');
    expect(review.text()).toContain('event: closed\ndata: {"reason":"revoked"}');
    expect(server.workspace.memberStreams.count(nino.id)).toBe(0);
    expect(ownerEvents.isEnded()).toBe(false);

    // Reconnecting with the revoked token is refused; the owner's stream still hears what happens.
    expect((await openStream(`${server.url}/api/events`, nino.token)).status).toBe(401);
    await api(server, owner, 'POST', '/api/documents', { title: 'Hotline', language: 'en', municipality: 'khoni' });
    await waitFor(() => ownerEvents.text().includes('event: document'), 'the owner hears of the new act');
  });

  test('a role change ends the streams opened under the old role; they reconnect with the new one', async () => {
    const server = await serverIn(tempDir());
    const owner = server.workspace.ownerToken;
    const giorgi = await addMember(server, owner, 'Giorgi', 'reviewer');
    const events = await openStream(`${server.url}/api/events`, giorgi.token);
    cleanups.push(() => events.close());
    await waitFor(() => events.text().includes('event: ready'), 'the stream is ready');
    expect((await api(server, owner, 'PATCH', `/api/members/${giorgi.id}`, { role: 'observer' })).status).toBe(200);
    await within(events.ended, 2_000, "Giorgi's stream ends after the role change");
    expect(events.text()).toContain('"reason":"role_changed"');
    const again = await openStream(`${server.url}/api/events`, giorgi.token);
    cleanups.push(() => again.close());
    expect(again.status).toBe(200);
    // Setting the same role again is no change: the new stream stays open.
    expect((await api(server, owner, 'PATCH', `/api/members/${giorgi.id}`, { role: 'observer' })).status).toBe(200);
    expect(server.workspace.memberStreams.count(giorgi.id)).toBe(1);
  });
});

describe('member decisions are in the audit log (point 5)', () => {
  test('added, role changed and revoked: one entry each, by the acting member, naming the member and never a token', async () => {
    const server = await serverIn(tempDir());
    const owner = server.workspace.ownerToken;
    const ownerId = server.workspace.owner.member.id;
    const before = verifyAuditChain(server.workspace.db).entries;
    const giorgi = await addMember(server, owner, 'Giorgi Kapanadze', 'reviewer');
    await api(server, owner, 'PATCH', `/api/members/${giorgi.id}`, { role: 'drafter' });
    await api(server, owner, 'PATCH', `/api/members/${ownerId}`, { role: 'observer' }); // refused: not audited
    await api(server, owner, 'DELETE', `/api/members/${giorgi.id}`);
    expect(memberAudit(server)).toEqual([
      { actor: ownerId, action: 'member.added', payload: { memberId: giorgi.id, name: 'Giorgi Kapanadze', role: 'reviewer' } },
      { actor: ownerId, action: 'member.role_changed', payload: { memberId: giorgi.id, name: 'Giorgi Kapanadze', role: 'drafter', from: 'reviewer' } },
      { actor: ownerId, action: 'member.revoked', payload: { memberId: giorgi.id, name: 'Giorgi Kapanadze', role: 'drafter' } },
    ]);
    const report = verifyAuditChain(server.workspace.db);
    expect(report).toMatchObject({ ok: true, entries: before + 3 });
    const log = JSON.stringify(server.workspace.db.prepare('SELECT * FROM audit_log').all());
    expect(log).not.toContain(giorgi.token);
    expect(log).not.toContain(owner);
    for (const { token_hash: hash } of server.workspace.db.prepare('SELECT token_hash FROM members').all() as Array<{ token_hash: string }>) expect(log).not.toContain(hash);
  });
});

describe('two serve processes cannot hold one folder (point 9)', () => {
  test('of two serve processes started together on one folder, exactly one serves it; the other exits 2 naming the holder', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const started = await Promise.allSettled([startServerProcess(dir, 120_000), startServerProcess(dir, 120_000)]);
    const serving = started.filter((s): s is PromiseFulfilledResult<ServerProcess> => s.status === 'fulfilled').map((s) => s.value);
    cleanups.push(async () => {
      for (const p of serving) await p.kill('SIGTERM');
    });
    const refused = started.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => String((s.reason as Error).message));
    expect(serving).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/exited with 2 before it started/);
    expect(refused[0]).toMatch(new RegExp(`The workspace '${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' is (in use by a Sajaro serve process \\(pid ${serving[0]!.child.pid}\\)|being opened by another process right now)`));
    expect((await api(serving[0]!, serving[0]!.token, 'GET', '/api/me')).status).toBe(200);
  });
});
