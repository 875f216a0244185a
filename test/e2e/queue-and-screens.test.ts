// The queue with customers at every stage: searching and filtering it, and the screenshots the README shows
// (queue in light and dark, a customer, the verify dialog, settings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { distributorPartner, saveProfile, sandboxPartnerTenantId } from './support/flows';
import { seedIndirectCustomer } from './support/seeded-customers';

let app: AppHarness;

const companies = [
  { companyName: 'Adatum Corporation', domainPrefix: 'adatum', resellerMpnId: '4391507', stage: 'checked-out' },
  { companyName: 'Litware Inc', domainPrefix: 'litware', resellerMpnId: '5123456', stage: 'needs-attention' },
  {
    companyName: 'Wide World Importers',
    domainPrefix: 'wideworldimporters',
    resellerMpnId: '4391507',
    stage: 'authorized',
  },
  { companyName: 'Blue Yonder Airlines', domainPrefix: 'blueyonder', resellerMpnId: '6234567', stage: 'sent' },
  { companyName: 'Proseware Ltd', domainPrefix: 'proseware', resellerMpnId: '', stage: 'link-ready' },
  { companyName: 'Coho Winery', domainPrefix: 'cohowinery', resellerMpnId: '5123456', stage: 'sent' },
] as const;

beforeAll(async () => {
  app = await launchApp();
  await saveProfile(app.page, distributorPartner);
  // Set-up through the same API the page uses; the behaviour under test is what the screen then shows.
  for (const company of companies) await seedIndirectCustomer(app, company);
  await app.page.reload();
  await app.page.getByRole('button', { name: 'New customer' }).waitFor();
});
afterAll(async () => {
  await app?.close();
});

describe('queue', () => {
  it('lists open customers with their status, and all of them under "All"', async () => {
    const { page } = app;
    const rows = page.locator('.queue-table tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    await page.getByLabel('Status filter').selectOption('all');
    await expect.poll(() => rows.count()).toBe(6);
    await page.getByLabel('Status filter').selectOption('needs-attention');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('Litware Inc')]);
    await page.getByLabel('Status filter').selectOption('open');
  });

  it('searches company, domain and contact in SQLite as the user types', async () => {
    const { page } = app;
    const rows = page.locator('.queue-table tbody tr');
    await page.getByLabel('Search customers').fill('blueyon');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('Blue Yonder Airlines')]);
    await page.getByLabel('Search customers').fill('it@cohowinery');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('Coho Winery')]);
    await page.getByLabel('Search customers').fill('"unbalanced quote -');
    await page.getByText('No customers match.').waitFor();
    await page.getByLabel('Search customers').fill('');
    await expect.poll(() => rows.count()).toBe(5);
  });

  it('is captured in light and dark, with a customer open', async () => {
    const { page } = app;
    await page.getByRole('row', { name: /Wide World Importers/ }).click();
    await page.getByRole('heading', { name: 'Wide World Importers' }).waitFor();
    expect(await page.getByRole('button', { name: 'Checkout' }).isEnabled()).toBe(true);
    await app.screenshot('queue-light', { colorScheme: 'light' });
    await app.screenshot('queue-dark', { colorScheme: 'dark' });
    await page.getByRole('row', { name: /Blue Yonder Airlines/ }).click();
    await page.getByRole('heading', { name: 'Blue Yonder Airlines' }).waitFor();
    expect(await page.getByRole('button', { name: 'Checkout' }).isDisabled()).toBe(true);
    await app.screenshot('customer-sent');
    await page.getByRole('button', { name: 'Verify authorization' }).click();
    await page
      .getByRole('dialog', { name: 'Verify authorization' })
      .getByRole('button', { name: /^Verify/ })
      .click();
    await page.getByRole('dialog', { name: 'Verify authorization' }).getByRole('status').waitFor();
    await app.screenshot('verify-dialog');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => page.getByLabel('Partner tenant ID').inputValue()).toBe(sandboxPartnerTenantId);
    await app.screenshot('settings');
  });
});
