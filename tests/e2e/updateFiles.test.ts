import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addMember } from '../helpers/attributionHelpers';
import { openAsMember, useBrowser } from '../helpers/browser';
import { localCopyText } from '../helpers/localCopy';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

const browser = useBrowser();

describe('work carried by hand', () => {
  test('a drafter saves her offline edit to a .sajaro file; a coordinator loads it, reads what came in, and is offered the changes, which name her', async () => {
    const dataDir = tempDataDir();
    const rendererDir = join(ROOT, 'dist', 'renderer');
    let server = await startTestServer(dataDir, { rendererDir });
    const owner = server.workspace.ownerToken;
    const port = server.port;
    try {
      const alice = await addMember(server, owner, 'ალისა', 'drafter');
      const docId: string = (await api(server, owner, 'POST', '/api/documents', { templateId: 'citizen-reception', language: 'ka', municipality: 'tsageri', values: {} })).body.id;
      const page = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${alice.token}`, 'ალისა');
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });

      // The connection goes; she goes on writing, then saves her changes to a file.
      await server.stop();
      await page.locator('.sj-connection[data-state="offline"]').waitFor({ timeout: 20_000 });
      await page.locator('.sj-clause').first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(' სოფელში დაწერილი');
      await waitFor(async () => (await localCopyText(page, server.url, docId)).includes('სოფელში დაწერილი'), 'the offline edit is in the local copy');
      await page.locator('[data-action="update-files"]').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save-changes-file"]').click()]);
      expect(download.suggestedFilename()).toMatch(/\.sajaro$/);
      const file = join(dataDir, 'alice.sajaro');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 8).toString('latin1')).toBe('SAJAROUF');
      // Her computer stays away: only the file reaches the workspace.
      await page.context().close();

      server = await startTestServer(dataDir, { rendererDir, port });
      const coordinator = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${owner}`, 'კოორდინატორი');
      await coordinator.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      await coordinator.locator('[data-action="update-files"]').click();
      await coordinator.locator('input[data-input="changes-file"]').setInputFiles(file);
      const outcome = coordinator.locator('[data-banner="update-file-outcome"]');
      await outcome.waitFor({ timeout: 20_000 });
      expect(await outcome.innerText()).toMatch(/დაემატა ტექსტის 1 ცვლილება, 0 კომენტარი და 0 შეთავაზება/);
      await waitFor(async () => (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body.includes('სოფელში დაწერილი'), 'the file’s text is in the act');

      await coordinator.locator('[data-action="show-changes-after-load"]').click();
      await coordinator.locator('.sj-change[data-member-name="ალისა"]').first().waitFor({ timeout: 20_000 });
      expect(await coordinator.locator('.sj-change[data-member-name="ალისა"]').first().innerText()).toContain('სოფელში დაწერილი');

      // Loading it again: nothing new, said so.
      await coordinator.locator('[data-action="update-files"]').click();
      await coordinator.locator('input[data-input="changes-file"]').setInputFiles(file);
      await waitFor(async () => (await outcome.innerText().catch(() => '')).includes('ახალი არაფერია'), 'the second load says nothing was new');
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
