// Launches the real Electron app through Playwright's _electron where an Electron binary exists.
// Our CI machines cannot download Electron's binary, so there this test reports itself skipped.
import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';

// Where Electron's binary is, if it was downloaded, found without require('electron'): requiring it would try
// to download the binary, which machines without internet access cannot do.
function electronBinary(): string | null {
  const packageDir = resolve(__dirname, '../../node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binaryPath = join(distDir, relative);
  return existsSync(binaryPath) ? binaryPath : null;
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
