import { describe, expect, test } from 'vitest';
import { api, removeDir, startTestServer, tempDataDir, waitFor, ROOT } from '../helpers/testServer';
import { editorText, useBrowser, openAsMember } from '../helpers/browser';
import { join } from 'node:path';

const browser = useBrowser();

const rendererDir = join(ROOT, 'dist', 'renderer');

describe('co-editing in the browser', () => {
  test('text typed in one context appears in the other; survives a restart; offline edits reach the server', async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer(dataDir, { rendererDir });
    const token = server.workspace.ownerToken;
    const port = server.port;
    try {
      const docId: string = (
        await api(server, token, 'POST', '/api/documents', {
          title: 'Code of Ethics',
          language: 'en',
          municipality: 'vani',
        })
      ).body.id;
      const url = `${server.url}/documents/${docId}#token=${token}`;
      const alice = await openAsMember(browser(), url, 'Alice');
      const bob = await openAsMember(browser(), url, 'Bob');
      for (const page of [alice, bob])
        await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });

      // Alice types into the first paragraph of Article 1.
      await alice.locator('.sj-clause').first().click();
      await alice.keyboard.press('End');
      await alice.keyboard.type('Officials act with integrity. ნდობა');
      await waitFor(
        async () => (await editorText(bob)).includes('Officials act with integrity. ნდობა'),
        'Bob sees Alice typing',
      );
      // Presence: each sees the other.
      await bob.locator('.sj-presence li[data-name="Alice"]').waitFor({ timeout: 10_000 });

      // Restart the server on the same data and port. Alice and Bob leave first, so that no client can hand
      // the text back to the restarted server; the text then comes from the server alone: its API, and fresh
      // browser contexts that have no IndexedDB copy of the act to fall back on.
      await alice.context().close();
      await bob.context().close();
      await server.stop();
      server = await startTestServer(dataDir, { rendererDir, port });
      expect((await api(server, token, 'GET', `/api/documents/${docId}/text`)).body).toContain(
        'Officials act with integrity. ნდობა',
      );
      const carol = await openAsMember(browser(), url, 'Carol');
      const dato = await openAsMember(browser(), url, 'Dato');
      for (const page of [carol, dato]) {
        await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
        expect(await editorText(page)).toContain('Officials act with integrity. ნდობა');
      }

      // Stop the server, type offline, bring it back: the text reaches the server.
      await server.stop();
      await dato.locator('.sj-connection[data-state="offline"]').waitFor({ timeout: 20_000 });
      await dato.locator('.sj-clause').first().click();
      await dato.keyboard.press('End');
      await dato.keyboard.type(' Written offline.');
      await waitFor(async () => (await editorText(dato)).includes('Written offline.'), 'Dato typed offline');
      server = await startTestServer(dataDir, { rendererDir, port });
      await waitFor(
        async () =>
          (await api(server, token, 'GET', `/api/documents/${docId}/text`)).body.includes('Written offline.'),
        'the offline edit reaches the server',
        30_000,
      );
      await waitFor(
        async () => (await editorText(carol)).includes('Written offline.'),
        'Carol gets the offline edit',
        30_000,
      );
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
