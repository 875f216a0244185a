// The browser harness of architecture.md: the built renderer in Debian's Chromium, with window.authdesk
// built by the preload's own buildApi and every call routed through page.exposeBinding to the real services
// (temp data folder, real SQLite, real OS keychain, the Partner Center simulator over HTTP on 127.0.0.1).
import type { SandboxControlClient } from '../../../sandbox/index';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startStaticServer, type StaticServer } from './static-server';
import { pageBridgeScript } from './bundle-page-bridge';
import { createServices, type Services } from '../../../main/app/create-services';
import { createHandlers } from '../../../main/app/handlers';
import { dispatch } from '../../../main/platform/ipc/dispatch';
import { readAppConfig } from '../../../main/platform/config/app-config';
import type { OfflineOptions } from '../../../main/features/offline/offline-services';
import {
  contract,
  methods,
  channelOf,
  type Method,
  type RequestOf,
  type ResponseOf,
} from '../../../shared/ipc/contract';

// Screenshots go to test-results/ (ignored by git); `npm run screenshots` sends them to docs/screenshots.
export const screenshotDir =
  process.env.AUTHDESK_SCREENSHOT_DIR ?? resolve(__dirname, '../../../test-results/screenshots');

export interface AppHarness {
  page: Page;
  dataDir: string;
  // Where the save dialog's stand-in puts files (a CSV export is written there under its suggested name).
  savedDir: string;
  // URLs the app asked the OS to open (mailto:, admin center): recorded instead of opened.
  openedExternalUrls: string[];
  // Folders the app asked the OS file manager to open (the logs folder): recorded instead of opened.
  openedPaths: string[];
  // Desktop notifications main showed (click() does what the OS does when the user clicks one) and every
  // badge count it set on the icon: recorded by a stand-in for Electron's Notification and app.setBadgeCount.
  notifications: { title: string; body: string; click(): void }[];
  badgeCounts: number[];
  // A stand-in for the installed app's updater: announce a downloaded update; count "Restart to update".
  announceUpdate(version: string): void;
  readonly updateRestarts: number;
  // The app's own sandbox simulator controls (they need its control token): for playing the customer.
  sandboxControl(): SandboxControlClient;
  // Calls a contract method from Node, through the same dispatch the page uses: for setting up data only.
  invoke<M extends Method>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
  clipboardText(): Promise<string>;
  statusText(): Promise<string>;
  timeline(): Promise<string[]>;
  queueRows(): Promise<string[]>;
  screenshot(name: string, options?: { colorScheme?: 'light' | 'dark' }): Promise<string>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

const methodByChannel = new Map(methods.map((method) => [channelOf(method), method]));

export async function launchApp(
  // now: an injected clock for the services (reminders falling due), read on every call.
  // env: extra AUTHDESK_* settings (sign-in tests point AUTHDESK_LOGIN_URL at a simulator); onOpenExternal:
  // what the system browser does with an opened URL (a sign-in test opens the sign-in page in Chromium).
  options: {
    dataDir?: string;
    colorScheme?: 'light' | 'dark';
    now?: () => Date;
    env?: Record<string, string>;
    onOpenExternal?: (url: string, browser: Browser) => Promise<void>;
    // Offline-first: a quicker connectivity probe and background schedule for tests.
    offline?: OfflineOptions;
    // Awaited before each chunk of a CSV export: a test holds the export there to cancel it.
    beforeExportChunk?: () => Promise<void>;
    // Told of every call the page makes, with how long main took to answer it (the bench's call log).
    onCall?: (channel: string, startedAt: number, ms: number) => void;
  } = {},
): Promise<AppHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'authdesk-e2e-'));
  const openedExternalUrls: string[] = [];
  const savedDir = join(dataDir, 'saved-files');
  mkdirSync(savedDir, { recursive: true });
  const openedPaths: string[] = [];
  const notifications: AppHarness['notifications'] = [];
  const badgeCounts: number[] = [];
  let readyUpdate: string | null = null;
  let updateRestarts = 0;
  let pushToPage: (event: string, payload: unknown) => void = () => undefined;
  const staticServer: StaticServer = await startStaticServer();
  const browser: Browser = await launchChromium();

  let services: Services;
  let handlers: ReturnType<typeof createHandlers>;
  let context: BrowserContext;
  let page: Page;

  // Push events reach the page as they would through webContents.send.
  pushToPage = (event, payload) => {
    void page
      ?.evaluate(([name, body]) => window.__authdeskPush(name, body), [event, payload] as const)
      .catch(() => undefined);
  };

  const open = async () => {
    const config = readAppConfig({ dataDir, version: '0.0.0-e2e' }, { ...options.env, AUTHDESK_DATA_DIR: dataDir });
    services = await createServices(config, {
      ...(options.now ? { now: options.now } : {}),
      ...(options.offline ? { offline: options.offline } : {}),
      ...(options.beforeExportChunk ? { beforeExportChunk: options.beforeExportChunk } : {}),
      // The save dialog's stand-in: the suggested name in the harness's saved-files folder.
      chooseSavePath: async (suggestedName) => join(savedDir, suggestedName),
      emit: (event, payload) => pushToPage(event, payload),
      updates: {
        ready: () => readyUpdate,
        restartToUpdate: () => {
          updateRestarts += 1;
        },
      },
      openPath: async (folder) => {
        openedPaths.push(folder);
      },
      desktop: {
        showNotification: ({ title, body, onClick }) => notifications.push({ title, body, click: onClick }),
        setBadgeCount: (count) => badgeCounts.push(count),
        focusWindow: () => undefined,
      },
      openExternal: async (url) => {
        openedExternalUrls.push(url);
        await options.onOpenExternal?.(url, browser);
      },
    });
    handlers = createHandlers(services);
    context = await browser.newContext({
      colorScheme: options.colorScheme ?? 'light',
      viewport: { width: 1360, height: 900 },
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: staticServer.url });
    await context.exposeBinding('__authdeskInvoke', async (_source, channel: string, request: unknown) => {
      const method = methodByChannel.get(channel);
      if (!options.onCall) return dispatch(contract, handlers, method ?? channel, request);
      const startedAt = performance.now();
      try {
        return await dispatch(contract, handlers, method ?? channel, request);
      } finally {
        options.onCall(channel, startedAt, performance.now() - startedAt);
      }
    });
    await context.addInitScript({ content: pageBridgeScript() });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('[renderer]', error));
    await page.goto(staticServer.url);
    await page.getByText('AuthDesk', { exact: true }).waitFor();
  };

  const shut = async () => {
    await context.close();
    await services.close();
  };

  await open();

  return {
    get page() {
      return page;
    },
    dataDir,
    savedDir,
    openedExternalUrls,
    openedPaths,
    notifications,
    badgeCounts,
    sandboxControl: () => {
      if (!services.sandboxControl) throw new Error('This app has no sandbox simulator.');
      return services.sandboxControl;
    },
    announceUpdate: (version) => {
      readyUpdate = version;
      pushToPage('updateReady', { version });
    },
    get updateRestarts() {
      return updateRestarts;
    },
    invoke: async (method, request) => {
      const result = await dispatch(contract, handlers, method, request);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as ResponseOf<typeof method>;
    },
    clipboardText: () => page.evaluate(() => navigator.clipboard.readText()),
    statusText: () => page.locator('.customer-status .status-badge').innerText(),
    timeline: () => page.locator('.timeline-summary').allInnerTexts(),
    queueRows: async () => {
      await page.locator('.queue-table tbody tr').first().waitFor();
      return page.locator('.queue-table tbody tr').allInnerTexts();
    },
    screenshot: async (name, shotOptions = {}) => {
      mkdirSync(screenshotDir, { recursive: true });
      if (shotOptions.colorScheme) await page.emulateMedia({ colorScheme: shotOptions.colorScheme });
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path });
      if (shotOptions.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
      return path;
    },
    restart: async () => {
      await shut();
      await open();
    },
    close: async () => {
      await shut();
      await browser.close();
      await staticServer.close();
    },
  };
}
