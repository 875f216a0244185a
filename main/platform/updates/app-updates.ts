// Runs electron-updater when the policy allows: checks at start and every six hours, downloads in the
// background, and once an update is downloaded tells the window, which offers "Restart to update". The
// updater is passed in (electron-updater's autoUpdater in the app), so this is tested with a stand-in.
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
}

export interface AppUpdates {
  // The version downloaded and waiting for a restart, or null.
  ready(): string | null;
  restartToUpdate(): void;
  stop(): void;
}

export interface AppUpdatesOptions {
  updater: Updater;
  onReady: (version: string) => void;
  onError: (message: string) => void;
  everyMs?: number;
  setInterval?: (run: () => void, ms: number) => { unref?: () => void } | number;
  clearInterval?: (handle: unknown) => void;
}

const sixHours = 6 * 60 * 60 * 1000;

export function startAppUpdates(options: AppUpdatesOptions): AppUpdates {
  const { updater } = options;
  let readyVersion: string | null = null;
  updater.autoDownload = true;
  // Downloaded but not restarted for: installed when the user quits anyway.
  updater.autoInstallOnAppQuit = true;
  updater.on('update-downloaded', ({ version }) => {
    readyVersion = version;
    options.onReady(version);
  });
  updater.on('error', (error) => options.onError(error.message));
  const check = () => {
    updater.checkForUpdates().catch((error: unknown) => {
      options.onError(error instanceof Error ? error.message : String(error));
    });
  };
  check();
  const schedule = options.setInterval ?? ((run: () => void, ms: number) => setInterval(run, ms));
  const handle = schedule(check, options.everyMs ?? sixHours);
  if (typeof handle === 'object' && handle.unref) handle.unref();
  return {
    ready: () => readyVersion,
    restartToUpdate() {
      if (readyVersion === null) throw new Error('No update has been downloaded yet.');
      updater.quitAndInstall();
    },
    stop: () => (options.clearInterval ?? ((value: unknown) => clearInterval(value as NodeJS.Timeout)))(handle),
  };
}
