import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser, openAsMember } from '../helpers/browser';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

/**
 * Issue 7 in the browser: a coordinator manages members (add with a one-time invitation link, change a
 * role, revoke after a confirmation); an invited member opens the link and the workspace is remembered;
 * only coordinators see the members page; a member whose edits the server refuses sees the act read-only.
 */

const browser = useBrowser();

const rendererDir = join(ROOT, 'dist', 'renderer');

async function grantClipboard(page: Page, origin: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
}

describe('members in the browser', () => {
  test('a coordinator adds, promotes and revokes a member; the invited member’s workspace is remembered', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    const owner = server.workspace.ownerToken;
    try {
      const coordinator = await openAsMember(browser(), `${server.url}/#token=${owner}`, 'Owner');
      await grantClipboard(coordinator, server.url);
      // Georgian is the first language of the interface; this walk-through reads the English one.
      await coordinator.locator('.sj-language-switch button', { hasText: 'English' }).click();
      await coordinator.locator('[data-nav="members"]').click();
      await coordinator.locator('[data-table="members"] tr[data-member="Owner"]').waitFor();
      expect(
        await coordinator.locator('[data-table="members"] tr[data-member="Owner"]').innerText(),
      ).toContain('you');

      // Add a reviewer: the invitation link is shown once, and can be copied.
      await coordinator.locator('[data-form="add-member"] input[name="name"]').fill('Giorgi Kapanadze');
      await coordinator.locator('[data-form="add-member"] select[name="role"]').selectOption('reviewer');
      await coordinator.locator('[data-action="add-member"]').click();
      const inviteUrl = await coordinator.locator('[data-field="invite-url"]').inputValue();
      expect(inviteUrl).toMatch(new RegExp(`^${server.url}/#token=[A-Za-z0-9_-]{43}$`));
      await coordinator.locator('[data-action="copy-invite"]').click();
      await waitFor(
        async () => (await coordinator.locator('[data-action="copy-invite"]').innerText()) === 'Copied',
        'the link is copied',
      );
      expect(await coordinator.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl);
      // A coordinator is told what to do, not which command an engineer would type.
      const invite = await coordinator.locator('[data-dialog="invite"]').innerText();
      expect(invite).toContain('will not open on anyone else’s computer');
      expect(invite).not.toMatch(/npm|--host/);
      await coordinator.locator('[data-action="close-invite"]').click();
      const row = coordinator.locator('[data-table="members"] tr[data-member="Giorgi Kapanadze"]');
      await row.waitFor();
      expect(await row.locator('select').inputValue()).toBe('reviewer');

      // The invited member opens the link; the token leaves the address bar but the workspace is kept.
      const giorgi = await openAsMember(browser(), inviteUrl, 'Giorgi Kapanadze');
      await giorgi.locator('.sj-language-switch button', { hasText: 'English' }).click();
      await giorgi.locator('.sj-list-head h1').waitFor();
      expect(giorgi.url()).not.toContain('token');
      await giorgi.goto(`${server.url}/`);
      await giorgi.locator('.sj-list-head h1').waitFor();
      expect(await giorgi.locator('.sj-error').count()).toBe(0);
      // A reviewer has no members page: no link, and the page itself says why.
      await giorgi.locator('[data-nav="dashboard"]').waitFor();
      expect(await giorgi.locator('[data-nav="members"]').count()).toBe(0);
      await giorgi.goto(`${server.url}/members`);
      await giorgi.getByText('Only coordinators manage the members of a workspace.').waitFor();

      // Promote Giorgi to drafter.
      await row.locator('select').selectOption('drafter');
      await coordinator.locator('.sj-notice').getByText('Giorgi Kapanadze is now: Drafter').waitFor();
      const members = (await api(server, owner, 'GET', '/api/members')).body.members as Array<{
        name: string;
        role: string;
        id: string;
      }>;
      expect(members.find((m) => m.name === 'Giorgi Kapanadze')?.role).toBe('drafter');

      // Revoking asks first; cancelling keeps the member.
      await row.locator('[data-action="revoke"]').click();
      expect(await coordinator.locator('[data-dialog="revoke"]').innerText()).toContain(
        'Revoke the access of Giorgi Kapanadze?',
      );
      await coordinator.locator('[data-dialog="revoke"] button', { hasText: 'No, keep access' }).click();
      expect(await row.count()).toBe(1);
      await row.locator('[data-action="revoke"]').click();
      await coordinator.locator('[data-action="confirm-revoke"]').click();
      await row.waitFor({ state: 'detached' });
      await coordinator
        .locator('.sj-notice')
        .getByText('The access of Giorgi Kapanadze was revoked.')
        .waitFor();
      expect((await api(server, inviteUrl.split('#token=')[1]!, 'GET', '/api/me')).status).toBe(401);
      // Giorgi's remembered link no longer works, and the app says so in plain words.
      await giorgi.goto(`${server.url}/`);
      await giorgi
        .locator('[data-notice="invalid-token"]')
        .getByText('This invitation link is no longer valid. Ask your coordinator for a new one.')
        .waitFor();

      // The page speaks Georgian too.
      await coordinator.locator('.sj-language-switch button', { hasText: 'ქართული' }).click();
      await coordinator.getByText('სამუშაო სივრცის წევრები').waitFor();
      expect(await coordinator.locator('[data-nav="members"]').innerText()).toBe('წევრები');
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });

  test('a member demoted while the act is open is refused by the server and sees the act read-only', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    const owner = server.workspace.ownerToken;
    try {
      const docId = (
        await api(server, owner, 'POST', '/api/documents', { title: 'Code of Ethics', language: 'en' })
      ).body.id as string;
      const nino = (await api(server, owner, 'POST', '/api/members', { name: 'Nino', role: 'drafter' })).body;
      const page = await openAsMember(
        browser(),
        `${server.url}/documents/${docId}#token=${nino.token}`,
        'Nino',
      );
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      await page.locator('.sj-clause').first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Kept.');
      await waitFor(
        async () => (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body.includes('Kept.'),
        'the drafter’s edit is stored',
      );

      expect(
        (await api(server, owner, 'PATCH', `/api/members/${nino.id}`, { role: 'observer' })).status,
      ).toBe(200);
      await page.keyboard.type(' Refused.');
      const banner = page.locator('[data-banner="permission-denied"]');
      await banner.waitFor({ timeout: 10_000 });
      // The server's English reason stays out of the sentence (issue 15); it is kept on the element for debugging.
      expect(await banner.locator('[data-reason]').getAttribute('data-reason')).toContain("the role 'observer' may not edit the text");
      expect(await banner.innerText()).not.toContain('observer');
      expect(await page.locator('.sj-editor').getAttribute('contenteditable')).toBe('false');
      expect((await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body).not.toContain(
        'Refused.',
      );

      // Reloading from the server drops the refused change from this computer's copy too.
      await banner.locator('[data-action="reload-from-server"]').click();
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      await waitFor(
        async () => (await page.locator('.sj-editor').innerText()).includes('Kept.'),
        'the act reloads',
      );
      expect(await page.locator('.sj-editor').innerText()).not.toContain('Refused.');
      // Now an observer, the page opens the act read-only from the start.
      expect(await page.locator('.sj-editor').getAttribute('contenteditable')).toBe('false');
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
