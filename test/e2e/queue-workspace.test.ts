// The queue workspace as an account manager uses it: search, filters, sort, saved views, bulk verify with its
// progress, owner/follow-up/notes, keyboard shortcuts and the command palette, and an axe check of the queue,
// the customer view and the dialogs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { distributorPartner, saveProfile } from './support/flows';
import { seedIndirectCustomer } from './support/seeded-customers';
import { seriousViolations } from './support/axe';

let app: AppHarness;

const companies = [
  { companyName: 'Adatum Corporation', domainPrefix: 'adatum', resellerMpnId: '4391507', stage: 'accepted' },
  { companyName: 'Litware Inc', domainPrefix: 'litware', resellerMpnId: '5123456', stage: 'accepted' },
  { companyName: 'Blue Yonder Airlines', domainPrefix: 'blueyonder', resellerMpnId: '6234567', stage: 'sent' },
  { companyName: 'Coho Winery', domainPrefix: 'cohowinery', resellerMpnId: '5123456', stage: 'accepted' },
  { companyName: 'Proseware Ltd', domainPrefix: 'proseware', resellerMpnId: '', stage: 'link-ready' },
] as const;

const rows = () => app.page.locator('.queue-table tbody tr');
const rowTexts = () => rows().allInnerTexts();
const companyOrder = async () => (await rowTexts()).map((text) => text.split('\n')[0]?.trim() ?? '');

beforeAll(async () => {
  app = await launchApp();
  await saveProfile(app.page, distributorPartner);
  for (const company of companies) await seedIndirectCustomer(app, company);
  await app.page.reload();
  await app.page.getByRole('button', { name: 'New customer' }).waitFor();
  await rows().nth(4).waitFor();
});
afterAll(async () => {
  await app?.close();
});

describe('queue workspace', () => {
  it('sorts by a column header, both ways, and says so with aria-sort', async () => {
    const { page } = app;
    const header = page.getByRole('columnheader', { name: 'Company' });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await expect
      .poll(companyOrder)
      .toEqual(['Adatum Corporation', 'Blue Yonder Airlines', 'Coho Winery', 'Litware Inc', 'Proseware Ltd']);
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await companyOrder())[0]).toBe('Proseware Ltd');
    expect(await page.getByRole('columnheader', { name: 'Status' }).getAttribute('aria-sort')).toBe('none');
  });

  it('searches in main as the user types and filters by reseller and status, with counts per status', async () => {
    const { page } = app;
    await page.getByLabel('Search customers').fill('cohow');
    await expect.poll(rowTexts).toEqual([expect.stringContaining('Coho Winery')]);
    await page.getByLabel('Search customers').fill('');
    await expect.poll(() => rows().count()).toBe(5);

    const counts = page.getByRole('group', { name: 'Customers per status' });
    await expect.poll(() => counts.getByRole('button', { name: /Sent/ }).innerText()).toContain('4');
    await expect.poll(() => counts.getByRole('button', { name: /Link ready/ }).innerText()).toContain('1');
    await counts.getByRole('button', { name: /Link ready/ }).click();
    await expect.poll(rowTexts).toEqual([expect.stringContaining('Proseware Ltd')]);
    await counts.getByRole('button', { name: /Link ready/ }).click();

    const resellers = await page.getByLabel('Reseller filter').locator('option').allInnerTexts();
    const litwareReseller = resellers.find((name) => name !== 'All resellers' && resellers.length > 1);
    expect(litwareReseller).toBeDefined();
    await page.getByLabel('Reseller filter').selectOption({ index: 1 });
    await expect.poll(() => rows().count()).toBeLessThan(5);
    await page.getByLabel('Reseller filter').selectOption('');
    await expect.poll(() => rows().count()).toBe(5);
  });

  it('saves a view, applies it later, and offers the built-in views', async () => {
    const { page } = app;
    await page.getByLabel('Search customers').fill('winery');
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('View name').fill('Wineries');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('View “Wineries” saved.').waitFor();
    await page.getByLabel('Search customers').fill('');
    await expect.poll(() => rows().count()).toBe(5);

    await page.getByLabel('Saved view').selectOption({ label: 'Wineries' });
    await expect.poll(rowTexts).toEqual([expect.stringContaining('Coho Winery')]);
    expect(await page.getByLabel('Search customers').inputValue()).toBe('winery');

    // Everyone here is new: nothing has stalled for a week.
    await page.getByLabel('Saved view').selectOption({ label: 'Stalled > 7 days' });
    await page.getByText('No customers match.').waitFor();
    // Every customer was created by the person running AuthDesk.
    await page.getByLabel('Saved view').selectOption({ label: 'My pending' });
    await expect.poll(() => rows().count()).toBe(5);
  });

  it('verifies the ticked customers in bulk with a progress bar, listing the ones not done', async () => {
    const { page } = app;
    await page.getByRole('columnheader', { name: 'Company' }).getByRole('button').click();
    await expect
      .poll(companyOrder)
      .toEqual(['Adatum Corporation', 'Blue Yonder Airlines', 'Coho Winery', 'Litware Inc', 'Proseware Ltd']);
    // Click the first, shift-click the fourth: a range of four.
    await page.getByRole('checkbox', { name: 'Select Adatum Corporation' }).click();
    await page.getByRole('checkbox', { name: 'Select Litware Inc' }).click({ modifiers: ['Shift'] });
    await page.getByText('4 selected').waitFor();
    await page.getByRole('button', { name: 'Verify selected' }).click();
    const progress = page.getByRole('region', { name: 'Verify progress' });
    await progress.getByText('Verify: 4 of 4, 1 not done (finished)').waitFor();
    expect(await progress.getByRole('progressbar').getAttribute('value')).toBe('4');
    const results = progress.getByRole('list', { name: 'Verify results' });
    // Only the one still to do is listed; the three authorized are in the count.
    await expect.poll(() => results.getByRole('listitem').count()).toBe(1);
    expect(await results.getByRole('listitem').filter({ hasText: 'Blue Yonder' }).innerText()).toContain(
      'Not accepted yet',
    );
    const counts = page.getByRole('group', { name: 'Customers per status' });
    await expect.poll(() => counts.getByRole('button', { name: /Authorized/ }).innerText()).toContain('3');
    await app.screenshot('queue-bulk-verify');
    await progress.getByRole('button', { name: 'Close results' }).click();
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('selects every matching customer, unticks one, and changes the owner of the rest in one go', async () => {
    const { page } = app;
    await page.getByRole('checkbox', { name: 'Select Adatum Corporation' }).click();
    await page.getByRole('button', { name: 'Select all 5 matching' }).click();
    await page.getByText('5 selected').waitFor();
    expect(await page.getByRole('checkbox', { name: 'Select Proseware Ltd' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Select Coho Winery' }).click();
    await page.getByText('4 selected').waitFor();
    await page.getByRole('button', { name: 'Change owner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change owner' });
    await dialog.getByLabel('New owner').fill('ben');
    await dialog.getByRole('button', { name: 'Change owner' }).click();
    await page.getByText('Change owner: 4 done, 0 not done.').waitFor();
    await page.getByLabel('Owner filter').selectOption('ben');
    await expect
      .poll(companyOrder)
      .toEqual(['Adatum Corporation', 'Blue Yonder Airlines', 'Litware Inc', 'Proseware Ltd']);
    // A new filter is a new query: the selection made over the old one is gone.
    await page.getByText('No customers ticked').waitFor();
    await page.getByLabel('Owner filter').selectOption('');
    await expect.poll(() => rows().count()).toBe(5);
  });

  it('keeps owner, follow-up and notes on the customer; notes are searchable and overdue follow-ups flagged', async () => {
    const { page } = app;
    await page.getByRole('row', { name: /Proseware Ltd/ }).click();
    await page.getByRole('heading', { name: 'Proseware Ltd' }).waitFor();
    await page.getByLabel('Next follow-up').fill('2020-01-15');
    await page.getByRole('textbox', { name: 'Notes' }).fill('Waiting for the new procurement manager');
    await page.getByRole('button', { name: 'Save follow-up and notes' }).click();
    await page.getByText('Follow-up and notes saved.').waitFor();
    await page.getByText('Follow-up overdue since 2020-01-15.').waitFor();
    const row = page.getByRole('row', { name: /Proseware Ltd/ });
    await expect.poll(() => row.innerText()).toContain('Overdue');
    await page.getByLabel('Search customers').fill('procurement');
    await expect.poll(rowTexts).toEqual([expect.stringContaining('Proseware Ltd')]);
    await page.getByLabel('Search customers').fill('');
    await page.getByLabel('Follow-up filter').selectOption('due');
    await expect.poll(rowTexts).toEqual([expect.stringContaining('Proseware Ltd')]);
    await page.getByLabel('Follow-up filter').selectOption('any');

    // Details stay editable until checkout, with the same form (and rules) as "New customer".
    await page.getByRole('button', { name: 'Edit details' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit service details' });
    await edit.getByLabel('Contact name').fill('Dana Whitfield');
    await edit.getByLabel('Contact email').fill('not an email');
    await edit.getByRole('button', { name: 'Save details' }).click();
    await edit.getByText('Enter a valid email address such as anna@contoso.com.').waitFor();
    await edit.getByLabel('Contact email').fill('dana@proseware.com');
    await edit.getByRole('button', { name: 'Save details' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByText('Dana Whitfield <dana@proseware.com>').waitFor();
  });

  it('is driven from the keyboard: /, arrows, C, ?, Esc, N and the Ctrl+K palette', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Search customers');
    await page.getByRole('grid', { name: 'Customers' }).focus();
    await page.keyboard.press('Home');
    await page.getByRole('heading', { name: 'Adatum Corporation', level: 1 }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { name: 'Blue Yonder Airlines', level: 1 }).waitFor();
    await page.keyboard.press('c');
    await page.getByText('Link copied.').waitFor();
    expect(await app.clipboardText()).toMatch(/^https:\/\//);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await page.keyboard.press('n');
    const newCustomer = page.getByRole('dialog', { name: /New customer/ });
    await newCustomer.waitFor();
    await page.keyboard.press('Escape');
    await newCustomer.waitFor({ state: 'hidden' });

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await palette.getByRole('combobox', { name: 'Command' }).fill('verify');
    await app.screenshot('command-palette');
    await palette.getByRole('combobox', { name: 'Command' }).fill('verify auth');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Verify authorization' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Verify authorization' }).waitFor({ state: 'hidden' });
  });

  it('has no serious or critical accessibility violations on the queue, the customer and the dialogs', async () => {
    const { page } = app;
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Verify authorization' }).click();
    await page.getByRole('dialog', { name: 'Verify authorization' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByRole('dialog', { name: /New customer/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'Select Coho Winery' }).click();
    await page.getByRole('button', { name: 'Change owner' }).click();
    await page.getByRole('dialog', { name: 'Change owner' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
