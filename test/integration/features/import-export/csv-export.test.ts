// CSV export through the IPC handlers into the file the save dialog chose: the queue's current filter or
// everything, customers and history, with the columns the import reads back and spreadsheet formulas defused.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { QueueFilter } from '../../../../shared/domain/queue-query';
import { defaultQueueFilter } from '../../../../shared/domain/queue-query';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call } from '../../../support/ipc-call';
import { makeTempDir } from '../../../support/temp-dir';
import { startTestApp, type TestApp } from '../../../support/test-app';

let app: TestApp;
const saved = makeTempDir();
const rows = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
let exports = 0;

// The window's Export: the file main wrote, read back without its byte-order mark.
async function exported(kind: 'customers' | 'history', filter: QueueFilter | null) {
  const result = await call(app, 'exportCsvFile', { kind, filter, operationId: `export-${++exports}` });
  const text = readFileSync(path.join(saved.dir, result.fileName!), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return { ...result, csv: text.slice(1) };
}

beforeAll(async () => {
  app = await startTestApp({
    now: () => new Date('2026-02-03T10:00:00.000Z'),
    chooseSavePath: async (name) => path.join(saved.dir, name),
  });
  await call(app, 'savePartnerProfile', distributorProfile);
  const litware = (await call(app, 'createCustomer', indirectDetails())).detail.customer.id;
  await call(app, 'recordHandOff', { customerId: litware, channel: 'copy-link' });
  await call(app, 'createCustomer', indirectDetails({ companyName: '=HYPERLINK("x")', domainPrefix: 'adatum' }));
});
afterAll(async () => {
  await app.close();
  saved.remove();
});

describe('CSV export', () => {
  it('exports every customer with the columns the import recognises', async () => {
    const file = await exported('customers', null);
    expect(file.fileName).toBe('authdesk-customers-all-2026-02-03.csv');
    expect(file.rows).toBe(2);
    const [header, litware, adatum] = rows(file.csv);
    expect(header?.slice(0, 4)).toEqual(['Company name', 'Contact name', 'Contact email', 'Domain prefix']);
    const column = (name: string) => header!.indexOf(name);
    expect(litware?.[column('Company name')]).toBe('Litware Inc');
    expect(litware?.[column('Status')]).toBe('sent');
    expect(litware?.[column('Link sent at')]).toBe('2026-02-03T10:00:00.000Z');
    expect(litware?.[column('Reseller name')]).toBe('Fabrikam IT Services');
    expect(litware?.[column('Street address')]).toBe('1 Main Street');
    expect(litware?.[column('Owner')]).toBe('tester');
    // A spreadsheet would run this as a formula: it is written as text.
    expect(adatum?.[column('Company name')]).toBe('\'=HYPERLINK("x")');
  });

  it('exports only the customers of the queue’s current filter', async () => {
    const file = await exported('customers', { ...defaultQueueFilter, status: 'sent' });
    expect(file.fileName).toBe('authdesk-customers-filtered-2026-02-03.csv');
    expect(
      rows(file.csv)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['Litware Inc']);
    const searched = await exported('customers', { ...defaultQueueFilter, status: 'all', search: 'adatum' });
    expect(searched.rows).toBe(1);
  });

  it('exports the history of the filtered customers, or of all', async () => {
    const all = await exported('history', null);
    const events = rows(all.csv);
    expect(events[0]).toEqual(['Time', 'Company name', 'Event', 'Summary', 'Actor', 'Details', 'Customer ID']);
    expect(events.slice(1).map((row) => [row[1], row[2]])).toEqual([
      ['Litware Inc', 'created'],
      ['Litware Inc', 'link-generated'],
      ['Litware Inc', 'link-copied'],
      ['\'=HYPERLINK("x")', 'created'],
      ['\'=HYPERLINK("x")', 'link-generated'],
    ]);
    const sent = await exported('history', { ...defaultQueueFilter, status: 'sent' });
    expect(
      rows(sent.csv)
        .slice(1)
        .every((row) => row[1] === 'Litware Inc'),
    ).toBe(true);
    expect(sent.rows).toBe(3);
  });
});
