import { join } from 'node:path';
import type { Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { editorText, openAsMember, useBrowser } from '../helpers/browser';
import { localCopyText } from '../helpers/localCopy';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

/**
 * Issue 11, point 6, in the browser: a member whose access ends while an act is open sees the act turn
 * read-only with a plain notice in the interface language; what they typed after the revocation is kept in
 * this browser's copy, shown as not saved, and never reaches the server.
 */

const browser = useBrowser();

const rendererDir = join(ROOT, 'dist', 'renderer');

/** A server-side close of the page's sync socket, held back by the test as a slow line would. */
interface HeldClose {
  readonly page: WebSocketRoute;
  readonly code: number | undefined;
  readonly reason: string | undefined;
}

/**
 * Routes the page's sync sockets through the test, forwarding every message both ways but holding back the
 * server's close. Revocation closes the socket on the server at once; holding its close frame opens the
 * window of a slow line, in which the page still believes it is connected and the member goes on typing.
 */
async function holdServerCloses(page: Page, held: HeldClose[]): Promise<void> {
  await page.routeWebSocket(/\/sync\//, (socket) => {
    const server = socket.connectToServer();
    server.onClose((code, reason) => void held.push({ page: socket, code, reason }));
  });
}

describe('revocation in the browser', () => {
  test('a drafter revoked while typing sees the act read-only; text typed after is kept here, shown unsaved, never stored', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    const owner = server.workspace.ownerToken;
    try {
      const docId = (
        await api(server, owner, 'POST', '/api/documents', { title: 'Code of Ethics', language: 'en' })
      ).body.id as string;
      const nino = (
        await api(server, owner, 'POST', '/api/members', { name: 'Nino Beridze', role: 'drafter' })
      ).body;
      const storedText = async () =>
        (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body as string;

      const coordinator = await openAsMember(
        browser(),
        `${server.url}/documents/${docId}#token=${owner}`,
        'Coordinator',
      );
      const held: HeldClose[] = [];
      const drafter = await openAsMember(browser(), `${server.url}/documents/${docId}#token=${nino.token}`, 'Nino', {
        prepare: (page) => holdServerCloses(page, held),
      });
      await drafter.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      for (const page of [coordinator, drafter])
        await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });

      // The drafter types; the server confirms it, and only then does the badge say saved.
      await drafter.locator('.sj-clause').first().click();
      await drafter.keyboard.press('End');
      await drafter.keyboard.type(' Typed before.');
      await waitFor(async () => (await storedText()).includes('Typed before.'), 'the first edit is stored');
      await drafter.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 10_000 });
      await waitFor(async () => (await editorText(coordinator)).includes('Typed before.'), 'the coordinator sees it');

      // The coordinator revokes the drafter while the drafter is typing.
      const typing = drafter.keyboard.type(' Typed while the coordinator revokes.', { delay: 25 });
      expect((await api(server, owner, 'DELETE', `/api/members/${nino.id}`)).status).toBe(204);
      await typing;
      await waitFor(() => held.some((close) => close.code === 4001), 'the server closes the drafter’s socket');
      // The close is still on its way: the drafter goes on typing into a page that believes it is connected.
      await drafter.keyboard.type(' Typed after the revocation.');
      await waitFor(async () => (await editorText(drafter)).includes('Typed after the revocation.'), 'typed');
      await drafter.locator('.sj-connection[data-state="saving"]').waitFor({ timeout: 10_000 });

      // The close arrives. The interface speaks Georgian first.
      const close = held.find((c) => c.code === 4001)!;
      await close.page.close({ code: close.code, reason: close.reason });
      const notice = drafter.locator('[data-notice="access-ended"]');
      await notice.waitFor({ timeout: 10_000 });
      expect(await notice.getAttribute('data-unsent')).toBe('true');
      expect(await notice.innerText()).toContain('ამ სამუშაო სივრცეზე თქვენი წვდომა შეწყდა');
      expect(await notice.innerText()).toContain('თქვენი ბოლო ცვლილებები სერვერზე არ შენახულა');
      const badge = drafter.locator('.sj-connection');
      expect(await badge.getAttribute('data-state')).toBe('unsent');
      expect(await badge.innerText()).not.toContain('შენახულია სერვერზე');
      expect(await drafter.locator('.sj-editor').getAttribute('contenteditable')).toBe('false');
      await drafter.screenshot({ path: '/tmp/revoked-ka.png' });

      // Nothing typed after the revocation reached the server, or the coordinator.
      const stored = await storedText();
      expect(stored).toContain('Typed before.');
      expect(stored).not.toContain('Typed after the revocation.');
      expect(await editorText(coordinator)).not.toContain('Typed after the revocation.');
      // The act is read-only now: further keys change nothing.
      await drafter.locator('.sj-clause').first().click();
      await drafter.keyboard.type(' Never lands.');
      expect(await editorText(drafter)).not.toContain('Never lands.');
      expect(await editorText(drafter)).toContain('Typed after the revocation.');

      // The same in English, with the text to copy for the coordinator.
      await drafter.locator('.sj-language-switch button', { hasText: 'English' }).click();
      await notice.getByText('Your access to this workspace has ended').waitFor();
      expect(await notice.innerText()).toContain('Your last changes were not saved to the server.');
      expect(await notice.innerText()).toContain('You can still read the act, but you can no longer change it.');
      // Issue 14, part 3: a short word in the header, the full sentence in its tooltip and popover.
      expect(await badge.locator('.sj-connection-word').innerText()).toBe('Not saved');
      expect(await badge.locator('button').getAttribute('title')).toBe('Not saved: your last changes are only on this computer');
      await notice.locator('[data-action="copy-act-text"]').click();
      await notice.locator('[data-action="copy-act-text"]', { hasText: 'Copied' }).waitFor();
      expect(await drafter.evaluate(() => navigator.clipboard.readText())).toContain('Typed after the revocation.');
      await drafter.screenshot({ path: '/tmp/revoked.png' });

      // The text is kept in this browser's copy of the act, which a reload (now refused) leaves in place.
      await drafter.reload();
      await drafter
        .getByText('This invitation link is no longer valid. Ask your coordinator for a new one.')
        .waitFor({ timeout: 10_000 });
      await drafter.getByText('Changes typed here that were not saved stay in this browser.', { exact: false }).waitFor();
      expect(await localCopyText(drafter, server.url, docId)).toContain('Typed after the revocation.');
      expect(await storedText()).not.toContain('Typed after the revocation.');
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
