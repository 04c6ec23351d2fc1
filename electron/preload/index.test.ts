import { describe, expect, test, vi } from 'vitest';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async () => null);
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

describe('preload bridge', () => {
  test('exposes only the session and the two file dialogs', async () => {
    process.argv.push('--sajaro-server-url=http://127.0.0.1:5000', '--sajaro-token=abc');
    await import('./index');
    expect([...exposed.keys()]).toEqual(['sajaroDesktop']);
    const bridge = exposed.get('sajaroDesktop') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['onMenuCommand', 'openFile', 'saveFile', 'serverUrl', 'token']);
    expect(bridge.serverUrl).toBe('http://127.0.0.1:5000');
    expect(bridge.token).toBe('abc');
    await (bridge.saveFile as (o: unknown) => Promise<unknown>)({ defaultPath: 'a.docx', data: new Uint8Array() });
    expect(invoke).toHaveBeenCalledWith('sajaro:save-file', { defaultPath: 'a.docx', data: new Uint8Array() });
  });
});
