import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { appendAudit } from '../../server/audit/auditLog';
import { createBackup, restoreBackup } from '../../server/backup/workspaceBackup';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { api, removeDir, startTestServer, tempDataDir } from '../helpers/testServer';

/**
 * Issue 11, point 5: the audit trail is readable by coordinators through `GET /api/audit`, and templates,
 * workflow definitions and restores are in it, each written with its change.
 */

const cleanup = cleanupAfterEach();

type Server = Awaited<ReturnType<typeof startTestServer>>;

async function setup() {
  const { server, token, dataDir } = await serverForTest(cleanup);
  const create = async (title: string) => (await api(server, token, 'POST', '/api/documents', { title, language: 'en' })).body.id as string;
  const ethics = await create('Code of ethics');
  const hotline = await create('Hotline rules');
  return { server, token, dataDir, ethics, hotline };
}

const audit = (server: Server, token: string | null, query = '') => api(server, token, 'GET', `/api/audit${query}`);

/** The rows of the audit log, read from the database itself rather than through the route under test. */
function auditRows(server: Server): Array<{ seq: number; action: string; doc_id: string | null }> {
  return server.workspace.db.prepare('SELECT seq, action, doc_id FROM audit_log ORDER BY seq').all() as Array<{ seq: number; action: string; doc_id: string | null }>;
}

describe('GET /api/audit', () => {
  test('coordinators read the entries oldest first, filtered by act and after a seq', async () => {
    const { server, token, ethics, hotline } = await setup();
    const all = await audit(server, token);
    expect(all.status).toBe(200);
    const rows = auditRows(server);
    expect(all.body.entries.map((e: { seq: number }) => e.seq)).toEqual(rows.map((r) => r.seq));
    expect(all.body.entries[0]).toEqual({
      seq: 1,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      actor: server.workspace.members.authenticate(token)!.id,
      // The first stage's version is frozen before the creation is recorded, in one transaction.
      action: 'version.frozen',
      docId: ethics,
      payload: expect.objectContaining({ stage: 'drafting', number: 1 }),
    });
    expect(Object.keys(all.body.entries[0]).sort()).toEqual(['action', 'actor', 'at', 'docId', 'payload', 'seq']);

    const ofHotline = await audit(server, token, `?docId=${hotline}`);
    expect(ofHotline.body.entries.length).toBeGreaterThan(0);
    expect(ofHotline.body.entries.map((e: { seq: number }) => e.seq)).toEqual(rows.filter((r) => r.doc_id === hotline).map((r) => r.seq));
    const later = await audit(server, token, `?after=2&limit=1`);
    expect(later.body.entries.map((e: { seq: number }) => e.seq)).toEqual([3]);
    expect((await audit(server, token, `?docId=${ethics}&after=${rows.at(-1)!.seq}`)).body).toEqual({ entries: [] });
    expect((await audit(server, token, '?docId=doc-nosuchact')).body).toEqual({ entries: [] });
  });

  test('pages hold 100 entries by default and at most 1000, and paging on from the last seq skips nothing', async () => {
    const { server, token } = await setup();
    const db = server.workspace.db;
    db.transaction(() => {
      for (let i = 0; i < 1100; i += 1) appendAudit(db, { at: new Date().toISOString(), actor: 'system', action: 'test.filler', payload: { i } });
    })();
    const total = auditRows(server).length;
    expect((await audit(server, token)).body.entries).toHaveLength(100);
    const big = (await audit(server, token, '?limit=1000')).body.entries as Array<{ seq: number }>;
    expect(big).toHaveLength(1000);
    const rest = (await audit(server, token, `?limit=1000&after=${big.at(-1)!.seq}`)).body.entries as Array<{ seq: number }>;
    expect([...big, ...rest].map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  test('bad query values are 400 naming the value and what was expected', async () => {
    const { server, token } = await setup();
    const cases: Array<[string, RegExp]> = [
      ['?limit=1001', /^Invalid limit '1001': expected a whole number from 1 to 1000$/],
      ['?limit=0', /^Invalid limit '0': expected a whole number from 1 to 1000$/],
      ['?limit=', /^Invalid limit '': expected a whole number from 1 to 1000$/],
      ['?limit=ten', /^Invalid limit 'ten': expected/],
      ['?after=-1', /^Invalid after '-1': expected the seq of an entry, a whole number >= 0$/],
      ['?after=1e3', /^Invalid after '1e3'/],
      ['?after=99999999999999999999', /^Invalid after '99999999999999999999'/],
      ['?after=1&after=2', /^Invalid after \["1","2"\]: expected one value/],
      ['?docId=..%2F..%2Fetc', /^Invalid document id '..\/..\/etc': expected 8-64 characters/],
      ['?before=5', /^Unknown query parameter 'before': expected docId, after, limit$/],
      ['?__proto__=1', /^Unknown query parameter '__proto__'/],
    ];
    for (const [query, message] of cases) {
      const answer = await audit(server, token, query);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.code, query).toBe('bad_request');
      expect(answer.body.error.message, query).toMatch(message);
    }
    expect((await api(server, token, 'GET', '/api/health')).status).toBe(200);
  });

  test('only coordinators may read it: 403 for a drafter, a reviewer and an observer, 401 without a token', async () => {
    const { server, token } = await setup();
    for (const role of ['drafter', 'reviewer', 'observer']) {
      const member = (await api(server, token, 'POST', '/api/members', { name: `A ${role}`, role })).body.token as string;
      const refused = await audit(server, member);
      expect(refused.status, role).toBe(403);
      expect(refused.body).toEqual({ error: { code: 'forbidden', message: `Your role '${role}' lacks the permission 'readAudit'`, details: { permission: 'readAudit', role } } });
    }
    expect((await audit(server, null)).status).toBe(401);
    const coordinator = (await api(server, token, 'POST', '/api/members', { name: 'Second coordinator', role: 'coordinator' })).body.token as string;
    expect((await audit(server, coordinator)).status).toBe(200);
  });
});

describe('entries for each trust decision', () => {
  test('a template saved from an act is recorded with the hash of its file; a refused save records nothing', async () => {
    const { server, token, dataDir, ethics } = await setup();
    const saved = await api(server, token, 'POST', '/api/templates', { fromDocumentId: ethics, id: 'our-ethics', title: 'Our code of ethics' });
    expect(saved.status).toBe(201);
    const entries = (await audit(server, token, `?docId=${ethics}`)).body.entries as Array<{ action: string; actor: string; payload: Record<string, unknown> }>;
    const entry = entries.find((e) => e.action === 'template.saved');
    const file = readFileSync(join(dataDir, 'templates', 'our-ethics.yaml'));
    expect(entry).toMatchObject({
      actor: server.workspace.members.authenticate(token)!.id,
      payload: {
        templateId: 'our-ethics',
        title: { ka: 'Our code of ethics', en: 'Our code of ethics' },
        fromDocumentId: ethics,
        file: 'our-ethics.yaml',
        sha256: createHash('sha256').update(file).digest('hex'),
        bytes: file.length,
      },
    });

    const before = auditRows(server).length;
    const again = await api(server, token, 'POST', '/api/templates', { fromDocumentId: ethics, id: 'our-ethics', title: 'Again' });
    expect(again.status).toBe(409);
    expect((await api(server, token, 'POST', '/api/templates', { fromDocumentId: ethics, id: 'Bad Id', title: 'x' })).status).toBe(400);
    expect(auditRows(server)).toHaveLength(before);
  });

  test('a changed workflow definition is recorded with the new definition; a refused one records nothing', async () => {
    const { server, token } = await setup();
    const definition = (await api(server, token, 'GET', '/api/workflow')).body;
    const renamed = { ...definition, stages: definition.stages.map((s: { id: string; label: object }, i: number) => (i === 0 ? { ...s, label: { ka: 'პროექტი', en: 'Draft' } } : s)) };
    expect((await api(server, token, 'PUT', '/api/workflow', renamed)).status).toBe(200);
    const entries = (await audit(server, token)).body.entries as Array<{ action: string; docId: string | null; payload: { definition: typeof renamed } }>;
    const changed = entries.filter((e) => e.action === 'workflow.definition_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.docId).toBeNull();
    expect(changed[0]!.payload.definition.stages[0]).toMatchObject({ label: { ka: 'პროექტი', en: 'Draft' } });

    const before = auditRows(server).length;
    expect((await api(server, token, 'PUT', '/api/workflow', { stages: [], transitions: [] })).status).toBe(400);
    expect(auditRows(server)).toHaveLength(before);
  });

  test('a restored backup carries an entry of its restore, and its chain still verifies', async () => {
    const { server, token, dataDir, ethics } = await setup();
    const source = auditRows(server);
    await server.stop();
    const folder = tempDataDir('sajaro-audit-backup-');
    cleanup.push(() => removeDir(folder));
    const file = join(folder, 'workspace.backup');
    await createBackup(dataDir, file);
    const target = join(folder, 'restored');
    restoreBackup(file, target);

    const restored = await startTestServer(target);
    cleanup.push(() => restored.stop());
    const entries = (await audit(restored, token)).body.entries as Array<{ seq: number; action: string; actor: string; docId: string | null; payload: Record<string, unknown> }>;
    expect(entries.slice(0, -1).map((e) => e.action)).toEqual(source.map((r) => r.action));
    const last = entries.at(-1)!;
    expect(last).toMatchObject({
      seq: source.length + 1,
      action: 'backup.restored',
      actor: 'system',
      docId: null,
      payload: {
        backupFile: file,
        backupSha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
        backupCreatedAt: expect.stringMatching(/^\d{4}-/),
        documents: 2,
        replacedExisting: false,
        restoredChain: { ok: true, entries: source.length },
      },
    });
    expect((await api(restored, token, 'GET', '/api/audit/verify')).body).toMatchObject({ ok: true, entries: source.length + 1 });
    expect((await api(restored, token, 'GET', `/api/documents/${ethics}`)).status).toBe(200);
  });
});
