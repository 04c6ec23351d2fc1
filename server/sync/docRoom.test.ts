import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterEach, describe, expect, test } from 'vitest';
import type { Member, Role } from '../../shared/api/members';
import { openDatabase } from '../db/openDatabase';
import { createSqliteDocStore } from '../store/docStore';
import { createAttributionStore } from '../attribution/attributionStore';
import type { TextEdit } from '../attribution/textEdit';
import { DocRoom, type RoomHost, type SyncConnection } from './docRoom';
import { MESSAGE } from './messages';

const DOC = 'doc-roomtest1';
const databases: Array<{ close(): void }> = [];
afterEach(() => {
  while (databases.length) databases.pop()!.close();
});

/** A room on a real SQLite store whose persist runs in one transaction, as the workspace's does. */
function setup(options: { failPersist?: () => boolean } = {}) {
  const db = openDatabase(':memory:');
  databases.push(db);
  db.prepare("INSERT INTO documents (id, title, language, created_at, updated_at) VALUES (?, 'Test', 'en', '', '')").run(DOC);
  const store = createSqliteDocStore(db);
  const seed = new Y.Doc();
  seed.getText('t').insert(0, 'მუხლი 1');
  store.append(DOC, Y.encodeStateAsUpdate(seed));
  const logs: string[] = [];
  const attribution = createAttributionStore(db);
  const refused: string[] = [];
  const transaction = db.transaction((docId: string, update: Uint8Array, apply: () => TextEdit, memberId: string, writers: readonly number[]) => {
    store.append(docId, update);
    attribution.record(docId, memberId, writers, apply(), new Date().toISOString());
    if (options.failPersist?.()) throw new Error('disk I/O error');
  });
  const host: RoomHost = {
    persist: (docId, update, apply, author) => transaction(docId, update, apply, author.memberId, author.writers),
    refuseEdit: (_docId, member) => (member.role === 'observer' || member.role === 'reviewer' ? `read-only: the role '${member.role}' may not edit the text (permission editText)` : null),
    refuseWriters: (docId, member, writers) => {
      const foreign = attribution.foreignWriter(docId, member.id, writers);
      return foreign ? `refused: client ${foreign.client} belongs to ${foreign.ownerId}` : null;
    },
    writersRefused: (_docId, member) => refused.push(member.name),
    log: (line) => logs.push(line),
  };
  const room = new DocRoom(DOC, store.load(DOC), host);
  return { db, store, room, logs, seed, attribution, refused };
}

interface FakeConnection extends SyncConnection {
  readonly sent: Uint8Array[];
  closed: { code: number; reason: string } | null;
}

function connect(room: DocRoom, role: Role, name: string = role): FakeConnection {
  const member: Member = { id: `m-${name}`, name, role, createdAt: '' };
  const connection: FakeConnection = {
    member,
    sent: [],
    closed: null,
    send(data) {
      this.sent.push(data);
    },
    close(code, reason) {
      this.closed = { code, reason };
    },
  };
  room.join(connection);
  connection.sent.length = 0;
  return connection;
}

/** An awareness message with the given entries (client id, clock, state or null to remove). */
function presence(entries: Array<[number, number, unknown]>): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(update, id);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An edit made on a client that is in sync with the stored document. */
function clientEdit(seed: Y.Doc, text: string): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(seed));
  const before = Y.encodeStateVector(client);
  client.getText('t').insert(client.getText('t').length, text);
  return Y.encodeStateAsUpdate(client, before);
}

const storedText = (store: ReturnType<typeof createSqliteDocStore>) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, store.load(DOC)!);
  return doc.getText('t').toString();
};

const messageTypes = (sent: Uint8Array[]) => sent.map((m) => decoding.readVarUint(decoding.createDecoder(m)));

describe('DocRoom', () => {
  test('an editor’s update is stored, then broadcast to the others but not echoed', () => {
    const { room, store, seed } = setup();
    const alice = connect(room, 'drafter', 'alice');
    const bob = connect(room, 'observer', 'bob');
    room.receive(alice, updateMessage(clientEdit(seed, ' ზოგადი')));
    expect(storedText(store)).toBe('მუხლი 1 ზოგადი');
    expect(room.doc.getText('t').toString()).toBe('მუხლი 1 ზოგადი');
    expect(messageTypes(bob.sent)).toEqual([MESSAGE.sync]);
    expect(alice.sent).toEqual([]);
  });

  test('malformed, truncated and unknown-type messages close only that connection and touch nothing', () => {
    const { room, store, seed, logs } = setup();
    const good = updateMessage(clientEdit(seed, ' x'));
    const cases = [new Uint8Array([]), new Uint8Array([9, 1, 2]), good.slice(0, good.length - 3), new Uint8Array([0, 7, 0]), new Uint8Array([...good, 0])];
    const honest = connect(room, 'drafter', 'honest');
    for (const bad of cases) {
      const fuzzer = connect(room, 'coordinator', 'fuzzer');
      room.receive(fuzzer, bad);
      expect(fuzzer.closed, `message ${[...bad.slice(0, 8)]}`).toEqual({ code: 1003, reason: 'malformed message' });
    }
    expect(logs.filter((l) => l.includes('malformed message'))).toHaveLength(cases.length);
    expect(logs[0]).toMatch(/^\[sync\] closed doc-roomtest1 for fuzzer: malformed message \(.+\)$/);
    expect(storedText(store)).toBe('მუხლი 1');
    expect(store.count(DOC)).toBe(1);
    expect(honest.closed).toBeNull();
    expect(room.size).toBe(1);
  });

  test('a read-only member’s update is dropped and the client is told; its awareness still reaches others', () => {
    const { room, store, seed } = setup();
    const drafter = connect(room, 'drafter', 'drafter');
    const reviewer = connect(room, 'reviewer', 'reviewer');
    room.receive(reviewer, updateMessage(clientEdit(seed, ' forbidden')));
    expect(storedText(store)).toBe('მუხლი 1');
    expect(reviewer.closed).toBeNull();
    const denied = decoding.createDecoder(reviewer.sent[0]!);
    expect([decoding.readVarUint(denied), decoding.readVarUint(denied)]).toEqual([MESSAGE.auth, 0]);
    expect(decoding.readVarString(denied)).toMatch(/permission editText/);
    expect(drafter.sent).toEqual([]);

    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Reviewer' } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
    room.receive(reviewer, encoding.toUint8Array(encoder));
    expect(messageTypes(drafter.sent)).toEqual([MESSAGE.awareness]);
    expect(room.awareness.getStates().get(awareness.clientID)).toEqual({ user: { name: 'Reviewer' } });
  });

  test('an update that depends on changes the server lacks is refused before it is stored', () => {
    const { room, store, seed, logs } = setup();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(seed));
    client.getText('t').insert(0, 'A');
    const afterFirst = Y.encodeStateVector(client);
    client.getText('t').insert(0, 'B');
    // Only the second edit: the first never reached the server, so the second cannot be placed.
    const gap = Y.encodeStateAsUpdate(client, afterFirst);
    const sender = connect(room, 'drafter');
    room.receive(sender, updateMessage(gap));
    expect(sender.closed).toEqual({ code: 1003, reason: 'incomplete update' });
    expect(logs.at(-1)).toMatch(/incomplete update \(client \d+ starts at clock \d+/);
    expect(store.count(DOC)).toBe(1);
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(room.doc.getText('t').toString()).toBe('მუხლი 1');
  });

  test('an update whose storing fails leaves the stored document as it was, and the room is dropped', () => {
    let fail = false;
    const { room, store, seed, logs } = setup({ failPersist: () => fail });
    const alice = connect(room, 'drafter', 'alice');
    const bob = connect(room, 'drafter', 'bob');
    room.receive(alice, updateMessage(clientEdit(seed, ' kept')));
    const before = store.load(DOC)!;
    fail = true;
    const next = new Y.Doc();
    Y.applyUpdate(next, before);
    const sv = Y.encodeStateVector(next);
    next.getText('t').insert(0, 'lost ');
    room.receive(alice, updateMessage(Y.encodeStateAsUpdate(next, sv)));

    expect(Buffer.from(store.load(DOC)!)).toEqual(Buffer.from(before));
    expect(storedText(store)).toBe('მუხლი 1 kept');
    expect(room.isBroken).toBe(true);
    expect(alice.closed?.code).toBe(1011);
    expect(bob.closed?.code).toBe(1011);
    // bob never saw the failed edit: nothing is broadcast before it is committed.
    expect(messageTypes(bob.sent)).toEqual([MESSAGE.sync]);
    expect(logs.at(-1)).toMatch(/^\[sync\] closed doc-roomtest1: an update could not be applied \(disk I\/O error\)$/);
  });

  test('nobody can change or remove another member’s presence; the same member may take its own over', () => {
    const { room, logs } = setup();
    const nino = connect(room, 'drafter', 'nino');
    const intruder = connect(room, 'reviewer', 'intruder');
    room.receive(nino, presence([[111, 1, { user: { name: 'Nino' } }]]));
    room.receive(intruder, presence([[111, 2, { user: { name: 'Evil' } }], [222, 1, { user: { name: 'Intruder' } }]]));
    room.receive(intruder, presence([[111, 3, null]]));
    expect(room.awareness.getStates().get(111)).toEqual({ user: { name: 'Nino' } });
    expect(room.awareness.getStates().get(222)).toEqual({ user: { name: 'Intruder' } });
    expect(logs.filter((l) => l.includes("for another member's clients"))).toHaveLength(2);

    // Nino reconnects before the old socket is gone: the new one takes the id over and keeps it.
    const again = connect(room, 'drafter', 'nino');
    room.receive(again, presence([[111, 2, { user: { name: 'Nino', cursor: 5 } }]]));
    room.leave(nino);
    expect(room.awareness.getStates().get(111)).toEqual({ user: { name: 'Nino', cursor: 5 } });
    room.leave(again);
    expect(room.awareness.getStates().has(111)).toBe(false);
    expect(intruder.closed).toBeNull();
  });

  test('an update under a client id that another member wrote with is refused, told, stored nowhere and audited once', () => {
    const { room, store, seed, attribution, refused } = setup();
    const alice = connect(room, 'drafter', 'alice');
    const mallory = connect(room, 'drafter', 'mallory');
    const aliceDoc = new Y.Doc();
    Y.applyUpdate(aliceDoc, Y.encodeStateAsUpdate(seed));
    let before = Y.encodeStateVector(aliceDoc);
    aliceDoc.getText('t').insert(aliceDoc.getText('t').length, ' Alice');
    room.receive(alice, updateMessage(Y.encodeStateAsUpdate(aliceDoc, before)));
    expect(attribution.foreignWriter(DOC, 'm-mallory', [aliceDoc.clientID])).toEqual({ client: aliceDoc.clientID, ownerId: 'm-alice' });

    mallory.sent.length = 0;
    // Mallory's copy writes under Alice's client id, continuing her clock: Yjs alone would credit Alice.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(room.doc));
    // Set after loading: Yjs picks a new id when a remote update already uses its own.
    forged.clientID = aliceDoc.clientID;
    for (const text of [' forged', ' again']) {
      before = Y.encodeStateVector(forged);
      forged.getText('t').insert(0, text);
      room.receive(mallory, updateMessage(Y.encodeStateAsUpdate(forged, before)));
    }
    expect(storedText(store)).toBe('მუხლი 1 Alice');
    expect(room.doc.getText('t').toString()).toBe('მუხლი 1 Alice');
    expect(alice.sent).toEqual([]);
    expect(messageTypes(mallory.sent)).toEqual([MESSAGE.auth, MESSAGE.auth]);
    const denied = decoding.createDecoder(mallory.sent[0]!);
    expect([decoding.readVarUint(denied), decoding.readVarUint(denied)]).toEqual([MESSAGE.auth, 0]);
    expect(decoding.readVarString(denied)).toBe(`refused: client ${aliceDoc.clientID} belongs to m-alice`);
    expect(refused).toEqual(['mallory']);
    expect(mallory.closed).toBeNull();

    // Her own client id still works, and deleting Alice's text is an edit like any other.
    const own = new Y.Doc();
    Y.applyUpdate(own, Y.encodeStateAsUpdate(room.doc));
    before = Y.encodeStateVector(own);
    own.getText('t').delete('მუხლი 1'.length, ' Alice'.length);
    own.getText('t').insert(0, '» ');
    room.receive(mallory, updateMessage(Y.encodeStateAsUpdate(own, before)));
    expect(storedText(store)).toBe('» მუხლი 1');
    const history = attribution.history(DOC);
    expect(history.ownerOf(own.clientID)).toBe('m-mallory');
    expect(history.deleted.find(aliceDoc.clientID, Y.getState(aliceDoc.store, aliceDoc.clientID) - 1)?.memberId).toBe('m-mallory');
    expect(history.inserted.find(aliceDoc.clientID, 0)?.memberId).toBe('m-alice');
  });

  test('the room keeps deleted text (gc off), so a frozen state still holds what was deleted and by whose client', () => {
    const { room, seed } = setup();
    const alice = connect(room, 'drafter', 'alice');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(seed));
    const before = Y.encodeStateVector(client);
    client.getText('t').delete(0, 'მუხლი '.length);
    room.receive(alice, updateMessage(Y.encodeStateAsUpdate(client, before)));
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
    const deleted: string[] = [];
    for (let item = copy.getText('t')._start; item; item = item.right) {
      if (item.deleted && item.content instanceof Y.ContentString) deleted.push(item.content.str);
    }
    expect(deleted.join('')).toBe('მუხლი ');
    expect(copy.getText('t').toString()).toBe('1');
  });

  test('malformed presence closes the connection', () => {
    const { room } = setup();
    const sender = connect(room, 'observer');
    const bad = presence([[7, 1, { user: 'x' }]]);
    bad[bad.length - 2] = 0x7b; // '{' inside the JSON: no longer parses
    room.receive(sender, bad);
    expect(sender.closed).toEqual({ code: 1003, reason: 'malformed message' });
    expect(room.awareness.getStates().has(7)).toBe(false);
  });
});
