import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openAsMember, useBrowser } from '../helpers/browser';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

const browser = useBrowser();
const rendererDir = join(ROOT, 'dist', 'renderer');

describe('the explanatory note in the browser', () => {
  test('opening the note shows its fixed headings; what one member types, the other sees', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir, { rendererDir });
    const token = server.workspace.ownerToken;
    try {
      const docId: string = (await api(server, token, 'POST', '/api/documents', { title: 'ცხელი ხაზის შესახებ', language: 'ka', municipality: 'vani' })).body.id;
      const url = `${server.url}/documents/${docId}#token=${token}`;
      const nino = await openAsMember(browser(), url, 'Nino');
      const giorgi = await openAsMember(browser(), url, 'Giorgi');
      for (const page of [nino, giorgi]) {
        await page.locator('.sj-connection[data-state="synced"]').waitFor({ timeout: 20_000 });
        await page.locator('[data-tab="note"]').click();
        await page.locator('.sj-note-section').first().waitFor({ timeout: 20_000 });
      }
      // The act's editor is hidden, not gone: the note is what is shown.
      expect(await nino.locator('.sj-document > .sj-editor-layout').isVisible()).toBe(false);
      const headings = await nino.locator('.sj-note-heading').allInnerTexts();
      expect(headings).toHaveLength(6);
      expect(headings[0]).toBe('პროექტის მიღების მიზეზი');

      await nino.locator('.sj-note-section[data-section="reason"] p').first().click();
      await nino.keyboard.type('მოქალაქეებს სჭირდებათ ცხელი ხაზი.');
      const reasonOf = (page: typeof giorgi) => page.locator('.sj-note-section[data-section="reason"]').innerText();
      await waitFor(async () => (await reasonOf(giorgi)).includes('მოქალაქეებს სჭირდებათ ცხელი ხაზი.'), 'Giorgi sees what Nino types');
      // Backspace at the start of a section's body does not eat the heading or merge sections.
      await giorgi.locator('.sj-note-section[data-section="aim"] p').first().click();
      await giorgi.keyboard.press('Home');
      await giorgi.keyboard.press('Backspace');
      await giorgi.keyboard.type('ერთიანი ნომერი');
      await waitFor(async () => (await nino.locator('.sj-note-section[data-section="aim"]').innerText()).includes('ერთიანი ნომერი'), 'Nino sees what Giorgi types');
      expect(await giorgi.locator('.sj-note-heading').allInnerTexts()).toEqual(headings);

      await waitFor(async () => {
        const note = (await api(server, token, 'GET', `/api/documents/${docId}/note`)).body as { sections: Array<{ key: string; text: string }> };
        return note.sections.find((s) => s.key === 'aim')?.text === 'ერთიანი ნომერი' && note.sections[0]?.text === 'მოქალაქეებს სჭირდებათ ცხელი ხაზი.';
      }, 'the server has both edits');
      // Back to the act: its editor is still there and connected.
      await giorgi.locator('[data-tab="act"]').click();
      expect(await giorgi.locator('.sj-document > .sj-editor-layout').isVisible()).toBe(true);
      await nino.screenshot({ path: '/tmp/note-editor.png', fullPage: false });
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  }, 120_000);
});
