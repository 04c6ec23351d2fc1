import { $createTextNode, $getRoot, type LexicalNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import { $createArticleNode, $createClauseNode, $isArticleNode, $isChapterNode, $isClauseNode, type ClauseNode } from '../../shared/nodes';
import { formatActDate } from '../../shared/lang/dates';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { connectClient } from '../helpers/lexicalClient';
import { api, waitFor } from '../helpers/testServer';
import { caller, PUBLICATION, SIGNING, TODAY, walk, WITHOUT_CONSULTATION, type Call, type Step } from '../helpers/workflowHelpers';

const cleanup = cleanupAfterEach();

/** The walk of an amending act, adopted as № `actNumber` today. */
const amendingWalk = (actNumber: string): Step[] => [
  { to: 'consolidation' },
  { to: 'legal_review' },
  { to: 'commission' },
  { to: 'council_vote' },
  { to: 'signature', data: { actNumber, adoptionDate: TODAY, votesFor: 10, votesAgainst: 0, abstained: 1 } },
  { to: 'publication', data: SIGNING },
  { to: 'in_force', data: { ...PUBLICATION, registrationCode: '010250000.35.101.099999' } },
];

async function setup() {
  const { server } = await serverForTest(cleanup);
  const call = caller(server, server.workspace.ownerToken);
  const created = await call('POST', '/api/documents', { templateId: 'code-of-ethics', language: 'ka', municipality: 'bagdati', values: {} });
  expect(created.status).toBe(201);
  return { server, call, actId: created.body.id as string };
}

const text = async (call: Call, docId: string, query = '') => {
  const res = await call('GET', `/api/documents/${docId}/text${query}`);
  return { status: res.status, text: typeof res.body === 'string' ? res.body : JSON.stringify(res.body) };
};

/** The top-level blocks of an article: its heading node and every clause up to the next article or chapter. */
function $articleBlocks(n: number): LexicalNode[] {
  const children = $getRoot().getChildren();
  const articles = children.filter($isArticleNode);
  const start = children.indexOf(articles[n - 1]!);
  const out: LexicalNode[] = [children[start]!];
  for (let i = start + 1; i < children.length && !$isArticleNode(children[i]) && !$isChapterNode(children[i]); i += 1) out.push(children[i]!);
  return out;
}

describe('amending an act in force (issue 13, §4)', () => {
  test('a revision, its amending act, and edition 2 whose text is the revision’s; then a repeal', async () => {
    const { server, call, actId } = await setup();

    const early = await call('POST', `/api/documents/${actId}/revisions`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_in_force');
    expect((await call('GET', `/api/documents/${actId}/editions`)).body).toEqual({ editions: [] });

    await walk(call, actId, WITHOUT_CONSULTATION);
    const actText = (await text(call, actId)).text;
    expect((await call('GET', `/api/documents/${actId}/editions`)).body).toEqual({ editions: [{ number: 1, inForceFrom: TODAY }] });

    // Hostile bodies are refused and start nothing.
    for (const body of [{ repeal: 'yes' }, { repeal: true, extra: 1 }, [1, 2]]) {
      expect((await call('POST', `/api/documents/${actId}/revisions`, body)).status).toBe(400);
    }
    expect((await call('GET', `/api/documents/${actId}/revisions`)).body.revisions).toEqual([]);

    const started = await call('POST', `/api/documents/${actId}/revisions`, {});
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ amends: actId, baseEdition: 1, repeal: false, language: 'ka' });
    const revisionId = started.body.id as string;
    expect((await text(call, revisionId)).text).toBe(actText);
    const again = await call('POST', `/api/documents/${actId}/revisions`);
    expect([again.status, again.body.error.code]).toEqual([409, 'revision_open']);
    expect((await call('POST', `/api/documents/${revisionId}/revisions`)).body.error.code).toBe('is_revision');

    // A drafter's edits: article 7 removed, a new article after article 5, article 2's second paragraph reworded.
    const client = await connectClient(server.url, revisionId, server.workspace.ownerToken);
    cleanup.push(() => client.destroy());
    client.edit(() => {
      for (const node of $articleBlocks(7)) node.remove();
      const fifth = $articleBlocks(5);
      const article = $createArticleNode().append($createTextNode('ანგარიშგება'));
      const clause = $createClauseNode(0).append($createTextNode('ეთიკის კომისია ყოველწლიურად აქვეყნებს ანგარიშს.'));
      fifth.at(-1)!.insertAfter(article);
      article.insertAfter(clause);
      const paragraph = $articleBlocks(2).filter((n): n is ClauseNode => $isClauseNode(n) && n.getDepth() === 0)[1]!;
      paragraph.clear().append($createTextNode('ეს კოდექსი ვრცელდება ყველა თანამდებობის პირზე.'));
    });
    await waitFor(async () => (await text(call, revisionId)).text.includes('მუხლი 5¹. ანგარიშგება'), 'the revision to show article 5¹');

    const amending = await call('GET', `/api/documents/${revisionId}/amending-act`);
    expect(amending.status).toBe(200);
    const actTitle = amending.body.model.title as string;
    expect(actTitle).toMatch(/^„.+“ .+საკრებულოს \d{4} წლის \d+ \S+ №12 დადგენილებაში ცვლილების შეტანის შესახებ$/u);
    expect(amending.body.text).toContain('№12 დადგენილებაში (www.matsne.gov.ge, 010250000.35.101.016261) შევიდეს შემდეგი ცვლილებები:');
    expect(amending.body.text).toContain('1. მე-2 მუხლის მე-2 პუნქტი ჩამოყალიბდეს შემდეგი რედაქციით: „2. ეს კოდექსი ვრცელდება ყველა თანამდებობის პირზე.“;');
    expect(amending.body.text).toContain('2. დაემატოს შემდეგი შინაარსის 5¹ მუხლი: „მუხლი 5¹. ანგარიშგება\n1. ეთიკის კომისია ყოველწლიურად აქვეყნებს ანგარიშს.“;');
    expect(amending.body.text).toContain('3. მე-7 მუხლი ამოღებულ იქნეს.');
    const docx = await fetch(`${server.url}/api/documents/${revisionId}/amending-act?format=docx`, { headers: { authorization: `Bearer ${server.workspace.ownerToken}` } });
    expect(docx.status).toBe(200);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect((await call('GET', `/api/documents/${revisionId}/amending-act?format=pdf`)).status).toBe(400);
    expect((await call('GET', `/api/documents/${actId}/amending-act`)).body.error.code).toBe('not_a_revision');
    client.destroy();

    // The revision walks the workflow: its adoption is the amending act's, its entry into force edition 2.
    await walk(call, revisionId, amendingWalk('31'));
    const editions = (await call('GET', `/api/documents/${actId}/editions`)).body;
    expect(editions.editions).toHaveLength(2);
    expect(editions.editions[1]).toMatchObject({ number: 2, inForceFrom: TODAY, amendedBy: { id: revisionId, actNumber: '31', date: TODAY } });
    const revisionText = (await text(call, revisionId)).text;
    const edition2 = await text(call, actId, '?edition=2');
    expect(edition2.status).toBe(200);
    expect(edition2.text).toBe(`${editions.editions[1].note}\n${revisionText}`);
    expect(edition2.text).toContain(`მუხლი 7. ამოღებულია (№31, ${formatActDate(TODAY, 'ka')})\n`);
    expect(edition2.text).toContain('მუხლი 5¹. ანგარიშგება\n');
    expect((await text(call, actId, '?edition=1')).text).toBe(actText);
    expect((await text(call, actId, '?edition=3')).status).toBe(404);
    expect((await text(call, actId, '?edition=zero')).status).toBe(400);
    expect((await text(call, actId)).text).toBe(actText);

    const diff = await call('GET', `/api/documents/${actId}/editions/diff?from=1&to=2`);
    expect(diff.body.counts.inserted).toBe(1);
    expect((await call('GET', `/api/documents/${actId}/editions/diff?from=1&to=9`)).status).toBe(404);
    const exported = await fetch(`${server.url}/api/documents/${actId}/editions/2/export.docx`, { headers: { authorization: `Bearer ${server.workspace.ownerToken}` } });
    expect(exported.status).toBe(200);
    expect((await call('GET', `/api/documents/${actId}/editions/x/export.docx`)).status).toBe(400);

    const audit = server.workspace.db.prepare("SELECT action, doc_id AS docId FROM audit_log WHERE action IN ('revision.started', 'edition.created', 'act.repealed')").all();
    expect(audit).toEqual([
      { action: 'revision.started', docId: revisionId },
      { action: 'edition.created', docId: actId },
    ]);
    const inForce = (await call('GET', '/api/acts-in-force')).body.acts.find((a: { id: string }) => a.id === actId);
    expect(inForce).toMatchObject({ edition: 2, repealedBy: null, openRevisions: [] });
    expect((await call('GET', '/api/acts-in-force')).body.acts.map((a: { id: string }) => a.id)).not.toContain(revisionId);

    // The next revision starts from edition 2, numbers and removed articles kept; this one repeals the act.
    const repeal = await call('POST', `/api/documents/${actId}/revisions`, { repeal: true });
    expect(repeal.status).toBe(201);
    expect(repeal.body).toMatchObject({ baseEdition: 2, repeal: true });
    expect(`${editions.editions[1].note}\n${(await text(call, repeal.body.id)).text}`).toBe(edition2.text);
    expect((await call('GET', `/api/documents/${actId}/acts-in-force`)).status).toBe(404);
    const open = (await call('GET', '/api/acts-in-force')).body.acts.find((a: { id: string }) => a.id === actId);
    expect(open.openRevisions).toEqual([expect.objectContaining({ id: repeal.body.id, stage: 'drafting', repeal: true, open: true })]);
    const repealAct = await call('GET', `/api/documents/${repeal.body.id}/amending-act`);
    expect(repealAct.body.text).toContain('მუხლი 1.\nძალადაკარგულად გამოცხადდეს „');
    expect(repealAct.body.model.title).toContain('№12 დადგენილების ძალადაკარგულად გამოცხადების შესახებ');
    await walk(call, repeal.body.id, amendingWalk('40'));
    const afterRepeal = (await call('GET', `/api/documents/${actId}/editions`)).body;
    expect(afterRepeal.repealedBy).toMatchObject({ id: repeal.body.id, actNumber: '40', inForceFrom: TODAY });
    expect(afterRepeal.editions).toHaveLength(2);
    expect((await call('POST', `/api/documents/${actId}/revisions`)).body.error.code).toBe('repealed');
  }, 60_000);

  test('an observer may not start a revision, and an unknown act is 404', async () => {
    const { server, call, actId } = await setup();
    const invited = await call('POST', '/api/members', { name: 'Observer', role: 'observer' });
    expect(invited.status).toBe(201);
    const observer = await api(server, invited.body.token, 'POST', `/api/documents/${actId}/revisions`);
    expect(observer.status).toBe(403);
    expect((await call('POST', '/api/documents/doc-unknown00000/revisions')).status).toBe(404);
    expect((await call('GET', `/api/documents/${actId}/revisions`)).body.revisions).toEqual([]);
  });
});
