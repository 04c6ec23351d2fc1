import { $createTextNode, $getRoot, type LexicalNode, type TextNode } from 'lexical';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { describe, expect, test } from 'vitest';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { $createArticleNode, $createClauseNode, $isArticleNode } from '../../shared/nodes';
import { deriveDocumentModel } from '../../shared/model/deriveModel';
import { renderPlainText } from '../../shared/model/plainText';
import type { SerializedState } from '../../shared/model/serializedState';
import { addDays } from '../../shared/workflow/calendar';
import { readEditorState } from '../../server/lexical/actEditor';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { api, waitFor } from '../helpers/testServer';
import {
  ADOPTION,
  caller,
  PUBLICATION,
  THROUGH_CONSULTATION,
  TODAY,
  walk,
  WITHOUT_CONSULTATION,
  type Call,
} from '../helpers/workflowHelpers';

const cleanup = cleanupAfterEach();

async function setup() {
  const { server, dataDir } = await serverForTest(cleanup);
  const token = server.workspace.ownerToken;
  const call = caller(server, token);
  return { server, dataDir, token, call };
}

function track(client: LexicalClient): LexicalClient {
  cleanup.push(() => client.destroy());
  return client;
}

async function createAct(call: Call, language: 'ka' | 'en' = 'ka', municipality = 'vani'): Promise<string> {
  const created = await call('POST', '/api/documents', {
    title: language === 'ka' ? 'ეთიკის კოდექსი' : 'Code of Ethics',
    language,
    municipality,
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** How many audit entries of each action the log holds, read from the database itself. */
function auditActions(server: {
  workspace: { db: import('better-sqlite3').Database };
}): Record<string, number> {
  const rows = server.workspace.db
    .prepare('SELECT action, COUNT(*) AS n FROM audit_log GROUP BY action')
    .all() as Array<{ action: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.action, r.n]));
}

/** Everything a refused move must leave alone: the stages, the versions and the audit log. */
async function snapshot(call: Call, docId: string) {
  const [stages, versions, audit] = await Promise.all([
    call('GET', `/api/documents/${docId}/stages`),
    call('GET', `/api/documents/${docId}/versions`),
    call('GET', '/api/audit/verify'),
  ]);
  return { stages: stages.body, versions: versions.body, entries: audit.body.entries, head: audit.body.head };
}

/** Collects the reasons of y-websocket permission-denied messages (messageAuth = 2, denied = 0) a client receives. */
function permissionDenials(provider: WebsocketProvider): string[] {
  const reasons: string[] = [];
  provider.ws!.addEventListener('message', (event: MessageEvent) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
    if (decoding.readVarUint(decoder) === 2 && decoding.readVarUint(decoder) === 0)
      reasons.push(decoding.readVarString(decoder));
  });
  return reasons;
}

function $articles(): LexicalNode[] {
  return $getRoot().getChildren().filter($isArticleNode);
}

describe('approval workflow through the API', () => {
  test('an act walks from drafting to in force through public consultation; every stage is recorded, frozen and audited', async () => {
    const { server, call } = await setup();
    const docId = await createAct(call);

    const definition = await call('GET', '/api/workflow');
    expect(definition.body.stages.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['drafting', 'council_vote', 'in_force']),
    );
    expect(definition.body.stages[0]).toMatchObject({
      id: 'drafting',
      label: { ka: expect.any(String), en: 'Drafting' },
    });
    expect(definition.body.transitions).toContainEqual(
      expect.objectContaining({ to: 'signature', role: 'coordinator', requires: ['adoptionRecord'] }),
    );

    const start = await call('GET', `/api/documents/${docId}/stages`);
    expect(start.body.current).toBe('drafting');
    expect(start.body.history).toHaveLength(1);
    expect(start.body.history[0]).toMatchObject({ stage: 'drafting', note: null, data: {} });
    expect(Date.parse(start.body.history[0].enteredAt)).not.toBeNaN();
    expect(start.body.history[0].by).toEqual(expect.any(String));
    expect(start.body.locked).toBe(false);

    // Up to consultation, then check the consultation deadline on the dashboard.
    await walk(call, docId, THROUGH_CONSULTATION.slice(0, 3));
    let row = (await call('GET', '/api/dashboard')).body.rows.find((r: { id: string }) => r.id === docId);
    expect(row).toMatchObject({
      stage: 'public_consultation',
      daysInStage: 0,
      nextDueDate: addDays(TODAY, 14),
      nextDueKind: 'consultation_end',
      overdue: false,
      municipality: 'vani',
    });

    await walk(call, docId, THROUGH_CONSULTATION.slice(3, 7));
    row = (await call('GET', '/api/dashboard')).body.rows.find((r: { id: string }) => r.id === docId);
    // Entering publication starts the 10-day registration deadline from the signing date.
    expect(row).toMatchObject({
      stage: 'publication',
      nextDueDate: addDays(TODAY, 10),
      nextDueKind: 'registration',
      overdue: false,
      locked: true,
    });
    await walk(call, docId, THROUGH_CONSULTATION.slice(7));

    const end = await call('GET', `/api/documents/${docId}/stages`);
    expect(end.body.current).toBe('in_force');
    expect(end.body.history.map((h: { stage: string }) => h.stage)).toEqual([
      'drafting',
      ...THROUGH_CONSULTATION.map((s) => s.to),
    ]);
    const signature = end.body.history.find((h: { stage: string }) => h.stage === 'signature');
    expect(signature).toMatchObject({
      note: 'Adopted at the session of the Sakrebulo',
      data: ADOPTION,
      by: 'Owner',
    });
    expect(end.body.history.find((h: { stage: string }) => h.stage === 'in_force').data).toEqual(PUBLICATION);
    expect(end.body.locked).toBe(true);
    expect(end.body.lockReason).toContain('№12');
    expect(end.body.available).toEqual([]);

    // Every stage froze a version, and each stage entry points at its own.
    const versions = (await call('GET', `/api/documents/${docId}/versions`)).body.versions;
    expect(versions.map((v: { stage: string }) => v.stage)).toEqual(
      end.body.history.map((h: { stage: string }) => h.stage),
    );
    expect(versions.every((v: { kind: string }) => v.kind === 'stage')).toBe(true);
    expect(end.body.history.map((h: { versionId: string }) => h.versionId)).toEqual(
      versions.map((v: { id: string }) => v.id),
    );

    // The audit log holds the creation, and a version and a move for each stage, and the chain holds.
    expect(auditActions(server)).toMatchObject({
      'document.created': 1,
      'version.frozen': 1 + THROUGH_CONSULTATION.length,
      'stage.transition': THROUGH_CONSULTATION.length,
    });
    const audit = await call('GET', '/api/audit/verify');
    expect(audit.body).toMatchObject({
      ok: true,
      entries: Object.values(auditActions(server)).reduce((a, b) => a + b, 0),
    });
    expect(audit.body.firstBad).toBeUndefined();

    // The filters of the dashboard.
    expect(
      (await call('GET', '/api/dashboard?stage=in_force')).body.rows.map((r: { id: string }) => r.id),
    ).toEqual([docId]);
    expect((await call('GET', '/api/dashboard?stage=drafting')).body.rows).toEqual([]);
    expect((await call('GET', '/api/dashboard?municipality=khoni')).body.rows).toEqual([]);
    expect((await call('GET', '/api/dashboard?municipality=vani&stage=in_force')).body.rows).toHaveLength(1);
    const badFilter = await call('GET', '/api/dashboard?stage=adoptd');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.message).toContain("Invalid stage 'adoptd'");
  });

  test('an act walks from drafting to in force without public consultation, and the dashboard draws its timeline', async () => {
    const { call } = await setup();
    const docId = await createAct(call, 'en', 'khoni');
    const other = await createAct(call, 'ka', 'vani');
    await walk(call, docId, WITHOUT_CONSULTATION);
    const stages = await call('GET', `/api/documents/${docId}/stages`);
    expect(stages.body.history.map((h: { stage: string }) => h.stage)).toEqual([
      'drafting',
      ...WITHOUT_CONSULTATION.map((s) => s.to),
    ]);
    expect(stages.body.history.some((h: { stage: string }) => h.stage === 'public_consultation')).toBe(false);

    const rows = (await call('GET', '/api/dashboard')).body.rows;
    expect(rows.map((r: { id: string }) => r.id).sort()).toEqual([docId, other].sort());
    const row = rows.find((r: { id: string }) => r.id === docId);
    expect(row).toMatchObject({
      // The dashboard shows the act's title as its text has it (issue 15): put in form for the council on the way.
      title: 'On the Code of Ethics',
      municipality: 'khoni',
      stage: 'in_force',
      stageLabel: { en: 'In force' },
      nextDueDate: null,
      overdue: false,
    });
    expect(row.timeline.map((t: { stage: string }) => t.stage)).toEqual([
      'drafting',
      ...WITHOUT_CONSULTATION.map((s) => s.to),
    ]);
    expect(rows.find((r: { id: string }) => r.id === other)).toMatchObject({
      stage: 'drafting',
      timeline: [{ stage: 'drafting' }],
    });
    expect(
      (await call('GET', '/api/dashboard?municipality=khoni')).body.rows.map((r: { id: string }) => r.id),
    ).toEqual([docId]);
  });

  test('an adopted act refuses sync updates from a stock WebsocketProvider: permission denied, stored text unchanged', async () => {
    const { server, token, call } = await setup();
    const docId = await createAct(call);
    const client = track(await connectClient(server.url, docId, token));

    // Before adoption the same client edits freely, so the refusal below is the lock and nothing else.
    client.type(' მიღებამდე დაწერილი');
    await waitFor(
      async () => (await call('GET', `/api/documents/${docId}/text`)).body.includes('მიღებამდე დაწერილი'),
      'the edit before adoption is stored',
    );

    await walk(call, docId, WITHOUT_CONSULTATION.slice(0, 5));
    expect((await call('GET', `/api/documents/${docId}/stages`)).body).toMatchObject({
      current: 'signature',
      locked: true,
    });
    const textBefore = (await call('GET', `/api/documents/${docId}/text`)).body;
    const rowsBefore = server.workspace.store.count(docId);

    const denials = permissionDenials(client.provider);
    client.type(' მიღების შემდეგ ჩამატებული');
    await waitFor(() => denials.length > 0, 'the client is told permission denied');
    expect(denials[0]).toContain('adopted');
    expect(denials[0]).toContain('amending act');

    const textAfter = (await call('GET', `/api/documents/${docId}/text`)).body;
    expect(textAfter).not.toContain('მიღების შემდეგ ჩამატებული');
    expect(textAfter).toBe(textBefore);
    expect(server.workspace.store.count(docId)).toBe(rowsBefore);
    // A member who opens the act now gets the adopted text only.
    const reader = track(await connectClient(server.url, docId, token));
    expect(reader.text()).toContain('მიღებამდე დაწერილი');
    expect(reader.text()).not.toContain('მიღების შემდეგ ჩამატებული');
  });

  test('versions load back exactly: the model as frozen, and a Yjs state that reproduces the text', async () => {
    const { server, token, call } = await setup();
    const docId = await createAct(call);
    const client = track(await connectClient(server.url, docId, token));
    client.type(' პირველი რედაქცია');
    await waitFor(
      async () => (await call('GET', `/api/documents/${docId}/text`)).body.includes('პირველი რედაქცია'),
      'the edit is stored',
    );

    const modelAtFreeze = (await call('GET', `/api/documents/${docId}/model`)).body;
    const textAtFreeze = (await call('GET', `/api/documents/${docId}/text`)).body;
    const saved = await call('POST', `/api/documents/${docId}/versions`, {
      name: 'Draft 1 for the working group',
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      name: 'Draft 1 for the working group',
      kind: 'manual',
      number: 2,
      by: 'Owner',
    });

    // The text moves on; the version does not.
    client.type(' მეორე რედაქცია');
    await waitFor(
      async () => (await call('GET', `/api/documents/${docId}/text`)).body.includes('მეორე რედაქცია'),
      'the later edit is stored',
    );
    const versionModel = await call('GET', `/api/documents/${docId}/versions/${saved.body.id}/model`);
    expect(versionModel.body).toEqual(modelAtFreeze);
    expect(versionModel.body).not.toEqual((await call('GET', `/api/documents/${docId}/model`)).body);

    const stateResponse = await fetch(
      `${server.url}/api/documents/${docId}/versions/${saved.body.id}/state`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(stateResponse.headers.get('content-type')).toBe('application/octet-stream');
    const state = new Uint8Array(await stateResponse.arrayBuffer());
    const restored = deriveDocumentModel(readEditorState(state, docId) as unknown as SerializedState, 'ka');
    expect(renderPlainText(restored)).toBe(textAtFreeze);
    expect(restored).toEqual(modelAtFreeze);

    const list = (await call('GET', `/api/documents/${docId}/versions`)).body.versions;
    expect(list.map((v: { name: string; kind: string }) => v.kind)).toEqual(['stage', 'manual']);
    // Frozen means frozen: the database itself refuses to change a version.
    expect(() =>
      server.workspace.db.prepare("UPDATE versions SET name = 'forged' WHERE id = ?").run(saved.body.id),
    ).toThrow(/immutable/);
    // The creation (its version and the act) and the saved version.
    expect(auditActions(server)).toEqual({ 'document.created': 1, 'version.frozen': 2 });
    expect((await call('GET', '/api/audit/verify')).body).toMatchObject({ ok: true, entries: 3 });

    expect((await call('GET', `/api/documents/${docId}/versions/ver-nope/model`)).status).toBe(404);
    expect((await call('POST', `/api/documents/${docId}/versions`, { name: '  ' })).status).toBe(400);
  });

  test('the diff of two versions reports an inserted article and a changed word', async () => {
    const { server, token, call } = await setup();
    const docId = await createAct(call);
    const first = (await call('POST', `/api/documents/${docId}/versions`, { name: 'Before' })).body;
    const client = track(await connectClient(server.url, docId, token));
    client.edit(() => {
      const [general] = $articles();
      const heading = (general as unknown as { getFirstChild(): TextNode }).getFirstChild();
      heading.setTextContent('ზოგადი წესები');
      // A new article after the first one's paragraph.
      const article = $createArticleNode().append($createTextNode('მამხილებლის დაცვა'));
      const clause = $createClauseNode(0).append($createTextNode('მამხილებლის ვინაობა კონფიდენციალურია.'));
      general!.getNextSibling()!.insertAfter(article);
      article.insertAfter(clause);
    });
    await waitFor(
      async () => (await call('GET', `/api/documents/${docId}/text`)).body.includes('მამხილებლის დაცვა'),
      'the edit is stored',
    );
    const second = (await call('POST', `/api/documents/${docId}/versions`, { name: 'After' })).body;

    const diff = await call('GET', `/api/documents/${docId}/diff?from=${first.id}&to=${second.id}`);
    expect(diff.status).toBe(200);
    expect(diff.body.from).toMatchObject({ id: first.id, name: 'Before' });
    expect(diff.body.to).toMatchObject({ id: second.id, name: 'After' });
    const inserted = diff.body.articles.filter((a: { status: string }) => a.status === 'inserted');
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toMatchObject({ toLabel: 'მუხლი 2', heading: 'მამხილებლის დაცვა' });
    const changed = diff.body.articles.find(
      (a: { fromLabel: string; status: string }) => a.fromLabel === 'მუხლი 1',
    );
    expect(changed.status).toBe('changed');
    // Each change names who made it, read from the document's history (issue 12).
    const me = (await call('GET', '/api/me')).body;
    const author = [{ id: me.id, name: me.name }];
    expect(changed.parts).toContainEqual(expect.objectContaining({ kind: 'delete', text: 'დებულებები', authors: author }));
    expect(changed.parts).toContainEqual(expect.objectContaining({ kind: 'insert', text: 'წესები', authors: author }));
    // The old Article 2 is now Article 3: matched to itself, not to the new Article 2.
    expect(diff.body.articles.find((a: { fromLabel: string }) => a.fromLabel === 'მუხლი 2')).toMatchObject({
      status: 'moved',
      toLabel: 'მუხლი 3',
      textChanged: false,
    });
    expect(diff.body.counts).toMatchObject({ inserted: 1, changed: 1, moved: 1, deleted: 0 });

    // A version against the text as it is now, which is the same as the second version.
    const now = await call('GET', `/api/documents/${docId}/diff?from=${second.id}&to=current`);
    expect(now.body.to.id).toBe('current');
    expect(now.body.articles.every((a: { status: string }) => a.status === 'unchanged')).toBe(true);
    expect((await call('GET', `/api/documents/${docId}/diff?from=ver-missing`)).status).toBe(404);
    expect((await call('GET', `/api/documents/${docId}/diff`)).status).toBe(400);
  });

  test('refused moves answer 409 naming why, and change nothing: stages, versions, audit', async () => {
    const { server, call } = await setup();
    const docId = await createAct(call);
    await walk(call, docId, WITHOUT_CONSULTATION.slice(0, 4));
    // Members are added before the snapshot: adding one is a decision the audit log records (issue 11).
    const others: Array<[string, string]> = [];
    for (const role of ['drafter', 'reviewer', 'observer']) {
      others.push([role, (await call('POST', '/api/members', { name: `A ${role}`, role })).body.token]);
    }
    const before = await snapshot(call, docId);
    expect(before.stages.current).toBe('council_vote');

    const refusals: Array<[object, string]> = [
      [
        { to: 'in_force' },
        "Cannot move from 'council_vote' to 'in_force': allowed next stages are drafting, signature, rejected, withdrawn",
      ],
      [{ to: 'adoptd' }, "Invalid stage 'adoptd': expected one of drafting, consolidation"],
      [
        { to: 'signature' },
        "Missing actNumber: moving from 'council_vote' to 'signature' needs the adoption record",
      ],
      [
        { to: 'signature', data: { ...ADOPTION, votesFor: 2, votesAgainst: 9 } },
        'The vote did not pass: 2 for, 9 against',
      ],
      [
        { to: 'signature', data: { ...ADOPTION, adoptionDate: addDays(TODAY, 3) } },
        `Invalid adoptionDate '${addDays(TODAY, 3)}': expected a date not after today`,
      ],
      [
        { to: 'drafting' },
        "Missing note: moving from 'council_vote' to 'drafting' needs a note that says why",
      ],
      [{ to: 'rejected', note: '   ' }, 'needs a note that says why'],
    ];
    for (const [body, reason] of refusals) {
      const refused = await call('POST', `/api/documents/${docId}/transitions`, body);
      expect(refused.status, JSON.stringify(body)).toBe(409);
      expect(refused.body.error.code).toBe('illegal_transition');
      expect(refused.body.error.message).toContain(reason);
    }
    // Bad bodies are 400, an unknown act 404, a role without changeStage 403: all change nothing too.
    for (const body of [
      { to: 5 },
      { note: 'no target' },
      { to: 'signature', extra: true },
      { to: 'signature', data: 'adopted' },
      'not json',
    ]) {
      expect(
        (await call('POST', `/api/documents/${docId}/transitions`, body)).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect(
      (await call('POST', '/api/documents/doc-doesnotexist/transitions', { to: 'signature', data: ADOPTION }))
        .status,
    ).toBe(404);
    expect((await call('GET', '/api/documents/doc-doesnotexist/stages')).status).toBe(404);
    for (const [role, token] of others) {
      const forbidden = await api(server, token, 'POST', `/api/documents/${docId}/transitions`, {
        to: 'signature',
        data: ADOPTION,
      });
      expect(forbidden.status, role).toBe(403);
      expect(forbidden.body.error.message).toContain('changeStage');
      // They still see where the act stands, with no buttons to move it.
      const seen = await api(server, token, 'GET', `/api/documents/${docId}/stages`);
      expect(seen.body).toMatchObject({ current: 'council_vote', available: [] });
    }
    expect(await snapshot(call, docId)).toEqual(before);

    // The final stage has no way out.
    await walk(call, docId, WITHOUT_CONSULTATION.slice(4));
    const final = await call('POST', `/api/documents/${docId}/transitions`, {
      to: 'drafting',
      note: 'Reopen it',
    });
    expect(final.status).toBe(409);
    expect(final.body.error.message).toContain("Cannot move from 'in_force': it is a final stage");
  });

  test('every open client hears of a stage change on the events stream; a stream without a token is refused', async () => {
    const { server, token, call } = await setup();
    const docId = await createAct(call);
    expect((await fetch(`${server.url}/api/events`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/events?token=wrong`)).status).toBe(401);

    const controller = new AbortController();
    cleanup.push(() => controller.abort());
    const response = await fetch(`${server.url}/api/events?token=${token}`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    let received = '';
    const pump = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += new TextDecoder().decode(value);
      }
    })().catch(() => undefined);
    await waitFor(() => received.includes('event: ready'), 'the stream opens');
    await walk(call, docId, [{ to: 'consolidation' }]);
    await waitFor(() => received.includes('"stage":"consolidation"'), 'the stage event arrives', 2000);
    expect(received).toContain(`"docId":"${docId}"`);
    controller.abort();
    await pump;
  });
});
