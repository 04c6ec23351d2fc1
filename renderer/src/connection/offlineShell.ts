/**
 * Registers the service worker that keeps the app shell offline. Browsers allow it only in a secure context
 * (HTTPS, or localhost); elsewhere the app still works online, and the act's text is still kept locally.
 */
export function registerOfflineShell(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext || window.sajaroDesktop) return;
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('[offline] service worker not registered', error));
}
