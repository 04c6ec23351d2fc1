import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { $createTextNode, $getRoot } from 'lexical';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { $createArticleNode, $createClauseNode, $isArticleNode } from '../../shared/nodes';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { openAsMember, useBrowser, openSideTab } from '../helpers/browser';
import { $buildArticles, $textNodeWith, addMember } from '../helpers/reviewHelpers';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

const browser = useBrowser();
const rendererDir = join(ROOT, 'dist', 'renderer');

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A fresh act with three articles, written by the owner's headless client, as version 1 will hold it. */
async function actWithThreeArticles(server: Server, owner: string): Promise<string> {
  const docId: string = (await api(server, owner, 'POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka', municipality: 'ვანი' })).body.id;
  const seeder = await connectClient(server.url, docId, owner);
  seeder.edit(() =>
    $buildArticles([
      { heading: 'ზოგადი დებულებები', paragraphs: ['ეს კოდექსი ადგენს საჯარო მოსამსახურეთა ქცევის წესებს.'] },
      { heading: 'საჩუქრები', paragraphs: ['საჩუქრის მიღება აკრძალულია.'] },
      { heading: 'ვადები', paragraphs: ['განცხადება განიხილება 30 დღის ვადაში.'] },
    ]),
  );
  await waitFor(async () => (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body.includes('30 დღის'), 'the articles reach the server');
  seeder.destroy();
  return docId;
}

/** Nino's edits from her own (headless) client: a new article after the first, and 30 → 15 days. */
async function ninoEdits(client: LexicalClient): Promise<void> {
  client.edit(() => {
    const first = $getRoot().getChildren().find($isArticleNode)!;
    // Insert the new article after the first article's paragraph.
    const paragraph = first.getNextSibling()!;
    const clause = $createClauseNode(0).append($createTextNode('მოხელე აცხადებს ინტერესთა კონფლიქტს.'));
    paragraph.insertAfter(clause);
    paragraph.insertAfter($createArticleNode().append($createTextNode('ინტერესთა კონფლიქტი')));
    const { node, offset } = $textNodeWith('30 დღის');
    node.spliceText(offset, 2, '15', false);
  });
}

/** The heading text of the article the browser's cursor is in. */
const cursorArticle = (page: Page) =>
  page.evaluate(() => {
    const anchor = window.getSelection()?.anchorNode ?? null;
    let element = (anchor instanceof Element ? anchor : (anchor?.parentElement ?? null))?.closest('.sj-editor > *') ?? null;
    while (element && !element.classList.contains('sj-article')) element = element.previousElementSibling;
    return element?.textContent ?? null;
  });

describe('who changed what, in the browser', () => {
  test('the changes since a version show per article who added and removed what; the outline steps between changed articles; compare names the authors and exports tracked changes', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    let nino: LexicalClient | undefined;
    try {
      const owner = server.workspace.ownerToken;
      // The name given at the prompt is the owner's name in every record (issue 15).
      const ownerName = 'გიორგი';
      const ninoToken = await addMember(server, owner, 'ნინო ბერიძე', 'drafter');
      const docId = await actWithThreeArticles(server, owner);
      const version = await api(server, owner, 'POST', `/api/documents/${docId}/versions`, { name: 'პროექტი 1' });
      expect(version.status).toBe(201);

      // After the version, Nino (headless) adds an article and shortens a deadline; the owner types in the browser.
      nino = await connectClient(server.url, docId, ninoToken);
      await ninoEdits(nino);
      const page = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${owner}`, 'გიორგი');
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      await page.locator('.sj-editor .sj-clause', { hasText: '15 დღის' }).waitFor({ timeout: 20_000 });
      await page.locator('.sj-editor .sj-clause', { hasText: 'საჩუქრის მიღება' }).click();
      await page.keyboard.press('End');
      await page.keyboard.type(' ფულადი ჯილდოს ჩათვლით');
      await waitFor(async () => (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body.includes('ჯილდოს ჩათვლით'), "the owner's typing reaches the server");

      // The changes view, based on version 1, in the Versions tab.
      await openSideTab(page, 'versions');
      await page.locator('[data-field="changes-base"]').selectOption(version.body.id);
      await page.locator('[data-action="show-changes"]').click();
      const group = (label: string) => page.locator(`.sj-change-group[data-label="${label}"]`);
      await group('მუხლი 4').waitFor({ timeout: 10_000 });
      const authorsIn = (label: string) => group(label).locator('.sj-change').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-kind')}:${li.getAttribute('data-member-name')}`));
      expect(await authorsIn('მუხლი 2')).toEqual(expect.arrayContaining(['insert:ნინო ბერიძე']));
      expect(new Set((await authorsIn('მუხლი 2')).map((a) => a.split(':')[1]))).toEqual(new Set(['ნინო ბერიძე']));
      expect(new Set(await authorsIn('მუხლი 3'))).toEqual(new Set([`insert:${ownerName}`]));
      expect(await group('მუხლი 3').locator('ins').allInnerTexts()).toContain(' ფულადი ჯილდოს ჩათვლით');
      expect(new Set(await authorsIn('მუხლი 4'))).toEqual(new Set(['delete:ნინო ბერიძე', 'insert:ნინო ბერიძე']));
      expect(await group('მუხლი 4').locator('del').allInnerTexts()).toEqual(['30']);
      expect(await group('მუხლი 4').locator('ins').allInnerTexts()).toEqual(['15']);
      expect(await group('მუხლი 1').count()).toBe(0);
      expect(await page.locator('[data-field="changes-summary"]').innerText()).toMatch(/2 წევრის მიერ/);

      // Badges: in the outline, and in the page's margin beside each changed article's heading.
      await openSideTab(page, 'outline');
      const changedOutline = await page.locator('.sj-outline li.sj-outline-changed').allInnerTexts();
      expect(changedOutline).toHaveLength(3);
      expect(changedOutline.join('|')).not.toContain('ზოგადი');
      expect(await page.locator('.sj-change-badge').count()).toBe(3);
      const badgeBeside = await page.evaluate(() => {
        const badge = document.querySelector<HTMLElement>('.sj-change-badge:nth-child(3)')!;
        const heading = Array.from(document.querySelectorAll<HTMLElement>('.sj-editor .sj-article')).find((h) => h.textContent?.includes('ვადები'))!;
        return Math.abs(badge.getBoundingClientRect().top - heading.getBoundingClientRect().top) < 12 && badge.getBoundingClientRect().right <= heading.getBoundingClientRect().left;
      });
      expect(badgeBeside).toBe(true);

      // From article 1, the outline's "next changed article" jumps to article 2, then 3; the shortcuts go on
      // to 4 and back to 3.
      await page.locator('.sj-editor .sj-article', { hasText: 'ზოგადი დებულებები' }).click();
      await page.locator('[data-action="next-change"]').click();
      await expect.poll(() => cursorArticle(page)).toContain('ინტერესთა კონფლიქტი');
      await page.locator('[data-action="next-change"]').click();
      await expect.poll(() => cursorArticle(page)).toContain('საჩუქრები');
      const textBefore = await page.locator('.sj-editor').innerText();
      await page.keyboard.press('Alt+Shift+N');
      await expect.poll(() => cursorArticle(page)).toContain('ვადები');
      expect(await page.locator('[data-field="change-steps"] [role="status"]').innerText()).toContain('3 / 3');
      await page.keyboard.press('Alt+Shift+B');
      await expect.poll(() => cursorArticle(page)).toContain('საჩუქრები');
      // The shortcut only moved the cursor: it typed nothing into the act.
      expect(await page.locator('.sj-editor').innerText()).toBe(textBefore);
      await page.screenshot({ path: '/tmp/changes-view.png' });
      await openSideTab(page, 'versions');
      await page.locator('.sj-changes-panel').screenshot({ path: '/tmp/changes-panel.png' });

      // Compare with now: article 3 → 4 is both renumbered and changed, and Nino's name is on its change.
      await page.locator(`li[data-version-id="${version.body.id}"] [data-action="compare-with-now"]`).click();
      const dialog = page.locator('[data-dialog="diff"]');
      const deadline = dialog.locator('.sj-diff-article', { hasText: 'ვადები' });
      await deadline.waitFor({ timeout: 10_000 });
      expect(await deadline.locator('.sj-status').allInnerTexts()).toEqual(['შეცვლილი', 'გადანომრილი']);
      expect(await deadline.locator('h4').innerText()).toContain('მუხლი 3 → მუხლი 4');
      expect(await deadline.locator('[data-field="authors"]').innerText()).toContain('ნინო ბერიძე');
      expect(await deadline.locator('del[data-authors]').first().getAttribute('data-authors')).toBe('ნინო ბერიძე');
      const gifts = dialog.locator('.sj-diff-article', { hasText: 'საჩუქრები' });
      expect(await gifts.locator('[data-field="authors"]').innerText()).toContain(ownerName);
      await page.screenshot({ path: '/tmp/changes-compare.png' });

      // "Export as Word tracked changes" downloads the comparison as a .docx.
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-action="export-tracked"]').click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(bytes.length).toBeGreaterThan(1000);
    } finally {
      nino?.destroy();
      await server.stop();
      removeDir(dataDir);
    }
  });

  test("an act opened after others changed it offers their changes since the member's last visit", async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    let nino: LexicalClient | undefined;
    try {
      const owner = server.workspace.ownerToken;
      const ownerId: string = (await api(server, owner, 'GET', '/api/me')).body.id;
      const ninoToken = await addMember(server, owner, 'ნინო ბერიძე', 'drafter');
      const docId = await actWithThreeArticles(server, owner);
      const url = `${server.url}/documents/${docId}#token=${owner}`;
      const page = await openAsMember(browser(), url, 'გიორგი');
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      // No visit yet: nothing is offered ("since your last visit" would be untrue).
      expect(await page.locator('[data-banner="changes-offer"]').count()).toBe(0);

      // The member leaves the act; the page records the visit as it goes.
      await page.goto('about:blank');
      await waitFor(() => server.workspace.attribution.lastVisit(docId, ownerId) !== null, 'the visit is recorded as the page leaves');

      // Meanwhile Nino edits; the member comes back and is offered her changes.
      nino = await connectClient(server.url, docId, ninoToken);
      await ninoEdits(nino);
      await waitFor(async () => (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body.includes('15 დღის'), "Nino's edits reach the server");
      await page.goto(url);
      const offer = page.locator('[data-banner="changes-offer"]');
      await offer.waitFor({ timeout: 20_000 });
      expect(await offer.innerText()).toMatch(/ცვლილება 1 წევრის მიერ/);
      expect(await offer.innerText()).toContain('ნინო ბერიძე');
      await page.screenshot({ path: '/tmp/changes-offer.png' });

      // Showing the offered changes opens the Versions tab, where the changes panel is.
      await offer.locator('[data-action="show-offered-changes"]').click();
      await page.locator('[data-side-panel="versions"]').waitFor({ state: 'visible' });
      await page.locator('.sj-change-group[data-label="მუხლი 4"]').waitFor({ timeout: 10_000 });
      expect(await page.locator('[data-field="changes-base"]').inputValue()).toBe('lastVisit');
      expect(await page.locator('.sj-change-group[data-label="მუხლი 2"] .sj-change').first().getAttribute('data-member-name')).toBe('ნინო ბერიძე');
      // A last visit is no version: the tracked-changes export says to pick one.
      expect(await page.locator('.sj-changes-panel [data-action="export-tracked"]').isDisabled()).toBe(true);

      // "Mark all as seen" makes the text now the last visit: nothing is left to show.
      await page.locator('[data-action="mark-seen"]').click();
      await page.locator('[data-field="changes-summary"]', { hasText: 'ცვლილებები არ არის' }).waitFor({ timeout: 10_000 });
      expect(await page.locator('.sj-change-badge').count()).toBe(0);
    } finally {
      nino?.destroy();
      await server.stop();
      removeDir(dataDir);
    }
  });
});
