// CSV import of pending customers through the IPC handlers, against the real services and the simulator:
// preview (mapping, first rows, per-row reasons, duplicates), import of the valid rows in one go, 1,000 bad
// rows among good ones (nothing valid lost, nothing invalid in), duplicates skipped or updated, the rejected
// rows as a CSV to fix, and links requested afterwards.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { ImportMapping } from '../../../../shared/domain/customer-import';
import type { Simulator } from '../../../../sandbox/start-simulator';
import { closeAppAndSimulator, startAppWithOwnSimulator } from '../../../support/app-with-own-simulator';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { startTestApp, type TestApp } from '../../../support/test-app';

const header = 'Company name;Contact name;Email;Domain;Reseller MPN ID;Delegated admin;Street;City;Postal code;Country';

function goodRow(index: number): string {
  return `"Good ${index}; Ltd";Contact ${index};it${index}@good${index}.com;good${index};4391507;yes;${index} Main Street;Reading;RG1 1AA;GB`;
}

// Ten kinds of wrong, each with the reason the user reads.
const badKinds: { row: (index: number) => string; reason: RegExp }[] = [
  { row: (i) => `;Contact;bad${i}@bad.com;bad${i};4391507;yes;1 St;Reading;RG1;GB`, reason: /Company name: Enter/ },
  { row: (i) => `Bad ${i};Contact;not-an-email;bad${i};4391507;yes;1 St;Reading;RG1;GB`, reason: /valid email/ },
  {
    row: (i) => `Bad ${i};Contact;b@bad.com;bad-${i};4391507;yes;1 St;Reading;RG1;GB`,
    reason: /only letters and digits/,
  },
  {
    row: (i) => `Bad ${i};Contact;b@bad.com;bad${i}.com;4391507;yes;1 St;Reading;RG1;GB`,
    reason: /not a \.onmicrosoft\.com/,
  },
  { row: (i) => `Bad ${i};Contact;b@bad.com;bad${i};12;yes;1 St;Reading;RG1;GB`, reason: /MPN ID is 4 to 10 digits/ },
  { row: (i) => `Bad ${i};Contact;b@bad.com;bad${i};4391507;maybe;1 St;Reading;RG1;GB`, reason: /neither yes nor no/ },
  {
    row: (i) => `Bad ${i};Contact;b@bad.com;bad${i};4391507;yes;1 St;Reading;RG1;Britain`,
    reason: /Choose the country from the list/,
  },
  { row: (i) => `Bad ${i};Contact;b@bad.com;bad${i};4391507;yes;;;;`, reason: /requires the billing address/ },
  { row: (i) => `Bad ${i};;b@bad.com;bad${i};4391507;yes;1 St;;RG1;GB`, reason: /Contact name: .*City: /s },
  { row: (i) => `Bad ${i};Contact;b@bad.com;bad${i};4391507;no;1 St;Reading;;GB`, reason: /Postal code/ },
];

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
  await call(app, 'savePartnerProfile', distributorProfile);
});
afterEach(() => app.close());

const customerCount = () => (app.services.db.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n;
const domains = () => new Set(app.services.db.prepare('SELECT domain_prefix FROM customers').pluck().all() as string[]);

async function importText(text: string, options: { onDuplicate?: 'skip' | 'update'; requestLinks?: boolean } = {}) {
  const preview = await call(app, 'previewCustomerImport', { text, mapping: null });
  return call(app, 'importCustomers', {
    text,
    mapping: preview.mapping,
    onDuplicate: options.onDuplicate ?? 'skip',
    requestLinks: options.requestLinks ?? false,
    ownsExistingTenant: true,
    operationId: 'import-1',
  });
}

describe('CSV import', () => {
  it('previews a semicolon file with a BOM, quoted fields and blank lines: mapping, first rows, reasons', async () => {
    const text = `\uFEFF${header}\r\n\r\n${goodRow(1)}\r\n${badKinds[1]!.row(1)}\r\n\r\n${goodRow(2)}\r\n`;
    const preview = await call(app, 'previewCustomerImport', { text, mapping: null });
    expect(preview.delimiter).toBe(';');
    expect(preview.headers[0]).toBe('Company name');
    expect(preview.mapping).toMatchObject({ companyName: 0, contactEmail: 2, domain: 3, resellerMpnId: 4, country: 9 });
    expect(preview.missingFields).toEqual([]);
    expect(preview.sampleRows.map((row) => [row.rowNumber, row.cells[0]])).toEqual([
      [3, 'Good 1; Ltd'],
      [4, 'Bad 1'],
      [6, 'Good 2; Ltd'],
    ]);
    expect(preview).toMatchObject({ totalRows: 3, validRows: 2, rejectedCount: 1, duplicateCount: 0 });
    // Named by its company, one message per problem.
    expect(preview.rejected).toEqual([
      {
        rowNumber: 4,
        companyName: 'Bad 1',
        reason: expect.stringMatching(/valid email/),
        problems: [expect.stringMatching(/^Contact email: .*valid email/)],
      },
    ]);
    // The preview writes nothing.
    expect(customerCount()).toBe(0);
  });

  it('says which required columns are not mapped, and refuses to import without them', async () => {
    const text = 'Company,Email\nLitware,it@litware.com\n';
    const preview = await call(app, 'previewCustomerImport', { text, mapping: null });
    expect(preview.missingFields).toEqual(['contactName', 'domain']);
    const error = await callError(app, 'importCustomers', {
      text,
      mapping: preview.mapping,
      onDuplicate: 'skip',
      requestLinks: false,
      ownsExistingTenant: true,
      operationId: 'import-2',
    });
    expect(error).toMatchObject({
      code: 'invalid-request',
      message: 'Choose the column for: Contact name, Domain prefix or domain.',
    });
    // A mapping the user changed is used as given.
    const mapping: ImportMapping = { ...preview.mapping, contactName: 0, domain: 0 };
    const result = await call(app, 'importCustomers', {
      text,
      mapping,
      onDuplicate: 'skip',
      requestLinks: false,
      ownsExistingTenant: true,
      operationId: 'import-3',
    });
    expect(result).toMatchObject({ created: 0, rejectedCount: 1 });
    expect(result.rejected[0]?.reason).toMatch(/requires the billing address/);
  });

  it('imports 500 good rows among 1,000 bad ones: every valid row in, no invalid row, each rejection explained', async () => {
    const lines = [header];
    const expectedReasons = new Map<number, RegExp>();
    for (let i = 0; i < 1500; i++) {
      // Row numbers: the header is row 1.
      const rowNumber = i + 2;
      if (i % 3 === 0) {
        lines.push(goodRow(i));
      } else {
        const kind = badKinds[i % badKinds.length]!;
        lines.push(kind.row(i));
        expectedReasons.set(rowNumber, kind.reason);
      }
    }
    expect(expectedReasons.size).toBe(1000);
    const result = await importText(`${lines.join('\n')}\n`);

    expect(result).toMatchObject({ created: 500, updated: 0, skippedDuplicates: 0, rejectedCount: 1000 });
    expect(customerCount()).toBe(500);
    const stored = domains();
    for (let i = 0; i < 1500; i += 3) expect(stored.has(`good${i}`), `good${i}`).toBe(true);
    expect([...stored].filter((domain) => !domain.startsWith('good'))).toEqual([]);
    // Every imported customer went through the form's rules: reseller resolved, billing address, a history.
    const imported = app.services.db
      .prepare("SELECT reseller_name, billing_address, status FROM customers WHERE domain_prefix = 'good3'")
      .get();
    expect(imported).toEqual({
      reseller_name: 'Fabrikam IT Services',
      billing_address: JSON.stringify({
        addressLine1: '3 Main Street',
        city: 'Reading',
        postalCode: 'RG1 1AA',
        country: 'GB',
      }),
      status: 'draft',
    });
    const createdEvents = app.services.db
      .prepare("SELECT COUNT(*) FROM customer_events WHERE type = 'created'")
      .pluck()
      .get();
    expect(createdEvents).toBe(500);

    // The rejected rows as CSV: Row and Reason first, then the file's own columns, every one of the 1,000.
    expect(result.rejectedCsv).not.toBeNull();
    const rejected = Papa.parse<string[]>(result.rejectedCsv!, { skipEmptyLines: true }).data;
    expect(rejected[0]).toEqual(['Row', 'Reason', ...header.split(';')]);
    expect(rejected).toHaveLength(1001);
    for (const [rowNumber, reason, ...cells] of rejected.slice(1)) {
      expect(reason, `row ${rowNumber}`).toMatch(expectedReasons.get(Number(rowNumber))!);
      expect(cells.join(';')).toBe(lines[Number(rowNumber) - 1]);
    }
    // Progress went out while checking, ending at the total.
    const progress = app.pushed.filter((push) => push.event === 'operationProgress').map((push) => push.payload);
    expect(progress.at(-1)).toEqual({
      operationId: 'import-1',
      kind: 'customer-import',
      done: 500,
      total: 500,
      failed: 0,
    });
  });

  it('flags the rows without a reseller MPN ID, and imports them with the reseller picked for each', async () => {
    const blank = (index: number) => goodRow(index).replace(';4391507;', ';;');
    const text = [header, goodRow(1), blank(2), blank(3)].join('\r\n');
    const preview = await call(app, 'previewCustomerImport', { text, mapping: null });
    expect(preview.blankResellerCount).toBe(2);
    expect(preview.blankReseller).toEqual([
      { rowNumber: 3, companyName: 'Good 2; Ltd' },
      { rowNumber: 4, companyName: 'Good 3; Ltd' },
    ]);
    // The user picks Fabrikam for row 3 and leaves row 4 without a reseller, knowingly.
    const resellerChoices = { '3': '4391507' };
    const chosen = await call(app, 'previewCustomerImport', { text, mapping: preview.mapping, resellerChoices });
    expect(chosen.blankReseller.map((row) => row.rowNumber)).toEqual([4]);
    const result = await call(app, 'importCustomers', {
      text,
      mapping: preview.mapping,
      onDuplicate: 'skip',
      requestLinks: false,
      resellerChoices,
      ownsExistingTenant: true,
      operationId: 'import-blank-mpn',
    });
    expect(result.created).toBe(3);
    const byName = new Map((await call(app, 'listCustomers', {})).map((customer) => [customer.companyName, customer]));
    expect(byName.get('Good 2; Ltd')?.resellerMpnId).toBe('4391507');
    expect(byName.get('Good 3; Ltd')?.resellerMpnId).toBeNull();
  });

  it('finds duplicates by domain, in the file and in AuthDesk, and skips or updates them', async () => {
    await call(app, 'createCustomer', indirectDetails({ companyName: 'Good 1 old name', domainPrefix: 'good1' }));
    const text = [header, goodRow(1), goodRow(2), goodRow(2).replace('Good 2', 'Second Good 2')].join('\r\n');
    const preview = await call(app, 'previewCustomerImport', { text, mapping: null });
    expect(preview.duplicates).toEqual([
      { rowNumber: 2, domainPrefix: 'good1', existingCompanyName: 'Good 1 old name', updatable: true },
    ]);
    expect(preview.rejected).toEqual([
      {
        rowNumber: 4,
        companyName: 'Second Good 2; Ltd',
        reason: 'Duplicate: row 3 already has the domain prefix "good2".',
        problems: ['Duplicate: row 3 already has the domain prefix "good2".'],
      },
    ]);

    const skipped = await importText(text, { onDuplicate: 'skip' });
    expect(skipped).toMatchObject({ created: 1, updated: 0, skippedDuplicates: 1, rejectedCount: 1 });
    const nameOf = (prefix: string) =>
      app.services.db.prepare('SELECT company_name FROM customers WHERE domain_prefix = ?').pluck().all(prefix);
    expect(nameOf('good1')).toEqual(['Good 1 old name']);

    // Importing again: good2 now exists too; with "update", both are brought up to date, nothing is added.
    const updated = await importText(text, { onDuplicate: 'update' });
    expect(updated).toMatchObject({ created: 0, updated: 1, skippedDuplicates: 0 });
    expect(nameOf('good1')).toEqual(['Good 1; Ltd']);
    expect(nameOf('good2')).toEqual(['Good 2; Ltd']);
    expect(customerCount()).toBe(2);
  });

  it('rejects rows naming an unknown reseller with Partner Center’s answer, checking each MPN ID once', async () => {
    const text = [
      header,
      goodRow(1),
      goodRow(2).replace('4391507', '7345678'),
      goodRow(3).replace('4391507', '7345678'),
    ].join('\n');
    const result = await importText(text);
    expect(result).toMatchObject({ created: 1, rejectedCount: 2 });
    expect(result.rejected.map((row) => row.rowNumber)).toEqual([3, 4]);
    expect(result.rejected[0]?.reason).toMatch(/No indirect reseller with MPN ID 7345678.*Litware Consulting/);
  });

  it('requests the links after the import', async () => {
    const text = [header, goodRow(1), goodRow(2)].join('\n');
    const linked = await importText(text, { requestLinks: true });
    expect(linked).toMatchObject({ created: 2, linksRequested: 2, linksQueued: 0, linkFailures: 0, linkError: null });
    const statuses = app.services.db.prepare('SELECT status FROM customers ORDER BY seq').pluck().all();
    expect(statuses).toEqual(['link-ready', 'link-ready']);
  });
});

describe('CSV import while Partner Center is unreachable', () => {
  const secret = 'sandbox-secret-for-tests';
  let simulator: Simulator;
  let offlineApp: TestApp;
  beforeEach(async () => {
    ({ simulator, app: offlineApp } = await startAppWithOwnSimulator(secret));
    await call(offlineApp, 'savePartnerProfile', distributorProfile);
    // The resellers were synced earlier, so rows can still be checked offline.
    await call(offlineApp, 'refreshResellers', {});
  });
  afterEach(() => closeAppAndSimulator(offlineApp, simulator));

  it('keeps every imported row when the links cannot be fetched', async () => {
    await simulator.stop();
    const text = [header, goodRow(1), goodRow(2), goodRow(3)].join('\n');
    const preview = await call(offlineApp, 'previewCustomerImport', { text, mapping: null });
    const result = await call(offlineApp, 'importCustomers', {
      text,
      mapping: preview.mapping,
      onDuplicate: 'skip',
      requestLinks: true,
      ownsExistingTenant: true,
      operationId: 'import-offline',
    });
    // The link requests wait in the outbox for the connection; nothing fetched, nothing lost.
    expect(result).toMatchObject({ created: 3, rejectedCount: 0, linksRequested: 0, linksQueued: 3, linkFailures: 0 });
    const rows = offlineApp.services.db.prepare('SELECT domain_prefix, status FROM customers ORDER BY seq').all();
    expect(rows).toEqual([
      { domain_prefix: 'good1', status: 'draft' },
      { domain_prefix: 'good2', status: 'draft' },
      { domain_prefix: 'good3', status: 'draft' },
    ]);
  });
});
