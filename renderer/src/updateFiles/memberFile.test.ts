import { toBase64 } from 'lib0/buffer';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { sha256Text } from '../../../shared/updateFile/hmacSha256';
import { decodeUpdateFile, verifyUpdateFile } from '../../../shared/updateFile/updateFileCodec';
import { memberChangesFile } from './memberFile';

const session = { serverUrl: 'http://127.0.0.1:4870', token: 'the-members-token-0123456789' };
const me = { id: 'm-alice0001', name: 'Alice', role: 'drafter' as const, createdAt: '2026-12-01T00:00:00.000Z' };
const docId = 'doc-00000001';

/** The browser's localStorage, as the queues and the acknowledged state use it (Node has none). */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('save my changes to a file', () => {
  test('the file carries what the server has not confirmed, the queued comments, and the member’s signature', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'confirmed. ');
    localStorage.setItem(`sajaro.acked:127.0.0.1:4870:${docId}`, toBase64(Y.encodeStateVector(doc)));
    const confirmedState = Y.encodeStateAsUpdate(doc);
    doc.getText('t').insert(11, 'offline.');
    const reply = { id: 're-offline-0001', threadId: 'th-1', text: 'Agreed' };
    localStorage.setItem(`sajaro.review.queue:127.0.0.1:4870:${docId}`, JSON.stringify([{ action: { kind: 'reply', body: reply } }, { action: { kind: 'reopen', threadId: 'th-2' } }]));

    const decoded = decodeUpdateFile(memberChangesFile(session, me, docId, doc));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(verifyUpdateFile(decoded.value, sha256Text(session.token))).toBe(true);
    const [act] = decoded.value.acts;
    // Only the unconfirmed text: one run of 'offline.', which on the confirmed state gives the whole text.
    expect(act!.updates).toHaveLength(1);
    expect(Y.decodeUpdate(act!.updates[0]!).structs.map((s) => s.length)).toEqual(['offline.'.length]);
    const server = new Y.Doc();
    Y.applyUpdate(server, confirmedState);
    Y.applyUpdate(server, act!.updates[0]!);
    expect(server.getText('t').toString()).toBe('confirmed. offline.');
    // Decisions (reopen) are not carried: only threads and replies.
    expect(act!.comments).toEqual([{ kind: 'reply', body: reply }]);
  });
});
