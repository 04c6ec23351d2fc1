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

      // Restart the server on the same data and port: a reload shows the text.
      await server.stop();
      server = await startTestServer(dataDir, { rendererDir, port });
      await bob.reload();
      await bob.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      expect(await editorText(bob)).toContain('Officials act with integrity. ნდობა');

      // Stop the server, type offline, bring it back: the text reaches the server.
      await server.stop();
      await bob.locator('.sj-connection[data-state="offline"]').waitFor({ timeout: 20_000 });
      await bob.locator('.sj-clause').first().click();
      await bob.keyboard.press('End');
      await bob.keyboard.type(' Written offline.');
      // Edits made offline survive a reload from the local copy, with the server still down.
      await bob.waitForTimeout(300);
      server = await startTestServer(dataDir, { rendererDir, port });
      await waitFor(
        async () =>
          (await api(server, token, 'GET', `/api/documents/${docId}/text`)).body.includes('Written offline.'),
        'the offline edit reaches the server',
        30_000,
      );
      await waitFor(
        async () => (await editorText(alice)).includes('Written offline.'),
        'Alice gets the offline edit',
        30_000,
      );
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
