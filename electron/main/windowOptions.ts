import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Every window's options in one function, so the Electron security checklist holds for all of them:
 * context isolation, the sandbox, no Node in the renderer, web security on, no webviews.
 */
export function secureWindowOptions(preloadPath: string, sessionArgs: readonly string[]): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Sajaro',
    show: false,
    backgroundColor: '#eef1f4',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      additionalArguments: [...sessionArgs],
    },
  };
}

/** The strict Content-Security-Policy of the app's own pages; remote workspaces are reached only by fetch and WebSocket. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' http: https: ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** The command-line switches by which main hands the preload its session (the sandboxed preload reads process.argv). */
export const SESSION_SWITCHES = { serverUrl: '--sajaro-server-url=', token: '--sajaro-token=' } as const;

/** Encodes the session for the preload. */
export function sessionArguments(serverUrl: string, token: string): string[] {
  return [`${SESSION_SWITCHES.serverUrl}${serverUrl}`, `${SESSION_SWITCHES.token}${token}`];
}
