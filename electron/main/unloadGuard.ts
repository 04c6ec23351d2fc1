import type { BrowserWindow, Dialog, MessageBoxSyncOptions, WebContents } from 'electron';

/** The native question asked when a window with unsent changes is about to close or reload (issue 14, part 3). */
export function unloadQuestion(locale: string): MessageBoxSyncOptions {
  const ka = locale.toLowerCase().startsWith('ka');
  return ka
    ? {
        type: 'warning',
        buttons: ['დარჩენა', 'მაინც დახურვა'],
        defaultId: 0,
        cancelId: 0,
        title: 'საჯარო',
        message: 'ზოგი ცვლილება ჯერ სერვერზე არ გაგზავნილა.',
        detail: 'ისინი ინახება ამ კომპიუტერზე და გაიგზავნება, როცა აქტს კავშირით ხელახლა გახსნით. ახლა დახურვა?',
      }
    : {
        type: 'warning',
        buttons: ['Stay', 'Close anyway'],
        defaultId: 0,
        cancelId: 0,
        title: 'Sajaro',
        message: 'Some changes have not reached the server yet.',
        detail: 'They are kept on this computer and sent when you open the act again with a connection. Close now?',
      };
}

/**
 * The renderer's beforeunload says "not yet" while changes are unsent; Electron then shows nothing and just
 * keeps the window, so main asks the member. Choosing to close calls preventDefault, which in Electron's
 * `will-prevent-unload` means "ignore the page's objection".
 */
export function guardUnload(contents: WebContents, window: BrowserWindow, dialog: Pick<Dialog, 'showMessageBoxSync'>, locale: () => string): void {
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, unloadQuestion(locale()));
    if (choice === 1) event.preventDefault();
  });
}
