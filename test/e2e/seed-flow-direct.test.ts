// The existing-tenant flow for a direct customer of a direct-bill partner: two-part link, instructions and mail
// hand-off, verification with a custom default domain, checkout; and the data surviving a restart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { saveProfile, fillServiceDetails, verifyWith, acceptInSandbox, directPartner } from './support/flows';

let app: AppHarness;

beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

async function addDirectCustomer(harness: AppHarness) {
  const { page } = harness;
  await saveProfile(page, directPartner);
  await page.getByRole('button', { name: 'New customer' }).click();
  await fillServiceDetails(page, {
    companyName: 'Tailwind Traders',
    contactName: 'Tomás Ñúñez',
    contactEmail: 'tomas@tailwindtraders.com',
    domainPrefix: 'tailwindtraders',
    resellerMpnId: null,
    billing: null,
  });
  await page.getByRole('button', { name: 'Save and get link' }).click();
  const linkBox = page.getByRole('textbox', { name: 'Authorization link' });
  await linkBox.waitFor();
  return linkBox.inputValue();
}

describe('direct customer', () => {
  it('gets a two-part link, hands it over by copy and mail client, verifies with a custom default domain and checks out', async () => {
    const { page } = app;
    const link = await addDirectCustomer(app);
    const url = new URL(link);
    // Two parts: the partner as direct CSP, delegated admin yes/no.
    expect(url.searchParams.get('invType')).toBe('ResellerRelationship');
    expect(url.searchParams.get('DAP')).toBe('true');
    expect(url.searchParams.get('indirectCSPId')).toBeNull();
    await expect
      .poll(() => page.getByRole('list', { name: 'What the link asks' }).getByRole('listitem').allTextContents())
      .toEqual(['Accept Northwind Cloud Direct as direct CSP', 'Delegated admin privileges: yes']);
    await app.screenshot('customer-direct-link-ready');

    await page.getByRole('button', { name: 'Copy instructions' }).click();
    await expect.poll(() => app.clipboardText()).toContain(link);
    const instructions = await app.clipboardText();
    expect(instructions).toContain('Hello Tomás Ñúñez');
    expect(instructions).toContain('Global administrator');
    await expect.poll(() => app.statusText()).toBe('Sent');

    await page.getByRole('button', { name: 'Open in mail client' }).click();
    await expect.poll(() => app.openedExternalUrls.length).toBe(1);
    const mailto = app.openedExternalUrls[0] ?? '';
    expect(mailto.startsWith('mailto:tomas%40tailwindtraders.com?subject=')).toBe(true);
    expect(decodeURIComponent(mailto)).toContain(link);

    // The customer made tailwindtraders.com its default domain: the onmicrosoft.com domain no longer finds it.
    await acceptInSandbox(page, { customDefaultDomain: 'tailwindtraders.com' });
    const withInitial = await verifyWith(page, null);
    expect(withInitial).toContain('No customer with the default domain tailwindtraders.onmicrosoft.com');
    await app.screenshot('verify-dialog-not-found');
    const withCustom = await verifyWith(page, 'tailwindtraders.com', { reuseDialog: true });
    expect(withCustom).toContain('Authorization verified for tailwindtraders.com');
    await page.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Checkout' }).click();
    await page.getByLabel('Order reference').fill('PO-7781');
    await page.getByRole('button', { name: 'Complete checkout' }).click();
    await page.getByText('Checked out with order reference PO-7781').waitFor();
    expect(await app.timeline()).toEqual([
      'Checked out (order PO-7781)',
      'Verification passed for tailwindtraders.com: authorized, checkout open',
      'Verification: tailwindtraders.onmicrosoft.com has not accepted the invitation yet',
      'Sandbox: the customer accepted the invitation (delegated admin granted, default domain tailwindtraders.com)',
      'Email to the customer opened in the mail client',
      'Instructions for the customer copied; marked as sent',
      'Authorization link generated',
      'Customer created (direct)',
    ]);
  });

  it('shows the same queue and history after a restart on the same data folder', async () => {
    const { page } = app;
    await addDirectCustomer(app);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => app.statusText()).toBe('Sent');
    const timelineBefore = await app.timeline();
    const queueBefore = await app.queueRows();

    await app.restart();

    expect(await app.queueRows()).toEqual(queueBefore);
    await app.page.getByRole('row', { name: /Tailwind Traders/ }).click();
    await expect.poll(() => app.timeline()).toEqual(timelineBefore);
    await app.screenshot('queue-after-restart');
  });
});
