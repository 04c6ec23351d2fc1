import { describe, expect, test } from 'vitest';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { connectClient } from '../helpers/lexicalClient';
import { api, waitFor } from '../helpers/testServer';
import { caller, THROUGH_CONSULTATION, walk } from '../helpers/workflowHelpers';

/**
 * Issue 15: acts can be renamed (the title block of the act's text, through the server's edit path) and
 * archived (hidden from the list and the dashboard, kept, restorable); each step is audited, and the list
 * shows the act's real title, so two acts from one template can be told apart.
 */
const cleanup = cleanupAfterEach();

async function setup() {
  const { server } = await serverForTest(cleanup);
  const owner = server.workspace.ownerToken;
  const reviewer = (await api(server, owner, 'POST', '/api/members', { name: 'ნინო', role: 'reviewer' })).body.token as string;
  const drafter = (await api(server, owner, 'POST', '/api/members', { name: 'გიორგი', role: 'drafter' })).body.token as string;
  const petition = async (municipality: string) => {
    const created = await api(server, owner, 'POST', '/api/documents', { templateId: 'e-petition', language: 'ka', municipality, values: {} });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as string;
  };
  return { server, owner, reviewer, drafter, petition };
}

type Server = Awaited<ReturnType<typeof setup>>['server'];
const listed = async (server: Server, token: string, query = '') =>
  ((await api(server, token, 'GET', `/api/documents${query}`)).body.documents as { id: string; title: string; municipality: string }[]);
const auditOf = async (server: Server, token: string, docId: string) =>
  ((await api(server, token, 'GET', `/api/audit?docId=${docId}`)).body.entries as { action: string; actor: string; payload: Record<string, unknown> }[]);

describe('renaming an act', () => {
  test('two e-petitions from one template are told apart in the list by the titles of their texts', async () => {
    const { server, owner, petition } = await setup();
    const ozurgeti = await petition('ozurgeti');
    const vani = await petition('vani');
    const titles = Object.fromEntries((await listed(server, owner)).map((d) => [d.id, d.title]));
    expect(titles[ozurgeti]).toContain('ოზურგეთის მუნიციპალიტეტში');
    expect(titles[vani]).toContain('ვანის მუნიციპალიტეტში');
    expect(titles[ozurgeti]).not.toBe(titles[vani]);
  });

  test('a rename writes the title block of the text, which open editors see, and is audited with who and what', async () => {
    const { server, drafter, owner, petition } = await setup();
    const docId = await petition('ozurgeti');
    const before = (await api(server, owner, 'GET', `/api/documents/${docId}`)).body.title as string;
    const client = await connectClient(server.url, docId, owner);
    cleanup.push(() => client.destroy());
    const title = 'ოზურგეთის მუნიციპალიტეტის ელექტრონული პეტიციის ახალი წესი';

    const renamed = await api(server, drafter, 'PATCH', `/api/documents/${docId}`, { title: `  ${title} ` });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.title).toBe(title);

    await waitFor(() => client.text().includes(title), 'the open editor shows the new title');
    expect(client.text()).not.toContain(before);
    expect((await api(server, owner, 'GET', `/api/documents/${docId}/model`)).body.title).toBe(title);
    expect((await listed(server, owner)).find((d) => d.id === docId)?.title).toBe(title);

    const entry = (await auditOf(server, owner, docId)).find((e) => e.action === 'document.renamed');
    expect(entry?.payload).toMatchObject({ from: before, to: title, by: 'გიორგი' });
  });

  test('a title edited in the text is the title the list shows', async () => {
    const { server, owner, petition } = await setup();
    const docId = await petition('vani');
    const client = await connectClient(server.url, docId, owner);
    cleanup.push(() => client.destroy());
    const model = (await api(server, owner, 'GET', `/api/documents/${docId}/model`)).body;
    // Append a word to the text's title, as a drafter typing in the title line would.
    const { $getRoot, $createTextNode } = await import('lexical');
    const { $isActPartNode } = await import('../../shared/nodes');
    client.edit(() => {
      const line = $getRoot().getChildren().filter($isActPartNode).find((n) => n.getPart() === 'title');
      line!.append($createTextNode(' (პროექტი)'));
    });
    await waitFor(async () => (await listed(server, owner)).find((d) => d.id === docId)?.title === `${model.title} (პროექტი)`, 'the list follows the text');
  });

  test('bad titles, unknown acts, a reviewer and an adopted act are refused, and nothing changes', async () => {
    const { server, owner, reviewer, petition } = await setup();
    const docId = await petition('ozurgeti');
    const text = (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body;
    for (const body of [{ title: '' }, { title: '   ' }, { title: 'x'.repeat(301) }, { title: 42 }, { name: 'x' }, {}]) {
      const refused = await api(server, owner, 'PATCH', `/api/documents/${docId}`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('bad_request');
      expect(refused.body.error.message).toContain("'title'");
    }
    const unknown = await api(server, owner, 'PATCH', '/api/documents/doc-nosuchact00', { title: 'A' });
    expect(unknown.status).toBe(404);
    const byReviewer = await api(server, reviewer, 'PATCH', `/api/documents/${docId}`, { title: 'A reviewer’s title' });
    expect(byReviewer.status).toBe(403);
    expect(byReviewer.body.error.message).toContain("'editText'");
    expect((await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body).toBe(text);

    // A blank act walks to adoption without blanks to fill in.
    const adopted = (await api(server, owner, 'POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka' })).body.id as string;
    await walk(caller(server, owner), adopted, THROUGH_CONSULTATION.slice(0, 6));
    const adoptedText = (await api(server, owner, 'GET', `/api/documents/${adopted}/text`)).body;
    const locked = await api(server, owner, 'PATCH', `/api/documents/${adopted}`, { title: 'After adoption' });
    expect(locked.status, JSON.stringify(locked.body)).toBe(409);
    expect(locked.body.error.code).toBe('locked');
    expect((await api(server, owner, 'GET', `/api/documents/${adopted}/text`)).body).toBe(adoptedText);
    const actions = [...(await auditOf(server, owner, docId)), ...(await auditOf(server, owner, adopted))].map((e) => e.action);
    expect(actions).not.toContain('document.renamed');
  });
});

describe('archiving an act', () => {
  test('an archived act leaves the list and the dashboard, stays readable, and comes back on restore; both audited', async () => {
    const { server, owner, petition } = await setup();
    const kept = await petition('ozurgeti');
    const archived = await petition('vani');

    const done = await api(server, owner, 'POST', `/api/documents/${archived}/archive`);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(Date.parse(done.body.archivedAt)).not.toBeNaN();
    expect((await listed(server, owner)).map((d) => d.id)).toEqual([kept]);
    expect((await listed(server, owner, '?archived=true')).map((d) => d.id)).toEqual([archived]);
    const dashboard = (await api(server, owner, 'GET', '/api/dashboard')).body.rows as { id: string }[];
    expect(dashboard.map((r) => r.id)).toEqual([kept]);
    // Kept: the act, its text and its stages are all still there.
    expect((await api(server, owner, 'GET', `/api/documents/${archived}`)).body.archivedAt).toBe(done.body.archivedAt);
    expect((await api(server, owner, 'GET', `/api/documents/${archived}/text`)).body).toContain('ვანის მუნიციპალიტეტში');

    const restored = await api(server, owner, 'POST', `/api/documents/${archived}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.archivedAt).toBeUndefined();
    expect((await listed(server, owner)).map((d) => d.id).sort()).toEqual([kept, archived].sort());
    expect(await listed(server, owner, '?archived=true')).toEqual([]);

    const entries = (await auditOf(server, owner, archived)).filter((e) => e.action.startsWith('document.'));
    expect(entries.map((e) => e.action)).toEqual(['document.created', 'document.archived', 'document.restored']);
    expect(entries[2]!.payload).toMatchObject({ archivedAt: done.body.archivedAt });
    expect((await api(server, owner, 'GET', '/api/audit/verify')).body.ok).toBe(true);
  });

  test('archiving twice, restoring an act in use, bad queries and drafters are refused, and nothing changes', async () => {
    const { server, owner, drafter, petition } = await setup();
    const docId = await petition('ozurgeti');
    const notArchived = await api(server, owner, 'POST', `/api/documents/${docId}/restore`);
    expect(notArchived.status).toBe(409);
    expect(notArchived.body.error.code).toBe('not_archived');
    const byDrafter = await api(server, drafter, 'POST', `/api/documents/${docId}/archive`);
    expect(byDrafter.status).toBe(403);
    expect(byDrafter.body.error.message).toContain("'archiveDocument'");
    expect((await listed(server, owner)).map((d) => d.id)).toEqual([docId]);

    expect((await api(server, owner, 'POST', `/api/documents/${docId}/archive`)).status).toBe(200);
    const twice = await api(server, owner, 'POST', `/api/documents/${docId}/archive`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_archived');
    expect((await api(server, drafter, 'POST', `/api/documents/${docId}/restore`)).status).toBe(403);
    expect((await listed(server, owner, '?archived=true')).map((d) => d.id)).toEqual([docId]);

    const badQuery = await api(server, owner, 'GET', '/api/documents?archived=maybe');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.message).toContain("'archived'");
    expect((await api(server, owner, 'POST', '/api/documents/doc-nosuchact00/archive')).status).toBe(404);
    const actions = (await auditOf(server, owner, docId)).map((e) => e.action);
    expect(actions.filter((a) => a === 'document.archived')).toHaveLength(1);
    expect(actions).not.toContain('document.restored');
  });
});
