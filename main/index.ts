// The Electron shell, wiring only: single instance, hardened session, the window, services and IPC.
// Everything that can be tested without Electron lives in services/ and ipc/dispatch.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, protocol, session, shell, type BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import { readAppConfig } from './platform/config/app-config';
import { shellRuntime } from './platform/config/shell-runtime';
import { startAppUpdates, type AppUpdates } from './platform/updates/app-updates';
import { updatePolicy } from './platform/updates/update-policy';
import { createHandlers } from './app/handlers';
import { contract } from '../shared/ipc/contract';
import { createPushEmitter } from './platform/ipc/push-events';
import { registerIpcHandlers } from './platform/ipc/register-ipc-handlers';
import { appOrigin } from './platform/security/app-origin';
import { appScheme, appSchemePrivileges } from './platform/security/app-scheme';
import { contentSecurityPolicy } from './platform/security/content-security-policy';
import { createRendererFileHandler } from './platform/security/renderer-file-handler';
import { openExternalSafely } from './platform/security/external-url-policy';
import { hardenSession } from './platform/security/harden-session';
import { createServices, type Services } from './app/create-services';
import { productionLoginUrl } from './microsoft/partner-center-connection';
import { createMainWindow } from './platform/window/create-main-window';
import { installAppMenu } from './platform/window/app-menu';
import { electronDesktopShell } from './platform/window/electron-desktop-shell';

// A packaged build honours no development switch (see shell-runtime); a development run keeps them all.
const runtime = shellRuntime({ packaged: app.isPackaged, env: process.env, argv: process.argv });
const devServerUrl = runtime.devServerUrl;
const origin = appOrigin(devServerUrl);
// Only possible before the app is ready: the scheme the built renderer is served from.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
// Set from the configuration at start: the sign-in page MSAL opens in the system browser lives there.
let loginUrl: string | undefined;
const openExternal = (url: string) => openExternalSafely((allowed) => shell.openExternal(allowed), url, loginUrl);

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

function showWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(origin, openExternal, { devTools: runtime.devTools });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  app.setAppUserModelId('com.authdesk.app');
  hardenSession(session.defaultSession, devServerUrl);
  protocol.handle(
    appScheme,
    createRendererFileHandler({
      rootDir: path.join(__dirname, '../renderer'),
      contentSecurityPolicy: contentSecurityPolicy(undefined),
    }),
  );
  const config = readAppConfig({ dataDir: app.getPath('userData'), version: app.getVersion() }, runtime.env);
  loginUrl = productionLoginUrl(config);
  const push = createPushEmitter(() => mainWindow);
  let appUpdates: AppUpdates | null = null;
  services = await createServices(config, {
    emit: push,
    updates: {
      ready: () => appUpdates?.ready() ?? null,
      restartToUpdate: () => appUpdates?.restartToUpdate(),
    },
    openExternal,
    desktop: electronDesktopShell(() => {
      showWindow();
      return mainWindow;
    }),
    chooseSavePath: async (suggestedName) => {
      const options = { defaultPath: path.join(app.getPath('downloads'), suggestedName) };
      const answer = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
    openPath: async (folder) => {
      const problem = await shell.openPath(folder);
      if (problem) throw new Error(problem);
    },
  });
  installAppMenu(services.diagnostics, { devTools: runtime.devTools });
  const { logger } = services;
  if (runtime.ignoredVariables.length > 0) {
    logger.warn(`Ignored in an installed AuthDesk: ${runtime.ignoredVariables.join(', ')}`);
  }
  const updates = updatePolicy({
    packaged: app.isPackaged,
    mode: services.mode,
    platform: process.platform,
    appImage: process.env.APPIMAGE,
    // resources/ exists only in an installed build.
    hasFeed: app.isPackaged && existsSync(path.join(process.resourcesPath, 'app-update.yml')),
  });
  if (updates.enabled) {
    appUpdates = startAppUpdates({
      updater: autoUpdater,
      onReady: (version) => push('updateReady', { version }),
      onError: (message) => logger.warn('Update check failed', message),
    });
  } else {
    logger.info(`Updates off: ${updates.reason}`);
  }
  registerIpcHandlers(
    contract,
    createHandlers(services),
    origin,
    () => mainWindow,
    (message, error) => logger.error(message, error),
  );
  showWindow();
}

if (runtime.refusedSwitches.length > 0) {
  // Another program could drive the window (and the user's Partner Center session) through them.
  process.stderr.write(`AuthDesk does not start with ${runtime.refusedSwitches.join(' ')}.\n`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // A second AuthDesk would open the same database and keychain entries: hand over to the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || services === null) return;
    // Stop the simulator and close the database cleanly before the process exits.
    closing = true;
    event.preventDefault();
    void services.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Say why (a keychain or database problem) instead of vanishing.
      dialog.showErrorBox('AuthDesk could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
