// The application menu: the platform's standard menus plus Help > Open logs folder / Copy diagnostics.
import { Menu, clipboard, type MenuItemConstructorOptions } from 'electron';

// What the Help menu offers, given by the composition root (the diagnostics feature provides it).
export interface HelpMenuActions {
  openLogsFolder(): Promise<unknown>;
  collect(): Promise<{ text: string }>;
}

// devTools: the platform's View menu (with Reload and Toggle Developer Tools) in development; a packaged build's
// View menu has only zoom and full screen.
export function installAppMenu(diagnostics: HelpMenuActions, { devTools }: { devTools: boolean }): void {
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Open Logs Folder', click: () => void diagnostics.openLogsFolder() },
      {
        label: 'Copy Diagnostics',
        click: () => void diagnostics.collect().then(({ text }) => clipboard.writeText(text)),
      },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    devTools
      ? { role: 'viewMenu' }
      : {
          label: 'View',
          submenu: [
            { role: 'resetZoom' },
            { role: 'zoomIn' },
            { role: 'zoomOut' },
            { type: 'separator' },
            { role: 'togglefullscreen' },
          ],
        },
    { role: 'windowMenu' },
    help,
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
