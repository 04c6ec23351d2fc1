import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './windowOptions';

/**
 * Denies every permission request (camera, notifications, geolocation…) by default: the app needs none,
 * and a compromised page must not gain any.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Adds the strict CSP header to every response of the app's own origin. */
export function enforceContentSecurityPolicy(session: Session, appOrigin: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (details.url.startsWith(appOrigin)) headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}

/** Host names of the loopback interface, where the embedded server listens. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The one URL a window loads: the embedded server's own page on the loopback interface. Anything else (a
 * remote workspace, a file, https elsewhere) throws, so no remote code runs with the app's privileges; a
 * remote workspace is reached only by the page's fetch and WebSocket (DESIGN.md).
 */
export function appEntryUrl(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new Error(`Refusing to load '${serverUrl}': expected the embedded server's address, http://127.0.0.1:<port>`);
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`Refusing to load '${serverUrl}': a window loads only the embedded server on this computer (http://127.0.0.1:<port>)`);
  }
  return `${url.origin}/`;
}

/** True when a URL belongs to the app's own origin. */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
}

/**
 * Keeps a window on the app: navigation away from the app's origin and every new window are denied, so no
 * remote content ever runs with the app's privileges.
 */
export function lockNavigation(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
