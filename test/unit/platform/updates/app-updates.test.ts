// The update loop over a stand-in for electron-updater's autoUpdater: what it is told, when it checks, and
// what the window hears.
import { EventEmitter } from 'node:events';
/* eslint-disable @typescript-eslint/no-explicit-any -- EventEmitter's listener type */
import { describe, expect, it } from 'vitest';
import { startAppUpdates, type Updater } from '../../../../main/platform/updates/app-updates';

function fakeUpdater() {
  const events = new EventEmitter();
  const state = { checks: 0, installs: 0, failNextCheck: false };
  const updater: Updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    on: (event: string, listener: (...args: any[]) => void) => events.on(event, listener),
    checkForUpdates: async () => {
      state.checks += 1;
      if (state.failNextCheck) {
        state.failNextCheck = false;
        throw new Error('net::ERR_NAME_NOT_RESOLVED');
      }
      return null;
    },
    quitAndInstall: () => {
      state.installs += 1;
    },
  };
  return { updater, events, state };
}

function started() {
  const { updater, events, state } = fakeUpdater();
  const ready: string[] = [];
  const errors: string[] = [];
  let errorArrived: () => void = () => undefined;
  const nextError = () => new Promise<void>((resolve) => (errorArrived = resolve));
  let scheduled: { run: () => void; ms: number } | null = null;
  const updates = startAppUpdates({
    updater,
    onReady: (version) => ready.push(version),
    onError: (message) => {
      errors.push(message);
      errorArrived();
    },
    setInterval: (run, ms) => {
      scheduled = { run, ms };
      return 1;
    },
    clearInterval: () => (scheduled = null),
  });
  return { updates, updater, events, state, ready, errors, nextError, scheduled: () => scheduled };
}

describe('app updates', () => {
  it('downloads in the background, installs on quit, checks at start and every six hours', async () => {
    const { updater, state, scheduled } = started();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(state.checks).toBe(1);
    expect(scheduled()?.ms).toBe(6 * 60 * 60 * 1000);
    scheduled()?.run();
    expect(state.checks).toBe(2);
  });

  it('tells the window once an update is downloaded, and restarts into it only then', () => {
    const { updates, events, state, ready } = started();
    expect(() => updates.restartToUpdate()).toThrow('No update has been downloaded yet.');
    expect(state.installs).toBe(0);
    events.emit('update-downloaded', { version: '1.4.0' });
    expect(ready).toEqual(['1.4.0']);
    expect(updates.ready()).toBe('1.4.0');
    updates.restartToUpdate();
    expect(state.installs).toBe(1);
  });

  it('reports a failed check or an updater error without stopping, and stops on request', async () => {
    const { updates, events, state, errors, nextError, scheduled } = started();
    state.failNextCheck = true;
    const failed = nextError();
    scheduled()?.run();
    await failed;
    events.emit('error', new Error('sha512 checksum mismatch'));
    expect(errors).toEqual(['net::ERR_NAME_NOT_RESOLVED', 'sha512 checksum mismatch']);
    updates.stop();
    expect(scheduled()).toBeNull();
  });
});
