// The one AuthDesk window: isolated, sandboxed renderer with only the preload's typed API, kept on the app's
// own page (navigation guard) and never opening other windows.
import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { AppOrigin } from '../security/app-origin';
import type { OpenExternal } from '../security/external-url-policy';
import { guardNavigation } from '../security/guard-navigation';

export function createMainWindow(
  origin: AppOrigin,
  openExternal: OpenExternal,
  { devTools }: { devTools: boolean },
): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'AuthDesk',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      // Off in a packaged build: no DevTools window, not even by shortcut.
      devTools,
      // Middle-click would otherwise try to open links in new windows (already denied, but not even tried).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardNavigation(window.webContents, origin, openExternal);
  // Shown once painted, so the user never sees an empty white frame.
  window.once('ready-to-show', () => window.show());
  void window.loadURL(origin.url);
  return window;
}
