import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

/**
 * The Electron security checklist as main wires it, against a mocked `electron` (the binary cannot run
 * here) and the real embedded server: every window isolated and sandboxed without Node, loading only the
 * embedded server's page, navigation and new windows denied, permissions denied, the CSP set, IPC checked.
 */

// Handlers of many shapes are recorded and called back with stand-in events.
type Handler = (...args: unknown[]) => unknown;

const recorded = vi.hoisted(() => ({
  windows: [] as Array<{ options: { webPreferences: Record<string, unknown> }; loaded: string[]; contents: { handlers: Map<string, Handler>; openHandler: Handler | null } }>,
  appHandlers: new Map<string, Handler>(),
  ipc: new Map<string, Handler>(),
  permissionRequest: null as Handler | null,
  permissionCheck: null as Handler | null,
  headers: null as Handler | null,
  errors: [] as string[],
  exited: [] as number[],
  userData: '',
}));

vi.mock('electron', () => {
  const contents = () => {
    const handlers = new Map<string, Handler>();
    const c = {
      handlers,
      openHandler: null as Handler | null,
      on: (name: string, handler: Handler) => handlers.set(name, handler),
      setWindowOpenHandler(handler: Handler) {
        c.openHandler = handler;
      },
      send: () => undefined,
    };
    return c;
  };
  class BrowserWindow {
    readonly webContents = contents();
    readonly loaded: string[] = [];
    constructor(readonly options: unknown) {
      recorded.windows.push({ options: options as { webPreferences: Record<string, unknown> }, loaded: this.loaded, contents: this.webContents });
    }
    once() {
      return this;
    }
    show() {}
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    static getFocusedWindow() {
      return null;
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      whenReady: async () => undefined,
      isPackaged: false,
      getPath: (name: string) => (name === 'userData' ? recorded.userData : tmpdir()),
      on: (name: string, handler: Handler) => recorded.appHandlers.set(name, handler),
      quit: () => undefined,
      exit: (code: number) => recorded.exited.push(code),
    },
    BrowserWindow,
    dialog: { showErrorBox: (_title: string, message: string) => recorded.errors.push(message) },
    ipcMain: { handle: (channel: string, handler: Handler) => recorded.ipc.set(channel, handler) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => (recorded.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Handler) => (recorded.permissionCheck = handler),
        webRequest: { onHeadersReceived: (handler: Handler) => (recorded.headers = handler) },
      },
    },
  };
});

beforeAll(async () => {
  recorded.userData = mkdtempSync(join(tmpdir(), 'sajaro-electron-'));
  await import('./index');
  const deadline = Date.now() + 30_000;
  while (recorded.windows[0]?.loaded.length !== 1 && recorded.errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  expect(recorded.errors).toEqual([]);
});

afterAll(async () => {
  // Quitting stops the embedded server, then exits.
  recorded.appHandlers.get('will-quit')?.({ preventDefault: () => undefined });
  const deadline = Date.now() + 10_000;
  while (recorded.exited.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  rmSync(recorded.userData, { recursive: true, force: true });
});

describe('the desktop main process', () => {
  test('the window is isolated and sandboxed, with no Node in the renderer and only the minimal preload', () => {
    const prefs = recorded.windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
    expect(prefs.preload).toMatch(/preload\.cjs$/);
  });

  test('no remote content: the window loads only the embedded server’s page on 127.0.0.1, which is the real server', async () => {
    const [url] = recorded.windows[0]!.loaded;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await fetch(`${url}api/health`);
    expect(await health.json()).toMatchObject({ ok: true });
    expect(recorded.exited).toEqual([]);
  });

  test('navigation away from the app and new windows are denied, in every web contents', () => {
    const origin = recorded.windows[0]!.loaded[0]!.replace(/\/$/, '');
    const check = (handlers: Map<string, Handler>) => {
      let prevented = false;
      handlers.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented).toBe(true);
      prevented = false;
      handlers.get('will-navigate')!({ preventDefault: () => (prevented = true) }, `${origin}/documents/doc-12345678`);
      expect(prevented).toBe(false);
    };
    check(recorded.windows[0]!.contents.handlers);
    expect(recorded.windows[0]!.contents.openHandler!()).toEqual({ action: 'deny' });
    // Any other web contents (a devtools or a future frame) gets the same lock.
    const other = { handlers: new Map<string, Handler>(), openHandler: null as Handler | null };
    recorded.appHandlers.get('web-contents-created')!({}, { on: (n: string, h: Handler) => other.handlers.set(n, h), setWindowOpenHandler: (h: Handler) => (other.openHandler = h) });
    check(other.handlers);
    expect(other.openHandler!()).toEqual({ action: 'deny' });
  });

  test('permission requests are denied by default, and the app’s pages carry the strict CSP', () => {
    const answers: boolean[] = [];
    recorded.permissionRequest!(null, 'geolocation', (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(recorded.permissionCheck!()).toBe(false);
    const origin = recorded.windows[0]!.loaded[0]!.replace(/\/$/, '');
    let headers: Record<string, string[]> = {};
    recorded.headers!({ url: `${origin}/`, responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
  });

  test('IPC is answered only on the two dialog channels, and only for the app’s own page', async () => {
    expect([...recorded.ipc.keys()].sort()).toEqual(['sajaro:open-file', 'sajaro:save-file']);
    await expect(recorded.ipc.get('sajaro:open-file')!({ senderFrame: { url: 'https://evil.example/' } }, { extensions: ['docx'] })).rejects.toThrow(/untrusted frame/);
  });
});
