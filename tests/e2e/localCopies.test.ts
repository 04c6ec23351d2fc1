import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';
import { openAsMember, useBrowser } from '../helpers/browser';
import { localCopyDatabase } from '../helpers/localCopy';

const browser = useBrowser();

/** Rows in the act's y-indexeddb 'updates' store, or -1 when the database is gone. */
function storedRows(page: Page, dbName: string): Promise<number> {
  return page.evaluate(
    async (name) => {
      const names = (await indexedDB.databases()).map((d) => d.name);
      if (!names.includes(name)) return -1;
      return new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(new Error(`cannot open ${name}`));
        open.onsuccess = () => {
          const count = open.result.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      });
    },
    dbName,
  );
}

describe('local copies on this computer', () => {
  test('a copy is merged once synced, listed with its size, and dropped after asking only once the server has it; one with a queued comment is kept', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir: join(ROOT, 'dist', 'renderer') });
    const token = server.workspace.ownerToken;
    try {
      const create = async () => (await api(server, token, 'POST', '/api/documents', { templateId: 'citizen-reception', language: 'ka', municipality: 'tsageri', values: {} })).body.id as string;
      const [docId, otherId] = [await create(), await create()];
      const page = await openAsMember(browser(), `${server.url}/documents/${otherId}#token=${token}`, 'გიორგი');
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 30_000 });
      await page.goto(`${server.url}/documents/${docId}`);
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 30_000 });
      const dbName = localCopyDatabase(server.url, docId);

      // Thirty keystrokes are thirty rows in y-indexeddb; the next open merges them once synced.
      await page.locator('.sj-clause').first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(' ლოკალური ასლის შემოწმება 12345');
      await page.locator('.sj-connection[data-state="synced"][data-unsent="0"]').waitFor({ timeout: 20_000 });
      await waitFor(async () => (await storedRows(page, dbName)) > 20, 'each keystroke is a row');
      await page.reload();
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 30_000 });
      await waitFor(async () => (await storedRows(page, dbName)) <= 2, 'the copy is merged into one row');

      // The other act holds a comment made offline and not yet sent: only this computer has it.
      await page.evaluate(
        ([host, id]) => localStorage.setItem(`sajaro.review.queue:${host}:${id}`, JSON.stringify([{ action: { kind: 'reopen', threadId: 'thread-x' } }])),
        [new URL(server.url).host, otherId] as const,
      );
      await page.goto(`${server.url}/`);
      await page.locator('[data-action="local-copies"]').click();
      const dialog = page.locator('[role="dialog"]');
      await dialog.locator(`[data-local-copy="${docId}"]`).waitFor();
      expect(Number(await dialog.locator(`[data-local-copy="${docId}"]`).getAttribute('data-bytes'))).toBeGreaterThan(1000);
      expect(await dialog.locator(`[data-local-copy="${otherId}"]`).innerText()).toContain('გაუგზავნელი');

      await dialog.locator('input[name="days"]').fill('0');
      await dialog.locator('[data-action="drop-copies"]').click();
      // It asks first; nothing is dropped before the answer.
      expect(await dialog.locator('#sj-local-ask').innerText()).toContain('წაიშალოს 1 ლოკალური ასლი');
      expect(await storedRows(page, dbName)).toBeGreaterThan(0);
      await dialog.locator('[data-action="confirm-drop-copies"]').click();
      await dialog.locator(`[data-local-copy="${docId}"]`).waitFor({ state: 'detached', timeout: 30_000 });
      expect(await storedRows(page, dbName)).toBe(-1);
      expect(await storedRows(page, localCopyDatabase(server.url, otherId))).toBeGreaterThan(0);
      // The server had everything the dropped copy held.
      expect((await api(server, token, 'GET', `/api/documents/${docId}/text`)).body).toContain('ლოკალური ასლის შემოწმება 12345');
      await page.context().close();
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
