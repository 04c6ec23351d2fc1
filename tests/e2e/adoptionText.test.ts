import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatActDate } from '../../shared/lang/dates';
import { openAsMember, useBrowser, openSideTab } from '../helpers/browser';
import { removeDir, ROOT, startTestServer, tempDataDir } from '../helpers/testServer';
import { caller, TODAY, walk, WITHOUT_CONSULTATION } from '../helpers/workflowHelpers';

const browser = useBrowser();

describe('the adoption data in the editor (issue 13 §2)', () => {
  test("the coordinator records the vote and the signature in the dialogs, and the act's own header and signature show them live", async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir: join(ROOT, 'dist', 'renderer') });
    const token = server.workspace.ownerToken;
    const call = caller(server, token);
    try {
      // An earlier act was signed by the chairperson, so the signature step offers that name.
      const earlier = (await call('POST', '/api/documents', { title: 'ცხელი ხაზის შესახებ', language: 'ka', municipality: 'terjola' })).body.id;
      await walk(call, earlier, [...WITHOUT_CONSULTATION.slice(0, 5), { to: 'publication', data: { signingDate: TODAY, signatoryName: 'ნინო ბერიძე' } }]);
      const docId = (await call('POST', '/api/documents', { templateId: 'code-of-ethics', language: 'ka', municipality: 'terjola', values: {} })).body.id;
      await walk(call, docId, WITHOUT_CONSULTATION.slice(0, 4));

      const page = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${token}`, 'გიორგი');
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      expect((await page.locator('.sj-part-number').innerText()).trim()).toBe('№ ______');

      await openSideTab(page, 'stage');
      await page.locator('.sj-stage-panel [data-transition="signature"]').click();
      const dialog = page.locator('[data-dialog="transition"]');
      await dialog.locator('input[name="actNumber"]').fill('27');
      await dialog.locator('input[name="votesFor"]').fill('11');
      await dialog.locator('input[name="votesAgainst"]').fill('2');
      await dialog.locator('input[name="abstained"]').fill('0');
      await page.locator('[data-action="confirm-transition"]').click();
      await page.locator('.sj-stage-panel[data-stage="signature"]').waitFor({ timeout: 10_000 });

      // The header in the editor itself, not only the export, now says the number and the date.
      const date = formatActDate(TODAY, 'ka');
      await page.locator('.sj-part-number', { hasText: '№ 27' }).waitFor({ timeout: 10_000 });
      expect((await page.locator('.sj-part-date').innerText()).trim()).toBe(date);

      await page.locator('.sj-stage-panel [data-transition="publication"]').click();
      const name = dialog.locator('input[name="signatoryName"]');
      expect(await name.inputValue()).toBe('ნინო ბერიძე');
      await name.fill('თამარ ჯაფარიძე');
      await page.locator('[data-action="confirm-transition"]').click();
      await page.locator('.sj-part-signature', { hasText: 'საკრებულოს თავმჯდომარე თამარ ჯაფარიძე' }).waitFor({ timeout: 10_000 });
      await page.locator('.sj-part-signature', { hasText: `ხელმოწერის თარიღი: ${date}` }).waitFor({ timeout: 10_000 });
      await page.locator('.sj-part-number').scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/adoption-header.png' });
      await page.locator('.sj-part-signature').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/adoption-signature.png' });
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  }, 120_000);
});
