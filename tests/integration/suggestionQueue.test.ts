import { $getRoot, $isElementNode, $isTextNode, type LexicalNode } from 'lexical';
import { beforeEach, describe, expect, test } from 'vitest';
import { readActText } from '../../shared/review/actText';
import { pointRef, rangeRef, type SpanRef } from '../../shared/review/suggestionSpan';
import { SuggestionQueue, type QueuedSuggestion } from '../../renderer/src/suggestions/suggestionQueue';
import { cleanupAfterEach } from '../helpers/lifecycle';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { suggestionAct } from '../helpers/suggestionHelpers';
import { waitFor } from '../helpers/testServer';

const cleanup = cleanupAfterEach();

// The renderer's queue keeps its entries in localStorage; Node has none, so a plain one stands in.
beforeEach(() => {
  const store = new Map<string, string>();
  Object.assign(globalThis, {
    localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) },
  });
});

/** A span reference placed in a client's own copy of the act: on `quote` in the block holding it, or after it when `at` is 'after'. */
function spanIn(client: LexicalClient, quote: string, at: 'on' | 'after' = 'on'): SpanRef {
  const act = readActText(client.doc);
  const top = act.segments.findIndex((s) => s.path.length === 1 && s.text.includes(quote));
  const segment = act.segments[top]!;
  const from = { top: segment.top, offset: segment.text.indexOf(quote) };
  const placed = at === 'after' ? pointRef(act, { top: from.top, offset: from.offset + quote.length }) : rangeRef(act, from, { top: from.top, offset: from.offset + quote.length });
  if (!placed.ok) throw new Error(placed.error);
  return placed.value;
}

const entry = (id: string, position: SpanRef, quote: string, text: string): QueuedSuggestion => ({ id, position, quote, text, newBlocks: [], createdAt: new Date().toISOString() });

/** Edits the first text node that holds `needle` in a client's editor. */
function editText(client: LexicalClient, needle: string, replace: (text: string) => string): void {
  client.edit(() => {
    const visit = (node: LexicalNode): boolean => {
      if ($isTextNode(node) && node.getTextContent().includes(needle)) {
        node.setTextContent(replace(node.getTextContent()));
        return true;
      }
      return $isElementNode(node) && node.getChildren().some(visit);
    };
    visit($getRoot());
  });
}

describe('the offline queue of suggestions against a server', () => {
  test('a queued suggestion is placed in the text as it stands when it is sent; a retry of one the server has is harmless; one whose quote went is kept with the reason, unsent', async () => {
    const act = await suggestionAct(cleanup);
    const nino = await connectClient(act.server.url, act.docId, act.lawyer.token);
    cleanup.push(() => nino.destroy());
    const session = { serverUrl: act.server.url, token: act.lawyer.token };
    const queue = new SuggestionQueue(session, act.docId);

    // Made "offline" on the lawyer's copy; then the owner edits the same paragraph before it is sent.
    queue.push(entry('sg-queued-one-0001', spanIn(nino, 'აკრძალულია'), 'აკრძალულია', 'დაშვებულია მხოლოდ სიმბოლური'));
    queue.push(entry('sg-queued-two-0002', spanIn(nino, 'საბაზრო ფასით', 'after'), '', ' (დღგ-ს ჩათვლით)'));
    editText(act.alice, 'საჩუქრის მიღება აკრძალულია.', (t) => `ყოველგვარი ${t}`);
    editText(act.alice, 'საჩუქარი ფასდება', (t) => `ყოველი ${t}`);
    await waitFor(() => nino.text().includes('ყოველგვარი საჩუქრის') && nino.text().includes('ყოველი საჩუქარი'), 'the lawyer receives the owner’s edits');

    const stored = await queue.flush(nino.doc);
    expect(stored.map((s) => s.id)).toEqual(['sg-queued-one-0001', 'sg-queued-two-0002']);
    expect(queue.entries()).toEqual([]);
    const listed = await act.list();
    const replaced = listed.find((s) => s.id === 'sg-queued-one-0001');
    expect(replaced).toMatchObject({ quote: 'აკრძალულია', status: 'open', author: { name: 'ნინო იურისტი' }, at: { offset: 'ყოველგვარი საჩუქრის მიღება '.length } });
    const inserted = listed.find((s) => s.id === 'sg-queued-two-0002');
    expect(inserted).toMatchObject({ quote: '', text: ' (დღგ-ს ჩათვლით)', at: { offset: 'ყოველი საჩუქარი ფასდება საბაზრო ფასით'.length } });

    // The answer was lost and the entry is sent again: the server gives back the one it has.
    queue.push(entry('sg-queued-one-0001', spanIn(nino, 'აკრძალულია'), 'აკრძალულია', 'დაშვებულია მხოლოდ სიმბოლური'));
    expect((await queue.flush(nino.doc)).map((s) => s.id)).toEqual(['sg-queued-one-0001']);
    expect((await act.list()).length).toBe(2);

    // A suggestion on a word the owner deleted before it was sent stays here with the reason.
    queue.push(entry('sg-queued-gone-003', spanIn(nino, 'წერილობით'), 'წერილობით', 'ზეპირად'));
    editText(act.alice, 'წერილობით', (t) => t.replace(' წერილობით', ''));
    await waitFor(() => !nino.text().includes('წერილობით'), 'the lawyer receives the deletion');
    expect(await queue.flush(nino.doc)).toEqual([]);
    expect(queue.entries()).toMatchObject([{ id: 'sg-queued-gone-003', error: { code: 'quote_not_found', message: expect.stringContaining('წერილობით') } }]);
    expect((await act.list()).length).toBe(2);
  });

  test('while the server cannot be reached, suggestions wait without an error', async () => {
    const act = await suggestionAct(cleanup);
    const nino = await connectClient(act.server.url, act.docId, act.lawyer.token);
    cleanup.push(() => nino.destroy());
    const queue = new SuggestionQueue({ serverUrl: 'http://127.0.0.1:9', token: act.lawyer.token }, act.docId);
    queue.push(entry('sg-waiting-00000001', spanIn(nino, 'აკრძალულია'), 'აკრძალულია', 'დაშვებულია'));
    expect(await queue.flush(nino.doc)).toEqual([]);
    expect(queue.entries()).toMatchObject([{ id: 'sg-waiting-00000001' }]);
    expect(queue.entries()[0]!.error).toBeUndefined();
  });
});
