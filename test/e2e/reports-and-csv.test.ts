// Conversion tracking in the browser: the Reports view's funnel and tables, importing a CSV file (Windows-1252,
// semicolons, a duplicate, a bad row) through the file picker, the funnel changing, the rejected rows and the
// customers exported as files, and a screenshot of the view.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { launchApp, type AppHarness } from './harness/launch-app';
import { distributorPartner, saveProfile } from './support/flows';
import { seedIndirectCustomer } from './support/seeded-customers';

let app: AppHarness;

// The funnel table's counts, step by step.
async function funnelCounts(page: Page): Promise<string[]> {
  const rows = page.getByRole('table', { name: 'Funnel' }).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => `${tr.children[0]?.textContent}: ${tr.children[1]?.textContent}`));
}

async function downloadText(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

// Windows-1252 as Excel on Windows writes it: "ü" is the single byte 0xFC, semicolons separate.
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((char) => (char === 'ü' ? 0xfc : char.charCodeAt(0))));
}

beforeAll(async () => {
  app = await launchApp();
  await saveProfile(app.page, distributorPartner);
  await seedIndirectCustomer(app, {
    companyName: 'Adatum Corporation',
    domainPrefix: 'adatum',
    resellerMpnId: '4391507',
    stage: 'authorized',
  });
  await seedIndirectCustomer(app, {
    companyName: 'Blue Yonder Airlines',
    domainPrefix: 'blueyonder',
    resellerMpnId: '4391507',
    stage: 'sent',
  });
  await seedIndirectCustomer(app, {
    companyName: 'Proseware Ltd',
    domainPrefix: 'proseware',
    resellerMpnId: '4391507',
    stage: 'link-ready',
  });
});
afterAll(async () => {
  await app?.close();
});

describe('Reports view', () => {
  it('shows the funnel with conversion, the time to authorize and the breakdowns', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await expect
      .poll(() => funnelCounts(page))
      .toEqual(['Added: 3', 'Link sent: 2', 'Authorized: 1', 'Checked out: 0']);
    const funnel = page.getByRole('table', { name: 'Funnel' });
    expect(await funnel.getByRole('row', { name: /Link sent/ }).innerText()).toContain('66.7 %');
    expect(await page.getByTestId('median-time').innerText()).toMatch(/min|h|d/);
    const resellers = page.getByRole('table', { name: 'By reseller' });
    expect(await resellers.getByRole('row', { name: /Fabrikam IT Services \(4391507\)/ }).innerText()).toMatch(
      /3\s+2\s+1\s+0/,
    );
    await page.getByRole('table', { name: 'By owner' }).waitFor();
    await page.getByRole('table', { name: 'Weekly cohorts (by week of creation)' }).waitFor();
  });

  it('imports a CSV file: preview with detected columns, reasons and duplicates, then the valid rows', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Import customers from CSV…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import customers from CSV' });
    const csv = [
      'Firma;Kontakt;E-Mail;Domain;Reseller MPN ID;Street;City;Postal code;Country',
      'Müller GmbH;Jana Müller;jana@mueller.de;muellergmbh.onmicrosoft.com;4391507;Hauptstraße 1;Berlin;10115;DE',
      '"Tailspin; Toys";Tom Lee;tom@tailspin.com;tailspintoys;;;;;',
      'Broken Row;Someone;not-an-email;broken;;;;;',
      'Adatum again;Ann;ann@adatum.com;adatum;4391507;;;;',
    ].join('\r\n');
    await dialog
      .getByLabel('CSV file')
      .setInputFiles({ name: 'kunden.csv', mimeType: 'text/csv', buffer: windows1252(csv) });
    await dialog.getByText('kunden.csv: Windows-1252 (Western European), semicolon separated, 4 rows.').waitFor();
    // "Firma" is the German header for company: detected; "Kontakt" is not, so the user picks it.
    expect(await dialog.getByLabel('Company name (required)').inputValue()).toBe('0');
    await dialog.getByRole('status').getByText('Choose a column for every required field.').waitFor();
    await dialog.getByLabel('Contact name (required)').selectOption({ label: 'Kontakt' });
    await dialog
      .getByRole('status')
      .getByText('2 new customers ready, 1 rows rejected, 1 already in AuthDesk.')
      .waitFor();
    const sample = dialog.getByRole('table', { name: 'First rows of the file' });
    expect(await sample.innerText()).toContain('Hauptstraße 1');
    expect(await sample.innerText()).toContain('Tailspin; Toys');
    const rejected = dialog.getByRole('table', { name: 'Rows that will be rejected' });
    // Named by its company, one line per problem.
    expect(await rejected.innerText()).toMatch(/4\s+Broken Row\s+Contact email: Enter a valid email address/);
    expect(await dialog.getByRole('table', { name: 'Rows already in AuthDesk' }).innerText()).toContain(
      'Adatum Corporation',
    );
    // Tailspin has no reseller MPN ID: the storefront's warning, and a reseller to pick for that row.
    const blank = dialog.getByRole('table', { name: 'Rows without a reseller' });
    expect(await blank.innerText()).toMatch(/3\s+Tailspin; Toys/);
    await dialog
      .getByText(/1 row without a reseller MPN ID\. It seems that you have not provided a valid MPN ID/)
      .waitFor();
    const picker = blank.getByRole('combobox', { name: 'Reseller for row 3' });
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption({ label: 'Fabrikam IT Services (4391507)' });
    await expect.poll(() => picker.inputValue()).toBe('4391507');

    await app.screenshot('reports-import-preview');
    const importButton = dialog.getByRole('button', { name: 'Import 2 valid rows' });
    expect(await importButton.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: /already use Office 365/ }).check();
    await importButton.click();
    await dialog.getByText(/Imported 2 new customers, skipped 1 already in AuthDesk; 1\s+rows rejected\./).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Save rejected rows as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kunden-rejected.csv');
    const fix = await downloadText(download);
    expect(fix.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Row,Reason,Firma,Kontakt,E-Mail,Domain,Reseller MPN ID,Street,City,Postal code,Country',
      expect.stringMatching(
        /^4,Contact email: Enter a valid email address.*,Broken Row,Someone,not-an-email,broken,,,,,$/,
      ),
    ]);
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('shows the funnel grow with the imported customers and exports them as CSV files', async () => {
    const { page } = app;
    // Imported with their links fetched: added and nothing more yet.
    await expect
      .poll(() => funnelCounts(page))
      .toEqual(['Added: 5', 'Link sent: 2', 'Authorized: 1', 'Checked out: 0']);

    await page.getByRole('radio', { name: 'All customers' }).check();
    // main writes the file where its save dialog (the harness's stand-in) says, under the suggested name.
    await page.getByRole('button', { name: 'Export customers' }).click();
    const customersNotice = page.getByText(/^authdesk-customers-all-\d{4}-\d{2}-\d{2}\.csv: 5 customers exported\.$/);
    await customersNotice.waitFor();
    const customersFile = (await customersNotice.innerText()).split(':')[0]!;
    const lines = (await readFile(join(app.savedDir, customersFile), 'utf8'))
      .replace(/^\uFEFF/, '')
      .replace(/\r\n$/, '')
      .split('\r\n');
    expect(lines[0]).toMatch(/^Company name,Contact name,Contact email,Domain prefix,/);
    expect(lines).toHaveLength(6);
    expect(lines.find((line) => line.startsWith('Müller GmbH,Jana Müller,jana@mueller.de,muellergmbh,'))).toContain(
      'Hauptstraße 1,Berlin,10115,DE,link-ready',
    );
    // Imported with the reseller picked in the preview.
    expect(lines.find((line) => line.startsWith('Tailspin; Toys,Tom Lee,tom@tailspin.com,tailspintoys,'))).toContain(
      '4391507',
    );

    await page.getByRole('button', { name: 'Export history' }).click();
    const historyNotice = page.getByText(/^authdesk-history-all-\d{4}-\d{2}-\d{2}\.csv: \d+ events exported\.$/);
    await historyNotice.waitFor();
    const events = (await readFile(join(app.savedDir, (await historyNotice.innerText()).split(':')[0]!), 'utf8'))
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(readdirSync(app.savedDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(events[0]).toBe('Time,Company name,Event,Summary,Actor,Details,Customer ID');
    expect(events.filter((line) => line.includes(',Müller GmbH,created,'))).toHaveLength(1);
    expect(events.filter((line) => line.includes(',Adatum Corporation,verification-passed,'))).toHaveLength(1);

    await page.getByRole('heading', { name: 'Reports', level: 1 }).scrollIntoViewIfNeeded();
    // No tooltip from where the pointer last clicked, and no notices over the charts.
    await page.mouse.move(1, 1);
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    // The newest notice (last in the list) is the one in view; older ones wait behind it.
    while ((await dismiss.count()) > 0)
      await dismiss
        .last()
        .click({ timeout: 1000 })
        .catch(() => undefined);
    await app.screenshot('reports-view');
    await app.screenshot('reports-view-dark', { colorScheme: 'dark' });
  });

  it('filters by creation date and refuses a range that ends before it starts', async () => {
    const { page } = app;
    const filter = page.getByRole('form', { name: 'Report filter' });
    await filter.getByLabel('Created from').fill('2030-01-02');
    await filter.getByLabel('Created to').fill('2030-01-01');
    await filter.getByRole('button', { name: 'Apply' }).click();
    await filter.getByRole('alert').getByText('The start date must be on or before the end date.').waitFor();
    await filter.getByLabel('Created to').fill('');
    await filter.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(() => funnelCounts(page))
      .toEqual(['Added: 0', 'Link sent: 0', 'Authorized: 0', 'Checked out: 0']);
  });
});
