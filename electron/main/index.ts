import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { startServer, type RunningServer } from '../../server/startServer';
import { MENU_CHANNEL, registerFileDialogs } from './ipc';
import { applicationMenu } from './menu';
import { appEntryUrl, denyAllPermissions, enforceContentSecurityPolicy, lockNavigation } from './security';
import { secureWindowOptions, sessionArguments } from './windowOptions';
import { guardUnload } from './unloadGuard';

/**
 * The thin Electron main process: start the embedded workspace server on 127.0.0.1 with a random port and
 * the user's data folder, then open windows on it. Everything else lives in server/ and renderer/.
 */
let server: RunningServer | null = null;

async function openWindow(running: RunningServer): Promise<void> {
  const window = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs'), sessionArguments(running.url, running.workspace.ownerToken)));
  lockNavigation(window.webContents, running.url);
  guardUnload(window.webContents, window, dialog, () => app.getLocale());
  window.once('ready-to-show', () => window.show());
  await window.loadURL(appEntryUrl(running.url));
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const resources = app.isPackaged ? process.resourcesPath : join(__dirname, '..', '..');
  server = await startServer({
    dataDir: app.getPath('userData'),
    port: 0,
    host: '127.0.0.1',
    rendererDir: join(resources, 'dist', 'renderer'),
    templatesDir: join(resources, 'templates'),
    // better-sqlite3 built for Electron's ABI (scripts/start-desktop.mjs); tests keep the Node build.
    nativeBinding: process.env.SAJARO_NATIVE_BINDING || undefined,
  });
  denyAllPermissions(session.defaultSession);
  enforceContentSecurityPolicy(session.defaultSession, server.url);
  registerFileDialogs(ipcMain, dialog, server.url);
  const running = server;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenu({
        newWindow: () => void openWindow(running),
        exportAct: () => BrowserWindow.getFocusedWindow()?.webContents.send(MENU_CHANNEL, 'export'),
      }),
    ),
  );
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents, running.url));
  await openWindow(running);
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!server) return;
  event.preventDefault();
  const stopping = server;
  server = null;
  void stopping.stop().finally(() => app.exit(0));
});

main().catch((error: unknown) => {
  dialog.showErrorBox('Sajaro', `Sajaro could not start: ${(error as Error).message}`);
  app.exit(1);
});
