// Settings' Partner Center parts, clicking like a user: the cached reseller list with "Refresh resellers",
// and "Connect to Partner Center" signing in with MSAL in Chromium against a simulator playing Microsoft
// (AUTHDESK_LOGIN_URL / AUTHDESK_PARTNER_CENTER_URL), which switches AuthDesk from sandbox to production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenCacheSecretName } from '../../main/microsoft/sign-in/keychain-token-cache-plugin';
import { createKeychainCredentialStore } from '../../main/platform/keychain/credential-store';
import { startSimulator, type Simulator } from '../../sandbox/start-simulator';
import { launchApp, type AppHarness } from './harness/launch-app';
import { saveProfile, sandboxPartnerTenantId, distributorPartner } from './support/flows';

const clientId = '11111111-2222-4333-8444-555555555555';
let microsoft: Simulator;
let app: AppHarness;

beforeAll(async () => {
  // No sign-in left over in the keychain from an earlier run.
  await createKeychainCredentialStore().delete(tokenCacheSecretName);
  microsoft = await startSimulator();
  app = await launchApp({
    env: { AUTHDESK_LOGIN_URL: microsoft.url, AUTHDESK_PARTNER_CENTER_URL: microsoft.url },
    // The system browser: a Chromium tab on the sign-in page, whose form hands the code to MSAL's loopback.
    onOpenExternal: async (url, browser) => {
      if (!url.startsWith(microsoft.url)) return;
      const tab = await browser.newPage();
      await tab.goto(url);
      await tab.getByText('You can close this window').waitFor();
      await tab.close();
    },
  });
  await saveProfile(app.page, distributorPartner);
});
afterAll(async () => {
  await app?.close();
  await createKeychainCredentialStore().delete(tokenCacheSecretName);
  await microsoft?.stop();
});

async function openSettings(): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await app.page.getByRole('heading', { name: 'Connect to Partner Center' }).waitFor();
}

describe('Partner Center in Settings', () => {
  it('shows the cached resellers and refreshes them', async () => {
    await openSettings();
    const section = app.page.getByRole('region', { name: 'Indirect resellers' });
    await section.getByText('Not synced yet.', { exact: false }).waitFor();
    await section.getByRole('button', { name: 'Refresh resellers' }).click();
    const rows = section.locator('tbody tr');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts[0]).toContain('Fabrikam IT Services');
    expect(texts[0]).toContain('4391507');
    expect(texts[0]).toContain('a3c5e7f9-1b2d-4e6f-8a0c-2d4f6a8c0e11');
    expect(texts.length).toBeGreaterThanOrEqual(3);
    await expect(section.getByText('Last synced', { exact: false }).count()).resolves.toBe(1);
    await app.screenshot('settings-resellers');
  });

  it('refuses a malformed client ID on the field', async () => {
    const section = app.page.getByRole('region', { name: 'Connect to Partner Center' });
    await section.getByLabel('Application (client) ID').fill('my app');
    await section.getByRole('button', { name: 'Sign in' }).click();
    await section.getByText('The application (client) ID is a GUID', { exact: false }).waitFor();
  });

  it('signs in through the browser, works in production mode, and signs out', async () => {
    const section = app.page.getByRole('region', { name: 'Connect to Partner Center' });
    await expect(app.page.locator('.sandbox-badge').count()).resolves.toBe(1);
    await section.getByLabel('Application (client) ID').fill(clientId);
    await expect(section.getByLabel('Directory (tenant) ID').inputValue()).resolves.toBe(sandboxPartnerTenantId);
    await section.getByRole('button', { name: 'Sign in' }).click();
    await section.getByText('Signed in as', { exact: false }).waitFor({ timeout: 30_000 });
    expect(await section.innerText()).toContain('alex@contosodistribution.onmicrosoft.com');
    expect(app.openedExternalUrls.some((url) => url.startsWith(`${microsoft.url}/`))).toBe(true);
    await app.page.getByText('Microsoft Partner Center', { exact: true }).waitFor();
    await expect(app.page.locator('.sandbox-badge').count()).resolves.toBe(0);
    await app.screenshot('settings-signed-in');

    // Production calls carry the user's token to "Partner Center" (the simulator playing Microsoft).
    await microsoft.control.clearRequestLog();
    await app.page
      .getByRole('region', { name: 'Indirect resellers' })
      .getByRole('button', { name: 'Refresh resellers' })
      .click();
    await expect
      .poll(() => microsoft.state.requests.filter((request) => request.path === '/v1/relationships').length, {
        timeout: 20_000,
      })
      .toBe(1);

    await section.getByRole('button', { name: 'Sign out' }).click();
    await section.getByRole('button', { name: 'Sign in' }).waitFor();
    await app.page.getByText('Sandbox (built-in Partner Center simulator)').waitFor();
  });

  it('warns when the sign-in lacked MFA and offers to sign in again', async () => {
    const section = app.page.getByRole('region', { name: 'Connect to Partner Center' });
    await microsoft.control.setUserSignIn({ mfa: false });
    await section.getByRole('button', { name: 'Sign in' }).click();
    await section.getByText('without multi-factor authentication', { exact: false }).waitFor({ timeout: 30_000 });
    await app.screenshot('settings-signed-in-without-mfa');
    await microsoft.control.setUserSignIn({ mfa: true });
    await section.getByRole('button', { name: 'Sign in again' }).click();
    // Signed in again with MFA: the warning goes.
    await section
      .getByText('without multi-factor authentication', { exact: false })
      .waitFor({ state: 'detached', timeout: 30_000 });
    await section.getByRole('button', { name: 'Sign out' }).waitFor();
    await section.getByRole('button', { name: 'Sign out' }).click();
    await section.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});
