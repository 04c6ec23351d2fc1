import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openAsMember, useBrowser, openSideTab } from '../helpers/browser';
import { removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';
import { caller, walk, WITHOUT_CONSULTATION } from '../helpers/workflowHelpers';

const browser = useBrowser();
const rendererDir = join(ROOT, 'dist', 'renderer');

describe('amending an act in force in the browser (issue 13, §4)', () => {
  test('"Start a revision" on an act in force opens the revision, linked to the act and numbered as it; the act lists its editions', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    const token = server.workspace.ownerToken;
    const call = caller(server, token);
    try {
      const created = await call('POST', '/api/documents', { templateId: 'code-of-ethics', language: 'ka', municipality: 'bagdati', values: {} });
      const actId: string = created.body.id;
      await walk(call, actId, WITHOUT_CONSULTATION);

      const page = await openAsMember(browser(), `${server.url}/documents/${actId}#token=${token}`, 'Nino');
      await page.getByRole('button', { name: 'English' }).click();
      // The tab is remembered: the revision opened below shows its Stage tab too.
      await openSideTab(page, 'stage');
      const editions = page.locator('[data-panel="editions"]');
      await editions.locator('[data-edition="1"]').waitFor({ timeout: 20_000 });
      expect(await editions.locator('[data-edition="1"]').innerText()).toContain('Edition 1');
      await editions.screenshot({ path: '/tmp/amend-act-in-force.png' });

      await editions.locator('[data-action="start-revision"]').click();
      await page.waitForURL(/\/documents\/doc-/u, { timeout: 20_000 });
      await waitFor(() => !page.url().includes(actId), 'the page to open the revision');
      const revisionId = page.url().match(/documents\/(doc-[a-z0-9-]+)/u)?.[1] ?? '';
      const revision = page.locator('[data-panel="revision"]');
      await revision.waitFor({ timeout: 20_000 });
      expect(await revision.locator('[data-field="revision-of"]').innerText()).toContain('Revision of the act in force:');
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      expect((await call('GET', `/api/documents/${revisionId}`)).status).toBe(200);

      // The amending act is empty of changes yet; its text is shown on demand.
      await revision.getByRole('button', { name: 'The amending act' }).click();
      const amending = revision.locator('[data-field="amending-act"]');
      await amending.waitFor();
      expect(await amending.innerText()).toContain('ცვლილების შეტანის შესახებ');
      await revision.screenshot({ path: '/tmp/amend-revision.png' });

      // The link goes back to the act, whose panel now lists the open revision instead of the start button.
      await revision.getByRole('link').first().click();
      await page.locator('[data-panel="editions"]').waitFor({ timeout: 20_000 });
      await page.getByRole('link', { name: /^ცვლილება: /u }).waitFor();
      expect(await page.locator('[data-action="start-revision"]').count()).toBe(0);
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  }, 120_000);
});
