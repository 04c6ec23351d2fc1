import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { SERVER_DEFAULTS } from '../../server/config';
import { createSaveTracker, type SaveTracker } from '../../shared/sync/saveTracker';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { api, startTestServer, waitFor } from '../helpers/testServer';

/**
 * The renderer's save tracker against the real server (issue 11, point 6): the act page says "saved" only for
 * changes the server confirmed, so text typed after a member's access ended, or while offline, is never shown
 * as saved before it is stored.
 */

const cleanup = cleanupAfterEach();

function track(client: LexicalClient): LexicalClient {
  cleanup.push(() => client.destroy());
  return client;
}

/** A tracker on a client, recording at each confirmation whether the server had stored `marker` by then. */
function trackSaves(client: LexicalClient, stored: () => boolean): { tracker: SaveTracker; confirmations: boolean[] } {
  const tracker = createSaveTracker(client.provider);
  cleanup.push(() => tracker.destroy());
  const confirmations: boolean[] = [];
  tracker.subscribe(() => {
    if (!tracker.unconfirmed) confirmations.push(stored());
  });
  return { tracker, confirmations };
}

describe('the save tracker', () => {
  test('a change is unconfirmed until the server has stored it', async () => {
    const { server, token } = await serverForTest(cleanup);
    const docId: string = (await api(server, token, 'POST', '/api/documents', { title: 'Ethics', language: 'en' })).body.id;
    const client = track(await connectClient(server.url, docId, token));
    const isStored = () => Buffer.from(server.workspace.store.load(docId) ?? []).includes('confirmed-edit');
    const { tracker, confirmations } = trackSaves(client, isStored);
    await waitFor(() => !tracker.unconfirmed, 'nothing to confirm after the first sync');

    client.type(' confirmed-edit');
    expect(tracker.unconfirmed).toBe(true);
    await waitFor(() => !tracker.unconfirmed, 'the server confirms the edit');
    expect(confirmations.at(-1), 'the edit was stored when the tracker called it saved').toBe(true);
  });

  test('text typed after the member’s access ended is never confirmed and never stored', async () => {
    const { server, token: owner } = await serverForTest(cleanup);
    const docId: string = (await api(server, owner, 'POST', '/api/documents', { title: 'Ethics', language: 'en' })).body.id;
    const nino = (await api(server, owner, 'POST', '/api/members', { name: 'Nino', role: 'drafter' })).body;
    const client = track(await connectClient(server.url, docId, nino.token));
    const storedText = async () => (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body as string;
    const { tracker } = trackSaves(client, () => false);
    const closes: number[] = [];
    client.provider.on('connection-close', (event) => void closes.push(event?.code ?? 0));

    client.type(' before-revocation');
    await waitFor(() => !tracker.unconfirmed, 'the edit before the revocation is confirmed');
    expect(await storedText()).toContain('before-revocation');

    expect((await api(server, owner, 'DELETE', `/api/members/${nino.id}`)).status).toBe(204);
    // The client may not have read the close yet: it still sends, and the server must not take it.
    client.type(' after-revocation');
    expect(tracker.unconfirmed).toBe(true);
    await waitFor(() => closes[0] === 4001, 'the server closes the revoked member’s socket');
    // The stock provider keeps retrying and the upgrade keeps refusing: nothing it tries confirms the edit.
    await waitFor(() => closes.length >= 4, 'several refused reconnects', 20_000);
    expect(tracker.unconfirmed).toBe(true);
    expect(await storedText()).not.toContain('after-revocation');
    expect(client.text()).toContain('after-revocation');
  });

  test('an edit made while the server is down stays unconfirmed until the server, back, has stored it', async () => {
    const { server, dataDir, token } = await serverForTest(cleanup);
    const docId: string = (await api(server, token, 'POST', '/api/documents', { title: 'Ethics', language: 'en' })).body.id;
    const client = track(await connectClient(server.url, docId, token));
    const outside = new Database(join(dataDir, SERVER_DEFAULTS.databaseFile));
    cleanup.push(() => outside.close());
    const rows = outside.prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE doc_id = ?');
    const { tracker, confirmations } = trackSaves(client, () => rows.all(docId).some((row) => row.data.includes('offline-edit')));
    await waitFor(() => !tracker.unconfirmed, 'nothing to confirm after the first sync');

    await server.stop();
    await waitFor(() => !client.provider.wsconnected, 'the client sees the server go');
    client.type(' offline-edit');
    expect(tracker.unconfirmed).toBe(true);
    // The header counts what has not reached the server (issue 14, part 3): two more edits, two more.
    const pendingAfterOne = tracker.pending;
    expect(pendingAfterOne).toBeGreaterThan(0);
    client.type('!');
    client.type('!');
    expect(tracker.pending).toBe(pendingAfterOne + 2);
    // The server comes back unable to store (a full disk): the reconnect's sync must not count as a save.
    outside.exec(`CREATE TRIGGER refuse_updates BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END`);
    const back = await startTestServer(dataDir, { port: server.port });
    cleanup.push(() => back.stop());
    const refusals = () => back.logs.filter((line) => line.includes('an update could not be applied')).length;
    await waitFor(() => refusals() >= 2, 'the server fails to store the offline edit, twice');
    expect(tracker.unconfirmed).toBe(true);
    outside.exec('DROP TRIGGER refuse_updates');
    await waitFor(() => !tracker.unconfirmed, 'the server confirms the offline edit once it can store it', 20_000);
    expect(tracker.pending).toBe(0);
    expect(confirmations.length).toBeGreaterThan(0);
    expect(confirmations.every(Boolean), 'every confirmation came after the edit was stored').toBe(true);
  });
});
