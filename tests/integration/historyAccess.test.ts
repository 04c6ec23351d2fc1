import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { connectClient } from '../helpers/lexicalClient';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { $textNodeWith, addMember } from '../helpers/reviewHelpers';
import { api, waitFor } from '../helpers/testServer';

const cleanup = cleanupAfterEach();

/** A stock client's full copy of an act, as a member receives it over /sync. */
async function receivedState(serverUrl: string, docId: string, token: string): Promise<Uint8Array> {
  const doc = new Y.Doc({ gc: false });
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, docId, doc, {
    params: { token },
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  try {
    await waitFor(() => provider.synced, 'the client syncs');
    return Y.encodeStateAsUpdate(doc);
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

const contains = (state: Uint8Array, text: string) => Buffer.from(state).includes(Buffer.from(text, 'utf8'));

describe('the kept history is for members who may edit', () => {
  test('deleted text reaches drafters over sync, never reviewers or observers; all see the same text', async () => {
    const { server } = await serverForTest(cleanup);
    const owner = server.workspace.ownerToken;
    const docId = (await api(server, owner, 'POST', '/api/documents', { title: 'Gifts policy', language: 'en' })).body.id as string;
    const drafter = await connectClient(server.url, docId, owner);
    cleanup.push(() => drafter.destroy());
    drafter.type(' Gifts up to 500 GEL');
    drafter.type(' WITHDRAWN-WORDING');
    drafter.edit(() => {
      const { node, offset } = $textNodeWith('WITHDRAWN-WORDING');
      node.spliceText(offset, 'WITHDRAWN-WORDING'.length, '', false);
    });
    await waitFor(async () => {
      const text = (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body as string;
      return text.includes('Gifts up to 500 GEL') && !text.includes('WITHDRAWN-WORDING');
    }, 'the deletion is stored');

    const editorState = await receivedState(server.url, docId, await addMember(server, owner, 'Drafter', 'drafter'));
    // The history is kept (issue 12): a member who may edit receives the deleted text with its item.
    expect(contains(editorState, 'WITHDRAWN-WORDING')).toBe(true);
    for (const role of ['reviewer', 'observer']) {
      const state = await receivedState(server.url, docId, await addMember(server, owner, `The ${role}`, role));
      expect(contains(state, 'WITHDRAWN-WORDING'), role).toBe(false);
      expect(contains(state, 'Gifts up to 500 GEL'), role).toBe(true);
      // Same state vector: later updates from the room apply to the reader's copy as to anyone's.
      const reader = new Y.Doc();
      Y.applyUpdate(reader, state);
      const full = new Y.Doc();
      Y.applyUpdate(full, editorState);
      expect(Y.encodeStateVector(reader)).toEqual(Y.encodeStateVector(full));
    }
  });
});
