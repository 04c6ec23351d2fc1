import { afterEach, describe, expect, test } from 'vitest';
import { verifyAuditChain } from '../../server/audit/auditLog';
import { api, removeDir, startTestServer, tempDataDir } from '../helpers/testServer';

/**
 * Issue 15, "Identity": the name a person gives at the first prompt is their member name everywhere. Members
 * set their own name (PATCH /api/me), coordinators rename members (PATCH /api/members/:id), each rename is
 * audited in its own transaction, hostile names are refused and change nothing, and the records (stage
 * history, versions) show the name the member has now.
 */

type Server = Awaited<ReturnType<typeof startTestServer>>;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(): Promise<{ server: Server; owner: string; drafter: { id: string; token: string }; reviewer: { id: string; token: string } }> {
  const dir = tempDataDir('sajaro-names-');
  cleanups.push(() => removeDir(dir));
  const server = await startTestServer(dir);
  cleanups.push(() => server.stop());
  const owner = server.workspace.ownerToken;
  const add = async (name: string, role: string) => {
    const created = await api(server, owner, 'POST', '/api/members', { name, role });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, token: created.body.token as string };
  };
  return { server, owner, drafter: await add('Drafter', 'drafter'), reviewer: await add('Reviewer', 'reviewer') };
}

function renames(server: Server): Array<{ actor: string; payload: Record<string, unknown> }> {
  return (server.workspace.db.prepare("SELECT actor, payload FROM audit_log WHERE action = 'member.renamed' ORDER BY seq").all() as Array<{ actor: string; payload: string }>).map((row) => ({
    actor: row.actor,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  }));
}

describe('member names (issue 15)', () => {
  test('the owner sets their own name, audited, and the stage history and versions show it, old entries too', async () => {
    const { server, owner } = await setup();
    const me = (await api(server, owner, 'GET', '/api/me')).body;
    const doc = await api(server, owner, 'POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka' });
    expect(doc.status).toBe(201);
    const docId = doc.body.id as string;
    // A move made while the owner was still called by the default name.
    expect((await api(server, owner, 'POST', `/api/documents/${docId}/transitions`, { to: 'consolidation' })).status).toBe(200);

    const renamed = await api(server, owner, 'PATCH', '/api/me', { name: '  ნინო ბერიძე ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: me.id, name: 'ნინო ბერიძე', role: 'coordinator' });
    expect((await api(server, owner, 'GET', '/api/me')).body.name).toBe('ნინო ბერიძე');
    expect(renames(server)).toEqual([{ actor: me.id, payload: { memberId: me.id, name: 'ნინო ბერიძე', role: 'coordinator', from: me.name } }]);
    expect(verifyAuditChain(server.workspace.db).ok).toBe(true);

    const stages = (await api(server, owner, 'GET', `/api/documents/${docId}/stages`)).body;
    const byMember = stages.history.filter((entry: { byId: string }) => entry.byId === me.id);
    expect(byMember.length).toBeGreaterThan(0);
    for (const entry of byMember) expect(entry.by).toBe('ნინო ბერიძე');
    expect(JSON.stringify(stages)).not.toContain(me.name);
    const versions = (await api(server, owner, 'GET', `/api/documents/${docId}/versions`)).body;
    const list = Array.isArray(versions) ? versions : versions.versions;
    for (const v of list.filter((x: { byId: string }) => x.byId === me.id)) expect(v.by).toBe('ნინო ბერიძე');
  });

  test('the same name again changes nothing and writes no audit entry', async () => {
    const { server, drafter } = await setup();
    expect((await api(server, drafter.token, 'PATCH', '/api/me', { name: 'Drafter' })).status).toBe(200);
    expect(renames(server)).toEqual([]);
  });

  test('a coordinator renames a member, and may change the role with it in one step', async () => {
    const { server, owner, reviewer } = await setup();
    const ownerId = (await api(server, owner, 'GET', '/api/me')).body.id;
    const both = await api(server, owner, 'PATCH', `/api/members/${reviewer.id}`, { name: 'თამარ გელაშვილი', role: 'drafter' });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ id: reviewer.id, name: 'თამარ გელაშვილი', role: 'drafter' });
    expect((await api(server, reviewer.token, 'GET', '/api/me')).body).toMatchObject({ name: 'თამარ გელაშვილი', role: 'drafter' });
    expect(renames(server)).toEqual([{ actor: ownerId, payload: { memberId: reviewer.id, name: 'თამარ გელაშვილი', role: 'drafter', from: 'Reviewer' } }]);
  });

  test('others are refused: a drafter cannot rename another member, nor anyone through /api/me', async () => {
    const { server, owner, drafter, reviewer } = await setup();
    const before = server.workspace.db.prepare('SELECT id, name, role FROM members ORDER BY id').all();
    const refused = await api(server, drafter.token, 'PATCH', `/api/members/${reviewer.id}`, { name: 'Hijacked' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'manageMembers', role: 'drafter' } });
    // /api/me names the token's member only: an id in the body is not a way to reach another member.
    const smuggled = await api(server, drafter.token, 'PATCH', '/api/me', { name: 'Hijacked', id: reviewer.id });
    expect(smuggled.status).toBe(400);
    expect((await api(server, null, 'PATCH', '/api/me', { name: 'Nobody' })).status).toBe(401);
    expect(server.workspace.db.prepare('SELECT id, name, role FROM members ORDER BY id').all()).toEqual(before);
    expect(renames(server)).toEqual([]);
    expect((await api(server, owner, 'GET', '/api/members')).body.members.map((m: { name: string }) => m.name)).not.toContain('Hijacked');
  });

  test('hostile names are refused with the field and the issue, and change nothing', async () => {
    const { server, owner, drafter } = await setup();
    const before = server.workspace.db.prepare('SELECT id, name, role FROM members ORDER BY id').all();
    const cases: Array<[unknown, Record<string, unknown>]> = [
      ['', { field: 'name', issue: 'too_short', limit: 1 }],
      ['   ', { field: 'name', issue: 'too_short', limit: 1 }],
      ['ა'.repeat(121), { field: 'name', issue: 'too_long', limit: 120 }],
      ['Nino\u0000Beridze', { field: 'name', issue: 'invalid' }],
      ['Nino\nBeridze', { field: 'name', issue: 'invalid' }],
      ['Nino\u202Eezdireb', { field: 'name', issue: 'invalid' }],
      [42, { field: 'name', issue: 'invalid_type' }],
    ];
    for (const [name, details] of cases) {
      const self = await api(server, drafter.token, 'PATCH', '/api/me', { name });
      expect(self.status, JSON.stringify(name)).toBe(400);
      expect(self.body.error.details, JSON.stringify(name)).toEqual(details);
      const byCoordinator = await api(server, owner, 'PATCH', `/api/members/${drafter.id}`, { name });
      expect(byCoordinator.status, JSON.stringify(name)).toBe(400);
    }
    expect((await api(server, owner, 'PATCH', `/api/members/${drafter.id}`, {})).status).toBe(400);
    expect((await api(server, owner, 'POST', '/api/members', { name: 'Bad\u0007Bell', role: 'observer' })).status).toBe(400);
    expect(server.workspace.db.prepare('SELECT id, name, role FROM members ORDER BY id').all()).toEqual(before);
    expect(renames(server)).toEqual([]);
  });
});
