import { describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => ({}));
import { CONTENT_SECURITY_POLICY, secureWindowOptions, sessionArguments } from './windowOptions';

describe('window options', () => {
  test('every window is isolated, sandboxed and has no Node', () => {
    const prefs = secureWindowOptions('/app/preload.cjs', []).webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  test('the CSP allows scripts only from the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  test('the session reaches the preload as two switches', () => {
    expect(sessionArguments('http://127.0.0.1:5000', 'T0K')).toEqual(['--sajaro-server-url=http://127.0.0.1:5000', '--sajaro-token=T0K']);
  });
});
