// What a new account manager does first, as they do it: an empty queue that offers "Add a customer" and
// "Import a CSV file…", Import CSV beside New customer and in the command palette, a palette that takes typing at once
// (focus in its input, not on Close) with commands for Import, Export, Reports, Settings and every view, and the
// Verify dialog opened by V ready for the domain, with the likely default domains as choices; direct customers
// beside indirect ones, and the billing country by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { acceptInSandbox, distributorPartner, fillServiceDetails, saveProfile, verifyWith } from './support/flows';
import { seedIndirectCustomer } from './support/seeded-customers';

let app: AppHarness;

const focused = () => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

beforeAll(async () => {
  app = await launchApp();
  await saveProfile(app.page, distributorPartner);
});
afterAll(async () => {
  await app?.close();
});

describe('first steps', () => {
  it('offers adding or importing customers in an empty queue, and beside New customer', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Queue' }).click();
    const empty = page.getByText('No customers yet: add one or import a CSV.');
    await empty.waitFor();
    await app.screenshot('queue-empty-first-steps');
    await page.getByRole('button', { name: 'Import a CSV file…' }).click();
    const importing = page.getByRole('dialog', { name: 'Import customers from CSV' });
    await importing.waitFor();
    await page.keyboard.press('Escape');
    await importing.waitFor({ state: 'hidden' });
    await page
      .getByRole('region', { name: 'Customer queue' })
      .getByRole('button', { name: 'Import CSV…' })
      .first()
      .click();
    await importing.waitFor();
    await page.keyboard.press('Escape');
    await importing.waitFor({ state: 'hidden' });
  });

  it('opens the command palette ready for typing, with Import, Export, Reports, Settings and every view', async () => {
    const { page } = app;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await expect.poll(focused).toBe('Command');
    // Typed straight away, without clicking into the field.
    await page.keyboard.type('import');
    await expect.poll(() => palette.getByRole('option').allTextContents()).toEqual(['Import customers from CSV…']);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Import customers from CSV' }).waitFor();
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+k');
    await palette.waitFor();
    const labels = await palette.getByRole('option').allTextContents();
    for (const expected of [
      'Export customers of this view as CSV',
      'Export history of this view as CSV',
      'Open reports',
      'Open settings',
      'Open the queue',
      'Show customers in Sent',
      'Show customers in Needs attention',
      'View: My pending',
    ]) {
      expect(labels).toContain(expected);
    }
    await page.keyboard.type('reports');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
  });

  it('opens Verify from V with the focus in the domain field', async () => {
    const { page } = app;
    await seedIndirectCustomer(app, {
      companyName: 'Adatum Corporation',
      domainPrefix: 'adatum',
      resellerMpnId: '4391507',
      stage: 'sent',
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Queue' }).click();
    await page.getByRole('row', { name: /Adatum Corporation/ }).click();
    await page.getByRole('heading', { name: 'Adatum Corporation', level: 1 }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('v');
    await page.getByRole('dialog', { name: 'Verify authorization' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('defaultDomain');
    // The likely default domains are a click away, and the dialog says where the customer's admin finds it.
    const dialog = page.getByRole('dialog', { name: 'Verify authorization' });
    const choices = dialog.getByRole('group', { name: 'Likely default domains' });
    expect(await choices.getByRole('button').allTextContents()).toEqual(['adatum.onmicrosoft.com', 'adatum.com']);
    await choices.getByRole('button', { name: 'adatum.com' }).click();
    expect(await dialog.getByLabel('Customer’s default domain').inputValue()).toBe('adatum.com');
    await dialog.getByText(/Microsoft 365 admin center › Settings › Domains/).waitFor();
    await app.screenshot('verify-dialog-focused');
    await page.keyboard.press('Escape');
  });

  it('adds a direct customer beside the indirect ones without touching the partner role', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: /New customer/ });
    await dialog.waitFor();
    // Ready for the company name; a distributor's new customer is indirect unless chosen otherwise.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('companyName');
    expect(await dialog.getByRole('radio', { name: /^Indirect/ }).isChecked()).toBe(true);
    await dialog.getByLabel('Reseller MPN ID').waitFor();
    await dialog.getByRole('radio', { name: /^Direct: from Contoso Distribution/ }).check();
    await dialog.getByLabel('Reseller MPN ID').waitFor({ state: 'detached' });
    await app.screenshot('new-customer-direct-for-distributor');
    await fillServiceDetails(page, {
      companyName: 'Northwind Direct Ltd',
      contactName: 'Nia North',
      contactEmail: 'nia@northwinddirect.com',
      domainPrefix: 'northwinddirect',
      resellerMpnId: null,
      billing: null,
    });
    await page.getByRole('button', { name: 'Save and get link' }).click();
    const link = page.getByRole('textbox', { name: 'Authorization link' });
    await link.waitFor();
    // The distributor's own reseller link, not an indirect reseller's.
    expect(await link.inputValue()).not.toContain('IndirectResellerRelationship');
    await page.getByRole('heading', { name: 'Northwind Direct Ltd', level: 1 }).waitFor();
    expect(await page.locator('.customer-view').innerText()).toMatch(/Direct/);
  });

  it('takes the billing country by name and keeps it whole: Austria is AT, not AU', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New customer' }).click();
    await fillServiceDetails(page, {
      companyName: 'Wiener Kaffee GmbH',
      contactName: 'Wanda Wien',
      contactEmail: 'wanda@wienerkaffee.at',
      domainPrefix: 'wienerkaffee',
      resellerMpnId: '4391507',
      billing: { addressLine1: 'Ring 1', city: 'Wien', postalCode: '1010', country: 'Atlantis' },
    });
    const dialog = page.getByRole('dialog', { name: /New customer/ });
    await page.getByRole('button', { name: 'Save and get link' }).click();
    await dialog
      .getByText('Choose the country from the list: its name or two-letter code, such as Austria or AT.')
      .waitFor();
    await dialog.getByLabel('Country', { exact: true }).fill('Austria');
    await app.screenshot('new-customer-country-by-name');
    await page.getByRole('button', { name: 'Save and get link' }).click();
    await page.getByRole('textbox', { name: 'Authorization link' }).waitFor();
    const customers = await app.invoke('listCustomers', { status: 'all' });
    expect(customers.find((customer) => customer.companyName === 'Wiener Kaffee GmbH')?.billingAddress).toMatchObject({
      country: 'AT',
    });
  });

  it('makes the next step of a customer who accepted in part its main button', async () => {
    const { page } = app;
    const addAndAccept = async (
      companyName: string,
      domainPrefix: string,
      accept: Parameters<typeof acceptInSandbox>[1],
    ) => {
      await page.getByRole('button', { name: 'New customer' }).click();
      await fillServiceDetails(page, {
        companyName,
        contactName: 'Pat Partial',
        contactEmail: `pat@${domainPrefix}.com`,
        domainPrefix,
        resellerMpnId: '4391507',
        billing: null,
      });
      await page.getByRole('button', { name: 'Save and get link' }).click();
      await page.getByRole('textbox', { name: 'Authorization link' }).waitFor();
      await page.getByRole('button', { name: 'Copy link' }).click();
      await acceptInSandbox(page, accept);
      await verifyWith(page, null);
      await page.keyboard.press('Escape');
      return page.getByRole('region', { name: 'Still missing' });
    };

    // Only delegated admin missing: request GDAP.
    const gdapNext = await addAndAccept('Partial Admin Ltd', 'partialadmin', { grantDelegatedAdmin: false });
    await gdapNext.getByText('Delegated administration granted').waitFor();
    await gdapNext.getByText(/Microsoft now grants them through GDAP/).waitFor();
    await app.screenshot('needs-attention-request-gdap');
    await gdapNext.getByRole('button', { name: 'Request GDAP' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.gdap-panel') !== null)).toBe(true);

    // The reseller not associated: email what is missing, with the partial-acceptance template.
    const emailNext = await addAndAccept('Partial Reseller Ltd', 'partialreseller', { associateReseller: false });
    await emailNext.getByText('Reseller associated with the customer').waitFor();
    await emailNext.getByRole('button', { name: 'Email what is missing…' }).click();
    const compose = page.getByRole('dialog', { name: 'Email Partial Reseller Ltd' });
    await compose.waitFor();
    expect(await compose.getByLabel('Template').inputValue()).toBe('partial-acceptance');
    await compose.getByText(/Accept the reseller relationship with Fabrikam IT Services \(MPN ID 4391507\)/).waitFor();
    await app.screenshot('needs-attention-email-missing');
    await page.keyboard.press('Escape');
  });
});

describe('wording for a distributor', () => {
  it('signs the instructions with the sender set in the profile, not with the reseller, and names the distributor as indirect provider', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.locator('form[aria-labelledby="profile-title"]').getByLabel('Your name').fill('Eleni Papadopoulou');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Partner profile saved.').waitFor();
    await seedIndirectCustomer(app, {
      companyName: 'Kyklos Pharmacies',
      domainPrefix: 'kyklos',
      resellerMpnId: '4391507',
      stage: 'needs-attention',
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Queue' }).click();
    await page.locator('.queue-table tbody tr').filter({ hasText: 'Kyklos Pharmacies' }).click();
    await page.getByRole('button', { name: 'Copy instructions' }).click();
    await expect.poll(() => app.clipboardText()).toMatch(/Kind regards,\nEleni Papadopoulou\nContoso Distribution$/);
    expect(await app.clipboardText()).not.toMatch(/Kind regards,\nFabrikam/);
    await page.getByText('Customer accepted Contoso Distribution as indirect provider').first().waitFor();
  });
});
