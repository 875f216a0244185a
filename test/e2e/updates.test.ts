// "Restart to update" as a user sees it: nothing while no update is waiting; once the updater (a stand-in for
// electron-updater in the harness) has downloaded one, the header offers it, also after the window reloads,
// and a click asks main to restart into it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { saveProfile, directPartner } from './support/flows';

let app: AppHarness;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

describe('updates', () => {
  it('offers the restart once an update is downloaded, and restarts on a click', async () => {
    const { page } = app;
    await saveProfile(page, directPartner);
    const restart = page.getByRole('button', { name: /Restart to update/ });
    expect(await restart.count()).toBe(0);

    app.announceUpdate('1.4.0');
    await page.getByRole('button', { name: 'Restart to update to 1.4.0' }).waitFor();
    await app.screenshot('update-ready');

    // A reloaded window asks main and still offers it.
    await page.reload();
    await page.getByRole('button', { name: 'Restart to update to 1.4.0' }).click();
    await expect.poll(() => app.updateRestarts).toBe(1);
  });
});
