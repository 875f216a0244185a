// The existing-tenant flow for an indirect customer, as an account manager at a distributor walks it:
// profile, service details, three-part link, copy, verify before and after acceptance, checkout, timeline.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { saveProfile, fillServiceDetails, verifyWith, acceptInSandbox, distributorPartner } from './support/flows';

let app: AppHarness;

beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

describe('indirect customer (through a reseller)', () => {
  it('walks from service details to checkout, with every step in the timeline', async () => {
    const { page } = app;
    await saveProfile(page, { ...distributorPartner, requireBillingAddress: true });

    await page.getByRole('button', { name: 'New customer' }).click();
    await fillServiceDetails(page, {
      companyName: 'Adatum Corporation',
      contactName: 'Anna Adatum',
      contactEmail: 'anna@adatum.com',
      domainPrefix: 'adatum',
      resellerMpnId: '4391507',
      billing: { addressLine1: '1 Main Street', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' },
    });
    await page.getByRole('button', { name: 'Save and get link' }).click();

    const linkBox = page.getByRole('textbox', { name: 'Authorization link' });
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    const url = new URL(link);
    expect(url.hostname).toBe('admin.microsoft.com');
    // Three parts: the reseller by MPN ID, delegated admin yes/no, the distributor as indirect CSP.
    expect(url.searchParams.get('invType')).toBe('IndirectResellerRelationship');
    expect(url.searchParams.get('msppId')).toBe('4391507');
    expect(url.searchParams.get('DAP')).toBe('true');
    expect(url.searchParams.get('indirectCSPId')).toMatch(/^[0-9a-f-]{36}$/);
    const parts = page.getByRole('list', { name: 'What the link asks' });
    await expect
      .poll(() => parts.getByRole('listitem').allTextContents())
      .toEqual([
        'Accept Fabrikam IT Services (MPN ID 4391507) as reseller',
        'Accept Contoso Distribution as indirect CSP',
        'Delegated admin privileges: yes',
      ]);

    const checkout = page.getByRole('button', { name: 'Checkout' });
    expect(await checkout.isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => app.clipboardText()).toBe(link);
    await expect.poll(() => app.statusText()).toBe('Sent');

    // Before the customer accepts: the verification fails and says which part is missing.
    const before = await verifyWith(page, null);
    expect(before).toContain(
      'The authorization is not complete yet: adatum.onmicrosoft.com has not accepted the invitation.',
    );
    expect(before).toContain('No customer with the default domain adatum.onmicrosoft.com');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    expect(await checkout.isDisabled()).toBe(true);

    await acceptInSandbox(page, {});
    const after = await verifyWith(page, null);
    expect(after).toContain('Authorization verified for adatum.onmicrosoft.com');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => app.statusText()).toBe('Authorized');
    expect(await checkout.isEnabled()).toBe(true);

    await checkout.click();
    await page.getByLabel('Order reference').fill('SO-10042');
    await page.getByRole('button', { name: 'Complete checkout' }).click();
    await page.getByText('Checked out with order reference SO-10042').waitFor();
    await expect.poll(() => app.statusText()).toBe('Checked out');
    // Read-only afterwards: no more Verify, no Checkout.
    expect(await page.getByRole('button', { name: 'Verify authorization' }).count()).toBe(0);

    // Newest first, every step with its own entry.
    expect(await app.timeline()).toEqual([
      'Checked out (order SO-10042)',
      'Verification passed for adatum.onmicrosoft.com: authorized, checkout open',
      'Sandbox: the customer accepted the invitation (delegated admin granted, reseller associated)',
      'Verification: adatum.onmicrosoft.com has not accepted the invitation yet',
      'Authorization link copied; marked as sent',
      'Authorization link generated',
      'Customer created (indirect)',
    ]);
    await app.screenshot('customer-indirect-checked-out');
  });

  it('shows the yellow warning with the organisation’s name when the MPN ID is blank', async () => {
    const { page } = app;
    await saveProfile(page, distributorPartner);
    await page.getByRole('button', { name: 'New customer' }).click();
    const warning = page.getByText('It seems that you have not provided a valid MPN ID.');
    await warning.waitFor();
    expect(await warning.textContent()).toBe(
      "It seems that you have not provided a valid MPN ID. Without a valid MPN ID, delegated administration privileges will only be provided to Contoso Distribution and not to the customer's reseller.",
    );
    await app.screenshot('new-customer-blank-mpn-warning');
    await page.getByLabel('Reseller MPN ID').fill('4391507');
    await expect.poll(() => warning.count()).toBe(0);
  });

  it('rejects an invalid domain prefix, an invalid email and a missing billing address with clear messages', async () => {
    const { page } = app;
    await saveProfile(page, { ...distributorPartner, requireBillingAddress: true });
    await page.getByRole('button', { name: 'New customer' }).click();
    await fillServiceDetails(page, {
      companyName: 'Adatum Corporation',
      contactName: 'Anna Adatum',
      contactEmail: 'anna@adatum',
      domainPrefix: 'adatum.com',
      resellerMpnId: '4391507',
      billing: null,
    });
    await page.getByRole('button', { name: 'Save and get link' }).click();
    await page.getByText('A domain prefix has only letters and digits').waitFor();
    await page.getByText('Enter a valid email address such as anna@contoso.com.').waitFor();
    await page.getByText('Contoso Distribution requires the billing address of indirect customers').waitFor();
    await app.screenshot('new-customer-validation');
    // Nothing was created: the queue is still empty.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('No customers yet: add one or import a CSV.').waitFor();
  });

  it('reports the missing parts of a partial acceptance: no delegated admin, reseller not associated', async () => {
    const { page } = app;
    await saveProfile(page, distributorPartner);
    await page.getByRole('button', { name: 'New customer' }).click();
    await fillServiceDetails(page, {
      companyName: 'Litware Inc',
      contactName: 'Lee Litware',
      contactEmail: 'lee@litware.com',
      domainPrefix: 'litware',
      resellerMpnId: '5123456',
      billing: null,
    });
    await page.getByRole('button', { name: 'Save and get link' }).click();
    await page.getByRole('textbox', { name: 'Authorization link' }).waitFor();
    await acceptInSandbox(page, { grantDelegatedAdmin: false, associateReseller: false });
    const result = await verifyWith(page, null);
    expect(result).toContain(
      'The authorization is not complete yet. Missing: reseller associated with the customer; delegated administration granted.',
    );
    expect(result).toMatch(/5123456/);
    expect(result).toMatch(/delegated admin/i);
    await app.screenshot('verify-dialog-partial');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => app.statusText()).toBe('Needs attention');
    expect(await page.getByRole('button', { name: 'Checkout' }).isDisabled()).toBe(true);
  });
});
