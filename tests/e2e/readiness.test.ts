import { join } from 'node:path';
import { $createTextNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import { connectClient } from '../helpers/lexicalClient';
import { openAsMember, useBrowser, openSideTab } from '../helpers/browser';
import { $buildArticles, $textNodeWith } from '../helpers/reviewHelpers';
import { makeReady } from '../helpers/readinessHelpers';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';
import { approveAllArticles, caller } from '../helpers/workflowHelpers';

const browser = useBrowser();
const rendererDir = join(ROOT, 'dist', 'renderer');

describe('readiness in the browser (issue 13, §1)', () => {
  test('the readiness list shows a problem, a click jumps to its article, and it goes away as the text is written', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    try {
      const owner = server.workspace.ownerToken;
      const docId: string = (await api(server, owner, 'POST', '/api/documents', { title: 'ეთიკის კოდექსის შესახებ', language: 'ka', municipality: 'vani' })).body.id;
      // A long act whose 25th article has an empty paragraph, far below the first screen.
      const articles = Array.from({ length: 30 }, (_, i) => ({
        heading: i === 24 ? 'საჩუქრების რეესტრი' : `დებულება ${i + 1}`,
        paragraphs: [i === 24 ? 'PLACEHOLDER-EMPTY' : `მუხლის ტექსტი ${i + 1}: საჯარო მოსამსახურე მოქმედებს კეთილსინდისიერად.`],
      }));
      const seeder = await connectClient(server.url, docId, owner);
      seeder.edit(() => {
        $buildArticles(articles);
        $textNodeWith('PLACEHOLDER-EMPTY').node.setTextContent('');
      });
      await waitFor(async () => (await api(server, owner, 'GET', `/api/documents/${docId}/readiness`)).body.problems.some((p: { code: string }) => p.code === 'empty_article'), 'the server sees the empty article');

      const page = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${owner}`, 'გიორგი');
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      await openSideTab(page, 'stage');
      const problem = page.locator('.sj-readiness-list li[data-code="empty_article"]');
      await problem.waitFor({ timeout: 20_000 });
      expect(await problem.innerText()).toContain('მუხლი 25 ცარიელია');
      expect(await problem.locator('.sj-badge').innerText()).toBe('ბლოკირებადი');

      const heading = page.locator('.sj-editor [data-lexical-text="true"]', { hasText: 'საჩუქრების რეესტრი' });
      const inView = () => heading.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      expect(await inView()).toBe(false);
      await problem.locator('button').click();
      await expect.poll(inView, { timeout: 5_000 }).toBe(true);
      // The caret is in that article now, so typing goes there.
      expect(await page.evaluate(() => window.getSelection()?.anchorNode?.textContent ?? '')).toContain('საჩუქრების რეესტრი');
      await page.screenshot({ path: '/tmp/readiness-list.png' });

      // Another member writes the paragraph: the list follows, without a reload.
      seeder.edit(() => {
        const empty = $textNodeWith('საჩუქრების რეესტრი').node.getParentOrThrow().getNextSibling();
        (empty as unknown as { append(n: unknown): void }).append($createTextNode('საჩუქრები აღირიცხება რეესტრში.'));
      });
      await problem.waitFor({ state: 'detached', timeout: 15_000 });
      seeder.destroy();
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });

  test('with only warnings left, the coordinator moves the act on in the dialog with a reason that the audit keeps', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    try {
      const owner = server.workspace.ownerToken;
      const call = caller(server, owner);
      const docId: string = (await call('POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka', municipality: 'vani' })).body.id;
      for (const to of ['consolidation', 'legal_review']) expect((await call('POST', `/api/documents/${docId}/transitions`, { to })).status).toBe(200);
      await makeReady(call, docId);
      await approveAllArticles(call, docId);
      // One open suggestion: a warning, which the coordinator may pass with a reason.
      const model = (await call('GET', `/api/documents/${docId}/model`)).body;
      expect((await call('POST', `/api/documents/${docId}/suggestions`, { target: { blockKey: 'title:0', quote: '', offset: 0 }, text: 'ვანის ' })).status).toBe(201);
      const report = (await call('GET', `/api/documents/${docId}/readiness`)).body;
      expect(report.problems.map((p: { severity: string }) => p.severity)).toEqual(['warning']);
      expect(model.title).toBeTruthy();

      const page = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${owner}`, 'გიორგი');
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      await openSideTab(page, 'stage');
      await page.locator('button[data-transition="commission"]').click();
      await page.locator('button[data-action="confirm-transition"]').click();
      const override = page.locator('[data-part="override-warnings"]');
      await override.waitFor({ timeout: 10_000 });
      expect(await override.innerText()).toMatch(/[ა-ჰ]/);
      await page.locator('textarea[name="overrideReason"]').fill('შეთავაზებას კომისია განიხილავს');
      await page.screenshot({ path: '/tmp/readiness-override.png' });
      await page.locator('button[data-action="confirm-transition"]').click();
      await waitFor(async () => (await call('GET', `/api/documents/${docId}/stages`)).body.current === 'commission', 'the act moves to the commission');
      const entries = (await call('GET', `/api/audit?docId=${docId}&limit=1000`)).body.entries as Array<{ action: string; payload: { reason?: string } }>;
      expect(entries.find((e) => e.action === 'readiness.warnings_overridden')?.payload.reason).toBe('შეთავაზებას კომისია განიხილავს');
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
