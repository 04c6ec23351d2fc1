import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createGeneratedAct } from '../helpers/generatedAct';
import { editorText, openAsMember, useBrowser } from '../helpers/browser';
import { api, removeDir, ROOT, startTestServer, tempDataDir } from '../helpers/testServer';

const browser = useBrowser();

/**
 * Issue 14: the page opens an act through its chunked snapshot (Range requests), shows how far it has come,
 * and connects the websocket afterwards; when the snapshot route refuses, the plain websocket path opens it.
 */
describe('opening an act in chunks', () => {
  test('a 40-page act arrives in Range requests with its progress shown, then the page syncs', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir: join(ROOT, 'dist', 'renderer') });
    const token = server.workspace.ownerToken;
    try {
      const { docId } = createGeneratedAct(server.workspace, 40);
      const ranges: string[] = [];
      const page = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${token}`, 'ნინო', {
        prepare: async (p) => {
          // A slow line, so the progress notice stays long enough to be read.
          await p.route('**/api/documents/*/snapshot*', async (route) => {
            ranges.push(route.request().headers()['range'] ?? 'none');
            await new Promise((resolve) => setTimeout(resolve, 150));
            await route.continue();
          });
        },
      });
      await page.getByRole('status').filter({ hasText: /აქტი იხსნება… \d+ %|Opening the act… \d+ %/ }).first().waitFor({ timeout: 20_000 });
      // The socket waits for the snapshot on purpose: the badge says connecting, not offline.
      expect(await page.locator('.sj-connection').getAttribute('data-state')).toBe('connecting');
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 30_000 });
      expect(ranges.length).toBeGreaterThan(4);
      expect(ranges.every((range) => /^bytes=\d+-\d+$/.test(range))).toBe(true);
      const title = (await api(server, token, 'GET', `/api/documents/${docId}/text`)).body.split('\n').find((line: string) => line.includes('შესახებ')) as string;
      expect(await editorText(page)).toContain(title.trim());
      await expect.poll(() => page.locator('.sj-opening').count()).toBe(0);
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });

  test('when the snapshot route refuses, the act opens over the websocket alone', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir: join(ROOT, 'dist', 'renderer') });
    const token = server.workspace.ownerToken;
    try {
      const docId: string = (await api(server, token, 'POST', '/api/documents', { templateId: 'citizen-reception', language: 'ka', municipality: 'tsageri', values: {} })).body.id;
      let refused = 0;
      const page = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${token}`, 'ნინო', {
        prepare: async (p) => {
          await p.route('**/api/documents/*/snapshot*', async (route) => {
            refused += 1;
            await route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'not_found', message: 'gone' } }) });
          });
        },
      });
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 30_000 });
      await page.locator('.sj-clause').first().waitFor({ timeout: 20_000 });
      expect(refused).toBeGreaterThan(0);
      expect(await editorText(page)).toContain('მუხლი');
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
