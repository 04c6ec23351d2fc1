/** Where the renderer's workspace is and how it authenticates. */
export interface Session {
  /** The workspace server's origin, e.g. http://127.0.0.1:4870. */
  readonly serverUrl: string;
  readonly token: string;
}

/** What the desktop app's preload exposes; absent in a browser. */
export interface DesktopBridge {
  readonly serverUrl: string;
  readonly token: string;
  saveFile(options: { defaultPath: string; data: Uint8Array }): Promise<string | null>;
  openFile(options: { extensions: string[] }): Promise<{ name: string; data: Uint8Array } | null>;
  onMenuCommand(callback: (command: 'export') => void): () => void;
}

declare global {
  interface Window {
    sajaroDesktop?: DesktopBridge;
  }
}

const TOKEN_KEY = 'sajaro.token';

/**
 * The session of this window. In the desktop app it comes from the preload; in a browser the token comes
 * from the invitation link's `#token=…` on first load and is kept, so later visits need no link.
 */
export function loadSession(): Session | null {
  const desktop = window.sajaroDesktop;
  if (desktop) return { serverUrl: desktop.serverUrl, token: desktop.token };
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    localStorage.setItem(TOKEN_KEY, fromHash);
    // The token must not linger in the address bar, where it could be copied into a shared link.
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? localStorage.getItem(TOKEN_KEY);
  return token ? { serverUrl: window.location.origin, token } : null;
}

/** The WebSocket base of the sync endpoint; y-websocket appends `/<docId>`. */
export function syncUrl(session: Session): string {
  return `${session.serverUrl.replace(/^http/, 'ws')}/sync`;
}
