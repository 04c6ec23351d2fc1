import type { MenuItemConstructorOptions } from 'electron';

/** Labels of the application menu; the desktop app is Georgian first, with English beside it. */
const LABELS = {
  file: 'ფაილი / File',
  newWindow: 'ახალი ფანჯარა / New window',
  quit: 'გასვლა / Quit',
  edit: 'რედაქტირება / Edit',
  view: 'ხედი / View',
  help: 'დახმარება / Help',
} as const;

/** The application menu. Export lives in the act's page for now; the menu keeps the standard roles. */
export function applicationMenu(actions: { newWindow: () => void }): MenuItemConstructorOptions[] {
  return [
    {
      label: LABELS.file,
      submenu: [{ label: LABELS.newWindow, accelerator: 'CmdOrCtrl+N', click: actions.newWindow }, { type: 'separator' }, { label: LABELS.quit, role: 'quit' }],
    },
    { label: LABELS.edit, submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: LABELS.view, submenu: [{ role: 'reload' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: LABELS.help, submenu: [{ role: 'about' }] },
  ];
}
