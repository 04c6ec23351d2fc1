import { describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => ({}));
import { appEntryUrl, denyAllPermissions, enforceContentSecurityPolicy, isAppUrl, lockNavigation } from './security';

const APP = 'http://127.0.0.1:41234';

/** A WebContents stand-in that records its handlers, so a test can fire navigation events at them. */
function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault: () => void }, url: string) => void>();
  let openHandler: (() => { action: string }) | null = null;
  return {
    on: (name: string, handler: (event: { preventDefault: () => void }, url: string) => void) => handlers.set(name, handler),
    setWindowOpenHandler: (handler: () => { action: string }) => {
      openHandler = handler;
    },
    fire(name: string, url: string): boolean {
      let prevented = false;
      handlers.get(name)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    open: () => openHandler?.(),
  };
}

describe('navigation lock', () => {
  test('navigation within the app is allowed, anywhere else is denied', () => {
    const contents = fakeContents();
    lockNavigation(contents as never, APP);
    expect(contents.fire('will-navigate', `${APP}/documents/doc-12345678`)).toBe(false);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'http://127.0.0.1:9999/')).toBe(true);
    expect(contents.fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-attach-webview', 'about:blank')).toBe(true);
  });

  test('new windows are denied', () => {
    const contents = fakeContents();
    lockNavigation(contents as never, APP);
    expect(contents.open()).toEqual({ action: 'deny' });
  });

  test('a malformed URL is not the app', () => {
    expect(isAppUrl('not a url', APP)).toBe(false);
    expect(isAppUrl(`${APP}/x`, APP)).toBe(true);
  });
});

describe('session hardening', () => {
  test('every permission request and check is denied', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyAllPermissions({ setPermissionRequestHandler: (h: typeof request) => (request = h), setPermissionCheckHandler: (h: typeof check) => (check = h) } as never);
    const answers: boolean[] = [];
    request!(null, 'media', (ok) => answers.push(ok));
    request!(null, 'notifications', (ok) => answers.push(ok));
    expect(answers).toEqual([false, false]);
    expect(check!()).toBe(false);
  });

  test('the app origin gets the CSP header, other origins are untouched', () => {
    let listener: ((details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null = null;
    enforceContentSecurityPolicy({ webRequest: { onHeadersReceived: (l: typeof listener) => (listener = l) } } as never, APP);
    const results: Record<string, string[]>[] = [];
    listener!({ url: `${APP}/index.html`, responseHeaders: {} }, (r) => results.push(r.responseHeaders));
    listener!({ url: 'https://other.example/', responseHeaders: {} }, (r) => results.push(r.responseHeaders));
    expect(results[0]!['Content-Security-Policy']?.[0]).toContain("default-src 'self'");
    expect(results[1]!['Content-Security-Policy']).toBeUndefined();
  });
});

describe('no remote content', () => {
  test('a window loads only the embedded server on the loopback interface', () => {
    expect(appEntryUrl('http://127.0.0.1:41234')).toBe('http://127.0.0.1:41234/');
    expect(appEntryUrl('http://localhost:5000/some/path?x=1')).toBe('http://localhost:5000/');
    for (const remote of ['https://evil.example', 'http://192.168.1.10:4870', 'http://workspace.example.ge:4870', 'file:///etc/passwd', 'https://127.0.0.1:4870', 'not a url']) {
      expect(() => appEntryUrl(remote), remote).toThrow(/Refusing to load/);
    }
  });
});
