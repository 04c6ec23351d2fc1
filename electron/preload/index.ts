import { contextBridge, ipcRenderer } from 'electron';

/** Mirrors electron/main/ipc.ts and windowOptions.ts; the sandboxed preload bundles nothing but electron. */
const IPC = { saveFile: 'sajaro:save-file', openFile: 'sajaro:open-file', menu: 'sajaro:menu' } as const;
const MENU_COMMANDS = ['export'] as const;
const SWITCHES = { serverUrl: '--sajaro-server-url=', token: '--sajaro-token=' } as const;

function argument(prefix: string): string {
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? '';
}

/**
 * The minimal typed bridge: the workspace server's URL and token, and the native save and open dialogs.
 * Nothing else of Node or Electron reaches the page.
 */
export const desktopBridge = {
  serverUrl: argument(SWITCHES.serverUrl),
  token: argument(SWITCHES.token),
  saveFile: (options: { defaultPath: string; data: Uint8Array }): Promise<string | null> => ipcRenderer.invoke(IPC.saveFile, options),
  openFile: (options: { extensions: string[] }): Promise<{ name: string; data: Uint8Array } | null> => ipcRenderer.invoke(IPC.openFile, options),
  /** Subscribes to application-menu commands (File → Export…); returns the unsubscribe function. */
  onMenuCommand: (callback: (command: (typeof MENU_COMMANDS)[number]) => void): (() => void) => {
    const listener = (_event: unknown, command: unknown) => {
      if (MENU_COMMANDS.includes(command as (typeof MENU_COMMANDS)[number])) callback(command as (typeof MENU_COMMANDS)[number]);
    };
    ipcRenderer.on(IPC.menu, listener);
    return () => ipcRenderer.removeListener(IPC.menu, listener);
  },
};

contextBridge.exposeInMainWorld('sajaroDesktop', desktopBridge);
