import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';
import { useBrowser, openAsMember } from '../helpers/browser';

const browser = useBrowser();

/** The visible labels of article headings, in order. */
const articleLabels = (page: Page) =>
  page
    .locator('.sj-article .sj-num')
    .allInnerTexts()
    .then((l) => l.map((s) => s.trim()));
/** The visible text of every cross-reference. */
const references = (page: Page) => page.locator('.sj-xref').allInnerTexts();

describe('structure and numbering in two browsers', () => {
  test('a new article in the middle renumbers the articles and the cross-references in both clients', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir: join(ROOT, 'dist', 'renderer') });
    const token = server.workspace.ownerToken;
    try {
      // Create the act through the UI, from a template, as a coordinator would.
      const alice = await openAsMember(browser(), `${server.url}/#token=${token}`, 'ალისა');
      await alice.locator('[data-action="new-document"]').click();
      await alice.locator('input[name="template"][value="anti-corruption-action-plan"]').check();
      await alice.locator('select[name="municipality"]').selectOption('tsageri');
      await alice.locator('[data-action="create-document"]').click();
      await alice.waitForURL(/\/documents\/doc-/);
      const docId = alice.url().split('/documents/')[1]!.split(/[?#]/)[0]!;
      await alice.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      const bob = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${token}`, 'ბექა');
      await bob.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });

      for (const page of [alice, bob]) {
        await waitFor(async () => (await articleLabels(page)).length === 4, 'four articles shown');
        expect(await articleLabels(page)).toEqual(['მუხლი 1.', 'მუხლი 2.', 'მუხლი 3.', 'მუხლი 4.']);
      }
      // Article 3 refers to Article 2(2) (the coordinator); Article 2 refers to Article 1.
      const before = await references(bob);
      expect(before).toEqual(expect.arrayContaining(['პირველი მუხლი', 'მე-2 მუხლის მე-2 პუნქტი']));

      // Alice puts the cursor in Article 1 and inserts a new article after it (Alt+Shift+A).
      await alice.locator('.sj-article').first().click();
      await alice.keyboard.press('Alt+Shift+KeyA');
      await alice.keyboard.type('ახალი მუხლი');

      for (const page of [alice, bob]) {
        await waitFor(async () => (await articleLabels(page)).length === 5, 'five articles in both clients');
        expect(await articleLabels(page)).toEqual([
          'მუხლი 1.',
          'მუხლი 2.',
          'მუხლი 3.',
          'მუხლი 4.',
          'მუხლი 5.',
        ]);
        await waitFor(
          async () => (await references(page)).includes('მე-3 მუხლის მე-2 პუნქტი'),
          'the reference follows its target',
        );
        expect(await references(page)).toContain('პირველი მუხლი');
      }
      await expect(
        bob.locator('.sj-article', { hasText: 'ახალი მუხლი' }).locator('.sj-num').innerText(),
      ).resolves.toContain('მუხლი 2.');

      // The server derives the same numbers.
      const text: string = (await api(server, token, 'GET', `/api/documents/${docId}/text`)).body;
      expect(text).toMatch(/^მუხლი 2\. ახალი მუხლი$/m);
      expect(text).toContain('მე-3 მუხლის მე-2 პუნქტი');

      // A screenshot of the act as a lawyer sees it (kept for the closing note; looked at by hand).
      await bob.screenshot({ path: join(ROOT, 'test-results', 'georgian-act-in-editor.png') });
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
