import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listAudit, verifyAuditChain } from '../../server/audit/auditLog';
import { convertWithLibreOffice } from '../../server/export/libreOffice';
import { parseCsv } from '../helpers/csv';
import { cleanupAfterEach } from '../helpers/lifecycle';
import { $textNodeWith, anchorOn } from '../helpers/reviewHelpers';
import { suggestionAct } from '../helpers/suggestionHelpers';
import { api, removeDir, tempDataDir, waitFor } from '../helpers/testServer';

const cleanup = cleanupAfterEach();

describe('deciding on suggestions', () => {
  test('undo by the decider restores the suggestion to open and the text as it was; others may not undo; an edited change cannot be undone', async () => {
    const t = await suggestionAct(cleanup);
    const original = await t.text();
    const made = await t.suggest(t.lawyer.token, {
      target: { blockKey: t.keys.clauses[1]![0]!, quote: 'აკრძალულია' },
      text: 'აკრძალულია.\nგამონაკლისია სიმბოლური საჩუქარი',
    });
    expect(made.status).toBe(201);
    expect((await t.decide(t.drafter.token, made.body.id, 'accept')).status).toBe(200);
    await waitFor(() => t.alice.text().includes('გამონაკლისია სიმბოლური საჩუქარი'), 'the accepted paragraph arrives');
    expect(await t.text()).toContain('2. გამონაკლისია სიმბოლური საჩუქარი.');

    const byOther = await t.decide(t.otherDrafter.token, made.body.id, 'undo');
    expect(byOther.status).toBe(403);
    expect(byOther.body.error.message).toContain('გიორგი ბერიძე');
    const undone = await t.decide(t.drafter.token, made.body.id, 'undo');
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body).toMatchObject({ status: 'open', at: { offset: 'საჩუქრის მიღება '.length } });
    expect(undone.body.decidedBy).toBeUndefined();
    expect(await t.text()).toBe(original);
    await waitFor(() => !t.alice.text().includes('გამონაკლისია'), 'the client sees the change undone');
    expect((await t.decide(t.drafter.token, made.body.id, 'undo')).body.error.code).toBe('not_decided');

    // Accepted again by someone else, then edited: undo would lose the edit, so it is refused.
    expect((await t.decide(t.otherDrafter.token, made.body.id, 'accept')).status).toBe(200);
    expect((await t.decide(t.drafter.token, made.body.id, 'undo')).status).toBe(403);
    await waitFor(() => t.alice.text().includes('გამონაკლისია სიმბოლური'), 'accepted again');
    t.alice.edit(() => {
      const { node, offset } = $textNodeWith('სიმბოლური');
      node.spliceText(offset, 'სიმბოლური'.length, 'მცირე', false);
    });
    await waitFor(async () => (await t.text()).includes('გამონაკლისია მცირე საჩუქარი'), 'the edit of the accepted text is stored');
    const after = await t.text();
    const stale = await t.decide(t.otherDrafter.token, made.body.id, 'undo');
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale');
    expect(await t.text()).toBe(after);
    expect((await t.byId(made.body.id)).status).toBe('accepted');

    // Undoing a rejection reopens the suggestion without touching the text.
    const other = await t.suggest(t.lawyer.token, { target: { blockKey: t.keys.articles[2]!, quote: 'ინტერესთა' }, text: 'ინტერესების' });
    expect((await t.decide(t.drafter.token, other.body.id, 'reject', { reason: 'ტერმინი კანონისეულია' })).status).toBe(200);
    expect((await t.decide(t.drafter.token, other.body.id, 'undo')).body).toMatchObject({ status: 'open' });
    expect(await t.text()).toBe(after);
  });

  test("accept all of a reviewer's suggestions in an article: one decision each, one text change; a stale one in a batch changes nothing", async () => {
    const t = await suggestionAct(cleanup);
    const [gifts0, gifts1] = t.keys.clauses[1]!;
    const a = await t.suggest(t.lawyer.token, { target: { blockKey: gifts0!, quote: 'აკრძალულია' }, text: 'დაუშვებელია' });
    const b = await t.suggest(t.lawyer.token, { target: { blockKey: gifts1!, quote: 'საბაზრო ფასით' }, text: 'საბაზრო ღირებულებით' });
    const elsewhere = await t.suggest(t.lawyer.token, { target: { blockKey: t.keys.clauses[2]![0]!, quote: 'წერილობით' }, text: 'წერილობითი ფორმით' });
    const byDrafter = await t.suggest(t.drafter.token, { target: { blockKey: t.keys.articles[1]!, quote: 'საჩუქრები' }, text: 'საჩუქრები და სარგებელი' });
    for (const made of [a, b, elsewhere, byDrafter]) expect(made.status, JSON.stringify(made.body)).toBe(201);

    const bad = await api(t.server, t.drafter.token, 'POST', `/api/documents/${t.docId}/suggestions/accept`, { authorId: t.lawyer.id });
    expect(bad.status).toBe(400);
    const none = await api(t.server, t.drafter.token, 'POST', `/api/documents/${t.docId}/suggestions/accept`, { authorId: t.observer.id, articleKey: t.keys.articles[1] });
    expect(none.status).toBe(404);
    const byReviewer = await api(t.server, t.lawyer.token, 'POST', `/api/documents/${t.docId}/suggestions/accept`, { ids: [a.body.id] });
    expect(byReviewer.status).toBe(403);

    const all = await api(t.server, t.drafter.token, 'POST', `/api/documents/${t.docId}/suggestions/accept`, {
      authorId: t.lawyer.id,
      articleKey: t.keys.articles[1],
      reason: 'ნინოს შენიშვნები გათვალისწინებულია',
    });
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.suggestions.map((s: any) => [s.id, s.status])).toEqual([
      [a.body.id, 'accepted'],
      [b.body.id, 'accepted'],
    ]);
    const text = await t.text();
    expect(text).toContain('1. საჩუქრის მიღება დაუშვებელია.');
    expect(text).toContain('2. საჩუქარი ფასდება საბაზრო ღირებულებით, საჩუქრის ღირებულება.');
    expect((await t.byId(elsewhere.body.id)).status).toBe('open');
    expect((await t.byId(byDrafter.body.id)).status).toBe('open');
    const accepted = listAudit(t.server.workspace.db, { docId: t.docId }).filter((e) => e.action === 'suggestion.accepted');
    expect(accepted.map((e) => (e.payload as any).suggestionId).sort()).toEqual([a.body.id, b.body.id].sort());
    expect(accepted.every((e) => (e.payload as any).reason === 'ნინოს შენიშვნები გათვალისწინებულია')).toBe(true);

    // Make `elsewhere` stale, then ask for it together with an open one: 409 naming it, and nothing changes.
    t.alice.edit(() => {
      const { node, offset } = $textNodeWith('წერილობით');
      node.spliceText(offset, 'წერილობით'.length, 'ზეპირად', false);
    });
    await waitFor(async () => (await t.byId(elsewhere.body.id)).status === 'stale', 'the suggestion is stale');
    const before = await t.text();
    const mixed = await api(t.server, t.drafter.token, 'POST', `/api/documents/${t.docId}/suggestions/accept`, { ids: [byDrafter.body.id, elsewhere.body.id] });
    expect(mixed.status).toBe(409);
    expect(mixed.body.error.code).toBe('stale');
    expect(mixed.body.error.message).toContain(elsewhere.body.id);
    expect(await t.text()).toBe(before);
    expect((await t.byId(byDrafter.body.id)).status).toBe('open');
    const unknown = await api(t.server, t.drafter.token, 'POST', `/api/documents/${t.docId}/suggestions/accept`, { ids: [byDrafter.body.id, 'sg-nobody-made-it'] });
    expect(unknown.status).toBe(404);
    expect((await t.byId(byDrafter.body.id)).status).toBe('open');
  });

  test('the record CSV has each suggestion with its quote, new text, outcome and reason next to the comments; every step is in the audit log', async () => {
    const t = await suggestionAct(cleanup);
    const comment = await api(t.server, t.lawyer.token, 'POST', `/api/documents/${t.docId}/comments`, { anchor: anchorOn(t.alice.doc, 'ქცევის'), text: 'რომელი ქცევის?' });
    expect(comment.status).toBe(201);
    const accepted = await t.suggest(t.lawyer.token, { target: { blockKey: t.keys.clauses[1]![0]!, quote: 'აკრძალულია' }, text: 'დაუშვებელია', note: 'უფრო მკაცრი ფორმა.' });
    const rejected = await t.suggest(t.lawyer.token, { target: { blockKey: t.keys.clauses[2]![0]!, quote: 'წერილობით' }, text: '' });
    const open = await t.suggest(t.lawyer.token, { target: { blockKey: t.keys.clauses[0]![0]!, quote: '', offset: 0 }, text: 'საჯარო სამსახურში ' });
    expect((await t.decide(t.drafter.token, accepted.body.id, 'accept', { reason: 'მიღებულია' })).status).toBe(200);
    expect((await t.decide(t.drafter.token, rejected.body.id, 'reject', { reason: 'ფორმა აუცილებელია' })).status).toBe(200);
    expect((await t.decide(t.drafter.token, rejected.body.id, 'undo')).status).toBe(200);
    expect((await t.decide(t.drafter.token, rejected.body.id, 'reject', { reason: 'ფორმა აუცილებელია' })).status).toBe(200);

    const csv = await api(t.server, t.owner, 'GET', `/api/documents/${t.docId}/comments/export.csv`);
    expect(csv.status).toBe(200);
    const rows = parseCsv(String(csv.body).replace(/^\uFEFF/, ''));
    expect(rows[0]!.slice(0, 5)).toEqual(['№', 'მუხლი', 'ციტირებული ტექსტი', 'შემოთავაზებული ტექსტი', 'შენიშვნა']);
    // Document order: article 1 (the insertion at its start, then the comment), article 2, article 3.
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[7], r[8]])).toEqual([
      ['1', 'მუხლი 1', '', 'საჯარო სამსახურში ', '', 'განსახილველია', ''],
      ['2', 'მუხლი 1', 'ქცევის', '', 'რომელი ქცევის?', 'განსახილველია', ''],
      ['3', 'მუხლი 2', 'აკრძალულია', 'დაუშვებელია', 'უფრო მკაცრი ფორმა.', 'გათვალისწინებულია', 'მიღებულია'],
      ['4', 'მუხლი 3', 'წერილობით', '(ამოღება)', '', 'არ არის გათვალისწინებული', 'ფორმა აუცილებელია'],
    ]);
    expect(rows[1]![5]).toBe('ნინო იურისტი');
    const docx = await fetch(`${t.server.url}/api/documents/${t.docId}/comments/export.docx`, { headers: { Authorization: `Bearer ${t.owner}` } });
    expect(docx.status).toBe(200);
    // The .docx record has the suggestions too, as LibreOffice reads it: quote, new text, outcome and reason.
    const outDir = tempDataDir('sajaro-suggestion-record-');
    cleanup.push(() => removeDir(outDir));
    const file = join(outDir, 'record.docx');
    writeFileSync(file, new Uint8Array(await docx.arrayBuffer()));
    const [txt] = await convertWithLibreOffice([file], 'txt', outDir);
    const recordText = readFileSync(txt!, 'utf8');
    for (const words of ['აკრძალულია', 'დაუშვებელია', 'საჯარო სამსახურში', 'წერილობით', 'ფორმა აუცილებელია', 'არ არის გათვალისწინებული', 'რომელი ქცევის?']) {
      expect(recordText, words).toContain(words);
    }
    expect(open.body.status).toBe('open');

    const entries = listAudit(t.server.workspace.db, { docId: t.docId }).filter((e) => e.action.startsWith('suggestion.'));
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'suggestion.created',
      'suggestion.created',
      'suggestion.created',
      'suggestion.accepted',
      'suggestion.rejected',
      'suggestion.undone',
      'suggestion.rejected',
    ]);
    const created = entries.find((e) => (e.payload as any).suggestionId === accepted.body.id && e.action === 'suggestion.created')!;
    expect(created).toMatchObject({ actor: t.lawyer.id, payload: { quote: 'აკრძალულია', text: 'დაუშვებელია', articleKey: t.keys.articles[1] } });
    expect(entries.find((e) => e.action === 'suggestion.accepted')).toMatchObject({ actor: t.drafter.id, payload: { reason: 'მიღებულია' } });
    expect(verifyAuditChain(t.server.workspace.db).ok).toBe(true);
  });

  test('a retried offline suggestion with its client id is stored once; the id cannot be reused for other content or by another member', async () => {
    const t = await suggestionAct(cleanup);
    const body = { id: 'offline-suggestion-1', target: { blockKey: t.keys.clauses[0]![0]!, quote: 'წესებს' }, text: 'ნორმებს' };
    const first = await t.suggest(t.lawyer.token, body);
    expect(first.status).toBe(201);
    expect(first.body.id).toBe('offline-suggestion-1');
    const retry = await t.suggest(t.lawyer.token, body);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await t.suggest(t.lawyer.token, { ...body, text: 'სხვა' })).status).toBe(409);
    expect((await t.suggest(t.drafter.token, body)).status).toBe(409);
    expect(await t.list()).toHaveLength(1);
    expect(listAudit(t.server.workspace.db, { docId: t.docId }).filter((e) => e.action === 'suggestion.created')).toHaveLength(1);
  });

  test('hostile or malformed input is refused with 400 and writes nothing', async () => {
    const t = await suggestionAct(cleanup);
    const blockKey = t.keys.clauses[0]![0]!;
    const target = { blockKey, quote: 'წესებს' };
    const bodies: unknown[] = [
      'not json',
      [],
      null,
      {},
      { target, text: 5 },
      { target: { ...target, extra: 1 }, text: 'x' },
      { target, text: 'x', unknown: true },
      { target: { blockKey, quote: '' }, text: 'x' },
      { target: { blockKey, quote: '', offset: 0 }, text: '' },
      { target: { ...target, occurrence: 0, offset: 0 }, text: 'x' },
      { target: { ...target, occurrence: -1 }, text: 'x' },
      { target, text: 'წესებს' },
      { target, text: 'x'.repeat(20_001) },
      { target, text: 'a\nb', newBlocks: [null, null] },
      { target, text: 'a\nb', newBlocks: [{ type: 'table' }] },
      { target, text: 'x', anchor: { block: 'AAAA', start: '!!', end: '??', blockUid: '', text: 'წესებს' } },
      { target, text: 'x', anchor: { ...anchorOn(t.alice.doc, 'ადგენს'), text: 'ადგენს' } },
      { id: 'Bad Id!', target, text: 'x' },
      '{"target":{"blockKey":"x","quote":"y"},"text":"z","__proto__":{"polluted":true}}',
    ];
    for (const body of bodies) {
      const refused = await t.suggest(t.lawyer.token, body);
      expect(refused.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(refused.body.error.code).toBe('bad_request');
    }
    const badPositions = await t.suggest(t.lawyer.token, { target: { blockKey, quote: 'ადგენს' }, text: 'x', anchor: { ...anchorOn(t.alice.doc, 'ადგენს'), start: '!!!!' } });
    expect(badPositions.status).toBe(400);
    expect((await api(t.server, t.lawyer.token, 'POST', '/api/documents/doc-nonexistent/suggestions', { target, text: 'x' })).status).toBe(404);
    expect((await api(t.server, null, 'POST', `/api/documents/${t.docId}/suggestions`, { target, text: 'x' })).status).toBe(401);
    expect(await t.list()).toEqual([]);
    expect(listAudit(t.server.workspace.db, { docId: t.docId }).some((e) => e.action.startsWith('suggestion.'))).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The server still answers.
    expect((await api(t.server, null, 'GET', '/api/health')).status).toBe(200);
  });
});
