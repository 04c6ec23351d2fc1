import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';
import { openAsMember, openSideTab, useBrowser } from '../helpers/browser';
import { startPausableLink } from '../helpers/pausableLink';
import { localCopyText } from '../helpers/localCopy';

const browser = useBrowser();

describe('an honest connection state on a line that dies', () => {
  test('a dead link shows offline within 5 s with an unsent count; the count returns to 0 when it comes back; a reload on the dead line shows the panels from the saved copy', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir: join(ROOT, 'dist', 'renderer') });
    const link = await startPausableLink(server.port);
    const token = server.workspace.ownerToken;
    try {
      const docId: string = (await api(server, token, 'POST', '/api/documents', { templateId: 'citizen-reception', language: 'ka', municipality: 'tsageri', values: {} })).body.id;
      expect((await api(server, token, 'POST', `/api/documents/${docId}/versions`, { name: 'პირველი პროექტი' })).status).toBe(201);
      const page = await openAsMember(browser(), `${link.url}/documents/${docId}#token=${token}`, 'ნინო');
      const badge = page.locator('.sj-connection');
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 30_000 });
      // The versions and stage panels have had their answers from the server once, and the shell is kept by the service worker.
      await openSideTab(page, 'versions');
      await page.locator('[data-side-panel="versions"] [data-version-id]').first().waitFor({ timeout: 20_000 });
      await openSideTab(page, 'stage');
      await page.locator('[data-field="current-stage"]').waitFor({ timeout: 20_000 });
      const stageShown = await page.locator('[data-field="current-stage"]').innerText();
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });

      // The line dies without a word: no close reaches either end.
      link.cut();
      const cutAt = Date.now();
      await page.locator('.sj-connection[data-state="offline"]').waitFor({ timeout: 5_000 });
      expect(Date.now() - cutAt).toBeLessThan(5_000);
      // The short word fits the header; the full explanation is one click away.
      expect(await badge.locator('.sj-connection-word').innerText()).toBe('კავშირი არ არის');
      await badge.locator('button').click();
      expect(await badge.locator('.sj-connection-detail').innerText()).toContain('ცვლილებები ინახება ამ კომპიუტერზე');

      await page.locator('.sj-clause').first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(' მკვდარი ხაზი');
      await waitFor(async () => Number(await badge.getAttribute('data-unsent')) > 0, 'the header counts the unsent edits');
      expect(await badge.locator('.sj-unsent-count').innerText()).toMatch(/^\d+ გაუგზავნელი$/);
      // Closing now would be asked about (the page's beforeunload objects).
      expect(await page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      })).toBe(true);

      link.restore();
      await page.locator('.sj-connection[data-state="synced"][data-unsent="0"]').waitFor({ timeout: 20_000 });
      await waitFor(async () => (await api(server, token, 'GET', `/api/documents/${docId}/text`)).body.includes('მკვდარი ხაზი'), 'the edit reached the server');
      await page.locator('.sj-unsent-count').waitFor({ state: 'detached' });

      // A reload on a dead line: the shell from the service worker, the text from the local copy, the stage
      // panel from its saved answer, marked as such, never stuck on "Loading".
      await waitFor(async () => (await localCopyText(page, link.url, docId)).includes('მკვდარი ხაზი'), 'the local copy holds the edit');
      link.cut();
      await page.reload({ waitUntil: 'commit', timeout: 20_000 });
      await page.locator('.sj-clause').first().waitFor({ timeout: 20_000 });
      await page.locator('[data-side-panel="stage"] [data-field="current-stage"]').waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-side-panel="stage"] [data-field="current-stage"]').innerText()).toBe(stageShown);
      expect(await page.locator('[data-side-panel="stage"] [data-saved-copy]').innerText()).toContain('შენახული ასლი');
      expect(await page.locator('.sj-doc-title').innerText()).not.toBe('');
      await openSideTab(page, 'versions');
      await page.locator('[data-side-panel="versions"] [data-version-id]').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-side-panel="versions"]').innerText()).toContain('პირველი პროექტი');
      expect(await page.locator('[data-side-panel="versions"] [data-saved-copy]').count()).toBe(1);
      await page.locator('.sj-connection[data-state="offline"]').waitFor({ timeout: 15_000 });
      await page.context().close();
    } finally {
      await link.close();
      await server.stop();
      removeDir(dataDir);
    }
  });
});
