import type { MenuItemConstructorOptions } from 'electron';

/** Labels of the application menu; the desktop app is Georgian first, with English beside it. */
const LABELS = {
  file: 'ფაილი / File',
  newWindow: 'ახალი ფანჯარა / New window',
  exportAct: 'ექსპორტი… / Export…',
  quit: 'გასვლა / Quit',
  edit: 'რედაქტირება / Edit',
  view: 'ხედი / View',
  help: 'დახმარება / Help',
} as const;

/** The application menu. File → Export… asks the open act's page to export it (it knows the act and the version). */
export function applicationMenu(actions: { newWindow: () => void; exportAct: () => void }): MenuItemConstructorOptions[] {
  return [
    {
      label: LABELS.file,
      submenu: [
        { label: LABELS.newWindow, accelerator: 'CmdOrCtrl+N', click: actions.newWindow },
        { label: LABELS.exportAct, accelerator: 'CmdOrCtrl+E', click: actions.exportAct },
        { type: 'separator' },
        { label: LABELS.quit, role: 'quit' },
      ],
    },
    { label: LABELS.edit, submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: LABELS.view, submenu: [{ role: 'reload' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: LABELS.help, submenu: [{ role: 'about' }] },
  ];
}
