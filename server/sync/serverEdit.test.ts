import * as Y from 'yjs';
import { afterEach, describe, expect, test } from 'vitest';
import type { Member } from '../../shared/api/members';
import { openDatabase } from '../db/openDatabase';
import { createSqliteDocStore } from '../store/docStore';
import { DocRoom, type RoomHost, type SyncConnection } from './docRoom';

const DOC = 'doc-serveredit1';
const databases: Array<{ close(): void }> = [];
afterEach(() => {
  while (databases.length) databases.pop()!.close();
});

/** A room on a real SQLite store, a drafter connected to it, and a second copy of the text to edit from. */
function setup() {
  const db = openDatabase(':memory:');
  databases.push(db);
  db.prepare("INSERT INTO documents (id, title, language, created_at, updated_at) VALUES (?, 'Test', 'en', '', '')").run(DOC);
  db.exec('CREATE TABLE decisions (id TEXT PRIMARY KEY)');
  const store = createSqliteDocStore(db);
  const seed = new Y.Doc();
  seed.getText('t').insert(0, 'Article 1');
  store.append(DOC, Y.encodeStateAsUpdate(seed));
  const host: RoomHost = {
    persist: db.transaction((docId: string, update: Uint8Array, apply: () => unknown) => {
      store.append(docId, update);
      apply();
    }),
    refuseEdit: () => null,
    refuseWriters: () => null,
    log: () => undefined,
  };
  const room = new DocRoom(DOC, store.load(DOC), host);
  const member: Member = { id: 'm-drafter', name: 'drafter', role: 'drafter', createdAt: '' };
  const sent: Uint8Array[] = [];
  const connection: SyncConnection = { member, send: (data) => void sent.push(data), close: () => undefined };
  room.join(connection);
  sent.length = 0;
  // The server's private copy: the edit is its diff against the room's state.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
  const before = Y.encodeStateVector(copy);
  copy.getText('t').insert(9, ', paragraph 2');
  const update = Y.encodeStateAsUpdate(copy, before);
  const stored = (): string => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, store.load(DOC)!);
    return doc.getText('t').toString();
  };
  return { db, room, sent, update, stored };
}

describe("a server edit of a live document (an accepted suggestion)", () => {
  test('is stored with the rows of its action in one transaction, and broadcast only after', () => {
    const { db, room, sent, update, stored } = setup();
    let seenInside: { stored: string; sent: number; inTransaction: boolean } | null = null;
    room.applyServerUpdate(update, 'suggestion', () => {
      db.prepare("INSERT INTO decisions (id) VALUES ('sg-1')").run();
      seenInside = { stored: stored(), sent: sent.length, inTransaction: db.inTransaction };
    });
    // The text row was written before the action's rows, inside the same transaction; nobody had it yet.
    expect(seenInside).toEqual({ stored: 'Article 1, paragraph 2', sent: 0, inTransaction: true });
    expect(sent).toHaveLength(1);
    expect(room.doc.getText('t').toString()).toBe('Article 1, paragraph 2');
    expect(db.prepare('SELECT COUNT(*) AS n FROM decisions').get()).toEqual({ n: 1 });
  });

  test('that fails in its own rows leaves the store, the document and the clients as they were', () => {
    const { db, room, sent, update, stored } = setup();
    expect(() =>
      room.applyServerUpdate(update, 'suggestion', () => {
        db.prepare("INSERT INTO decisions (id) VALUES ('sg-1')").run();
        throw new Error('UNIQUE constraint failed');
      }),
    ).toThrow('UNIQUE constraint failed');
    expect(stored()).toBe('Article 1');
    expect(room.doc.getText('t').toString()).toBe('Article 1');
    expect(sent).toHaveLength(0);
    expect(room.isBroken).toBe(false);
    expect(db.prepare('SELECT COUNT(*) AS n FROM decisions').get()).toEqual({ n: 0 });
  });
});
