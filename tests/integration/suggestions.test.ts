import * as decoding from 'lib0/decoding';
import { $createTextNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import { cleanupAfterEach } from '../helpers/lifecycle';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { $textNodeWith, anchorOn } from '../helpers/reviewHelpers';
import { openStream, suggestionAct } from '../helpers/suggestionHelpers';
import { api, waitFor } from '../helpers/testServer';
import { caller, THROUGH_CONSULTATION, walk, WITHOUT_CONSULTATION } from '../helpers/workflowHelpers';

const cleanup = cleanupAfterEach();

/** A stock y-websocket client that records the permission-denied messages it is sent. */
async function listeningClient(url: string, docId: string, token: string): Promise<{ client: LexicalClient; denied: string[] }> {
  const client = await connectClient(url, docId, token);
  cleanup.push(() => client.destroy());
  const denied: string[] = [];
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder));
  };
  return { client, denied };
}

describe('suggestions', () => {
  test("a reviewer's suggestion accepted by a drafter reaches every connected client; the reviewer's own sync writes are still refused", async () => {
    const t = await suggestionAct(cleanup);
    const bob = await connectClient(t.server.url, t.docId, t.drafter.token);
    cleanup.push(() => bob.destroy());
    const lawyer = await listeningClient(t.server.url, t.docId, t.lawyer.token);

    lawyer.client.type(' ნინოს ჩასწორება');
    await waitFor(() => lawyer.denied.length > 0, 'the reviewer is told the edit was refused');
    expect(lawyer.denied[0]).toContain("read-only: the role 'reviewer' may not edit the text");

    const blockKey = t.keys.clauses[1]![0]!;
    const made = await t.suggest(t.lawyer.token, {
      target: { blockKey, quote: 'საჩუქრის მიღება' },
      text: '50 ლარზე ძვირი საჩუქრის მიღება',
      note: 'ზღვარი დაადგინეთ.',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      status: 'open',
      blockKey,
      articleKey: t.keys.articles[1],
      articleLabel: 'მუხლი 2',
      quote: 'საჩუქრის მიღება',
      text: '50 ლარზე ძვირი საჩუქრის მიღება',
      note: 'ზღვარი დაადგინეთ.',
      author: { id: t.lawyer.id, name: 'ნინო იურისტი' },
      at: { blockKey, offset: 0 },
      publicConsultation: false,
    });
    expect(made.body.decidedBy).toBeUndefined();
    // A suggestion is not an edit: the shared text is as it was.
    expect(await t.text()).not.toContain('50 ლარზე');

    const byReviewer = await t.decide(t.lawyer.token, made.body.id, 'accept');
    expect(byReviewer.status).toBe(403);
    expect(byReviewer.body.error.message).toContain("'editText'");

    const accepted = await t.decide(t.drafter.token, made.body.id, 'accept', { reason: 'ზღვარი დაემატა' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: { id: t.drafter.id, name: 'გიორგი ბერიძე' }, reason: 'ზღვარი დაემატა', at: null });
    expect(Date.parse(accepted.body.decidedAt)).toBeGreaterThan(Date.now() - 60_000);

    const changed = '50 ლარზე ძვირი საჩუქრის მიღება აკრძალულია.';
    for (const [name, client] of [['the owner', t.alice], ['the drafter', bob], ['the reviewer', lawyer.client]] as const) {
      await waitFor(() => client.text().includes(changed), `${name}'s client shows the accepted text`);
    }
    expect(await t.text()).toContain(`1. ${changed}`);
    // The refused edit never reached anyone.
    expect(t.alice.text()).not.toContain('ნინოს ჩასწორება');
    expect(await t.text()).not.toContain('ნინოს ჩასწორება');

    const twice = await t.decide(t.drafter.token, made.body.id, 'accept');
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_decided');
  });

  test('a proposed new article with a paragraph is inserted after a block, and the articles after it renumber', async () => {
    const t = await suggestionAct(cleanup);
    const blockKey = t.keys.clauses[0]![0]!;
    const end = 'ეს კოდექსი ადგენს ქცევის წესებს.'.length;
    const made = await t.suggest(t.lawyer.token, {
      target: { blockKey, quote: '', offset: end },
      text: '\nგამჭვირვალობა\nყველა საჩუქარი ცხადდება რეესტრში.',
      newBlocks: [{ type: 'article' }, { type: 'clause', depth: 0 }],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.at).toEqual({ blockKey, offset: end });
    expect((await t.decide(t.drafter.token, made.body.id, 'accept')).status).toBe(200);

    const model = (await api(t.server, t.owner, 'GET', `/api/documents/${t.docId}/model`)).body;
    const articles = model.body.filter((b: any) => b.kind === 'article');
    expect(articles.map((a: any) => [a.label, a.heading])).toEqual([
      ['მუხლი 1', 'მიზანი'],
      ['მუხლი 2', 'გამჭვირვალობა'],
      ['მუხლი 3', 'საჩუქრები'],
      ['მუხლი 4', 'ინტერესთა კონფლიქტი'],
    ]);
    expect(articles[1].content.map((c: any) => `${c.label} ${c.text}`)).toEqual(['1. ყველა საჩუქარი ცხადდება რეესტრში.']);
    await waitFor(() => t.alice.text().includes('ყველა საჩუქარი ცხადდება რეესტრში.'), 'the connected client has the new article');
    expect(await t.text()).toContain('მუხლი 3. საჩუქრები');
  });

  test('a suggestion whose quote a drafter edits becomes stale, open clients hear of it, and accepting it is 409 with nothing changed', async () => {
    const t = await suggestionAct(cleanup);
    const made = await t.suggest(t.lawyer.token, { target: { blockKey: t.keys.clauses[2]![0]!, quote: 'წერილობით' }, text: 'წერილობით, 3 დღის ვადაში' });
    expect(made.status).toBe(201);
    const stream = await openStream(`${t.server.url}/api/documents/${t.docId}/review/events`, t.lawyer.token, cleanup);
    const heard = stream.received().split('event: suggestions').length;

    // An edit elsewhere in the block leaves the suggestion open.
    t.alice.edit(() => {
      const { node } = $textNodeWith('მოსამსახურე');
      node.insertBefore($createTextNode('ყოველი '));
    });
    await waitFor(async () => (await t.text()).includes('ყოველი მოსამსახურე'), 'the edit elsewhere is stored');
    expect((await t.byId(made.body.id)).status).toBe('open');
    expect((await t.byId(made.body.id)).at.offset).toBe('ყოველი მოსამსახურე აცხადებს კონფლიქტს '.length);

    t.alice.edit(() => {
      const { node, offset } = $textNodeWith('წერილობით');
      node.spliceText(offset, 'წერილობით'.length, 'ზეპირად', false);
    });
    await waitFor(async () => (await t.byId(made.body.id)).status === 'stale', 'the suggestion turns stale');
    await waitFor(() => stream.received().split('event: suggestions').length > heard, 'the review stream tells open clients');
    const before = await t.text();

    const accepted = await t.decide(t.drafter.token, made.body.id, 'accept');
    expect(accepted.status).toBe(409);
    expect(accepted.body.error.code).toBe('stale');
    expect(accepted.body.error.message).toContain(made.body.id);
    expect(await t.text()).toBe(before);
    expect((await t.byId(made.body.id)).status).toBe('stale');

    // A stale suggestion can still be rejected, with a reason.
    const rejected = await t.decide(t.drafter.token, made.body.id, 'reject', { reason: 'ტექსტი უკვე შეიცვალა' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'ტექსტი უკვე შეიცვალა' });
  });

  test('a rejected suggestion needs a reason; deciding twice is 409', async () => {
    const t = await suggestionAct(cleanup);
    const made = await t.suggest(t.lawyer.token, { target: { blockKey: t.keys.articles[0]!, quote: 'მიზანი' }, text: 'მიზანი და მოქმედების სფერო' });
    expect(made.status).toBe(201);
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 7 }, { reason: 'ok', extra: 1 }]) {
      const refused = await t.decide(t.drafter.token, made.body.id, 'reject', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('bad_request');
    }
    expect((await t.byId(made.body.id)).status).toBe('open');
    const rejected = await t.decide(t.drafter.token, made.body.id, 'reject', { reason: 'სათაური მოკლე უნდა იყოს' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'სათაური მოკლე უნდა იყოს', decidedBy: { id: t.drafter.id } });
    expect((await t.decide(t.drafter.token, made.body.id, 'reject', { reason: 'again' })).status).toBe(409);
    const accept = await t.decide(t.otherDrafter.token, made.body.id, 'accept');
    expect(accept.status).toBe(409);
    expect(accept.body.error.code).toBe('already_decided');
    expect(await t.text()).not.toContain('მოქმედების სფერო');
    expect((await t.decide(t.drafter.token, 'sg-unknown-one', 'reject', { reason: 'x' })).status).toBe(404);
  });

  test('an observer can suggest only in public consultation, as for comments', async () => {
    const t = await suggestionAct(cleanup);
    const body = { target: { blockKey: t.keys.clauses[0]![0]!, quote: 'ქცევის წესებს' }, text: 'ქცევის ეთიკურ წესებს' };
    const refused = await t.suggest(t.observer.token, body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect(refused.body.error.message).toContain("'observer'");
    expect(refused.body.error.message).toContain("'comment'");
    expect(await t.list()).toEqual([]);

    await walk(caller(t.server, t.owner), t.docId, THROUGH_CONSULTATION.slice(0, 3));
    const made = await t.suggest(t.observer.token, body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ status: 'open', publicConsultation: true, author: { id: t.observer.id } });
    // Observers never decide.
    expect((await t.decide(t.observer.token, made.body.id, 'accept')).status).toBe(403);
    expect((await t.decide(t.drafter.token, made.body.id, 'accept')).status).toBe(200);
    await waitFor(() => t.alice.text().includes('ქცევის ეთიკურ წესებს'), 'the accepted citizen suggestion reaches the client');
  });

  test('a client anchor places the quote; without one an ambiguous quote needs an occurrence or an offset', async () => {
    const t = await suggestionAct(cleanup);
    const blockKey = t.keys.clauses[1]![1]!;
    const ambiguous = await t.suggest(t.lawyer.token, { target: { blockKey, quote: 'ფას' }, text: 'ღირ' });
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.error.code).toBe('ambiguous_quote');
    expect(ambiguous.body.error.message).toContain('2 times');

    const second = await t.suggest(t.lawyer.token, { target: { blockKey, quote: 'ფას', occurrence: 1 }, text: 'ღირ' });
    expect(second.status).toBe(201);
    expect(second.body.at.offset).toBe('საჩუქარი ფასდება საბაზრო '.length);
    const byOffset = await t.suggest(t.lawyer.token, { target: { blockKey, quote: 'ფას', offset: 9 }, text: 'ღირ' });
    expect(byOffset.body.at?.offset).toBe(9);
    const anchored = await t.suggest(t.lawyer.token, { target: { blockKey, quote: 'ფასით' }, anchor: anchorOn(t.alice.doc, 'ფასით'), text: 'ღირებულებით' });
    expect(anchored.status).toBe(201);

    const missing = await t.suggest(t.lawyer.token, { target: { blockKey, quote: 'ფასდაკლება' }, text: 'x' });
    expect(missing.status).toBe(409);
    expect(missing.body.error.code).toBe('quote_not_found');
    expect((await t.suggest(t.lawyer.token, { target: { blockKey, quote: 'ფას', occurrence: 2 }, text: 'x' })).body.error.code).toBe('quote_not_found');
    expect((await t.suggest(t.lawyer.token, { target: { blockKey, quote: 'ფას', offset: 0 }, text: 'x' })).body.error.code).toBe('quote_not_found');
    expect((await t.suggest(t.lawyer.token, { target: { blockKey: 'nosuchblock1', quote: 'ფას' }, text: 'x' })).body.error.code).toBe('block_not_found');
    expect((await t.suggest(t.lawyer.token, { target: { blockKey, quote: '', offset: 9999 }, text: 'x' })).body.error.code).toBe('offset_out_of_range');
    // Blocks without a stable id are named by kind and place.
    const title = await t.suggest(t.lawyer.token, { target: { blockKey: 'title:0', quote: 'კოდექსი' }, text: 'კოდექსის პროექტი' });
    expect(title.status, JSON.stringify(title.body)).toBe(201);
    expect(title.body).toMatchObject({ articleKey: null, articleLabel: 'სათაური' });
    // Listed in document order: the title first, then by offset in the paragraph, then by time.
    expect((await t.list()).map((s) => s.id)).toEqual([title.body.id, byOffset.body.id, second.body.id, anchored.body.id]);
  });
  test('with nobody connected, an accepted suggestion is stored, and a member who opens the act later has it', async () => {
    const t = await suggestionAct(cleanup);
    const made = await t.suggest(t.lawyer.token, { target: { blockKey: t.keys.clauses[0]![0]!, quote: 'ქცევის' }, text: 'ეთიკური ქცევის' });
    t.alice.destroy();
    await waitFor(() => t.server.workspace.sync.openRoom(t.docId) === undefined, 'the room closes');
    expect((await t.decide(t.drafter.token, made.body.id, 'accept')).status).toBe(200);
    expect(t.server.workspace.sync.openRoom(t.docId)).toBeUndefined();
    expect(await t.text()).toContain('ეს კოდექსი ადგენს ეთიკური ქცევის წესებს.');
    const later = await connectClient(t.server.url, t.docId, t.drafter.token);
    cleanup.push(() => later.destroy());
    expect(later.text()).toContain('ეს კოდექსი ადგენს ეთიკური ქცევის წესებს.');
    // Undone with nobody connected, and the text is as it was.
    later.destroy();
    await waitFor(() => t.server.workspace.sync.openRoom(t.docId) === undefined, 'the room closes again');
    expect((await t.decide(t.drafter.token, made.body.id, 'undo')).status).toBe(200);
    expect(await t.text()).toContain('ეს კოდექსი ადგენს ქცევის წესებს.');
  });

  test('an adopted act takes no suggestions and no decisions: its text changes only through an amending act', async () => {
    const t = await suggestionAct(cleanup);
    const open = await t.suggest(t.lawyer.token, { target: { blockKey: t.keys.articles[0]!, quote: 'მიზანი' }, text: 'მიზნები' });
    expect(open.status).toBe(201);
    // The open suggestion is a readiness warning (issue 13, §1): the coordinator sends the act on regardless at
    // each move, saying why.
    const overridden = WITHOUT_CONSULTATION.slice(0, 5).map((step) => ({ ...step, overrideWarnings: { reason: 'The suggestion is left for the council' } }));
    await walk(caller(t.server, t.owner), t.docId, overridden);
    const refused = await t.suggest(t.lawyer.token, { target: { blockKey: t.keys.articles[0]!, quote: 'მიზანი' }, text: 'მიზანი და სფერო' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('locked');
    const accept = await t.decide(t.drafter.token, open.body.id, 'accept');
    expect(accept.status).toBe(403);
    expect(accept.body.error.message).toContain('adopted');
    expect(await t.text()).not.toContain('მიზნები');
  });
});
