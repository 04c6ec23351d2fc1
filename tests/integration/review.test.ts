import { $createTextNode, $getRoot } from 'lexical';
import { describe, expect, test } from 'vitest';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { $createArticleNode, $isArticleNode } from '../../shared/nodes';
import { legalReviewBlockers } from '../../server/review/legalReviewGate';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { $buildArticles, $textNodeWith, addMember, anchorOn } from '../helpers/reviewHelpers';
import { api, waitFor } from '../helpers/testServer';
import { makeReady } from '../helpers/readinessHelpers';
import { approveAllArticles, caller } from '../helpers/workflowHelpers';

const cleanup = cleanupAfterEach();

async function setup() {
  const { server } = await serverForTest(cleanup);
  const owner = server.workspace.ownerToken;
  const lawyer = await addMember(server, owner, 'ნინო იურისტი', 'reviewer');
  const drafter = await addMember(server, owner, 'გიორგი ბერიძე', 'drafter');
  const docId: string = (
    await api(server, owner, 'POST', '/api/documents', { title: 'ანტიკორუფციული რეგულაცია', language: 'ka' })
  ).body.id;
  const alice: LexicalClient = await connectClient(server.url, docId, owner);
  cleanup.push(() => alice.destroy());
  alice.edit(() =>
    $buildArticles([
      { heading: 'მიზანი', paragraphs: ['ეს რეგულაცია ადგენს წესებს.'] },
      { heading: 'საჩუქრები', paragraphs: ['საჩუქრის მიღება აკრძალულია.'] },
      { heading: 'ინტერესთა კონფლიქტი', paragraphs: ['მოსამსახურე აცხადებს კონფლიქტს.'] },
    ]),
  );
  const reviews = async () => (await api(server, owner, 'GET', `/api/documents/${docId}/reviews`)).body;
  await waitFor(async () => (await reviews()).articles.length === 3, 'three articles on the server');
  return { server, owner, lawyer, drafter, docId, alice, reviews };
}

/** Moves the act from drafting into legal review through the workflow routes. */
async function intoLegalReview(server: { url: string }, owner: string, docId: string): Promise<void> {
  for (const to of ['consolidation', 'legal_review']) {
    const moved = await api(server, owner, 'POST', `/api/documents/${docId}/transitions`, { to });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  }
}

describe("lawyers' sign-off per article", () => {
  test('approve and request changes per article, by stable key, with reviewer and time; a reviewer only', async () => {
    const { server, lawyer, drafter, docId, reviews } = await setup();
    const [first, second] = (await reviews()).articles;
    expect(first).toMatchObject({
      number: 1,
      label: 'მუხლი 1',
      heading: 'მიზანი',
      status: 'not_reviewed',
      reviewer: null,
    });

    const approved = await api(server, lawyer, 'PUT', `/api/documents/${docId}/reviews/${first.articleKey}`, {
      status: 'approved',
      textHash: first.currentTextHash,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', reviewer: { name: 'ნინო იურისტი' } });
    expect(Date.parse(approved.body.at)).toBeGreaterThan(Date.now() - 60_000);
    const changes = await api(server, lawyer, 'PUT', `/api/documents/${docId}/reviews/${second.articleKey}`, {
      status: 'changes_requested',
      note: 'დააზუსტეთ ზღვარი',
    });
    expect(changes.body).toMatchObject({ status: 'changes_requested', note: 'დააზუსტეთ ზღვარი' });

    const byNumber = await api(server, lawyer, 'PUT', `/api/documents/${docId}/reviews/2`, {
      status: 'approved',
      textHash: second.currentTextHash,
    });
    expect(byNumber.status).toBe(404);
    expect(byNumber.body.error.message).toContain("Unknown article '2'");
    const badStatus = await api(
      server,
      lawyer,
      'PUT',
      `/api/documents/${docId}/reviews/${first.articleKey}`,
      { status: 'ok' },
    );
    expect(badStatus.status).toBe(400);
    const byDrafter = await api(
      server,
      drafter,
      'PUT',
      `/api/documents/${docId}/reviews/${first.articleKey}`,
      { status: 'approved', textHash: first.currentTextHash },
    );
    expect(byDrafter.status).toBe(403);

    expect((await reviews()).articles.map((a: any) => a.status)).toEqual([
      'approved',
      'changes_requested',
      'not_reviewed',
    ]);
  });

  test('editing an approved article sends it back to "needs re-review"; renumbering alone does not', async () => {
    const { server, lawyer, docId, alice, reviews } = await setup();
    for (const article of (await reviews()).articles) {
      await api(server, lawyer, 'PUT', `/api/documents/${docId}/reviews/${article.articleKey}`, {
        status: 'approved',
        textHash: article.currentTextHash,
      });
    }
    expect((await reviews()).articles.map((a: any) => a.status)).toEqual([
      'approved',
      'approved',
      'approved',
    ]);

    alice.edit(() => {
      const { node } = $textNodeWith('საჩუქრის მიღება');
      node.spliceText(node.getTextContentSize(), 0, ' გარდა სიმბოლურისა.', false);
    });
    await waitFor(
      async () => (await reviews()).articles[1].status === 'needs_rereview',
      'article 2 needs re-review',
    );
    const after = (await reviews()).articles;
    expect(after.map((a: any) => a.status)).toEqual(['approved', 'needs_rereview', 'approved']);
    expect(after[1].reviewer.name).toBe('ნინო იურისტი');

    // Approved again; then a new first article renumbers the others, but their text is what was approved.
    await api(server, lawyer, 'PUT', `/api/documents/${docId}/reviews/${after[1].articleKey}`, {
      status: 'approved',
      textHash: after[1].currentTextHash,
    });
    alice.edit(() => {
      const first = $getRoot()
        .getChildren()
        .find((b) => $isArticleNode(b))!;
      first.insertBefore($createArticleNode().append($createTextNode('ტერმინები')));
    });
    await waitFor(async () => (await reviews()).articles.length === 4, 'the new article reaches the server');
    const renumbered = (await reviews()).articles;
    expect(renumbered.map((a: any) => `${a.label} ${a.status}`)).toEqual([
      'მუხლი 1 not_reviewed',
      'მუხლი 2 approved',
      'მუხლი 3 approved',
      'მუხლი 4 approved',
    ]);
    expect(renumbered[2].articleKey).toBe(after[1].articleKey);
  });

  test('the legal-review gate names the unapproved articles and open blocking comments; the transition answers 409', async () => {
    const { server, owner, lawyer, docId, alice, reviews } = await setup();
    await intoLegalReview(server, owner, docId);
    const [first, second, third] = (await reviews()).articles;
    await api(server, lawyer, 'PUT', `/api/documents/${docId}/reviews/${first.articleKey}`, {
      status: 'approved',
      textHash: first.currentTextHash,
    });
    await api(server, lawyer, 'PUT', `/api/documents/${docId}/reviews/${second.articleKey}`, {
      status: 'changes_requested',
    });
    const blocking = await api(server, lawyer, 'POST', `/api/documents/${docId}/comments`, {
      anchor: anchorOn(alice.doc, 'აცხადებს კონფლიქტს'),
      text: 'ვის აცხადებს?',
      blocking: true,
    });
    expect(blocking.status).toBe(201);

    expect(legalReviewBlockers(server.workspace, docId)?.message).toBe(
      'Cannot leave legal review: მუხლი 2 (changes requested), მუხლი 3 (not reviewed) are not approved; 1 blocking comment is open',
    );
    const refused = await api(server, owner, 'POST', `/api/documents/${docId}/transitions`, {
      to: 'commission',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('მუხლი 2 (changes requested), მუხლი 3 (not reviewed)');
    expect(refused.body.error.code).toBe('review_incomplete');
    expect(refused.body.error.details).toEqual({
      articles: [
        { label: 'მუხლი 2', status: 'changes_requested' },
        { label: 'მუხლი 3', status: 'not_reviewed' },
      ],
      blockingComments: 1,
    });
    expect((await api(server, owner, 'GET', `/api/documents/${docId}/stages`)).body.current).toBe(
      'legal_review',
    );

    await api(server, lawyer, 'PUT', `/api/documents/${docId}/reviews/${second.articleKey}`, {
      status: 'approved',
      textHash: second.currentTextHash,
    });
    await api(server, lawyer, 'PUT', `/api/documents/${docId}/reviews/${third.articleKey}`, {
      status: 'approved',
      textHash: third.currentTextHash,
    });
    expect(legalReviewBlockers(server.workspace, docId)?.message).toBe(
      'Cannot leave legal review: 1 blocking comment is open',
    );
    const resolved = await api(
      server,
      owner,
      'POST',
      `/api/documents/${docId}/comments/${blocking.body.id}/resolve`,
      { outcome: 'accepted', reason: 'დაზუსტდა: საკრებულოს თავმჯდომარეს.' },
    );
    expect(resolved.status).toBe(200);
    expect(legalReviewBlockers(server.workspace, docId)).toBeNull();

    // An edit after approval blocks again, naming the article by its current number.
    alice.edit(() => {
      const { node } = $textNodeWith('ეს რეგულაცია');
      node.spliceText(0, 0, 'მუნიციპალიტეტის ', false);
    });
    await waitFor(
      () => legalReviewBlockers(server.workspace, docId) !== null,
      'the gate closes after the edit',
    );
    expect(legalReviewBlockers(server.workspace, docId)?.message).toBe(
      'Cannot leave legal review: მუხლი 1 (changed since approval) is not approved',
    );
    // The approval is of the edited text, so it carries that text's hash.
    const edited = (await reviews()).articles[0];
    expect(edited.currentTextHash).not.toBe(first.currentTextHash);
    const reapproved = await api(server, lawyer, 'PUT', `/api/documents/${docId}/reviews/${first.articleKey}`, {
      status: 'approved',
      textHash: edited.currentTextHash,
    });
    expect(reapproved.status, JSON.stringify(reapproved.body)).toBe(200);

    // The commission sees only a ready act (issue 13, §1): the working group fills what it lacks, lawyers approve.
    const call = caller(server, owner);
    await makeReady(call, docId);
    await approveAllArticles(call, docId);
    const moved = await api(server, owner, 'POST', `/api/documents/${docId}/transitions`, {
      to: 'commission',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.current).toBe('commission');
  });

  test('sending the act back to drafting is never blocked by the gate', async () => {
    const { server, owner, docId } = await setup();
    await intoLegalReview(server, owner, docId);
    const definition = (await api(server, owner, 'GET', '/api/workflow')).body;
    const back = definition.transitions.find(
      (t: any) => t.from === 'legal_review' && (t.to === 'drafting' || t.to === 'withdrawn'),
    );
    expect(back, 'the default workflow has a way back from legal review').toBeTruthy();
    const moved = await api(server, owner, 'POST', `/api/documents/${docId}/transitions`, {
      to: back.to,
      note: 'გადასამუშავებლად',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });

  test('comments made during public consultation are marked, and observers may make them then', async () => {
    const { server, owner, lawyer, docId, alice, reviews } = await setup();
    const before = await api(server, lawyer, 'POST', `/api/documents/${docId}/comments`, {
      anchor: anchorOn(alice.doc, 'ადგენს წესებს'),
      text: 'ექსპერტიზის შენიშვნა',
    });
    expect(before.body.publicConsultation).toBe(false);
    await intoLegalReview(server, owner, docId);
    for (const article of (await reviews()).articles)
      await api(server, lawyer, 'PUT', `/api/documents/${docId}/reviews/${article.articleKey}`, {
        status: 'approved',
        textHash: article.currentTextHash,
      });
    const end = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const moved = await api(server, owner, 'POST', `/api/documents/${docId}/transitions`, {
      to: 'public_consultation',
      data: { consultationEndDate: end },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    const citizen = await addMember(server, owner, 'მოქალაქე', 'observer');
    const during = await api(server, citizen, 'POST', `/api/documents/${docId}/comments`, {
      anchor: anchorOn(alice.doc, 'საჩუქრის მიღება'),
      text: 'საჯარო განხილვის შენიშვნა',
    });
    expect(during.status, JSON.stringify(during.body)).toBe(201);
    expect(during.body.publicConsultation).toBe(true);
    const threads = (await api(server, owner, 'GET', `/api/documents/${docId}/comments`)).body.threads;
    expect(threads.map((t: any) => [t.text, t.publicConsultation])).toEqual([
      ['ექსპერტიზის შენიშვნა', false],
      ['საჯარო განხილვის შენიშვნა', true],
    ]);
  });
});
