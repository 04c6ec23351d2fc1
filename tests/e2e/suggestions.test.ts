import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { connectClient } from '../helpers/lexicalClient';
import { editorText, openAsMember, useBrowser } from '../helpers/browser';
import { $buildArticles, addMember } from '../helpers/reviewHelpers';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

const browser = useBrowser();
const rendererDir = join(ROOT, 'dist', 'renderer');

const ARTICLES = [
  { heading: 'მიზანი', paragraphs: ['ეს კოდექსი ადგენს საჯარო მოსამსახურეთა ქცევის წესებს.'] },
  { heading: 'საჩუქრები', paragraphs: ['საჩუქრის მიღება აკრძალულია.', 'საჩუქარი ფასდება საბაზრო ფასით.'] },
  { heading: 'ინტერესთა კონფლიქტი', paragraphs: ['მოსამსახურე აცხადებს კონფლიქტს წერილობით.'] },
];

/** Puts the caret right after the first occurrence of a text in the act, as a click there would. */
async function caretAfter(page: Page, needle: string): Promise<void> {
  await page.locator('.sj-editor').click();
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector('.sj-editor')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      window.getSelection()!.collapse(n, at + text.length);
      return;
    }
    throw new Error(`No text '${text}' in the act`);
  }, needle);
}

/** Selects the first occurrence of a text in the act. */
async function select(page: Page, needle: string): Promise<void> {
  await page.locator('.sj-editor').click();
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector('.sj-editor')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + text.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`No text '${text}' in the act`);
  }, needle);
}

/** The number the act shows in front of the paragraph that holds a text ("3."). */
const numberOf = (page: Page, text: string) => page.locator('.sj-editor .sj-clause', { hasText: text }).locator('.sj-num').innerText();
/** The redline covers each changed block exactly: as many copies as covered blocks, each at its block's place. */
async function ghostsAligned(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const real = Array.from(document.querySelectorAll('.sj-editor [data-sj-redline]')).map((e) => e.getBoundingClientRect());
    const ghosts = Array.from(document.querySelectorAll('.sj-redline-layer .sj-rl-ghost')).map((e) => e.getBoundingClientRect());
    return real.length > 0 && real.length === ghosts.length && real.every((r, i) => Math.abs(r.top - ghosts[i]!.top) < 1 && Math.abs(r.left - ghosts[i]!.left) < 1 && Math.abs(r.height - ghosts[i]!.height) < 1);
  });
}
const card = (page: Page, text: string) => page.locator('.sj-suggestion', { hasText: text });
const redline = (page: Page) => page.locator('.sj-redline-layer');

async function actWithMembers() {
  const dataDir = tempDataDir();
  let server = await startTestServer(dataDir, { rendererDir });
  const owner = server.workspace.ownerToken;
  const lawyer = await addMember(server, owner, 'ნინო იურისტი', 'reviewer');
  const docId: string = (await api(server, owner, 'POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka', municipality: 'ვანი' })).body.id;
  const seeder = await connectClient(server.url, docId, owner);
  seeder.edit(() => $buildArticles(ARTICLES));
  const text = async (): Promise<string> => (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body as string;
  const articleLabels = (page: Page) => page.locator('.sj-editor .sj-article .sj-num').allInnerTexts();
  void articleLabels;
  await waitFor(async () => (await text()).includes('აცხადებს კონფლიქტს'), 'the articles reach the server');
  seeder.destroy();
  const open = async (token: string, name: string): Promise<Page> => {
    const page = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${token}`, name);
    await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
    await page.locator('.sj-editor', { hasText: 'აცხადებს კონფლიქტს' }).waitFor({ timeout: 20_000 });
    return page;
  };
  const list = async (): Promise<any[]> => (await api(server, owner, 'GET', `/api/documents/${docId}/suggestions`)).body.suggestions;
  const restart = async (): Promise<void> => {
    const { port } = server;
    await server.stop();
    server = await startTestServer(dataDir, { rendererDir, port });
  };
  return {
    get server() {
      return server;
    },
    owner,
    lawyer,
    docId,
    text,
    open,
    list,
    restart,
    stopServer: () => server.stop(),
    startServer: async (port: number) => void (server = await startTestServer(dataDir, { rendererDir, port })),
    stop: async () => (await server.stop(), removeDir(dataDir)),
  };
}

describe('suggestions in the browser', () => {
  test('a reviewer suggests in one window; the drafter sees the redline live, accepts one (numbering follows in both) and rejects one with a reason', async () => {
    const act = await actWithMembers();
    try {
      const drafter = await act.open(act.owner, 'გიორგი');
      const reviewer = await act.open(act.lawyer, 'ნინო');

      // The reviewer is in suggesting mode, and cannot switch to editing.
      const mode = reviewer.locator('.sj-mode-toggle button[aria-pressed="true"]');
      expect(await mode.getAttribute('data-mode')).toBe('suggesting');
      expect(await mode.isDisabled()).toBe(true);
      expect(await drafter.locator('.sj-mode-toggle button[aria-pressed="true"]').getAttribute('data-mode')).toBe('editing');

      // A new paragraph after the first paragraph of article 2: Enter at its end, then typing.
      await caretAfter(reviewer, 'საჩუქრის მიღება აკრძალულია.');
      await reviewer.keyboard.press('Enter');
      await reviewer.keyboard.type('სიმბოლური საჩუქარი დასაშვებია.');
      // It shows at once in the reviewer's own redline, and nothing reaches the shared text.
      await redline(reviewer).locator('.sj-rl-ins', { hasText: 'სიმბოლური საჩუქარი' }).waitFor({ timeout: 5_000 });
      expect(await editorText(reviewer)).not.toContain('სიმბოლური');

      // A replacement in article 1: select a word and type over it.
      await select(reviewer, 'ქცევის');
      await reviewer.keyboard.type('ეთიკის');
      await redline(reviewer).locator('.sj-rl-del', { hasText: 'ქცევის' }).waitFor({ timeout: 5_000 });
      await reviewer.screenshot({ path: '/tmp/suggest-typing.png', clip: { x: 150, y: 540, width: 820, height: 220 } });
      // The caret is drawn where the member types: right after the text being inserted.
      const caret = await reviewer.evaluate(() => {
        const c = document.querySelector('.sj-rl-caret') as HTMLElement;
        const ins = Array.from(document.querySelectorAll('.sj-redline-layer .sj-rl-ins')).find((e) => e.textContent === 'ეთიკის')!;
        return { hidden: c.hidden, x: c.getBoundingClientRect().left, insRight: ins.getBoundingClientRect().right };
      });
      expect(caret.hidden).toBe(false);
      expect(Math.abs(caret.x - caret.insRight)).toBeLessThan(3);

      // Both reach the server once typing pauses, and the drafter's window shows them live.
      await waitFor(async () => (await act.list()).length === 2, 'both suggestions are on the server', 15_000);
      const stored = await act.list();
      expect(stored.map((s) => [s.quote, s.text, s.author.name, s.status]).sort()).toEqual([
        ['', '\nსიმბოლური საჩუქარი დასაშვებია.', 'ნინო იურისტი', 'open'],
        ['ქცევის', 'ეთიკის', 'ნინო იურისტი', 'open'],
      ]);
      await redline(drafter).locator('.sj-rl-ins', { hasText: 'სიმბოლური საჩუქარი დასაშვებია.' }).waitFor({ timeout: 10_000 });
      await redline(drafter).locator('.sj-rl-del', { hasText: 'ქცევის' }).waitFor({ timeout: 10_000 });
      await card(drafter, 'სიმბოლური საჩუქარი').waitFor({ timeout: 10_000 });
      expect(await card(drafter, 'სიმბოლური საჩუქარი').innerText()).toContain('ნინო იურისტი');
      expect(await act.text()).not.toContain('სიმბოლური');
      expect(await reviewer.locator('.sj-denied').count()).toBe(0);

      await drafter.screenshot({ path: '/tmp/suggest-redline-drafter.png' });
      await reviewer.screenshot({ path: '/tmp/suggest-redline-reviewer.png' });
      await drafter.locator('.sj-suggestions').screenshot({ path: '/tmp/suggest-list.png' });

      // Accepting the new paragraph puts it in the text of both windows; the paragraph after it becomes 3.
      expect(await numberOf(drafter, 'საჩუქარი ფასდება')).toMatch(/^2\./);
      await card(drafter, 'სიმბოლური საჩუქარი').locator('[data-action="accept"]').click();
      for (const page of [drafter, reviewer]) {
        await page.locator('.sj-editor .sj-clause', { hasText: 'სიმბოლური საჩუქარი დასაშვებია.' }).waitFor({ timeout: 10_000 });
        await expect.poll(() => numberOf(page, 'საჩუქარი ფასდება'), { timeout: 10_000 }).toMatch(/^3\./);
        expect(await numberOf(page, 'სიმბოლური საჩუქარი')).toMatch(/^2\./);
        await expect.poll(() => redline(page).locator('.sj-rl-ins', { hasText: 'სიმბოლური' }).count(), { timeout: 10_000 }).toBe(0);
      }
      expect(await act.text()).toContain('სიმბოლური საჩუქარი დასაშვებია.');

      // Rejecting asks for a reason in the app's own dialog: no confirming without one.
      await card(drafter, 'ეთიკის').locator('[data-action="reject"]').click();
      const dialog = drafter.locator('[data-dialog="reject-suggestion"]');
      await dialog.waitFor();
      expect(await dialog.locator('[data-action="confirm-reject"]').isDisabled()).toBe(true);
      await dialog.locator('textarea').fill('„ქცევის წესები" კანონის ტერმინია.');
      expect(await dialog.locator('[data-action="confirm-reject"]').isDisabled()).toBe(false);
      await dialog.locator('[data-action="confirm-reject"]').click();
      await dialog.waitFor({ state: 'detached' });
      for (const page of [drafter, reviewer]) {
        await expect.poll(() => redline(page).locator('.sj-rl-del', { hasText: 'ქცევის' }).count(), { timeout: 10_000 }).toBe(0);
        expect(await editorText(page)).toContain('ქცევის წესებს');
      }
      const rejected = (await act.list()).find((s) => s.text === 'ეთიკის');
      expect(rejected).toMatchObject({ status: 'rejected', reason: '„ქცევის წესები" კანონის ტერმინია.', decidedBy: { name: 'Owner' } });

      // The drafter may undo that last decision: the suggestion is open again, in the redline of both.
      await drafter.locator('[data-action="undo-last"]').click();
      for (const page of [drafter, reviewer]) await redline(page).locator('.sj-rl-del', { hasText: 'ქცევის' }).waitFor({ timeout: 10_000 });
      expect((await act.list()).find((s) => s.text === 'ეთიკის')?.status).toBe('open');
    } finally {
      await act.stop();
    }
  });

  test('a drafter switches to suggesting and proposes a new article; all of a reviewer\'s suggestions in an article are accepted at once; numbering follows in both windows', async () => {
    const act = await actWithMembers();
    try {
      const drafter = await act.open(act.owner, 'გიორგი');
      const reviewer = await act.open(act.lawyer, 'ნინო');

      // Ctrl+Alt+Shift+S switches the drafter to suggesting mode, and says so.
      await drafter.locator('.sj-editor').click();
      await drafter.keyboard.press('Control+Alt+Shift+KeyS');
      await drafter.locator('.sj-mode-toggle button[data-mode="suggesting"][aria-pressed="true"]').waitFor();
      await drafter.locator('.sj-suggesting-banner').waitFor();

      // "+ Article" after the last paragraph of article 2 proposes a new article 3 with a paragraph.
      await caretAfter(drafter, 'საჩუქარი ფასდება საბაზრო ფასით.');
      await drafter.locator('[data-action="insert-article"]').click();
      await drafter.keyboard.type('თანამდებობების შეთავსება');
      await drafter.keyboard.press('Enter');
      await drafter.keyboard.type('შეთავსება დაუშვებელია.');
      await redline(drafter).locator('.sj-rl-newblock', { hasText: 'ახალი მუხლი' }).waitFor({ timeout: 5_000 });

      // The reviewer suggests twice in article 3: its heading and its paragraph.
      await caretAfter(reviewer, 'ინტერესთა კონფლიქტი');
      await reviewer.keyboard.type(' და მისი თავიდან აცილება');
      await select(reviewer, 'წერილობით');
      await reviewer.keyboard.type('დაუყოვნებლივ და წერილობით');
      await waitFor(async () => (await act.list()).length === 3, 'the three suggestions are on the server', 15_000);
      const proposal = (await act.list()).find((s) => s.author.name === 'Owner');
      expect(proposal).toMatchObject({ quote: '', text: '\nთანამდებობების შეთავსება\nშეთავსება დაუშვებელია.', newBlocks: [{ type: 'article' }, null] });
      for (const page of [drafter, reviewer]) await redline(page).locator('.sj-rl-newblock', { hasText: 'ახალი მუხლი' }).waitFor({ timeout: 10_000 });
      expect(await act.text()).not.toContain('თანამდებობების');
      for (const page of [drafter, reviewer]) await expect.poll(() => ghostsAligned(page), { timeout: 5_000 }).toBe(true);
      await reviewer.locator('.sj-page').screenshot({ path: '/tmp/suggest-new-article.png' });
      await reviewer.locator('.sj-suggestions').screenshot({ path: '/tmp/suggest-list-reviewer.png' });
      await drafter.locator('.sj-suggestions').screenshot({ path: '/tmp/suggest-list-accept-all.png' });

      // One click accepts both of the reviewer's suggestions in article 3.
      const all = drafter.locator('[data-action="accept-all"]');
      await all.waitFor({ timeout: 10_000 });
      expect(await all.innerText()).toContain('ნინო იურისტი');
      await all.click();
      for (const page of [drafter, reviewer]) {
        await page.locator('.sj-editor', { hasText: 'დაუყოვნებლივ და წერილობით' }).waitFor({ timeout: 10_000 });
        await page.locator('.sj-editor', { hasText: 'ინტერესთა კონფლიქტი და მისი თავიდან აცილება' }).waitFor({ timeout: 10_000 });
      }
      const decided = (await act.list()).filter((s) => s.status === 'accepted');
      expect(decided.map((s) => s.author.name)).toEqual(['ნინო იურისტი', 'ნინო იურისტი']);

      // Accepting the new article: it is article 3 in both windows, and conflicts of interest become article 4.
      await card(drafter, 'თანამდებობების შეთავსება').locator('[data-action="accept"]').click();
      for (const page of [drafter, reviewer]) {
        await page.locator('.sj-editor .sj-article', { hasText: 'თანამდებობების შეთავსება' }).waitFor({ timeout: 10_000 });
        await expect.poll(() => page.locator('.sj-editor .sj-article', { hasText: 'ინტერესთა კონფლიქტი' }).locator('.sj-num').innerText(), { timeout: 10_000 }).toContain('4');
        expect(await page.locator('.sj-editor .sj-article', { hasText: 'თანამდებობების შეთავსება' }).locator('.sj-num').innerText()).toContain('3');
        expect(await numberOf(page, 'შეთავსება დაუშვებელია.')).toMatch(/^1\./);
      }
    } finally {
      await act.stop();
    }
  });

  test('a suggestion made offline shows "not sent yet" and reaches the server on reconnect; an observer outside public consultation cannot suggest', async () => {
    const act = await actWithMembers();
    try {
      const reviewer = await act.open(act.lawyer, 'ნინო');
      const port = act.server.port;
      await act.stopServer();
      await reviewer.locator('.sj-connection[data-state="offline"]').waitFor({ timeout: 20_000 });
      await caretAfter(reviewer, 'საჩუქრის მიღება');
      await reviewer.keyboard.type(' და გაცემა');
      const pending = card(reviewer, 'და გაცემა');
      await expect.poll(() => pending.getAttribute('data-status'), { timeout: 10_000 }).toBe('pending');
      expect(await pending.innerText()).toContain('ჯერ არ გაგზავნილა');
      await redline(reviewer).locator('.sj-rl-ins', { hasText: 'და გაცემა' }).waitFor();

      await act.startServer(port);
      await waitFor(async () => (await act.list()).length === 1, 'the offline suggestion reaches the server', 30_000);
      expect((await act.list())[0]).toMatchObject({ quote: '', text: ' და გაცემა', author: { name: 'ნინო იურისტი' }, status: 'open' });
      await expect.poll(() => pending.getAttribute('data-status'), { timeout: 15_000 }).toBe('open');

      // Formatting, indenting and a paste taken back with Ctrl+Z leave nothing behind: no suggestion, no edit.
      const before = await act.text();
      await caretAfter(reviewer, 'ქცევის წესებს');
      for (const key of ['Tab', 'Control+b', 'Alt+Shift+ArrowUp']) await reviewer.keyboard.press(key);
      await reviewer.evaluate(() => {
        const data = new DataTransfer();
        data.setData('text/plain', 'ჩასმული ტექსტი');
        document.querySelector('.sj-editor')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await redline(reviewer).locator('.sj-rl-ins', { hasText: 'ჩასმული ტექსტი' }).waitFor({ timeout: 5_000 });
      await reviewer.keyboard.press('Control+z');
      await expect.poll(() => redline(reviewer).locator('.sj-rl-ins', { hasText: 'ჩასმული' }).count()).toBe(0);
      await reviewer.locator('.sj-editor').blur();
      expect(await act.text()).toBe(before);
      expect((await act.list()).length).toBe(1);
      expect(await reviewer.locator('.sj-suggestion').count()).toBe(1);
      expect(await reviewer.locator('.sj-denied').count()).toBe(0);

      const observerToken = await addMember(act.server, act.owner, 'მოქალაქე ლევანი', 'observer');
      const observer = await act.open(observerToken, 'ლევანი');
      const toggle = observer.locator('.sj-mode-toggle');
      await toggle.waitFor();
      expect(await toggle.getAttribute('title')).toContain('საჯარო განხილვისას');
      expect(await observer.locator('.sj-mode-toggle button[data-mode="suggesting"]').isDisabled()).toBe(true);
      expect(await observer.locator('.sj-editor').getAttribute('contenteditable')).toBe('false');
      // It sees the reviewer's suggestion, but may not decide on it.
      await card(observer, 'და გაცემა').waitFor({ timeout: 10_000 });
      expect(await card(observer, 'და გაცემა').locator('[data-action="accept"]').count()).toBe(0);
    } finally {
      await act.stop();
    }
  });
});
