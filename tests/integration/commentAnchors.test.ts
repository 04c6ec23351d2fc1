import { $getRoot, $getSelection, $isRangeSelection, type LexicalNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { $isArticleNode } from '../../shared/nodes';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import {
  $buildArticles,
  $textNodeWith,
  addMember,
  anchorOn,
  threadById,
  undoManagerOf,
} from '../helpers/reviewHelpers';
import { api, waitFor } from '../helpers/testServer';

const cleanup = cleanupAfterEach();

const COMMENTED = 'თავიდან აიცილოს ინტერესთა';

async function setup() {
  const { server } = await serverForTest(cleanup);
  const owner = server.workspace.ownerToken;
  const drafter = await addMember(server, owner, 'გიორგი ბერიძე', 'drafter');
  const lawyer = await addMember(server, owner, 'ნინო იურისტი', 'reviewer');
  const docId: string = (
    await api(server, owner, 'POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka' })
  ).body.id;
  const connect = async (token: string): Promise<LexicalClient> => {
    const client = await connectClient(server.url, docId, token);
    cleanup.push(() => client.destroy());
    return client;
  };
  const alice = await connect(owner);
  const bob = await connect(drafter);
  alice.edit(() =>
    $buildArticles([
      { heading: 'ზოგადი დებულებები', paragraphs: ['ეს კოდექსი ადგენს ქცევის წესებს.'] },
      {
        heading: 'ინტერესთა კონფლიქტი',
        paragraphs: ['საჯარო მოსამსახურე ვალდებულია თავიდან აიცილოს ინტერესთა კონფლიქტი.', 'მეორე პუნქტი.'],
      },
      { heading: 'საჩუქრები', paragraphs: ['საჩუქრის მიღება აკრძალულია.'] },
    ]),
  );
  await waitFor(() => bob.text().includes('საჩუქრის მიღება'), 'bob receives the articles');
  return { server, owner, drafter, lawyer, docId, alice, bob, connect };
}

/** Waits until both clients hold the same text, which contains every given piece. */
async function converged(a: LexicalClient, b: LexicalClient, ...pieces: string[]): Promise<void> {
  await waitFor(
    () => a.text() === b.text() && pieces.every((p) => a.text().includes(p)),
    `both clients converge on ${pieces.join(', ')}`,
  );
}

describe('comment anchors follow their text through concurrent edits', () => {
  test('insert before and inside, split, merge, move the article, delete, undo: the article number and quoted text stay right', async () => {
    const { server, owner, lawyer, docId, alice, bob, connect } = await setup();
    // The lawyer may not edit the text; she places the anchor in her own read-only copy and posts it.
    const reader = await connect(lawyer);
    await waitFor(() => reader.text().includes(COMMENTED), 'the lawyer sees the text');
    const posted = await api(server, lawyer, 'POST', `/api/documents/${docId}/comments`, {
      anchor: anchorOn(reader.doc, COMMENTED),
      text: 'ეს ფორმულირება ბუნდოვანია.',
      blocking: true,
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const id: string = posted.body.id;
    const at = async () => (await threadById(server, owner, docId, id)).anchor;
    expect(await at()).toMatchObject({
      state: 'anchored',
      articleNumber: 2,
      articleLabel: 'მუხლი 2',
      text: COMMENTED,
      quote: COMMENTED,
    });

    // Insert before the range, while bob concurrently appends after it: neither has seen the other's edit.
    alice.edit(() => {
      const { node } = $textNodeWith('საჯარო მოსამსახურე');
      node.spliceText(0, 0, 'ამასთან, ', false);
    });
    bob.edit(() => {
      const { node } = $textNodeWith('კონფლიქტი.');
      node.spliceText(node.getTextContentSize(), 0, ' და შეატყობინოს.', false);
    });
    await converged(alice, bob, 'ამასთან, საჯარო', 'შეატყობინოს.');
    expect(await at()).toMatchObject({ state: 'anchored', articleNumber: 2, text: COMMENTED });

    // Insert inside the range: the range grows with it.
    bob.edit(() => {
      const { node, offset } = $textNodeWith('ინტერესთა კონფლიქტი.');
      node.spliceText(offset, 0, 'ყოველთვის ', false);
    });
    await converged(alice, bob, 'ყოველთვის ინტერესთა');
    expect(await at()).toMatchObject({
      state: 'anchored',
      articleNumber: 2,
      text: 'თავიდან აიცილოს ყოველთვის ინტერესთა',
      quote: COMMENTED,
    });

    // Split the paragraph inside the range (Enter before "ყოველთვის"): the range spans both paragraphs.
    alice.edit(() => {
      const { node, offset } = $textNodeWith('ყოველთვის');
      node.select(offset, offset);
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) throw new Error('Expected a range selection');
      selection.insertParagraph();
    });
    await converged(alice, bob);
    await waitFor(
      () =>
        alice.editor.getEditorState().read(() =>
          $getRoot()
            .getChildren()
            .some((b) => b.getTextContent().startsWith('ყოველთვის')),
        ),
      'the paragraph is split',
    );
    expect(await at()).toMatchObject({
      state: 'anchored',
      articleNumber: 2,
      text: 'თავიდან აიცილოს \nყოველთვის ინტერესთა',
    });

    // Merge them again (Backspace at the start of the second paragraph), from the other client.
    bob.edit(() => {
      const { node } = $textNodeWith('ყოველთვის');
      node.select(0, 0);
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) throw new Error('Expected a range selection');
      selection.deleteCharacter(true);
    });
    await converged(alice, bob, 'აიცილოს ყოველთვის');
    expect(await at()).toMatchObject({
      state: 'anchored',
      articleNumber: 2,
      text: 'თავიდან აიცილოს ყოველთვის ინტერესთა',
    });

    // Move the article after the next one (as Alt+Shift+↓ does), while bob types in the first article.
    alice.edit(() => {
      const blocks = $getRoot().getChildren();
      const starts = blocks.map((b, i) => ($isArticleNode(b) ? i : -1)).filter((i) => i >= 0);
      const group: LexicalNode[] = blocks.slice(starts[1], starts[2]);
      let anchor: LexicalNode =
        blocks[blocks.findIndex((b) => b.getTextContent().includes('საჩუქრის მიღება'))]!;
      for (const node of group) {
        anchor.insertAfter(node);
        anchor = node;
      }
    });
    bob.edit(() => {
      const { node } = $textNodeWith('ქცევის წესებს');
      node.spliceText(0, 0, 'ეთიკის ', false);
    });
    await converged(alice, bob, 'ეთიკის ეს კოდექსი');
    const moved = await at();
    expect(moved).toMatchObject({
      state: 'anchored',
      articleNumber: 3,
      articleLabel: 'მუხლი 3',
      text: 'თავიდან აიცილოს ყოველთვის ინტერესთა',
    });
    const model = (await api(server, owner, 'GET', `/api/documents/${docId}/model`)).body;
    expect(model.body.find((a: any) => a.number === 3).heading).toBe('ინტერესთა კონფლიქტი');
    expect(moved.articleKey).toBe(model.body.find((a: any) => a.number === 3).key);

    // Delete the commented text: the thread stays, as "text removed" with the quoted original.
    const undo = undoManagerOf(bob);
    bob.edit(() => {
      const { node, offset } = $textNodeWith('თავიდან აიცილოს ყოველთვის ინტერესთა');
      node.spliceText(offset, 'თავიდან აიცილოს ყოველთვის ინტერესთა'.length, '', false);
    });
    await converged(alice, bob);
    await waitFor(() => !alice.text().includes('აიცილოს'), 'the deletion reaches alice');
    expect(await at()).toMatchObject({ state: 'removed', quote: COMMENTED, text: '', articleNumber: 3 });

    // Undo brings the text, and the comment, back.
    undo.undo();
    await waitFor(
      () => alice.text().includes('თავიდან აიცილოს ყოველთვის ინტერესთა'),
      'the undo reaches alice',
    );
    expect(await at()).toMatchObject({
      state: 'anchored',
      articleNumber: 3,
      text: 'თავიდან აიცილოს ყოველთვის ინტერესთა',
    });
  });

  test('a comment on text two clients edit at once, inside and at both ends, keeps the whole range', async () => {
    const { server, owner, docId, alice, bob } = await setup();
    const posted = await api(server, owner, 'POST', `/api/documents/${docId}/comments`, {
      anchor: anchorOn(alice.doc, 'საჩუქრის მიღება'),
      text: 'რა ითვლება საჩუქრად?',
    });
    expect(posted.status).toBe(201);
    alice.edit(() => {
      const { node, offset } = $textNodeWith('მიღება');
      node.spliceText(offset, 0, 'ან გაცემა და ', false);
    });
    bob.edit(() => {
      const { node } = $textNodeWith('საჩუქრის');
      node.spliceText(0, 0, 'ძვირადღირებული ', false);
    });
    await converged(alice, bob, 'ძვირადღირებული საჩუქრის ან გაცემა და მიღება');
    const anchor = (await threadById(server, owner, docId, posted.body.id)).anchor;
    expect(anchor).toMatchObject({
      state: 'anchored',
      articleNumber: 3,
      text: 'საჩუქრის ან გაცემა და მიღება',
      quote: 'საჩუქრის მიღება',
    });
  });

  test('a reviewer comments without write access; an observer may not comment outside public consultation', async () => {
    const { server, owner, lawyer, docId, alice } = await setup();
    const observer = await addMember(server, owner, 'დამკვირვებელი', 'observer');
    const anchor = anchorOn(alice.doc, 'მეორე პუნქტი');
    const refused = await api(server, observer, 'POST', `/api/documents/${docId}/comments`, {
      anchor,
      text: 'შენიშვნა',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("'observer'");
    const bad = await api(server, lawyer, 'POST', `/api/documents/${docId}/comments`, {
      anchor: { ...anchor, start: 'not-a-position' },
      text: 'შენიშვნა',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('anchor.start');
    const listed = await api(server, owner, 'GET', `/api/documents/${docId}/comments`);
    expect(listed.body.threads).toEqual([]);
  });
});
