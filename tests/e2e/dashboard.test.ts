import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser, openAsMember, openSideTab } from '../helpers/browser';
import { removeDir, ROOT, startTestServer, tempDataDir } from '../helpers/testServer';
import { caller, walk, WITHOUT_CONSULTATION } from '../helpers/workflowHelpers';

const browser = useBrowser();

const rendererDir = join(ROOT, 'dist', 'renderer');
/** The promise: a stage change shows in every other open client within 2 seconds. */
const LIVE_MS = 2000;

/** Marks the page, so a later check can tell that it was never reloaded. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { sajaroNoReload: true }));
}

async function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { sajaroNoReload?: boolean }).sajaroNoReload === true);
}

describe('coordinator dashboard in the browser', () => {
  test('a stage change made in one context appears on the dashboard of another without reload; the adopted act turns read-only', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    const token = server.workspace.ownerToken;
    const call = caller(server, token);
    try {
      const docId: string = (
        await call('POST', '/api/documents', {
          title: 'ეთიკის კოდექსი',
          language: 'ka',
          municipality: 'vani',
        })
      ).body.id;
      const otherId: string = (
        await call('POST', '/api/documents', {
          title: 'Hotline rules',
          language: 'en',
          municipality: 'khoni',
        })
      ).body.id;

      // B watches the dashboard in English.
      const dashboard = await openAsMember(browser(), `${server.url}/dashboard#token=${token}`, 'Nino');
      await dashboard.getByRole('button', { name: 'English' }).click();
      const row = dashboard.locator(`tbody[data-doc-id="${docId}"]`);
      await row.locator('td[data-stage="drafting"]').waitFor({ timeout: 20_000 });
      expect(await row.locator('td[data-field="stage"]').innerText()).toBe('Drafting');
      await dashboard.locator(`tbody[data-doc-id="${otherId}"]`).waitFor();
      await markPage(dashboard);

      // A, in another context, moves the act from its stage panel.
      const act = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${token}`, 'Giorgi');
      await act.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      await openSideTab(act, 'stage');
      await act.locator('.sj-stage-panel [data-transition="consolidation"]').click();
      await act
        .locator('[data-dialog="transition"] textarea[name="note"]')
        .fill('Ready for the working group');
      await act.locator('[data-action="confirm-transition"]').click();
      await act.locator('.sj-stage-panel[data-stage="consolidation"]').waitFor({ timeout: 10_000 });

      await row.locator('td[data-stage="consolidation"]').waitFor({ timeout: LIVE_MS });
      expect(await row.locator('td[data-field="stage"]').innerText()).toBe('Working-group consolidation');
      // The timeline picture gained the stage, with its date.
      expect(await row.locator('.sj-timeline .sj-chip-current').getAttribute('data-stage')).toBe(
        'consolidation',
      );
      expect(await row.locator('.sj-chip-done[data-stage="drafting"]').count()).toBe(1);
      expect(await stillSamePage(dashboard)).toBe(true);

      // A move made through the API reaches both open clients, the act page too.
      await walk(call, docId, [{ to: 'legal_review' }]);
      await row.locator('td[data-stage="legal_review"]').waitFor({ timeout: LIVE_MS });
      await act.locator('.sj-stage-panel[data-stage="legal_review"]').waitFor({ timeout: LIVE_MS });

      // Adoption locks the text: the open act page turns read-only and says why, without a reload.
      await markPage(act);
      await walk(call, docId, WITHOUT_CONSULTATION.slice(2, 5));
      await act.locator('.sj-lock-banner').waitFor({ timeout: LIVE_MS });
      expect(await act.locator('.sj-lock-banner').innerText()).toContain('№ 12');
      expect(await act.locator('.sj-editor').getAttribute('contenteditable')).toBe('false');
      expect(await stillSamePage(act)).toBe(true);
      await row.locator('td[data-stage="signature"]').waitFor({ timeout: LIVE_MS });
      expect(await row.locator('.sj-badge-locked').count()).toBe(1);

      // Entering publication starts the registration deadline, shown on the dashboard.
      await walk(call, docId, WITHOUT_CONSULTATION.slice(5, 6));
      await row.locator('td[data-stage="publication"]').waitFor({ timeout: LIVE_MS });
      expect(await row.locator('td[data-field="due"]').innerText()).toContain(
        'registration in the Legislative Herald',
      );

      // The filters narrow the table; the other act is still in drafting.
      await dashboard.locator('select[data-filter="stage"]').selectOption('drafting');
      await dashboard.locator(`tbody[data-doc-id="${docId}"]`).waitFor({ state: 'detached' });
      await dashboard.locator(`tbody[data-doc-id="${otherId}"]`).waitFor();
      await dashboard.locator('select[data-filter="stage"]').selectOption('');
      await dashboard.locator('select[data-filter="municipality"]').selectOption('vani');
      await dashboard.locator(`tbody[data-doc-id="${otherId}"]`).waitFor({ state: 'detached' });
      await row.waitFor();
      expect(await stillSamePage(dashboard)).toBe(true);

      // And in Georgian.
      await dashboard.getByRole('button', { name: 'ქართული' }).click();
      await dashboard.getByRole('heading', { name: 'სად დგას თითოეული აქტი' }).waitFor();
      expect(await row.locator('td[data-field="stage"]').innerText()).toBe('გამოსაქვეყნებლად წარდგენილი');
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
