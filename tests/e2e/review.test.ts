import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { connectClient } from '../helpers/lexicalClient';
import { useBrowser, openAsMember, openSideTab } from '../helpers/browser';
import { $buildArticles, $textNodeWith, addMember } from '../helpers/reviewHelpers';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

const browser = useBrowser();

const rendererDir = join(ROOT, 'dist', 'renderer');
const SCREENSHOT = process.env.SAJARO_REVIEW_SCREENSHOT;

/** Selects the first occurrence of a text in the act, as a user dragging the mouse over it would. */
async function selectText(page: Page, needle: string): Promise<void> {
  await page.evaluate((text) => {
    const root = document.querySelector('.sj-editor')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + text.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`No text '${text}' in the act`);
  }, needle);
}

const thread = (page: Page, text: string) => page.locator('.sj-thread', { hasText: text });

describe('review in the browser', () => {
  test('a comment made in one window shows in the other; its outcome shows in both; an edited approved article needs re-review', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    try {
      const owner = server.workspace.ownerToken;
      const lawyer = await addMember(server, owner, 'ნინო იურისტი', 'reviewer');
      const docId: string = (
        await api(server, owner, 'POST', '/api/documents', {
          title: 'ეთიკის კოდექსი',
          language: 'ka',
          municipality: 'ვანი',
        })
      ).body.id;
      const seeder = await connectClient(server.url, docId, owner);
      seeder.edit(() =>
        $buildArticles([
          {
            heading: 'ზოგადი დებულებები',
            paragraphs: ['ეს კოდექსი ადგენს საჯარო მოსამსახურეთა ქცევის წესებს.'],
          },
          { heading: 'საჩუქრები', paragraphs: ['საჩუქრის მიღება აკრძალულია, გარდა სიმბოლური საჩუქრისა.'] },
        ]),
      );
      await waitFor(
        async () =>
          (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body.includes('სიმბოლური'),
        'the articles reach the server',
      );
      seeder.destroy();

      const coordinator = await openAsMember(
        browser(),
        `${server.url}/documents/${docId}#token=${owner}`,
        'გიორგი',
      );
      const reviewer = await openAsMember(
        browser(),
        `${server.url}/documents/${docId}#token=${lawyer}`,
        'ნინო',
      );
      for (const page of [coordinator, reviewer]) {
        await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
        await openSideTab(page, 'review');
        await page.locator('.sj-article-review').nth(1).waitFor({ timeout: 20_000 });
      }

      // The lawyer, read-only on the text, selects a phrase and comments with the floating button.
      await selectText(reviewer, 'გარდა სიმბოლური საჩუქრისა');
      await reviewer.locator('.sj-selection-comment').click();
      await reviewer.locator('.sj-composer textarea').fill('განსაზღვრეთ „სიმბოლური" საჩუქრის ღირებულება.');
      await reviewer.locator('.sj-composer input[type="checkbox"]').check();
      await reviewer.locator('.sj-composer button[type="submit"]').click();
      const question = 'განსაზღვრეთ „სიმბოლური" საჩუქრის ღირებულება.';
      await thread(reviewer, question).waitFor({ timeout: 10_000 });
      await expect
        .poll(() => thread(reviewer, question).locator('.sj-thread-quote').innerText())
        .toBe('გარდა სიმბოლური საჩუქრისა');

      // It shows in the coordinator's panel, at article 2, highlighted in the text.
      await thread(coordinator, question).waitFor({ timeout: 10_000 });
      expect(await thread(coordinator, question).locator('.sj-thread-where').innerText()).toContain(
        'მუხლი 2',
      );
      await expect
        .poll(() =>
          coordinator.evaluate(
            () => (CSS.highlights as unknown as Map<string, Set<Range>>).get('sj-comment')?.size ?? 0,
          ),
        )
        .toBe(1);

      // Clicking the highlighted text opens its thread; the coordinator resolves it with a reason.
      const spot = await coordinator.evaluate(() => {
        const range = [
          ...(CSS.highlights as unknown as Map<string, Set<Range>>).get('sj-comment')!,
        ][0] as Range;
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      });
      await coordinator.mouse.click(spot.x, spot.y);
      await coordinator.locator('.sj-thread-active', { hasText: question }).waitFor({ timeout: 5_000 });
      await thread(coordinator, question)
        .getByRole('button', { name: /გადაწყვეტა/ })
        .click();
      await thread(coordinator, question).locator('select').selectOption('partly_accepted');
      await thread(coordinator, question)
        .locator('.sj-resolve-form textarea')
        .fill('ზღვარი 100 ლარით განისაზღვრა.');
      await thread(coordinator, question).locator('.sj-resolve-form button[type="submit"]').click();
      for (const page of [coordinator, reviewer]) {
        const outcome = thread(page, question).locator('.sj-outcome[data-outcome="partly_accepted"]');
        await outcome.waitFor({ timeout: 10_000 });
        expect(await outcome.innerText()).toContain('ზღვარი 100 ლარით განისაზღვრა.');
        expect(await outcome.innerText()).toContain('ნაწილობრივ გათვალისწინებულია');
      }
      const stored = (await api(server, owner, 'GET', `/api/documents/${docId}/comments`)).body.threads[0];
      expect(stored).toMatchObject({
        status: 'resolved',
        blocking: true,
        resolution: { outcome: 'partly_accepted', by: { name: 'გიორგი' } },
      });

      // The lawyer approves article 2; the coordinator then edits it: both windows show "needs re-review".
      const article2 = (page: Page) => page.locator('.sj-article-review').nth(1);
      await article2(reviewer).getByRole('button', { name: 'დამტკიცება' }).click();
      for (const page of [reviewer, coordinator])
        await article2(page)
          .locator('[data-status="approved"], .sj-status-approved')
          .first()
          .waitFor({ timeout: 10_000 });
      expect(await article2(coordinator).getAttribute('data-status')).toBe('approved');

      if (SCREENSHOT) await reviewer.locator('.sj-aside').screenshot({ path: SCREENSHOT });

      await coordinator.getByText('საჩუქრის მიღება').first().click();
      await coordinator.keyboard.press('End');
      await coordinator.keyboard.type(' ახალი წინადადება.');
      for (const page of [coordinator, reviewer]) {
        await page.locator('.sj-article-review[data-status="needs_rereview"]').waitFor({ timeout: 15_000 });
        expect(await article2(page).innerText()).toContain('საჭიროებს ხელახალ განხილვას');
      }
      await waitFor(
        async () =>
          (await api(server, owner, 'GET', `/api/documents/${docId}/reviews`)).body.articles[1].status ===
          'needs_rereview',
        'the server agrees',
      );
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });

  test('an approval is of the text the window shows: refused with a notice when the server has newer text, accepted once it arrives', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    try {
      const owner = server.workspace.ownerToken;
      const lawyer = await addMember(server, owner, 'ნინო იურისტი', 'reviewer');
      const docId: string = (
        await api(server, owner, 'POST', '/api/documents', { title: 'საჩუქრების რეესტრი', language: 'ka', municipality: 'ვანი' })
      ).body.id;
      const drafter = await connectClient(server.url, docId, owner);
      drafter.edit(() =>
        $buildArticles([
          { heading: 'მიზანი', paragraphs: ['რეესტრი აღრიცხავს საჩუქრებს.'] },
          { heading: 'ზღვარი', paragraphs: ['საჩუქრის ღირებულება არ აღემატება 100 ლარს.'] },
        ]),
      );
      const reviews = async () => (await api(server, owner, 'GET', `/api/documents/${docId}/reviews`)).body.articles;
      await waitFor(async () => (await reviews())?.length === 2, 'the articles reach the server');

      // The lawyer's window receives the act's text through a relay that can hold it back, as a slow link would.
      const context = await browser().newContext({ viewport: { width: 1400, height: 1000 } });
      await context.addInitScript(() => localStorage.setItem('sajaro.userName', 'ნინო'));
      let holding = false;
      const held: Array<() => void> = [];
      await context.routeWebSocket(/\/sync\//, (ws) => {
        const upstream = ws.connectToServer();
        upstream.onMessage((message) => {
          if (holding) held.push(() => ws.send(message));
          else ws.send(message);
        });
      });
      const reviewer = await context.newPage();
      await reviewer.goto(`${server.url}/documents/${docId}#token=${lawyer}`);
      await reviewer.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      await openSideTab(reviewer, 'review');
      const article2 = reviewer.locator('.sj-article-review').nth(1);
      await article2.waitFor({ timeout: 20_000 });
      await expect.poll(() => reviewer.locator('.sj-editor').innerText()).toContain('100 ლარს');

      holding = true;
      const before = (await reviews())[1].currentTextHash;
      drafter.edit(() => {
        const { node } = $textNodeWith('100 ლარს');
        node.spliceText(node.getTextContent().indexOf('100'), 3, '500', false);
      });
      await waitFor(async () => (await reviews())[1].currentTextHash !== before, 'the server has the new text');
      expect(await reviewer.locator('.sj-editor').innerText()).toContain('100 ლარს');

      await article2.getByRole('button', { name: 'დამტკიცება' }).click();
      const notice = article2.locator('.sj-review-refusal');
      await notice.waitFor({ timeout: 10_000 });
      expect(await notice.innerText()).toContain('ტექსტი შეიცვალა');
      expect((await reviews())[1]).toMatchObject({ status: 'not_reviewed', reviewer: null });

      holding = false;
      for (const send of held.splice(0)) send();
      await expect.poll(() => reviewer.locator('.sj-editor').innerText(), { timeout: 10_000 }).toContain('500 ლარს');
      await article2.getByRole('button', { name: 'დამტკიცება' }).click();
      await waitFor(async () => (await reviews())[1].status === 'approved', 'the approval of the text now shown is stored');
      expect((await reviews())[1].textHash).toBe((await reviews())[1].currentTextHash);
      await reviewer.locator('.sj-article-review[data-status="approved"]').waitFor({ timeout: 10_000 });
      expect(await notice.count()).toBe(0);
      drafter.destroy();
      await context.close();
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });

  test('a comment made offline waits on this computer and reaches the server when it returns', async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer(dataDir, { rendererDir });
    const port = server.port;
    try {
      const owner = server.workspace.ownerToken;
      const lawyer = await addMember(server, owner, 'ნინო იურისტი', 'reviewer');
      const docId: string = (
        await api(server, owner, 'POST', '/api/documents', {
          title: 'ცხელი ხაზი',
          language: 'ka',
          municipality: 'ხონი',
        })
      ).body.id;
      const seeder = await connectClient(server.url, docId, owner);
      seeder.edit(() =>
        $buildArticles([{ heading: 'ცხელი ხაზი', paragraphs: ['ცხელი ხაზი მუშაობს სამუშაო დღეებში.'] }]),
      );
      await waitFor(
        async () =>
          (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body.includes('სამუშაო დღეებში'),
        'seeded',
      );
      seeder.destroy();
      const reviewer = await openAsMember(
        browser(),
        `${server.url}/documents/${docId}#token=${lawyer}`,
        'ნინო',
      );
      await reviewer.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });

      await server.stop();
      await reviewer.locator('.sj-connection[data-state="offline"]').waitFor({ timeout: 20_000 });
      await selectText(reviewer, 'სამუშაო დღეებში');
      await reviewer.keyboard.press('Control+Alt+KeyM');
      await reviewer.locator('.sj-composer textarea').fill('შაბათ-კვირასაც უნდა მუშაობდეს.');
      await reviewer.locator('.sj-composer button[type="submit"]').click();
      const pending = thread(reviewer, 'შაბათ-კვირასაც');
      await pending.waitFor({ timeout: 5_000 });
      expect(await pending.innerText()).toContain('ჯერ არ გაგზავნილა');
      expect(await pending.locator('.sj-thread-where').innerText()).toContain('მუხლი 1');

      server = await startTestServer(dataDir, { rendererDir, port });
      await waitFor(
        async () =>
          (await api(server, owner, 'GET', `/api/documents/${docId}/comments`)).body.threads?.length === 1,
        'the offline comment reaches the server',
        30_000,
      );
      const [stored] = (await api(server, owner, 'GET', `/api/documents/${docId}/comments`)).body.threads;
      expect(stored).toMatchObject({
        text: 'შაბათ-კვირასაც უნდა მუშაობდეს.',
        author: { name: 'ნინო' },
        anchor: { state: 'anchored', text: 'სამუშაო დღეებში', articleNumber: 1 },
      });
      await waitFor(
        async () => !(await pending.innerText()).includes('ჯერ არ გაგზავნილა'),
        'the panel shows it as sent',
      );
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
