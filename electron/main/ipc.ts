import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './security';

/** The IPC channels the preload may invoke; nothing else is handled. */
export const IPC_CHANNELS = { saveFile: 'sajaro:save-file', openFile: 'sajaro:open-file' } as const;

/** The channel on which main sends application-menu commands to the focused page. */
export const MENU_CHANNEL = 'sajaro:menu';

/** A file the user picked, as the renderer receives it. */
export interface PickedFile {
  readonly name: string;
  readonly data: Uint8Array;
}

/** True when an IPC message comes from the app's own page, not from any other frame. */
export function isTrustedSender(event: IpcMainInvokeEvent, appOrigin: string): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url, appOrigin);
}

/** Registers the native file dialogs; each handler checks its sender and its arguments first. */
export function registerFileDialogs(ipcMain: IpcMain, dialog: Dialog, appOrigin: string): void {
  ipcMain.handle(IPC_CHANNELS.saveFile, async (event, options: unknown): Promise<string | null> => {
    if (!isTrustedSender(event, appOrigin)) throw new Error('Refused: IPC from an untrusted frame');
    const { defaultPath, data } = (options ?? {}) as { defaultPath?: unknown; data?: unknown };
    if (typeof defaultPath !== 'string' || !(data instanceof Uint8Array)) throw new Error('Invalid save request: expected { defaultPath: string, data: Uint8Array }');
    const result = await dialog.showSaveDialog({ defaultPath: basename(defaultPath) });
    if (result.canceled || !result.filePath) return null;
    await writeFile(result.filePath, data);
    return result.filePath;
  });
  ipcMain.handle(IPC_CHANNELS.openFile, async (event, options: unknown): Promise<PickedFile | null> => {
    if (!isTrustedSender(event, appOrigin)) throw new Error('Refused: IPC from an untrusted frame');
    const extensions = (options as { extensions?: unknown } | null)?.extensions;
    if (!Array.isArray(extensions) || !extensions.every((e) => typeof e === 'string' && /^[a-z0-9.]{1,10}$/.test(e))) {
      throw new Error('Invalid open request: expected { extensions: string[] }');
    }
    const result = await dialog.showOpenDialog({ properties: ['openFile'], filters: [{ name: 'Files', extensions }] });
    const file = result.filePaths[0];
    if (result.canceled || !file) return null;
    return { name: basename(file), data: new Uint8Array(await readFile(file)) };
  });
}
