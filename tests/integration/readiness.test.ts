import { describe, expect, test } from 'vitest';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { fillNote } from '../helpers/noteHelpers';
import { makeReady } from '../helpers/readinessHelpers';
import { addMember } from '../helpers/reviewHelpers';
import { approveAllArticles, caller, walk, type Call } from '../helpers/workflowHelpers';

const cleanup = cleanupAfterEach();

/** A blank act (its one paragraph empty, its title not in form, its explanatory note written) walked into legal review. */
async function actInLegalReview() {
  const { server } = await serverForTest(cleanup);
  const owner = server.workspace.ownerToken;
  const call = caller(server, owner);
  const created = await call('POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka', municipality: 'vani' });
  const docId: string = created.body.id;
  await fillNote(call, docId);
  await walk(call, docId, [{ to: 'consolidation' }]);
  const moved = await call('POST', `/api/documents/${docId}/transitions`, { to: 'legal_review' });
  expect(moved.status).toBe(200);
  return { server, owner, call, docId };
}

async function snapshot(call: Call, docId: string) {
  const [stages, audit] = await Promise.all([call('GET', `/api/documents/${docId}/stages`), call('GET', '/api/audit/verify')]);
  return { current: stages.body.current, history: stages.body.history.length, entries: audit.body.entries, head: audit.body.head };
}

describe('readiness before the council (issue 13, §1)', () => {
  test("each empty section of the explanatory note is a warning, named by its title, until it is written", async () => {
    const { server } = await serverForTest(cleanup);
    const call = caller(server, server.workspace.ownerToken);
    const docId: string = (await call('POST', '/api/documents', { title: 'ეთიკის კოდექსის შესახებ', language: 'ka' })).body.id;
    const sections = (await call('GET', `/api/documents/${docId}/note`)).body.sections as Array<{ key: string; title: string }>;
    expect(sections.length).toBeGreaterThan(3);
    const noteWarnings = async () => ((await call('GET', `/api/documents/${docId}/readiness`)).body.problems as any[]).filter((p) => p.code === 'note_section_empty');
    const before = await noteWarnings();
    expect(before.map((p) => p.severity)).toEqual(sections.map(() => 'warning'));
    expect(before[0].message.ka).toContain(sections[0]!.title);
    await fillNote(call, docId);
    expect(await noteWarnings()).toEqual([]);
  });


  test('the readiness route lists every problem with its article, severity and both languages', async () => {
    const { server, call, docId } = await actInLegalReview();
    const report = await call('GET', `/api/documents/${docId}/readiness`);
    expect(report.status).toBe(200);
    expect(report.body.ready).toBe(false);
    const model = (await call('GET', `/api/documents/${docId}/model`)).body;
    const firstArticle = model.body.find((b: { kind: string }) => b.kind === 'article');
    expect(report.body.problems.map((p: any) => [p.code, p.severity, p.articleKey])).toEqual([
      ['empty_article', 'blocking', firstArticle.key],
      ['title_form', 'warning', undefined],
      ['article_not_approved', 'blocking', firstArticle.key],
      ['article_not_approved', 'blocking', expect.any(String)],
    ]);
    for (const p of report.body.problems) {
      expect(p.message.ka).toMatch(/[ა-ჰ]/);
      expect(p.message.en).toMatch(/[A-Za-z]/);
      expect(Object.keys(p).sort()).toEqual(p.articleKey ? ['articleKey', 'code', 'message', 'severity'] : ['code', 'message', 'severity']);
    }
    // Any member who reads the act reads its readiness; a bad id is 404 with the id named.
    const observer = await addMember(server, server.workspace.ownerToken, 'მოქალაქე', 'observer');
    expect((await caller(server, observer)('GET', `/api/documents/${docId}/readiness`)).status).toBe(200);
    const missing = await call('GET', '/api/documents/doc-nosuchdocument/readiness');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('doc-nosuchdocument');
    expect((await call('GET', '/api/documents/..%2F..%2Fetc/readiness')).status).toBe(404);
  });

  test('moving to the commission is 409 not_ready naming the blocking problems, and an override does not lift them', async () => {
    const { call, docId } = await actInLegalReview();
    await approveAllArticles(call, docId);
    const before = await snapshot(call, docId);
    const refused = await call('POST', `/api/documents/${docId}/transitions`, { to: 'commission' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('not_ready');
    expect(refused.body.error.message).toContain('Article 1 is empty');
    expect(refused.body.error.message).toContain('no override');
    expect(refused.body.error.problems.map((p: any) => p.code)).toEqual(['empty_article', 'title_form']);

    const overridden = await call('POST', `/api/documents/${docId}/transitions`, { to: 'commission', overrideWarnings: { reason: 'The council asked for it today' } });
    expect(overridden.status).toBe(409);
    expect(overridden.body.error.code).toBe('not_ready');
    expect(overridden.body.error.message).toContain('Article 1 is empty');
    // Refused moves change nothing: no stage, no version, no audit entry.
    expect(await snapshot(call, docId)).toEqual(before);
  });

  test('a warning needs an override with a reason; the override lands in the audit log with the move', async () => {
    const { server, call, docId } = await actInLegalReview();
    const model = (await call('GET', `/api/documents/${docId}/model`)).body;
    const article = model.body.find((b: { kind: string }) => b.kind === 'article');
    const fill = await call('POST', `/api/documents/${docId}/suggestions`, { target: { blockKey: article.content[0].key, quote: '', offset: 0 }, text: 'ეს კოდექსი ადგენს ქცევის წესებს.' });
    expect(fill.status).toBe(201);
    expect((await call('POST', `/api/documents/${docId}/suggestions/${fill.body.id}/accept`, {})).status).toBe(200);
    await approveAllArticles(call, docId);
    // Only the title's form is left: a warning.
    const report = (await call('GET', `/api/documents/${docId}/readiness`)).body;
    expect(report.problems.map((p: any) => [p.code, p.severity])).toEqual([['title_form', 'warning']]);

    const before = await snapshot(call, docId);
    const plain = await call('POST', `/api/documents/${docId}/transitions`, { to: 'commission' });
    expect(plain.status).toBe(409);
    expect(plain.body.error.code).toBe('not_ready');
    expect(plain.body.error.message).toContain('overrideWarnings');
    for (const bad of [{ reason: '' }, { reason: '   ' }, {}, 'yes', { reason: 'x', extra: 1 }, { reason: 'x'.repeat(2001) }]) {
      const refused = await call('POST', `/api/documents/${docId}/transitions`, { to: 'commission', overrideWarnings: bad });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error.message).toContain('overrideWarnings');
    }
    expect(await snapshot(call, docId)).toEqual(before);

    const reason = 'The title follows the council’s own code, as the commission agreed';
    const moved = await call('POST', `/api/documents/${docId}/transitions`, { to: 'commission', overrideWarnings: { reason } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.current).toBe('commission');
    const rows = server.workspace.db.prepare("SELECT seq, action, payload FROM audit_log WHERE doc_id = ? AND action IN ('readiness.warnings_overridden', 'stage.transition') ORDER BY seq DESC LIMIT 2").all(docId) as Array<{ seq: number; action: string; payload: string }>;
    expect(rows.map((r) => r.action)).toEqual(['stage.transition', 'readiness.warnings_overridden']);
    expect(JSON.parse(rows[1]!.payload)).toMatchObject({ from: 'legal_review', to: 'commission', reason, warnings: [{ code: 'title_form', articleKey: null, message: { ka: expect.any(String), en: expect.stringContaining('On …') } }] });
    expect((await call('GET', '/api/audit/verify')).body.ok).toBe(true);
  });

  test('moves back, out, or before the commission are never gated; an act made ready walks to adoption', async () => {
    const { call, docId } = await actInLegalReview();
    const back = await call('POST', `/api/documents/${docId}/transitions`, { to: 'drafting', note: 'გადასამუშავებლად' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    await walk(call, docId, [{ to: 'consolidation' }, { to: 'legal_review' }]);
    await makeReady(call, docId);
    await approveAllArticles(call, docId);
    expect((await call('GET', `/api/documents/${docId}/readiness`)).body).toEqual({ ready: true, problems: [] });
    await walk(call, docId, [{ to: 'commission' }, { to: 'council_vote' }]);
    const withdrawn = await call('POST', `/api/documents/${docId}/transitions`, { to: 'rejected', note: 'The council voted it down' });
    expect(withdrawn.status).toBe(200);
  });

  test('an edit after approval makes the act not ready again, naming the article', async () => {
    const { call, docId } = await actInLegalReview();
    await makeReady(call, docId);
    await approveAllArticles(call, docId);
    await walk(call, docId, [{ to: 'commission' }]);
    const model = (await call('GET', `/api/documents/${docId}/model`)).body;
    const article = model.body.find((b: { kind: string }) => b.kind === 'article');
    const edit = await call('POST', `/api/documents/${docId}/suggestions`, { target: { blockKey: article.content[0].key, quote: '', offset: 0 }, text: 'ახალი: ' });
    await call('POST', `/api/documents/${docId}/suggestions/${edit.body.id}/accept`, {});
    const refused = await call('POST', `/api/documents/${docId}/transitions`, { to: 'council_vote' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.problems).toEqual([expect.objectContaining({ code: 'article_not_approved', severity: 'blocking', articleKey: article.key })]);
    expect(refused.body.error.message).toContain('Article 1 is not approved by the lawyers (changed since its approval)');
  });
});
