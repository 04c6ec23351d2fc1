import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Debian's Chromium, or CHROMIUM_PATH; Playwright's own browser download does not work here. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Launches headless Chromium with the flags this machine needs (DESIGN.md, "Build and test"). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Opens a page as a member with a display name already chosen, so the name prompt does not interrupt.
 * `prepare` runs on the page before it navigates (to route its sockets, for example); `context` adds options
 * of the browser context (`bypassCSP` lets tests/helpers/axe.ts inject axe-core past the app's CSP).
 */
export async function openAsMember(
  browser: Browser,
  url: string,
  name: string,
  options: { prepare?: (page: Page) => Promise<void>; context?: BrowserContextOptions } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options.context });
  await context.addInitScript((n) => {
    if (!localStorage.getItem('sajaro.userName')) localStorage.setItem('sajaro.userName', n);
  }, name);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[browser:${name}] ${error.message}`));
  await options.prepare?.(page);
  await page.goto(url);
  return page;
}

/** The editor's visible text. */
export async function editorText(page: Page): Promise<string> {
  return page.locator('.sj-editor').innerText();
}

/** One Chromium for a whole test file, launched before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser)
      throw new Error(
        'Expected the browser to be launched: call useBrowser() at the top level of a test file',
      );
    return browser;
  };
}

/** A tab of the act page's side column (renderer/src/editor/SideTabs.tsx). */
export type SideTabName = 'outline' | 'review' | 'versions' | 'stage';

/**
 * Opens a tab of the act page's side column (issue 15), where the outline, review, versions and stage panels
 * now live, and waits until its panel shows. The choice is remembered, as a click by a person would be.
 */
export async function openSideTab(page: Page, tab: SideTabName): Promise<void> {
  await page.locator(`[role="tab"][data-side-tab="${tab}"]`).click();
  await page.locator(`[data-side-panel="${tab}"]`).waitFor({ state: 'visible' });
}
