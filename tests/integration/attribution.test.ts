import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import { $getRoot } from 'lexical';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import type { ChangesResponse } from '../../shared/api/changes';
import { addMember, collectDenials, spliceBlock, type TestMember } from '../helpers/attributionHelpers';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { suggestionAct } from '../helpers/suggestionHelpers';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { api, startTestServer, waitFor } from '../helpers/testServer';

const cleanup = cleanupAfterEach();

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A blank English act with two drafters, Alice and Bob, and an observer. */
async function scene() {
  const { server, dataDir, token } = await serverForTest(cleanup);
  const alice = await addMember(server, token, 'Alice', 'drafter');
  const bob = await addMember(server, token, 'Bob', 'drafter');
  const olga = await addMember(server, token, 'Olga', 'observer');
  const created = await api(server, token, 'POST', '/api/documents', { title: 'Hotline', language: 'en' });
  expect(created.status).toBe(201);
  return { server, dataDir, token, alice, bob, olga, docId: created.body.id as string };
}

async function client(server: Server, docId: string, member: TestMember): Promise<LexicalClient> {
  const connected = await connectClient(server.url, docId, member.token);
  cleanup.push(() => connected.destroy());
  return connected;
}

/** Makes a client write under another client's id, as a forger would; its own id comes back before it is destroyed. */
function replayClientId(target: LexicalClient, clientId: number): void {
  const own = target.doc.clientID;
  target.doc.clientID = clientId;
  // The provider's awareness is keyed by the doc's own id, and destroying it reads that entry.
  cleanup.push(() => (target.doc.clientID = own));
}

const serverText = async (server: Server, token: string, docId: string) => (await api(server, token, 'GET', `/api/documents/${docId}/text`)).body as string;

/** Each change as "Label: kind 'text' by Name", for readable assertions. */
const lines = (changes: ChangesResponse) => changes.articles.flatMap((a) => a.changes.map((c) => `${a.label}: ${c.kind} '${c.text}' by ${c.member.name}`));

/** A raw y-websocket socket of a member, with every message it receives. */
async function rawSocket(server: Server, docId: string, token: string) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${docId}?token=${token}`);
  cleanup.push(() => ws.close());
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  return { ws, received };
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The reason of a permission-denied message, or null for any other message. */
function deniedReason(message: Uint8Array): string | null {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== 2 || decoding.readVarUint(decoder) !== 0) return null;
  return decoding.readVarString(decoder);
}

describe('attribution is enforced', () => {
  test('an update written under another member’s client id is refused, from a stock client and from raw messages', async () => {
    const { server, docId, alice, bob } = await scene();
    const a = await client(server, docId, alice);
    a.type(' Alice writes.');
    await waitFor(async () => (await serverText(server, alice.token, docId)).includes('Alice writes.'), 'Alice’s text stored');

    // Bob's stock client replays Alice's client id (set after syncing: Yjs changes an id it sees in use).
    const b = await client(server, docId, bob);
    const denials = collectDenials(b);
    replayClientId(b, a.doc.clientID);
    b.type(' Forged as Alice.');
    await waitFor(() => denials.length > 0, 'Bob’s client told why');
    expect(denials[0]).toMatch(new RegExp(`^refused: this update writes under the Yjs client id ${a.doc.clientID}, which belongs to Alice`));

    // The same with hand-made y-protocols messages, continuing Alice's clock from the server's state.
    const raw = await rawSocket(server, docId, bob.token);
    const forged = new Y.Doc();
    Y.applyUpdate(forged, server.workspace.documents.currentState(docId));
    forged.clientID = a.doc.clientID;
    const before = Y.encodeStateVector(forged);
    forged.get('root', Y.XmlText).insert(0, 'Raw forgery');
    raw.ws.send(updateMessage(Y.encodeStateAsUpdate(forged, before)));
    await waitFor(() => raw.received.some((m) => deniedReason(m) !== null), 'the raw socket told why');
    expect(raw.received.map(deniedReason).find((r) => r !== null)).toMatch(/belongs to Alice/);

    // Alice writes on: her text is stored and reaches Bob's socket; neither forgery is anywhere.
    a.type(' Alice again.');
    await waitFor(async () => (await serverText(server, alice.token, docId)).includes('Alice again.'), 'Alice still writes');
    const text = await serverText(server, alice.token, docId);
    expect(text).not.toMatch(/Forged|forgery/);
    expect(a.text()).not.toMatch(/Forged|forgery/);
    const audit = server.workspace.db.prepare("SELECT actor FROM audit_log WHERE action = 'sync.forged_client_id' AND doc_id = ?").all(docId) as { actor: string }[];
    // One entry per refused connection, however many updates it sends.
    expect(audit.map((row) => row.actor)).toEqual([bob.id, bob.id]);
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
  });

  test('a member may write under their own client id from another connection, and deleting others’ text is theirs', async () => {
    const { server, docId, alice, bob, token } = await scene();
    const a = await client(server, docId, alice);
    a.type(' First line.');
    await waitFor(async () => (await serverText(server, token, docId)).includes('First line.'), 'stored');
    const again = await client(server, docId, alice);
    replayClientId(again, a.doc.clientID);
    // Alice's first client goes away before the second writes on her old id, as after a crash.
    a.destroy();
    const denials = collectDenials(again);
    again.type(' Second line.');
    await waitFor(async () => (await serverText(server, token, docId)).includes('Second line.'), 'stored from the second connection');
    expect(denials).toEqual([]);

    const b = await client(server, docId, bob);
    spliceBlock(b, 'Entry into force', 0, 'Entry into '.length, '');
    await waitFor(async () => (await serverText(server, token, docId)).includes('Article 2. force'), 'Bob’s deletion stored');
    const first = (await api(server, token, 'GET', `/api/documents/${docId}/versions`)).body.versions[0].id as string;
    const changes = await api(server, token, 'GET', `/api/documents/${docId}/changes?since=${first}`);
    expect(lines(changes.body)).toEqual(["Article 2: delete 'Entry into ' by Bob", "Signature: insert ' First line. Second line.' by Alice"]);
  });
});

describe('who changed what', () => {
  test('after two members edit offline and reconnect, the changes view names each change’s author; compaction and a restart keep it', async () => {
    const { server, dataDir, docId, alice, bob, olga, token } = await scene();
    const saved = await api(server, token, 'POST', `/api/documents/${docId}/versions`, { name: 'Before the weekend' });
    expect(saved.status).toBe(201);
    const a = await client(server, docId, alice);
    const b = await client(server, docId, bob);
    a.provider.disconnect();
    b.provider.disconnect();

    // Offline: Alice rewords article 1's heading, Bob article 2's and its text.
    spliceBlock(a, 'General provisions', 0, 'General '.length, '');
    spliceBlock(a, 'provisions', 'provisions'.length, 0, ' on the hotline');
    spliceBlock(b, 'Entry into force', 'Entry into force'.length, 0, ' and transition');
    spliceBlock(b, 'This ordinance shall enter into force upon its publication.', 'This ordinance shall enter into force'.length, ' upon its publication'.length, ' on 1 March');
    a.provider.connect();
    b.provider.connect();
    const expected = ['Article 1. provisions on the hotline', 'Article 2. Entry into force and transition', 'This ordinance shall enter into force on 1 March.'];
    await waitFor(async () => {
      const text = await serverText(server, token, docId);
      return expected.every((line) => text.includes(line)) && expected.every((line) => a.text().includes(line.replace(/^Article \d\. /, '')));
    }, 'both offline edits merged on the server and in Alice’s client');

    const want = [
      "Article 1: delete 'General ' by Alice",
      "Article 1: insert ' on the hotline' by Alice",
      "Article 2: insert ' and transition' by Bob",
      // Lexical's binding keeps the spaces both texts share: only the words changed are deleted and inserted.
      "Article 2: delete 'upon its publication' by Bob",
      "Article 2: insert 'on 1 March' by Bob",
    ];
    const since = `/api/documents/${docId}/changes?since=${saved.body.id}`;
    const live = await api(server, olga.token, 'GET', since);
    expect(live.status).toBe(200);
    expect(lines(live.body)).toEqual(want);
    expect(live.body.articles.map((x: { articleKey: string }) => x.articleKey)).toEqual(
      server.workspace.documents
        .model(docId)!
        .body.filter((item) => item.kind === 'article')
        .map((article) => article.key),
    );
    expect(live.body.articles[0].changes[0].member).toEqual({ id: alice.id, name: 'Alice' });

    // The comparison names the authors too.
    const diff = await api(server, token, 'GET', `/api/documents/${docId}/diff?from=${saved.body.id}&to=current`);
    const authored = diff.body.articles.flatMap((x: { parts: { kind: string; text: string; authors?: { name: string }[] }[] }) =>
      x.parts.filter((p) => p.kind !== 'equal').map((p) => `${p.kind} '${p.text}' by ${(p.authors ?? []).map((m) => m.name).join(', ') || '?'}`),
    );
    expect(authored).toEqual(["delete 'General ' by Alice", "insert ' on the hotline' by Alice", "insert ' and transition' by Bob", "delete 'upon its publication' by Bob", "insert 'on 1 March' by Bob"]);

    // Everyone leaves: the room compacts into one row, which must still hold the deleted text.
    a.destroy();
    b.destroy();
    await waitFor(() => server.workspace.sync.openRoom(docId) === undefined && server.workspace.store.count(docId) === 1, 'the document compacted');
    expect(lines((await api(server, token, 'GET', since)).body)).toEqual(want);
    await server.stop();
    const restarted = await startTestServer(dataDir);
    cleanup.push(() => restarted.stop());
    expect(lines((await api(restarted, token, 'GET', since)).body)).toEqual(want);
  });

  test('since my last visit: never visited is since creation; after a visit only what came later', async () => {
    const { server, docId, alice, bob, token } = await scene();
    const a = await client(server, docId, alice);
    spliceBlock(a, 'General provisions', 'General provisions'.length, 0, ' and scope');
    await waitFor(async () => (await serverText(server, token, docId)).includes('and scope'), 'stored');
    const mine = `/api/documents/${docId}/changes?since=lastVisit`;
    expect(lines((await api(server, bob.token, 'GET', mine)).body)).toEqual(["Article 1: insert ' and scope' by Alice"]);

    const visit = await api(server, bob.token, 'POST', `/api/documents/${docId}/visits`);
    expect(visit.status).toBe(200);
    expect(Date.parse(visit.body.visitedAt)).toBeGreaterThan(0);
    expect((await api(server, bob.token, 'GET', mine)).body).toEqual({ articles: [] });
    spliceBlock(a, 'This ordinance shall enter into force upon its publication.', 0, 'This '.length, '');
    await waitFor(async () => (await serverText(server, token, docId)).includes('\nordinance shall'), 'stored');
    expect(lines((await api(server, bob.token, 'GET', mine)).body)).toEqual(["Article 2: delete 'This ' by Alice"]);
    // Visits are per member: Alice never visited, so she still sees both.
    expect(lines((await api(server, alice.token, 'GET', mine)).body)).toHaveLength(2);
  });

  test('an article deleted since the base is listed under the number it had there, its text deleted by whoever removed it', async () => {
    const { server, docId, bob, token } = await scene();
    const first = (await api(server, token, 'GET', `/api/documents/${docId}/versions`)).body.versions[0].id as string;
    const keyOf = (n: number) => server.workspace.documents.model(docId)!.body.filter((item) => item.kind === 'article')[n]!.key;
    const removedKey = keyOf(1);
    const b = await client(server, docId, bob);
    b.edit(() => {
      const blocks = $getRoot().getChildren();
      const article = blocks.findIndex((block) => block.getTextContent() === 'Entry into force');
      blocks[article + 1]!.remove();
      blocks[article]!.remove();
    });
    await waitFor(async () => !(await serverText(server, token, docId)).includes('Entry into force'), 'the article removed');
    const changes = (await api(server, token, 'GET', `/api/documents/${docId}/changes?since=${first}`)).body as ChangesResponse;
    expect(changes.articles).toEqual([
      {
        articleKey: removedKey,
        label: 'Article 2',
        changes: [
          { kind: 'delete', text: 'Entry into force', member: { id: bob.id, name: 'Bob' } },
          { kind: 'delete', text: 'This ordinance shall enter into force upon its publication.', member: { id: bob.id, name: 'Bob' } },
        ],
      },
    ]);
  });

  test('a suggestion accepted on the server is the decider’s edit, whether the act is open or not', async () => {
    const t = await suggestionAct(cleanup);
    const version = (await api(t.server, t.owner, 'POST', `/api/documents/${t.docId}/versions`, { name: 'Before the review' })).body.id as string;
    const accept = async (decider: { token: string }, quote: string, text: string) => {
      const made = await t.suggest(t.lawyer.token, { target: { blockKey: t.keys.clauses[1]![0]!, quote }, text });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect((await t.decide(decider.token, made.body.id, 'accept')).status).toBe(200);
    };
    await accept(t.drafter, 'აკრძალულია', 'დაუშვებელია');
    await waitFor(() => t.alice.text().includes('დაუშვებელია'), 'the accepted text reaches the open client');
    // Nobody has the act open any more: the edit goes straight to the store, and is attributed all the same.
    t.alice.destroy();
    await waitFor(() => t.server.workspace.sync.openRoom(t.docId) === undefined, 'the room closed');
    await accept(t.otherDrafter, 'საჩუქრის მიღება', 'საჩუქრის ან მომსახურების მიღება');
    const changes = (await api(t.server, t.owner, 'GET', `/api/documents/${t.docId}/changes?since=${version}`)).body as ChangesResponse;
    const gifts = changes.articles.find((a) => a.articleKey === t.keys.articles[1])!;
    const by = (id: string) => gifts.changes.filter((c) => c.member.id === id).map((c) => `${c.kind} '${c.text}'`);
    // Only the two deciders changed the article (the reviewer only proposed), each with the text they accepted.
    expect(new Set(gifts.changes.map((c) => c.member.id))).toEqual(new Set([t.drafter.id, t.otherDrafter.id]));
    expect(by(t.drafter.id)).toContain("delete 'აკრძალუ'");
    expect(by(t.otherDrafter.id).some((c) => c.startsWith('insert') && c.includes('ან მომსახურების'))).toBe(true);
  });

  test('hostile queries get JSON errors that name what was wrong, and change nothing', async () => {
    const { server, docId, token, olga } = await scene();
    const path = `/api/documents/${docId}/changes`;
    const cases: Array<[string, number, RegExp]> = [
      [path, 400, /since/],
      [`${path}?since=`, 400, /since/],
      [`${path}?since=${'x'.repeat(81)}`, 400, /at most 80/],
      [`${path}?since=ver-nope`, 404, /Unknown version 'ver-nope'/],
      [`${path}?since=lastVisit&extra=1`, 400, /extra/],
      [`${path}?since[]=a`, 400, /since/],
      ['/api/documents/doc-nothere1/changes?since=lastVisit', 404, /Unknown document/],
      ['/api/documents/doc-nothere1/visits', 404, /Unknown document/],
      [`/api/documents/${docId}/diff/export.docx`, 400, /from/],
      [`/api/documents/${docId}/diff/export.docx?from=ver-nope`, 404, /Unknown version/],
      [`/api/documents/${docId}/diff/export.docx?from=current&to=%00`, 404, /Unknown version/],
    ];
    for (const [target, status, message] of cases) {
      const method = target.endsWith('/visits') ? 'POST' : 'GET';
      const answer = await api(server, olga.token, method, target);
      expect(answer.status, target).toBe(status);
      expect(answer.body.error.message, target).toMatch(message);
    }
    expect((await api(server, null, 'GET', `${path}?since=lastVisit`)).status).toBe(401);
    expect((await api(server, null, 'POST', `/api/documents/${docId}/visits`)).status).toBe(401);
    expect(server.workspace.db.prepare('SELECT COUNT(*) AS n FROM doc_visits').get()).toEqual({ n: 0 });
    expect((await api(server, token, 'GET', `${path}?since=lastVisit`)).status).toBe(200);
  });
});
