// Launches the real Electron app through Playwright's _electron where an Electron binary exists.
// Our CI machines cannot download Electron's binary, so there this test reports itself skipped.
import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';

function electronBinary(): string | null {
  try {
    const path = createRequire(__filename)('electron') as unknown as string;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const built = existsSync(resolve(__dirname, '../../out/main/index.js'));

describe('Electron app', () => {
  it.skipIf(binary === null || !built)(
    'opens the main window with the queue or settings, isolated and sandboxed',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'authdesk-electron-'));
      const app = await electron.launch({
        executablePath: binary ?? undefined,
        args: [resolve(__dirname, '../../out/main/index.js')],
        env: { ...process.env, AUTHDESK_DATA_DIR: dataDir },
      });
      try {
        const mainWindow = await app.firstWindow();
        await mainWindow.getByRole('button', { name: 'Settings' }).waitFor();
        // The renderer must have the bridge and nothing of Node.
        const surface = await mainWindow.evaluate(() => ({
          api: typeof window.authdesk?.getAppInfo,
          require: typeof (window as unknown as { require?: unknown }).require,
          process: typeof (window as unknown as { process?: unknown }).process,
        }));
        expect(surface).toEqual({ api: 'function', require: 'undefined', process: 'undefined' });
      } finally {
        await app.close();
      }
    },
  );
});
