// A wiring test of the Electron shell: the built main process (out/main/index.js, as electron-builder packs it)
// runs under Node against a RECORDING STAND-IN of the `electron` module, written here, which only notes what
// main asks of it. It checks what the shell must do at start (single-instance lock, the app scheme registered
// before ready and handled, the session hardened, one isolated and sandboxed window with a preload that exists,
// every contract channel registered behind the sender check, the services closed on quit). It catches wiring
// mistakes; it says nothing about how Electron itself behaves, which only a launched binary can show.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelOf, methods } from '../../../shared/ipc/contract';
import { makeTempDir } from '../../support/temp-dir';

const root = path.resolve(__dirname, '../../..');
const builtMain = path.join(root, 'out', 'main', 'index.js');

type Listener = (...args: unknown[]) => unknown;

interface StandIn {
  calls: string[];
  ipc: Map<string, Listener>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  privilegedSchemes: unknown[];
  appListeners: Map<string, Listener[]>;
  windows: { options: Record<string, unknown>; loadedUrl: string | null; webContents: object }[];
  session: { headerHook: Listener | null; permissionRequest: Listener | null; permissionCheck: Listener | null };
  errors: string[];
  windowShown: Promise<void>;
  quit: Promise<void>;
  ready(): void;
}

function electronStandIn(dataDir: string): { module: Record<string, unknown>; standIn: StandIn } {
  let windowShown!: () => void;
  let failed!: (error: Error) => void;
  let quit!: () => void;
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const standIn: StandIn = {
    calls: [],
    ipc: new Map(),
    protocolHandlers: new Map(),
    privilegedSchemes: [],
    appListeners: new Map(),
    windows: [],
    session: { headerHook: null, permissionRequest: null, permissionCheck: null },
    errors: [],
    windowShown: new Promise<void>((resolve, reject) => {
      windowShown = resolve;
      failed = reject;
    }),
    quit: new Promise<void>((resolve) => (quit = resolve)),
    ready: () => ready(),
  };
  const record = (call: string) => standIn.calls.push(call);

  class WebContents {
    listeners = new Map<string, Listener>();
    windowOpenHandler: Listener | null = null;
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
    send() {}
    isDestroyed() {
      return false;
    }
  }
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static fromWebContents(contents: unknown) {
      return BrowserWindow.all.find((window) => window.webContents === contents) ?? null;
    }
    webContents = new WebContents();
    loadedUrl: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      record('new BrowserWindow');
      BrowserWindow.all.push(this);
      standIn.windows.push(this);
    }
    once() {
      return this;
    }
    on() {
      return this;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      windowShown();
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    focus() {}
    show() {}
    restore() {}
  }
  const module = {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => (record('requestSingleInstanceLock'), true),
      on(event: string, listener: Listener) {
        standIn.appListeners.set(event, [...(standIn.appListeners.get(event) ?? []), listener]);
      },
      whenReady: () => (record('whenReady'), readyPromise),
      getPath: () => dataDir,
      getVersion: () => '0.0.0-wiring',
      setAppUserModelId: () => undefined,
      setBadgeCount: () => true,
      quit: () => (record('quit'), quit()),
      exit: (code: number) => {
        record(`exit ${code}`);
        failed(new Error(`app.exit(${code}): ${standIn.errors.join('; ')}`));
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        record('registerSchemesAsPrivileged');
        standIn.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        record(`protocol.handle ${scheme}`);
        standIn.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (hook: Listener) => (standIn.session.headerHook = hook) },
        setPermissionRequestHandler: (handler: Listener) => (standIn.session.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => (standIn.session.permissionCheck = handler),
      },
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => standIn.ipc.set(channel, listener),
      removeHandler: (channel: string) => standIn.ipc.delete(channel),
    },
    dialog: { showErrorBox: (title: string, message: string) => standIn.errors.push(`${title}: ${message}`) },
    shell: { openExternal: async () => undefined, openPath: async () => '' },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: () => undefined },
    clipboard: { writeText: () => undefined },
    Notification: class {
      static isSupported() {
        return false;
      }
    },
    BrowserWindow,
  };
  return { module, standIn };
}

let temp: ReturnType<typeof makeTempDir>;
let standIn: StandIn;
const savedEnv = { ...process.env };

beforeAll(async () => {
  if (!existsSync(builtMain)) throw new Error('Build first (npm run build): out/main/index.js is missing.');
  temp = makeTempDir();
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.AUTHDESK_SIMULATOR_URL;
  process.env.AUTHDESK_DATA_DIR = temp.dir;
  const stand = electronStandIn(temp.dir);
  standIn = stand.standIn;
  // Node's own require, so out/main/index.js loads as Electron would load it, with `electron` answered from
  // the cache by the stand-in instead of the npm package (whose binary is not here).
  const nodeRequire = createRequire(builtMain);
  const electronPath = nodeRequire.resolve('electron');
  nodeRequire.cache[electronPath] = {
    id: electronPath,
    filename: electronPath,
    loaded: true,
    exports: stand.module,
  } as never;
  nodeRequire(builtMain);
  // What must happen before the app is ready has happened by now; then Electron says it is ready.
  standIn.calls.push('-- ready --');
  standIn.ready();
  await standIn.windowShown;
}, 60_000);

afterAll(() => {
  process.env = savedEnv;
  temp?.remove();
});

describe('the Electron shell, wired (against a recording stand-in of electron)', () => {
  it('takes the single-instance lock and registers the app scheme before ready, handling it after', () => {
    const ready = standIn.calls.indexOf('-- ready --');
    expect(standIn.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(standIn.calls.indexOf('requestSingleInstanceLock')).toBeLessThan(ready);
    expect(standIn.calls.indexOf('protocol.handle authdesk')).toBeGreaterThan(ready);
    expect(standIn.privilegedSchemes).toEqual([
      { scheme: 'authdesk', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(standIn.appListeners.has('second-instance')).toBe(true);
    expect(standIn.errors).toEqual([]);
  });

  it('serves the built renderer on the app scheme, with the CSP', async () => {
    const handler = standIn.protocolHandlers.get('authdesk')!;
    const page = await handler(new Request('authdesk://app/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(readFileSync(path.join(root, 'out', 'renderer', 'index.html'), 'utf8'));
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await handler(new Request('authdesk://app/../main/index.js'))).status).toBe(404);
  });

  it('hardens the session: a CSP on every response, every permission refused but clipboard writing', () => {
    let headers: Record<string, string[]> = {};
    standIn.session.headerHook!({ responseHeaders: {} }, (result: { responseHeaders: Record<string, string[]> }) => {
      headers = result.responseHeaders;
    });
    expect(headers['Content-Security-Policy']?.[0]).toContain("default-src 'self'");
    const answers: Record<string, boolean> = {};
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-sanitized-write']) {
      standIn.session.permissionRequest!({}, permission, (granted: boolean) => (answers[permission] = granted));
    }
    expect(answers).toEqual({
      notifications: false,
      media: false,
      geolocation: false,
      'clipboard-sanitized-write': true,
    });
  });

  it('opens one isolated, sandboxed window on the app scheme with a preload that exists', () => {
    expect(standIn.windows).toHaveLength(1);
    const [window] = standIn.windows;
    const preferences = window!.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(existsSync(preferences.preload as string)).toBe(true);
    expect(preferences.preload).toBe(path.join(root, 'out', 'preload', 'index.js'));
    expect(window!.loadedUrl).toBe('authdesk://app/index.html');
  });

  it('registers every contract channel, answering only the app page in its window', async () => {
    expect([...standIn.ipc.keys()].sort()).toEqual(methods.map((method) => channelOf(method)).sort());
    const getAppInfo = standIn.ipc.get(channelOf('getAppInfo'))!;
    const sender = standIn.windows[0]!.webContents;
    const fromApp = await getAppInfo({ sender, senderFrame: { parent: null, url: 'authdesk://app/index.html' } }, {});
    expect(fromApp).toMatchObject({ ok: true, value: { version: '0.0.0-wiring', mode: 'sandbox', dataDir: temp.dir } });
    for (const senderFrame of [
      { parent: null, url: 'https://evil.example/' },
      { parent: {}, url: 'authdesk://app/index.html' },
      { parent: null, url: 'file:///etc/passwd' },
    ]) {
      expect(await getAppInfo({ sender, senderFrame }, {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
    expect(await getAppInfo({ sender: {}, senderFrame: { parent: null, url: 'authdesk://app/' } }, {})).toMatchObject({
      ok: false,
    });
  });

  it('on quit, holds the exit until the services are closed (the database cleanly: its WAL folded in)', async () => {
    const wal = path.join(temp.dir, 'authdesk.db-wal');
    expect(existsSync(wal)).toBe(true);
    let prevented = false;
    for (const listener of standIn.appListeners.get('will-quit') ?? []) {
      listener({ preventDefault: () => (prevented = true) });
    }
    expect(prevented).toBe(true);
    await standIn.quit;
    expect(existsSync(wal)).toBe(false);
  });
});
