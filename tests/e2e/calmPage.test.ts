import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openAsMember, openSideTab, useBrowser } from '../helpers/browser';
import { addMember } from '../helpers/reviewHelpers';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

/**
 * Issue 15, "A calm act page", in Georgian: the side column's tabs remember the choice, a reviewer is offered
 * only what a reviewer can do, the shortcuts sheet opens with '?', "+ Comment" without a selection says what
 * to do, acts are renamed, archived and restored from the list, and an article stopped by a chapter says why.
 * Screenshots of each screen go to /tmp/calm-*.png, in Georgian and English.
 */
const browser = useBrowser();
const rendererDir = join(ROOT, 'dist', 'renderer');

let server: Awaited<ReturnType<typeof startTestServer>>;
let dataDir: string;
let owner: string;
let lawyer: string;
let ozurgeti: string;
let vani: string;
let regulation: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer(dataDir, { rendererDir });
  owner = server.workspace.ownerToken;
  lawyer = await addMember(server, owner, 'ნინო იურისტი', 'reviewer');
  const petition = async (municipality: string) =>
    (await api(server, owner, 'POST', '/api/documents', { templateId: 'e-petition', language: 'ka', municipality, values: {} })).body.id as string;
  ozurgeti = await petition('ozurgeti');
  vani = await petition('vani');
  regulation = (await api(server, owner, 'POST', '/api/documents', { templateId: 'anti-corruption-regulation', language: 'ka', municipality: 'terjola', values: {} })).body.id;
});
const pages: Page[] = [];
afterAll(async () => {
  // The pages' sockets and event streams end before the server stops, so it need not wait for them.
  for (const page of pages) await page.context().close();
  await server?.stop();
  if (dataDir) removeDir(dataDir);
});

/** Opens a page of the workspace as a member, in Georgian (the default), with no native dialog allowed. */
async function open(token: string, name: string, path = '/'): Promise<Page> {
  const page = await openAsMember(browser(), `${server.url}${path}#token=${token}`, name);
  pages.push(page);
  page.on('dialog', (dialog) => {
    throw new Error(`A native ${dialog.type()} dialog opened: ${dialog.message()}`);
  });
  return page;
}

async function openAct(token: string, name: string, docId: string): Promise<Page> {
  const page = await open(token, name, `/documents/${docId}`);
  await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
  return page;
}

const english = (page: Page) => page.locator('.sj-language-switch button', { hasText: 'English' }).click();
const georgian = (page: Page) => page.locator('.sj-language-switch button', { hasText: 'ქართული' }).click();
const tabSelected = (page: Page, tab: string) => page.locator(`[role="tab"][data-side-tab="${tab}"]`).getAttribute('aria-selected');

describe('a calm act page', () => {
  test('the list shows each act by its real title and municipality; a reviewer sees no "+ New act" and no renaming or archiving', async () => {
    const coordinator = await open(owner, 'გიორგი');
    await coordinator.locator(`tr[data-doc-id="${vani}"]`).waitFor({ timeout: 20_000 });
    const row = (page: Page, id: string) => page.locator(`tr[data-doc-id="${id}"]`);
    expect(await row(coordinator, ozurgeti).innerText()).toContain('ოზურგეთის მუნიციპალიტეტში ელექტრონული პეტიციის');
    expect(await row(coordinator, ozurgeti).innerText()).toContain('ოზურგეთი');
    expect(await row(coordinator, vani).innerText()).toContain('ვანის მუნიციპალიტეტში ელექტრონული პეტიციის');
    expect(await coordinator.locator('[data-action="new-document"]').count()).toBe(1);
    expect(await row(coordinator, vani).locator('[data-action="archive-document"]').count()).toBe(1);
    await coordinator.screenshot({ path: '/tmp/calm-list-ka.png' });
    await english(coordinator);
    await coordinator.locator('.sj-list-head h1', { hasText: 'Acts of the workspace' }).waitFor();
    await coordinator.screenshot({ path: '/tmp/calm-list-en.png' });

    const reviewer = await open(lawyer, 'ნინო');
    await reviewer.locator(`tr[data-doc-id="${vani}"]`).waitFor({ timeout: 20_000 });
    expect(await reviewer.locator('.sj-list-head h1').innerText()).toBe('სამუშაო სივრცის აქტები');
    expect(await reviewer.locator('[data-action="new-document"]').count()).toBe(0);
    expect(await reviewer.getByText('ახალი აქტი').count()).toBe(0);
    expect(await reviewer.locator('[data-action="rename-document"], [data-action="archive-document"]').count()).toBe(0);
  });

  test('the new-act dialog opens on the most used template, not the amending act, and explains each template in one line', async () => {
    const page = await open(owner, 'გიორგი');
    await page.locator('[data-action="new-document"]').click();
    const dialog = page.locator('[data-dialog="new-document"]');
    await dialog.locator('input[name="template"]').first().waitFor();
    // Two of the three acts here are e-petitions.
    // The default follows the act list, which may arrive after the dialog opened.
    await expect.poll(() => dialog.locator('input[name="template"]:checked').getAttribute('value'), { timeout: 10_000 }).toBe('e-petition');
    const options = dialog.locator('.sj-template-option');
    const count = await options.count();
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i += 1) expect((await options.nth(i).locator('.sj-template-line').innerText()).trim().length, `template ${i}`).toBeGreaterThan(20);
    expect(await dialog.locator('.sj-template-chosen .sj-tag').innerText()).toBe('აქ ყველაზე ხშირად გამოყენებული');
    expect(await dialog.locator('input[name="title"]').getAttribute('maxlength')).toBe('300');
    await dialog.screenshot({ path: '/tmp/calm-new-act-ka.png' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await english(page);
    await page.locator('[data-action="new-document"]').click();
    await dialog.locator('.sj-template-chosen').waitFor();
    await dialog.screenshot({ path: '/tmp/calm-new-act-en.png' });
  });

  test('the side column has tabs that arrow keys move between, and the choice survives a reload', async () => {
    const page = await openAct(owner, 'გიორგი', regulation);
    // The outline is the first tab, and open on first visit.
    expect(await tabSelected(page, 'outline')).toBe('true');
    await page.locator('[data-side-panel="outline"] .sj-outline li').nth(5).waitFor({ timeout: 10_000 });
    for (const tab of ['outline', 'review', 'versions', 'stage'] as const) {
      await openSideTab(page, tab);
      await page.screenshot({ path: `/tmp/calm-act-${tab}-ka.png` });
    }
    await english(page);
    for (const tab of ['outline', 'review', 'versions', 'stage'] as const) {
      await openSideTab(page, tab);
      await page.screenshot({ path: `/tmp/calm-act-${tab}-en.png` });
    }
    await georgian(page);

    await openSideTab(page, 'versions');
    await page.locator('[role="tab"][data-side-tab="versions"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await tabSelected(page, 'stage')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-side-tab'))).toBe('stage');
    await page.keyboard.press('ArrowRight');
    expect(await tabSelected(page, 'outline')).toBe('true');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await tabSelected(page, 'versions')).toBe('true');
    expect(await page.locator('[data-side-panel="versions"]').isVisible()).toBe(true);
    expect(await page.locator('[data-side-panel="outline"]').isVisible()).toBe(false);

    await page.reload();
    await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
    expect(await tabSelected(page, 'versions')).toBe('true');
    await page.locator('[data-side-panel="versions"] [data-action="save-version"]').waitFor();
    // Presence stays in the header whatever the tab.
    await page.locator('.sj-doc-header .sj-presence li[data-name="გიორგი"]').waitFor({ timeout: 10_000 });
  });

  test("'?' opens the shortcuts sheet outside the text, listing every shortcut; in the text it is a character; Escape closes it", async () => {
    const page = await openAct(owner, 'გიორგი', ozurgeti);
    const sheet = page.locator('[data-dialog="shortcuts"]');
    await page.locator('.sj-doc-title').click();
    await page.keyboard.press('Shift+Slash');
    await sheet.waitFor({ timeout: 5_000 });
    expect(await sheet.locator('h2').innerText()).toBe('კლავიატურის მალსახმობები');
    // The sheet is drawn from the list the key handlers read (renderer/src/editor/shortcuts.ts).
    const keys = await sheet.locator('tr[data-shortcut] kbd').allInnerTexts();
    expect(keys).toEqual(expect.arrayContaining(['Alt+Shift+A', 'Alt+Shift+↑', 'Alt+Shift+↓', 'Alt+Shift+N', 'Alt+Shift+B', 'Ctrl+Alt+M', 'Ctrl+Alt+Shift+S', 'Tab', 'Shift+Tab', '?']));
    expect(new Set(keys).size).toBe(keys.length);
    // The README lists every one of them too.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const k of keys) expect(readme, k).toContain(`\`${k}\``);
    // The focus stays inside the sheet.
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-dialog="shortcuts"]'))).toBe(true);
    await sheet.screenshot({ path: '/tmp/calm-shortcuts-ka.png' });
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });

    // In the act's text, '?' is typed, not a shortcut.
    await page.locator('.sj-editor .sj-clause').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('?');
    expect(await sheet.count()).toBe(0);
    await waitFor(async () => ((await api(server, owner, 'GET', `/api/documents/${ozurgeti}/text`)).body as string).includes('?'), 'the ? reaches the text');

    // The toolbar opens it too, in English.
    await english(page);
    await page.locator('[data-action="shortcuts"]').click();
    await sheet.waitFor();
    expect(await sheet.locator('h2').innerText()).toBe('Keyboard shortcuts');
    await sheet.screenshot({ path: '/tmp/calm-shortcuts-en.png' });
    await sheet.locator('[data-action="close-shortcuts"]').click();
    await sheet.waitFor({ state: 'detached' });
  });

  test('a reviewer\'s "+ Comment" with nothing selected says what to do beside the button', async () => {
    const page = await openAct(lawyer, 'ნინო', vani);
    await openSideTab(page, 'review');
    // Only suggesting is open to a reviewer: structure that cannot be proposed is off.
    expect(await page.locator('[data-action="insert-chapter"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-action="insert-chapter"]').getAttribute('title')).toContain('ტექსტს ცვლიან მხოლოდ კოორდინატორი და შემდგენელი');
    await page.locator('[data-side-panel="review"] [data-action="comment"]').click();
    const hint = page.locator('[data-field="comment-hint"]');
    await hint.waitFor({ timeout: 5_000 });
    expect(await hint.innerText()).toBe('შენიშვნისთვის მონიშნეთ ტექსტი აქტში.');
    await page.screenshot({ path: '/tmp/calm-reviewer-review-ka.png' });
    await openSideTab(page, 'stage');
    await page.screenshot({ path: '/tmp/calm-reviewer-stage-ka.png' });
  });

  test('an article moves with the cursor on its heading, and one stopped by a chapter heading says why', async () => {
    const page = await openAct(owner, 'გიორგი', regulation);
    const headings = () => page.locator('.sj-editor .sj-article').allInnerTexts();
    const before = await headings();
    // The second article of chapter I moves above the first, with the cursor on its heading.
    await page.locator('.sj-editor .sj-article').nth(1).click();
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await waitFor(async () => (await headings())[0]?.includes(before[1]!.replace(/^მუხლი 2\.\s*/, '')) ?? false, 'article 2 moved up');
    // Moved to the top of its chapter, it cannot go past the chapter heading: the page says so.
    await page.keyboard.press('Alt+Shift+ArrowUp');
    const notice = page.locator('[data-field="structure-refusal"]');
    await notice.waitFor({ timeout: 5_000 });
    expect(await notice.innerText()).toContain('მუხლი მხოლოდ თავის ფარგლებში');
    expect((await headings())[0]).toContain(before[1]!.replace(/^მუხლი 2\.\s*/, ''));
    await notice.locator('button').click();
    await notice.waitFor({ state: 'detached' });
    // The first article of chapter II stops at its chapter's heading.
    const chapterTwoFirst = page.locator('.sj-editor .sj-chapter').nth(1).locator('xpath=following-sibling::*[contains(@class, "sj-article")][1]');
    await chapterTwoFirst.click();
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await page.locator('[data-field="structure-refusal"]', { hasText: 'მუხლი მხოლოდ თავის ფარგლებში' }).waitFor({ timeout: 5_000 });
    await page.screenshot({ path: '/tmp/calm-move-refused-ka.png' });
  });

  test('a coordinator renames an act and archives and restores another from the list', async () => {
    const page = await open(owner, 'გიორგი');
    const row = (id: string) => page.locator(`tr[data-doc-id="${id}"]`);
    await row(ozurgeti).waitFor({ timeout: 20_000 });

    await row(ozurgeti).locator('[data-action="rename-document"]').click();
    const rename = page.locator('[data-dialog="rename"]');
    await rename.locator('textarea[name="title"]').fill('ოზურგეთის მუნიციპალიტეტის პეტიციების წესი');
    await rename.screenshot({ path: '/tmp/calm-rename-ka.png' });
    await rename.locator('[data-action="confirm-rename"]').click();
    await row(ozurgeti).locator('a', { hasText: 'ოზურგეთის მუნიციპალიტეტის პეტიციების წესი' }).waitFor({ timeout: 10_000 });
    expect((await api(server, owner, 'GET', `/api/documents/${ozurgeti}/text`)).body).toContain('ოზურგეთის მუნიციპალიტეტის პეტიციების წესი');

    await row(vani).locator('[data-action="archive-document"]').click();
    const archive = page.locator('[data-dialog="archive"]');
    expect(await archive.innerText()).toContain('არაფერი იშლება');
    await archive.screenshot({ path: '/tmp/calm-archive-ka.png' });
    await archive.locator('[data-action="confirm-archive"]').click();
    await row(vani).waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator('[data-action="toggle-archived"]').click();
    await row(vani).locator('[data-action="restore-document"]').click();
    await row(vani).waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator('[data-action="toggle-archived"]').click();
    await row(vani).waitFor({ timeout: 10_000 });
    const actions = ((await api(server, owner, 'GET', `/api/audit?docId=${vani}`)).body.entries as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['document.archived', 'document.restored']));
  });

  test('the invitation dialog speaks to a coordinator, in Georgian and English, and revoking is not cancelling', async () => {
    const page = await open(owner, 'გიორგი', '/members');
    const invite = page.locator('[data-dialog="invite"]');
    const inviteFor = async (name: string) => {
      await page.locator('[data-form="add-member"] input[name="name"]').fill(name);
      await page.locator('[data-action="add-member"]').click();
      await invite.waitFor();
      expect(await invite.innerText()).not.toMatch(/npm|--host|serve/);
    };
    await english(page);
    await inviteFor('Levan Kapanadze');
    await invite.screenshot({ path: '/tmp/calm-invite-en.png' });
    await page.keyboard.press('Escape');
    await invite.waitFor({ state: 'detached' });
    await georgian(page);
    await inviteFor('ლევან კაპანაძე');
    expect(await invite.innerText()).toContain('სხვა კომპიუტერზე არ გაიხსნება');
    await invite.screenshot({ path: '/tmp/calm-invite-ka.png' });
    await invite.locator('[data-action="close-invite"]').click();
    await page.locator('tr[data-member="ლევან კაპანაძე"] [data-action="revoke"]').click();
    const revoke = page.locator('[data-dialog="revoke"]');
    const buttons = await revoke.locator('button').allInnerTexts();
    expect(buttons).toEqual(['არა, დარჩეს', 'წვდომის შეწყვეტა']);
    expect(buttons.join(' ')).not.toContain('გაუქმება');
  });
});
