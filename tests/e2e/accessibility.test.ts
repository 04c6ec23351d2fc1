import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible, seriousViolations } from '../helpers/axe';
import { openAsMember, openSideTab, useBrowser } from '../helpers/browser';
import { api, removeDir, ROOT, startTestServer, tempDataDir } from '../helpers/testServer';

/**
 * Issue 15, accessibility: axe-core finds no serious or critical WCAG 2.1 AA violation on the four pages a
 * coordinator uses most, in Georgian (the interface's first language); the name prompt's input has a label,
 * and a dialog (the new-act dialog, checked by axe too) keeps the focus inside and closes with Escape.
 */

const browser = useBrowser();
const rendererDir = join(ROOT, 'dist', 'renderer');

/** The app's CSP admits only its own scripts; the context lets Playwright add axe-core's (tests/helpers/axe.ts). */
const AXE_CONTEXT = { bypassCSP: true } as const;

/** Georgian is the interface's first language; this makes sure of it, whatever the page remembered. */
async function inGeorgian(page: Page): Promise<void> {
  // The last switch: the name prompt has its own, above the top bar's.
  const georgian = page.locator('.sj-language-switch button', { hasText: 'ქართული' }).last();
  await georgian.waitFor();
  if ((await georgian.getAttribute('aria-pressed')) !== 'true') await georgian.click();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ka');
}

describe('accessibility in Georgian', () => {
  test('the act list, the act page, the dashboard and the members page have no serious or critical axe violations', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    const token = server.workspace.ownerToken;
    try {
      const created = await api(server, token, 'POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka', municipality: 'vani' });
      expect(created.status).toBe(201);
      const docId: string = created.body.id;

      const page = await openAsMember(browser(), `${server.url}/#token=${token}`, 'ნინო', { context: AXE_CONTEXT });
      await inGeorgian(page);
      await page.locator(`[data-doc-id="${docId}"]`).first().waitFor();
      await expectAccessible(page, 'the act list');

      await page.goto(`${server.url}/documents/${docId}`);
      await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
      // The act page's side column shows one panel at a time: each is checked.
      for (const tab of ['outline', 'review', 'versions', 'stage'] as const) {
        await openSideTab(page, tab);
        await expectAccessible(page, `the act page with its ${tab} tab`);
      }

      await page.locator('[data-nav="dashboard"]').click();
      await page.locator(`tbody[data-doc-id="${docId}"]`).waitFor({ timeout: 20_000 });
      await expectAccessible(page, 'the dashboard');

      await page.locator('[data-nav="members"]').click();
      await page.locator('[data-table="members"] tr[data-member]').first().waitFor();
      await expectAccessible(page, 'the members page');
      // The invitation dialog, which shows a link once, is checked over the members page.
      await page.locator('[data-form="add-member"] input[name="name"]').fill('გიორგი კაპანაძე');
      await page.locator('[data-action="add-member"]').click();
      await page.locator('[data-dialog="invite"]').waitFor();
      await expectAccessible(page, 'the invitation dialog');
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });

  test('the name prompt’s input has a label, axe finds the prompt clean, and its language can be switched', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    try {
      // A fresh context with no name chosen, so the prompt shows.
      const context = await browser().newContext(AXE_CONTEXT);
      const page = await context.newPage();
      await page.goto(`${server.url}/#token=${server.workspace.ownerToken}`);
      await inGeorgian(page);
      const input = page.getByRole('textbox', { name: 'სახელი და გვარი', exact: true });
      await input.waitFor();
      expect(await input.getAttribute('name')).toBe('displayName');
      expect(await seriousViolations(page)).toEqual([]);
      // The prompt covers the top bar: its own switch turns the interface to English before a name is given.
      await page.locator('[data-dialog="name"] .sj-language-switch button', { hasText: 'English' }).click();
      await page.getByRole('textbox', { name: 'Your name', exact: true }).waitFor();
      await context.close();
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });

  test('a dialog keeps the focus inside on Tab and Shift+Tab, and Escape closes it', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    try {
      const page = await openAsMember(browser(), `${server.url}/#token=${server.workspace.ownerToken}`, 'ნინო', { context: AXE_CONTEXT });
      await inGeorgian(page);
      await page.locator('[data-action="new-document"]').click();
      const dialog = page.locator('[role="dialog"][aria-modal="true"]');
      await dialog.waitFor();
      await expectAccessible(page, 'the new-act dialog');
      const focusInside = () => page.evaluate(() => !!document.activeElement?.closest('[aria-modal="true"]'));
      for (let i = 0; i < 12; i += 1) {
        await page.keyboard.press('Tab');
        expect(await focusInside()).toBe(true);
      }
      for (let i = 0; i < 5; i += 1) {
        await page.keyboard.press('Shift+Tab');
        expect(await focusInside()).toBe(true);
      }
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });
});
