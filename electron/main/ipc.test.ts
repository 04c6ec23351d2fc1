import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => ({}));
import { IPC_CHANNELS, registerFileDialogs } from './ipc';

const APP = 'http://127.0.0.1:41234';

function setup(savePath: string) {
  const handlers = new Map<string, (event: unknown, options: unknown) => Promise<unknown>>();
  const ipcMain = { handle: (channel: string, h: (event: unknown, options: unknown) => Promise<unknown>) => handlers.set(channel, h) };
  const dialog = {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: savePath })),
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [savePath] })),
  };
  registerFileDialogs(ipcMain as never, dialog as never, APP);
  const call = (channel: string, frameUrl: string, options: unknown) => handlers.get(channel)!({ senderFrame: { url: frameUrl } }, options);
  return { call, dialog };
}

describe('file dialogs over IPC', () => {
  test('the app page saves through the native dialog', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sajaro-ipc-')), 'act.docx');
    const { call } = setup(file);
    const saved = await call(IPC_CHANNELS.saveFile, `${APP}/documents/x`, { defaultPath: 'act.docx', data: new Uint8Array([1, 2, 3]) });
    expect(saved).toBe(file);
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
  });

  test('a message from another origin is refused before any dialog opens', async () => {
    const { call, dialog } = setup('/tmp/never');
    await expect(call(IPC_CHANNELS.saveFile, 'https://evil.example/', { defaultPath: 'a', data: new Uint8Array() })).rejects.toThrow(/untrusted/);
    await expect(call(IPC_CHANNELS.openFile, 'https://evil.example/', { extensions: ['docx'] })).rejects.toThrow(/untrusted/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  test('malformed arguments are refused with what was expected', async () => {
    const { call } = setup('/tmp/never');
    await expect(call(IPC_CHANNELS.saveFile, APP, { defaultPath: 42 })).rejects.toThrow(/expected \{ defaultPath/);
    await expect(call(IPC_CHANNELS.openFile, APP, { extensions: ['../../x'] })).rejects.toThrow(/expected \{ extensions/);
  });
});
