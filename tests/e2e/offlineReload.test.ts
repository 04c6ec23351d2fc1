import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';
import { editorText, useBrowser, openAsMember } from '../helpers/browser';
import { localCopyText } from '../helpers/localCopy';

const browser = useBrowser();

describe('working without a connection', () => {
  test('an act opened once reopens after a reload with the server down, keeps edits made then, and sends them later', async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer(dataDir, { rendererDir: join(ROOT, 'dist', 'renderer') });
    const token = server.workspace.ownerToken;
    const port = server.port;
    try {
      const docId: string = (
        await api(server, token, 'POST', '/api/documents', {
          templateId: 'citizen-reception',
          language: 'ka',
          municipality: 'tsageri',
          values: {},
        })
      ).body.id;
      const page = await openAsMember(
        browser(),
        `${server.url}/documents/${docId}#token=${token}`,
        'მარიამი',
      );
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      // The app shell is kept by the service worker once it controls the page.
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
        timeout: 20_000,
      });
      await page
        .evaluate(async () => {
          const keys = await caches.keys();
          const cache = await caches.open(keys[0]!);
          return (await cache.keys()).length;
        })
        .then((n) => expect(n).toBeGreaterThan(1));

      await server.stop();
      await page.reload();
      await page.locator('.sj-clause').first().waitFor({ timeout: 20_000 });
      await page.locator('.sj-connection[data-state="offline"]').waitFor({ timeout: 20_000 });
      await page.locator('.sj-clause').first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(' ჩაწერილია კავშირის გარეშე');

      // A second reload, still offline: the edit was kept on this computer. IndexedDB commits a write a
      // moment after the keystroke, and a write still in flight when the page unloads is lost, so the
      // reload waits until the copy holds the edit (what a person reloading seconds later would see).
      await waitFor(
        async () => (await localCopyText(page, server.url, docId)).includes('ჩაწერილია კავშირის გარეშე'),
        'the offline edit is stored on this computer',
      );
      await page.reload();
      await waitFor(
        async () => (await editorText(page)).includes('ჩაწერილია კავშირის გარეშე'),
        'the offline edit survives a reload',
      );

      server = await startTestServer(dataDir, { rendererDir: join(ROOT, 'dist', 'renderer'), port });
      await waitFor(
        async () =>
          (await api(server, token, 'GET', `/api/documents/${docId}/text`)).body.includes(
            'ჩაწერილია კავშირის გარეშე',
          ),
        'the edit reaches the server',
        30_000,
      );
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
