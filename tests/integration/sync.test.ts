import { describe, expect, test } from 'vitest';
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

  test('an update is stored before it is broadcast: the store holds what every client has seen', async () => {
    const { server, token } = await setup();
    const created = await api(server, token, 'POST', '/api/documents', { title: 'Hotline', language: 'en' });
    const docId: string = created.body.id;
    const alice = track(await connectClient(server.url, docId, token));
    const bob = track(await connectClient(server.url, docId, token));
    const before = server.workspace.store.count(docId);
    alice.type(' stored first');
    await waitFor(() => bob.text().includes('stored first'), 'bob sees the edit');
    // By the time bob saw it, the update row was committed.
    expect(server.workspace.store.count(docId)).toBeGreaterThan(before);
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
