import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { connectClient } from './lexicalClient';
import { openAsMember, openSideTab } from './browser';
import { $buildArticles, addMember } from './reviewHelpers';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from './testServer';

const rendererDir = join(ROOT, 'dist', 'renderer');

/** The act of the suggestion e2e tests: three articles, the second with two paragraphs. */
export const ARTICLES = [
  { heading: 'მიზანი', paragraphs: ['ეს კოდექსი ადგენს საჯარო მოსამსახურეთა ქცევის წესებს.'] },
  { heading: 'საჩუქრები', paragraphs: ['საჩუქრის მიღება აკრძალულია.', 'საჩუქარი ფასდება საბაზრო ფასით.'] },
  { heading: 'ინტერესთა კონფლიქტი', paragraphs: ['მოსამსახურე აცხადებს კონფლიქტს წერილობით.'] },
];

/**
 * Sets the selection in the act's text, as a click or a drag would, and waits until the editor has taken it
 * (Lexical reads the selection on the next 'selectionchange'; a key pressed before that would go to the old one).
 */
export async function setSelection(page: Page, needle: string, collapsed: boolean): Promise<void> {
  await page.locator('.sj-editor').focus();
  await page.evaluate(
    ([text, caretOnly]) =>
      new Promise<void>((resolve, reject) => {
        const walker = document.createTreeWalker(document.querySelector('.sj-editor')!, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.textContent?.indexOf(text as string) ?? -1;
          if (at < 0) continue;
          document.addEventListener('selectionchange', () => setTimeout(resolve), { once: true });
          const range = document.createRange();
          range.setStart(n, caretOnly ? at + (text as string).length : at);
          range.setEnd(n, at + (text as string).length);
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
          return;
        }
        reject(new Error(`No text '${text}' in the act`));
      }),
    [needle, collapsed] as const,
  );
}

/** Puts the caret right after the first occurrence of a text in the act. */
export const caretAfter = (page: Page, needle: string) => setSelection(page, needle, true);
/** Selects the first occurrence of a text in the act. */
export const select = (page: Page, needle: string) => setSelection(page, needle, false);

/** The number the act shows in front of the paragraph that holds a text ("3."). */
export const numberOf = (page: Page, text: string) => page.locator('.sj-editor .sj-clause', { hasText: text }).locator('.sj-num').innerText();
/** The redline covers each changed block exactly: as many copies as covered blocks, each at its block's place. */
export async function ghostsAligned(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const real = Array.from(document.querySelectorAll('.sj-editor [data-sj-redline]')).map((e) => e.getBoundingClientRect());
    const ghosts = Array.from(document.querySelectorAll('.sj-redline-layer .sj-rl-ghost')).map((e) => e.getBoundingClientRect());
    return real.length > 0 && real.length === ghosts.length && real.every((r, i) => Math.abs(r.top - ghosts[i]!.top) < 1 && Math.abs(r.left - ghosts[i]!.left) < 1 && Math.abs(r.height - ghosts[i]!.height) < 1);
  });
}
/** The card of a suggestion in the side panel. */
export const card = (page: Page, text: string) => page.locator('.sj-suggestion', { hasText: text });
/** The redline layer over the act. */
export const redline = (page: Page) => page.locator('.sj-redline-layer');

/**
 * A workspace server with the act, its owner (a coordinator) and a lawyer (a reviewer, created through POST
 * /api/members); `open` opens the act as a member in a browser context of its own, synced.
 */
export async function actWithMembers(browser: () => Browser) {
  const dataDir = tempDataDir();
  let server = await startTestServer(dataDir, { rendererDir });
  const owner = server.workspace.ownerToken;
  const lawyer = await addMember(server, owner, 'ნინო იურისტი', 'reviewer');
  const docId: string = (await api(server, owner, 'POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka', municipality: 'ვანი' })).body.id;
  const seeder = await connectClient(server.url, docId, owner);
  seeder.edit(() => $buildArticles(ARTICLES));
  const text = async (): Promise<string> => (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body as string;
    await waitFor(async () => (await text()).includes('აცხადებს კონფლიქტს'), 'the articles reach the server');
  seeder.destroy();
  const open = async (token: string, name: string): Promise<Page> => {
    const page = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${token}`, name);
    await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
    await page.locator('.sj-editor', { hasText: 'აცხადებს კონფლიქტს' }).waitFor({ timeout: 20_000 });
    // The suggestion cards are in the side column's Review tab (issue 15).
    await openSideTab(page, 'review');
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

