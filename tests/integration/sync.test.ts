import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { SERVER_DEFAULTS } from '../../server/config';
import { cleanupAfterEach } from '../helpers/lifecycle';
import WebSocket from 'ws';
import { api, removeDir, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';

const cleanup = cleanupAfterEach();

async function setup(dataDir = tempDataDir()) {
  const server = await startTestServer(dataDir);
  cleanup.push(() => removeDir(dataDir));
  cleanup.push(() => server.stop());
  return { server, dataDir, token: server.workspace.ownerToken };
}

function track(client: LexicalClient): LexicalClient {
  cleanup.push(() => client.destroy());
  return client;
}

describe('live co-editing through the sync endpoint', () => {
  test('two clients sync Georgian text; after a restart a third client gets it; no token gets nothing', async () => {
    const { server, dataDir, token } = await setup();
    const created = await api(server, token, 'POST', '/api/documents', {
      title: 'ეთიკის კოდექსი',
      language: 'ka',
    });
    expect(created.status).toBe(201);
    const docId: string = created.body.id;

    const alice = track(await connectClient(server.url, docId, token));
    const bob = track(await connectClient(server.url, docId, token));
    alice.type(' ნინო ბერიძე წერს');
    await waitFor(() => bob.text().includes('ნინო ბერიძე წერს'), 'bob sees alice');
    bob.type(' — გიორგი პასუხობს');
    await waitFor(() => alice.text().includes('გიორგი პასუხობს'), 'alice sees bob');

    const text = await api(server, token, 'GET', `/api/documents/${docId}/text`);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.body).toContain('ნინო ბერიძე წერს — გიორგი პასუხობს');

    alice.destroy();
    bob.destroy();
    await server.stop();

    const restarted = await startTestServer(dataDir);
    cleanup.push(() => restarted.stop());
    const carol = track(await connectClient(restarted.url, docId, token));
    await waitFor(
      () => carol.text().includes('ნინო ბერიძე წერს — გიორგი პასუხობს'),
      'carol gets the text after restart',
    );

    // A socket without a token is refused at the upgrade: a 401, and not one byte of the document.
    const received: Buffer[] = [];
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${restarted.url.replace('http', 'ws')}/sync/${docId}`);
      ws.on('message', (data: Buffer) => received.push(data));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(status).toBe(401);
    expect(received).toEqual([]);

    const badToken = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${restarted.url.replace('http', 'ws')}/sync/${docId}?token=wrong`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(badToken).toBe(401);
  });

  test('an update is stored before it is broadcast: a write the store refuses reaches nobody, and what a client receives is already stored', async () => {
    const { server, dataDir, token } = await setup();
    const created = await api(server, token, 'POST', '/api/documents', { title: 'Hotline', language: 'en' });
    const docId: string = created.body.id;
    const alice = track(await connectClient(server.url, docId, token));
    const bob = track(await connectClient(server.url, docId, token));
    // A second connection on the workspace file sees only what the server committed.
    const outside = new Database(join(dataDir, SERVER_DEFAULTS.databaseFile));
    cleanup.push(() => outside.close());
    const storedRows = outside.prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE doc_id = ?');
    const isStored = (text: string) => storedRows.all(docId).some((row) => row.data.includes(Buffer.from(text)));

    // At the moment bob receives an update that carries the edit, is the edit already committed?
    const MARK = 'stored-before-broadcast';
    const receipts: boolean[] = [];
    bob.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === bob.provider && Buffer.from(update).includes(MARK)) receipts.push(isStored(MARK));
    });
    const bobClosed: number[] = [];
    bob.provider.on('connection-close', (event) => void (event && bobClosed.push(event.code)));

    // The store refuses every new row, as a full disk would.
    outside.exec(`CREATE TRIGGER refuse_updates BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END`);
    alice.type(` ${MARK}`);
    // The room gives up on the update it could not store and closes every socket. Bob's close frame comes after
    // anything the server sent him before, so once it is in, a broadcast of the refused update would be too.
    await waitFor(() => bobClosed.includes(1011), 'the server closes the room after the refused write');
    expect(server.logs.some((line) => line.includes(`[sync] closed ${docId}: an update could not be applied`))).toBe(true);
    expect(bob.text()).not.toContain(MARK);
    expect(receipts).toEqual([]);
    expect(isStored(MARK)).toBe(false);

    // Once the store takes writes again, alice's reconnect delivers the edit: stored first, then seen by bob.
    outside.exec('DROP TRIGGER refuse_updates');
    await waitFor(() => bob.text().includes(MARK), 'bob sees the edit after the store recovers', 20_000);
    expect(receipts.length).toBeGreaterThan(0);
    expect(receipts.every(Boolean), 'every update bob received was committed before it reached him').toBe(true);
  });

  test('compaction merges a document into one row when the last client leaves, keeping the text', async () => {
    const { server, token } = await setup();
    const docId: string = (
      await api(server, token, 'POST', '/api/documents', { title: 'Compaction', language: 'en' })
    ).body.id;
    const alice = track(await connectClient(server.url, docId, token));
    for (let i = 0; i < 20; i += 1) alice.type(` w${i}`);
    await waitFor(() => server.workspace.store.count(docId) > 5, 'updates stored');
    alice.destroy();
    await waitFor(() => server.workspace.store.count(docId) === 1, 'compacted to one row');
    const text = await api(server, token, 'GET', `/api/documents/${docId}/text`);
    expect(text.body).toContain('w0 w1 w2');
    expect(text.body).toContain('w19');
  });
});
