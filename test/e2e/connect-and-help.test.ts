// The guided "Connect to Partner Center" and Help, clicking and typing like a user: the guide's numbered steps
// with the redirect URI and the permissions to copy, a malformed client ID refused on its field, Test connection
// against the sandbox's simulator (every call passed; a Graph call refused with 403 by a simulator fault shown
// as failed with the reason and what to do), and Help opened from the header with the flow, the statuses, the
// shortcuts (the queue's own list) and troubleshooting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { saveProfile, distributorPartner, sandboxPartnerTenantId } from './support/flows';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
  await saveProfile(app.page, distributorPartner);
});
afterAll(async () => {
  await app?.close();
});

const guide = () => app.page.getByRole('region', { name: 'Connect to Partner Center' });
const results = () => guide().getByRole('list', { name: 'Connection test results' });
const checkRow = (name: string) => results().getByRole('listitem').filter({ hasText: name });

async function openSettings(): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await guide().waitFor();
}

describe('Connect to Partner Center, guided', () => {
  it('shows the numbered steps with what to register, copies the redirect URI and permissions', async () => {
    await openSettings();
    await guide()
      .getByRole('heading', { name: 'Add the API permissions' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'center' }));
    await app.screenshot('connect-guide');
    for (const step of [
      'Register an app in Microsoft Entra',
      'Add the API permissions',
      'Copy the two IDs',
      'Sign in',
      'Test the connection',
    ]) {
      await guide().getByRole('heading', { name: step, exact: true }).waitFor();
    }
    const text = await guide().innerText();
    expect(text).toContain('App registrations › New registration');
    expect(text).toContain('Accounts in this organizational directory only');
    expect(text).toContain('Allow public client flows');
    expect(text).toContain('Grant admin consent');
    const permissions = await guide().getByRole('table').innerText();
    for (const permission of ['user_impersonation', 'DelegatedAdminRelationship.ReadWrite.All', 'Group.Read.All']) {
      expect(permissions).toContain(permission);
    }

    await guide().getByRole('button', { name: 'Copy redirect URI' }).click();
    await app.page.getByText('Redirect URI copied.').waitFor();
    expect(await app.clipboardText()).toBe('http://localhost');
    await guide().getByRole('button', { name: 'Copy permission names' }).click();
    await app.page.getByText('Permission names copied.').waitFor();
    expect((await app.clipboardText()).split('\n')).toEqual([
      'user_impersonation',
      'DelegatedAdminRelationship.ReadWrite.All',
      'Group.Read.All',
    ]);
  });

  it('rejects a malformed client ID and an empty tenant ID with a message on each field', async () => {
    const clientId = guide().getByLabel('Application (client) ID');
    const tenantId = guide().getByLabel('Directory (tenant) ID');
    await clientId.fill('my app');
    await tenantId.fill('');
    await guide().getByRole('button', { name: 'Sign in', exact: true }).click();
    await guide().getByText('The application (client) ID is a GUID', { exact: false }).waitFor();
    await guide().getByText('Enter the directory (tenant) ID from the app’s Overview page.').waitFor();
    await expect(clientId.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(app.openedExternalUrls).toEqual([]);
    await clientId.evaluate((input) => input.scrollIntoView({ block: 'center' }));
    await app.screenshot('connect-guide-fields');
    // Corrected, the messages go.
    await tenantId.fill(sandboxPartnerTenantId);
    await clientId.fill('11111111-2222-4333-8444-555555555555');
    await guide().getByText('The application (client) ID is a GUID', { exact: false }).waitFor({ state: 'detached' });
    await expect(guide().locator('.field-error').count()).resolves.toBe(0);
  });

  it('tests the connection against the sandbox: every call passed', async () => {
    await guide().getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => results().getByRole('listitem').count(), { timeout: 30_000 }).toBe(3);
    for (const name of ['Sign-in token', 'Partner Center (customer list)', 'Microsoft Graph (GDAP relationships)']) {
      expect(await checkRow(name).innerText()).toContain('Passed');
    }
    expect(await checkRow('Partner Center (customer list)').innerText()).toMatch(
      /Partner Center answered: \d+ customers? on the first page/,
    );
    expect(await guide().innerText()).toContain('against the built-in sandbox');
    await checkRow('Sign-in token').scrollIntoViewIfNeeded();
    await app.screenshot('connect-test-passed');
  });

  it('reports a Graph call the simulator refuses (403) as failed, with the reason and what to do', async () => {
    await app.sandboxControl().addFault({
      method: 'GET',
      path: '/v1.0/tenantRelationships/delegatedAdminRelationships',
      status: 403,
      body: {
        error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
      },
    });
    await guide().getByRole('button', { name: 'Test connection' }).click();
    const graph = checkRow('Microsoft Graph (GDAP relationships)');
    await expect.poll(() => graph.innerText(), { timeout: 30_000 }).toContain('Failed');
    const text = await graph.innerText();
    expect(text).toContain('Refused (403)');
    expect(text).toContain('DelegatedAdminRelationship.ReadWrite.All');
    expect(text).toContain('admin consent');
    expect(text).toContain('Insufficient privileges to complete the operation.');
    expect(text).toContain('Authorization_RequestDenied');
    expect(await checkRow('Partner Center (customer list)').innerText()).toContain('Passed');
    await graph.scrollIntoViewIfNeeded();
    await app.screenshot('connect-test-graph-refused');
  });
});

describe('Help', () => {
  it('opens from the header with the flow, every status, the shortcuts and troubleshooting', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Help', exact: true }).click();
    await page.getByRole('heading', { name: 'Help', exact: true, level: 1 }).waitFor();
    await expect(nav.getByRole('button', { name: 'Help', exact: true }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );

    const flow = await page.getByRole('region', { name: 'How it works' }).innerText();
    for (const step of ['Add the customer.', 'Get the link.', 'Send it.', 'Verify.', 'Check out.']) {
      expect(flow).toContain(step);
    }
    const statuses = await page.getByRole('region', { name: 'Statuses' }).innerText();
    for (const status of ['Draft', 'Link ready', 'Sent', 'Authorized', 'Needs attention', 'Checked out', 'Archived']) {
      expect(statuses).toContain(status);
    }
    expect(statuses).toContain('Next: Verify once the customer has accepted.');

    const shortcuts = page.getByRole('region', { name: 'Keyboard shortcuts' });
    const list = await shortcuts.innerText();
    for (const entry of ['New customer', 'Verify authorization', 'Copy link', 'Search customers']) {
      expect(list).toContain(entry);
    }
    await expect(shortcuts.locator('kbd').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['N', 'V', '/']));

    const troubleshooting = await page.getByRole('region', { name: 'Troubleshooting' }).innerText();
    for (const topic of [
      'Customer not found in Partner Center',
      'Reseller not associated',
      'Delegated admin (GDAP) missing',
      'Too many requests (429) and working offline',
      'Email is not sent',
      'The OS keychain is not reachable',
    ]) {
      expect(troubleshooting).toContain(topic);
    }
    await page
      .getByRole('region', { name: 'Help and diagnostics' })
      .getByRole('button', { name: 'Copy diagnostics' })
      .waitFor();
    await app.screenshot('help-view');
    await page.getByRole('region', { name: 'Troubleshooting' }).evaluate((section) => section.scrollIntoView());
    await app.screenshot('help-troubleshooting');

    // The full list is the queue's own "?" dialog.
    await shortcuts.getByRole('button', { name: 'All shortcuts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByText('Command palette').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('leads from Help to the connection guide, and from Settings back to Help', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open the connection guide' }).click();
    await guide().waitFor();
    await page.getByRole('region', { name: 'Help and diagnostics' }).getByRole('button', { name: 'Open Help' }).click();
    await page.getByRole('heading', { name: 'Help', exact: true, level: 1 }).waitFor();
  });
});
