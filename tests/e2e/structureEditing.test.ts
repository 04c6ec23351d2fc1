import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';
import { editorText, launchBrowser, openAsMember } from '../helpers/browser';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestServer>>;
let dataDir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = tempDataDir();
  server = await startTestServer(dataDir, { rendererDir: join(ROOT, 'dist', 'renderer') });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  removeDir(dataDir);
});

const labels = (page: Page, selector: string) =>
  page
    .locator(`${selector} .sj-num`)
    .allInnerTexts()
    .then((l) => l.map((s) => s.trim()));

async function openAct(language: 'ka' | 'en', names: string[]): Promise<{ docId: string; pages: Page[] }> {
  const token = server.workspace.ownerToken;
  const docId: string = (
    await api(server, token, 'POST', '/api/documents', {
      templateId: 'hotline',
      language,
      municipality: 'lanchkhuti',
      values: {},
    })
  ).body.id;
  const pages: Page[] = [];
  for (const name of names) {
    const page = await openAsMember(browser, `${server.url}/documents/${docId}#token=${token}`, name);
    await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
    pages.push(page);
  }
  return { docId, pages };
}

describe('editing the structure of an act', () => {
  test('Tab and Shift+Tab move a paragraph between levels, and the letters follow', async () => {
    const { pages } = await openAct('en', ['Eka']);
    const page = pages[0]!;
    const article1Clauses = page.locator('.sj-clause');
    const before = await labels(page, '.sj-clause');
    expect(before.slice(0, 2)).toEqual(['1.', '2.']);
    // Put the cursor in paragraph 2 of Article 1 and indent it: it becomes point a) under paragraph 1.
    await article1Clauses.nth(1).click();
    await page.keyboard.press('Tab');
    await waitFor(async () => (await labels(page, '.sj-clause'))[1] === 'a)', 'paragraph 2 became point a)');
    await page.keyboard.press('Shift+Tab');
    await waitFor(async () => (await labels(page, '.sj-clause'))[1] === '2.', 'back to paragraph 2');
  });

  test('Alt+Shift+↓ moves an article with its paragraphs below the next one', async () => {
    const { docId, pages } = await openAct('en', ['Eka']);
    const page = pages[0]!;
    const headings = () => page.locator('.sj-article').allInnerTexts();
    const [first, second] = await headings();
    await page.locator('.sj-article').first().click();
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await waitFor(
      async () => (await headings())[1]?.includes(first!.replace(/^Article 1\.\s*/, '')) ?? false,
      'article 1 moved down',
    );
    const after = await headings();
    expect(after[0]).toBe(second!.replace('Article 2.', 'Article 1.'));
    const text: string = (
      await api(server, server.workspace.ownerToken, 'GET', `/api/documents/${docId}/text`)
    ).body;
    expect(text).toContain(after[0]!.replace(/\u00a0/g, ' '));
  });

  test('undo takes back only my own edits, not a colleague’s', async () => {
    const { pages } = await openAct('ka', ['ნინო', 'გიორგი']);
    const [nino, giorgi] = pages as [Page, Page];
    await nino.locator('.sj-clause').first().click();
    await nino.keyboard.press('End');
    await nino.keyboard.type(' ნინოს ჩანაწერი');
    await waitFor(async () => (await editorText(giorgi)).includes('ნინოს ჩანაწერი'), 'giorgi sees nino');
    await giorgi.locator('.sj-clause').nth(1).click();
    await giorgi.keyboard.press('End');
    await giorgi.keyboard.type(' გიორგის ჩანაწერი');
    await waitFor(async () => (await editorText(nino)).includes('გიორგის ჩანაწერი'), 'nino sees giorgi');
    // Nino undoes: her text goes, Giorgi's stays, in both clients.
    await nino.keyboard.press('Control+z');
    for (const page of [nino, giorgi]) {
      await waitFor(async () => !(await editorText(page)).includes('ნინოს ჩანაწერი'), 'nino’s edit undone');
      expect(await editorText(page)).toContain('გიორგის ჩანაწერი');
    }
  });
});
