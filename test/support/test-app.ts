// The real services (real SQLite in a temp dir, the real simulator over HTTP) for integration tests, with an
// in-memory credential store unless a test passes the keychain one, and a record of what was pushed/opened.
import { createHandlers, type Handlers } from '../../main/app/handlers';
import type { CredentialStore } from '../../main/platform/keychain/credential-store';
import { createServices, type Services } from '../../main/app/create-services';
import type { ChooseSavePath } from '../../main/features/import-export/csv-file-export';
import type { OfflineOptions } from '../../main/features/offline/offline-services';
import type { TeamServiceOptions } from '../../main/features/team/team-service';
import type { PushEvent } from '../../shared/ipc/contract';
import type { DesktopShell } from '../../main/platform/window/desktop-shell';
import { createMemoryCredentialStore } from './memory-credential-store';
import { makeTempDir } from './temp-dir';

export interface TestApp {
  services: Services;
  handlers: Handlers;
  dataDir: string;
  credentials: CredentialStore;
  pushed: { event: PushEvent; payload: unknown }[];
  opened: string[];
  // Closes and starts the services again on the same data dir, as an app restart does.
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  simulatorUrl?: string;
  credentials?: CredentialStore;
  now?: () => Date;
  // Client-side Partner Center pacing (default 500 per minute); bulk tests raise it.
  requestsPerMinute?: number;
  // Production Partner Center and sign-in authority (the simulator in sign-in tests), and what the system
  // browser does with an opened URL (after it is recorded in `opened`).
  partnerCenterUrl?: string;
  loginUrl?: string;
  graphUrl?: string;
  browser?: (url: string) => Promise<void>;
  // Offline-first work: probe beat, timers and background schedule.
  offline?: OfflineOptions;
  // Called with every push as it happens: a test that acts at a given point of a long operation.
  onPush?: (event: PushEvent, payload: unknown) => void;
  // What stands in for Electron's notifications and badge.
  desktop?: DesktopShell;
  // The team sync's beat and upload batch size.
  team?: Omit<TeamServiceOptions, 'credentials'>;
  // Where the shell's save dialog would save a file (none: the dialog is closed).
  chooseSavePath?: ChooseSavePath;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const temp = makeTempDir();
  const credentials = options.credentials ?? createMemoryCredentialStore();
  const pushed: TestApp['pushed'] = [];
  const opened: string[] = [];
  const open = () =>
    createServices(
      {
        dataDir: temp.dir,
        partnerCenterUrl: options.partnerCenterUrl ?? null,
        simulatorUrl: options.simulatorUrl ?? null,
        ...(options.loginUrl ? { loginUrl: options.loginUrl } : {}),
        ...(options.graphUrl ? { graphUrl: options.graphUrl } : {}),
        actor: 'tester',
        version: '0.0.0-test',
        ...(options.requestsPerMinute ? { requestsPerMinute: options.requestsPerMinute } : {}),
      },
      {
        credentials,
        ...(options.now ? { now: options.now } : {}),
        ...(options.offline ? { offline: options.offline } : {}),
        ...(options.desktop ? { desktop: options.desktop } : {}),
        ...(options.team ? { team: options.team } : {}),
        ...(options.chooseSavePath ? { chooseSavePath: options.chooseSavePath } : {}),
        emit: (event, payload) => {
          pushed.push({ event, payload });
          options.onPush?.(event, payload);
        },
        openExternal: async (url) => {
          opened.push(url);
          await options.browser?.(url);
        },
      },
    );
  let services = await open();
  const app: TestApp = {
    services,
    handlers: createHandlers(services),
    dataDir: temp.dir,
    credentials,
    pushed,
    opened,
    async restart() {
      await services.close();
      services = await open();
      app.services = services;
      app.handlers = createHandlers(services);
    },
    async close() {
      await services.close();
      temp.remove();
    },
  };
  return app;
}
