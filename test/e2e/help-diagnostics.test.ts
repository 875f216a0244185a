// Help and diagnostics in Settings: Copy diagnostics puts a redacted report on the clipboard, and Open logs
// folder asks the OS to open the data folder's logs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, type AppHarness } from './harness/launch-app';
import { saveProfile, directPartner } from './support/flows';

let app: AppHarness;
beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

describe('help and diagnostics', () => {
  it('copies diagnostics and opens the logs folder from Settings', async () => {
    const { page } = app;
    await saveProfile(page, directPartner);
    await page.getByRole('button', { name: 'Settings' }).click();
    const help = page.getByRole('region', { name: 'Help and diagnostics' });
    await help.getByRole('button', { name: 'Copy diagnostics' }).click();
    await page.getByText('Diagnostics copied.').waitFor();
    const text = await app.clipboardText();
    expect(text).toMatch(/^AuthDesk 0\.0\.0-e2e \(sandbox mode\)/);
    expect(text).toContain(`Data folder: ${app.dataDir}`);
    expect(text).toContain('Customers by status: none');
    expect(text).toContain('started in sandbox mode');
    await help.getByRole('button', { name: 'Open logs folder' }).click();
    await expect.poll(() => app.openedPaths).toEqual([join(app.dataDir, 'logs')]);
    await app.screenshot('settings-help');
  });
});
