import { describe, expect, test } from 'vitest';
import { editorText, useBrowser } from '../helpers/browser';
import { addMember } from '../helpers/reviewHelpers';
import { actWithMembers, ARTICLES, card, caretAfter, ghostsAligned, numberOf, redline, select } from '../helpers/suggestionPages';
import { waitFor } from '../helpers/testServer';

const browser = useBrowser();

describe('suggestions in the browser', () => {
  test('a reviewer suggests in one window; the drafter sees the redline live, accepts one (numbering follows in both) and rejects one with a reason', async () => {
    const act = await actWithMembers(browser);
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
      // Records name each member by the name given at the prompt (issue 15), not the one the coordinator typed.
      const stored = await act.list();
      expect(stored.map((s) => [s.quote, s.text, s.author.name, s.status]).sort()).toEqual([
        ['', '\nსიმბოლური საჩუქარი დასაშვებია.', 'ნინო', 'open'],
        ['ქცევის', 'ეთიკის', 'ნინო', 'open'],
      ]);
      expect(stored.find((s) => s.quote === '')?.articleLabel).toBe('მუხლი 2');
      expect(stored.find((s) => s.quote === 'ქცევის')?.articleLabel).toBe('მუხლი 1');
      await redline(drafter).locator('.sj-rl-ins', { hasText: 'სიმბოლური საჩუქარი დასაშვებია.' }).waitFor({ timeout: 10_000 });
      await redline(drafter).locator('.sj-rl-del', { hasText: 'ქცევის' }).waitFor({ timeout: 10_000 });
      await card(drafter, 'სიმბოლური საჩუქარი').waitFor({ timeout: 10_000 });
      expect(await card(drafter, 'სიმბოლური საჩუქარი').innerText()).toContain('ნინო');
      expect(await act.text()).not.toContain('სიმბოლური');
      expect(await reviewer.locator('.sj-denied').count()).toBe(0);
      // Nothing was written to the reviewer's copy of the text either: its badge says saved, not saving or unsent.
      expect(await reviewer.locator('.sj-connection').getAttribute('data-state')).toBe('synced');

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
      expect(rejected).toMatchObject({ status: 'rejected', reason: '„ქცევის წესები" კანონის ტერმინია.', decidedBy: { name: 'გიორგი' } });

      // The drafter may undo that last decision: the suggestion is open again, in the redline of both.
      await drafter.locator('[data-action="undo-last"]').click();
      for (const page of [drafter, reviewer]) await redline(page).locator('.sj-rl-del', { hasText: 'ქცევის' }).waitFor({ timeout: 10_000 });
      expect((await act.list()).find((s) => s.text === 'ეთიკის')?.status).toBe('open');

      // A click on the redline puts the caret where the member sees it, past the inserted text: typing at
      // the start of "წესებს" inserts there, not some characters further on.
      const spot = await reviewer.evaluate(() => {
        const ghost = Array.from(document.querySelectorAll('.sj-rl-ghost')).find((g) => g.textContent?.includes('წესებს'))!;
        const walker = document.createTreeWalker(ghost, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.textContent!.indexOf('წესებს');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + 1);
          const r = range.getBoundingClientRect();
          return { x: r.left + 1, y: r.top + r.height / 2 };
        }
        throw new Error('no წესებს in the redline');
      });
      await reviewer.mouse.click(spot.x, spot.y);
      await reviewer.keyboard.type('ყველა ');
      await waitFor(async () => (await act.list()).some((s) => s.text === 'ყველა '), 'the clicked insertion is on the server', 15_000);
      const clicked = (await act.list()).find((s) => s.text === 'ყველა ');
      expect(clicked.at.offset).toBe(ARTICLES[0]!.paragraphs[0]!.indexOf('წესებს'));

      // The drafter edits the quoted word itself: the suggestion is stale in both windows, and off the redline.
      await select(drafter, 'ქცევის');
      await drafter.keyboard.type('საქციელის');
      await waitFor(async () => (await act.text()).includes('საქციელის'), 'the drafter\'s edit reaches the server');
      for (const page of [drafter, reviewer]) {
        await expect.poll(() => card(page, 'ეთიკის').getAttribute('data-status'), { timeout: 10_000 }).toBe('stale');
        expect(await card(page, 'ეთიკის').innerText()).toContain('ციტირებული ტექსტი შეიცვალა');
        await expect.poll(() => redline(page).locator('.sj-rl-del', { hasText: 'ქცევის' }).count(), { timeout: 10_000 }).toBe(0);
      }
    } finally {
      await act.stop();
    }
  });

  test('a drafter switches to suggesting and proposes a new article; all of a reviewer\'s suggestions in an article are accepted at once; numbering follows in both windows', async () => {
    const act = await actWithMembers(browser);
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
      const proposal = (await act.list()).find((s) => s.author.name === 'გიორგი');
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
      expect(await all.innerText()).toContain('ნინო');
      await all.click();
      for (const page of [drafter, reviewer]) {
        await page.locator('.sj-editor', { hasText: 'დაუყოვნებლივ და წერილობით' }).waitFor({ timeout: 10_000 });
        await page.locator('.sj-editor', { hasText: 'ინტერესთა კონფლიქტი და მისი თავიდან აცილება' }).waitFor({ timeout: 10_000 });
      }
      const decided = (await act.list()).filter((s) => s.status === 'accepted');
      expect(decided.map((s) => s.author.name)).toEqual(['ნინო', 'ნინო']);

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
    const act = await actWithMembers(browser);
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
      expect((await act.list())[0]).toMatchObject({ quote: '', text: ' და გაცემა', author: { name: 'ნინო' }, status: 'open' });
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
