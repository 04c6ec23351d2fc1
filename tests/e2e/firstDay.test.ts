import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser, openSideTab } from '../helpers/browser';
import { removeDir, ROOT, startTestServer, tempDataDir } from '../helpers/testServer';
import { addDays } from '../../shared/workflow/calendar';
import { caller, TODAY, walk } from '../helpers/workflowHelpers';

const browser = useBrowser();

// Anything on a screen that looks like a date, in any of the forms that appeared before issue 15: "2 დეკ
// 2026", "2026 M12 2", "12/2/2026", "2026-12-02", and the two forms the app writes now.
const DATE_LIKE =
  /\d{1,2}\.\d{1,2}\.\d{4}(?:, \d{1,2}:\d{2})?|\d{4} წლის \d{1,2} [ა-ჰ]+|\d{1,2} (?:იან|თებ|მარ|აპრ|მაი|ივნ|ივლ|აგვ|სექ|ოქტ|ნოე|დეკ)[ა-ჰ]* \d{4}|\d{4} M\d{1,2} \d{1,2}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2}/g;
// The one short form (lists and history) and the glossary's long form (the dates of the law).
const SHORT = /^\d{2}\.\d{2}\.\d{4}(?:, \d{2}:\d{2})?$/;
const LONG = /^\d{4} წლის \d{1,2} (?:იანვარი|თებერვალი|მარტი|აპრილი|მაისი|ივნისი|ივლისი|აგვისტო|სექტემბერი|ოქტომბერი|ნოემბერი|დეკემბერი)$/;

async function datesOn(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).innerText()).match(DATE_LIKE) ?? [];
}

const dayMonthYear = (iso: string) => iso.split('-').reverse().join('.');

describe('the first day of a municipal lawyer, in Georgian (issue 15)', () => {
  test('the name given at the prompt is the member name in the stage history; a refused move speaks only Georgian; one date format', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir: join(ROOT, 'dist', 'renderer') });
    const token = server.workspace.ownerToken;
    const call = caller(server, token);
    try {
      const docId = (await call('POST', '/api/documents', { templateId: 'code-of-ethics', language: 'ka', municipality: 'terjola', values: {} })).body.id;
      // Moves made before the owner has given a name: the history shows the name given later.
      await walk(call, docId, [{ to: 'consolidation' }, { to: 'legal_review' }]);

      // A fresh browser: no name on this computer, so the first prompt asks for it.
      const context = await browser().newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
      await page.goto(`${server.url}/#token=${token}`);
      const prompt = page.locator('[data-dialog="name"]');
      await prompt.waitFor({ timeout: 20_000 });
      await prompt.getByLabel('სახელი და გვარი').fill('ნინო ბერიძე');
      await prompt.locator('button[type="submit"]').click();
      await prompt.waitFor({ state: 'detached', timeout: 10_000 });
      await expect.poll(async () => (await call('GET', '/api/me')).body.name, { timeout: 10_000 }).toBe('ნინო ბერიძე');

      // The list: every date in one form.
      await page.locator(`a[href="/documents/${docId}"]`).first().waitFor({ timeout: 10_000 });
      const listDates = await datesOn(page, 'main.sj-list');
      expect(listDates.length).toBeGreaterThan(0);
      for (const date of listDates) expect(date, `list: ${date}`).toMatch(SHORT);

      await page.goto(`${server.url}/documents/${docId}`);
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      await openSideTab(page, 'stage');
      const history = page.locator('.sj-stage-history');
      await history.waitFor();
      // Every entry the owner made, before and after naming themself, carries the name given at the prompt.
      await expect.poll(() => history.innerText(), { timeout: 10_000 }).toContain('ნინო ბერიძე');
      expect(await history.innerText()).not.toContain('Owner');

      // Forward to the public consultation with its last day typed day.month.year, refused: articles unapproved.
      await page.locator('.sj-stage-panel [data-transition="public_consultation"]').click();
      const dialog = page.locator('[data-dialog="transition"]');
      const endDate = dialog.locator('input[name="consultationEndDate"]');
      expect(await endDate.getAttribute('placeholder')).toBe('დდ.თთ.წწწწ');
      await endDate.fill(dayMonthYear(addDays(TODAY, 14)));
      await page.locator('[data-action="confirm-transition"]').click();
      const refusal = dialog.locator('.sj-error[role="alert"]');
      await refusal.waitFor({ timeout: 10_000 });
      const message = await refusal.innerText();
      await page.screenshot({ path: '/tmp/first-day-refused.png' });
      expect(message).toContain('მუხლი 1');
      expect(message, message).not.toMatch(/[A-Za-z]/);
      expect((await call('GET', `/api/documents/${docId}/stages`)).body.current).toBe('legal_review');
      await dialog.locator('button[type="button"]').last().click();
      await dialog.waitFor({ state: 'detached' });

      // A move that is allowed: back to the drafters. Its entry names the member, with a short date-time.
      await page.locator('.sj-stage-panel [data-transition="drafting"]').click();
      await dialog.locator('textarea[name="note"]').fill('იურისტების შენიშვნები გასათვალისწინებელია');
      await page.locator('[data-action="confirm-transition"]').click();
      await page.locator('.sj-stage-panel[data-stage="drafting"]').waitFor({ timeout: 10_000 });
      const newest = history.locator('li').first();
      await expect.poll(() => newest.innerText(), { timeout: 10_000 }).toContain('ნინო ბერიძე');

      // The act page: the stage tab and the versions tab show every date in the same forms.
      const stageDates = await datesOn(page, '.sj-stage-panel');
      expect(stageDates.length).toBeGreaterThanOrEqual(3);
      for (const date of stageDates) expect(date, `stage: ${date}`).toMatch(SHORT);
      await openSideTab(page, 'versions');
      const pageDates = await datesOn(page, '.sj-app');
      for (const date of pageDates) expect(date, `act page: ${date}`).toSatisfy((d: string) => SHORT.test(d) || LONG.test(d));
      await page.screenshot({ path: '/tmp/first-day-act.png' });
      await context.close();
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  }, 180_000);
});
