// Customers in SQLite: round trip of every field, status filters, and full-text search that survives
// whatever a user types (quotes, dashes, FTS operators, stars, emails, accents).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../../main/platform/db/connection';
import { ftsPrefixQuery } from '../../../../main/platform/db/fts-query';
import {
  getCustomer,
  insertCustomer,
  listCustomers,
  updateCustomer,
} from '../../../../main/features/customers/customers-repository';
import { sampleCustomer } from '../../../support/sample-customer';

const ids = (customers: { id: string }[]) => customers.map((customer) => customer.id).sort();

describe('customers repository', () => {
  let db: Database;
  beforeEach(() => {
    db = openDatabase(':memory:');
    insertCustomer(db, sampleCustomer({ id: 'litware', updatedAt: '2026-01-01T10:00:00.000Z' }), 'anna');
    insertCustomer(
      db,
      sampleCustomer({
        id: 'contoso',
        companyName: 'Contoso "Labs" Ltd',
        contactName: 'Zoë O’Brien',
        contactEmail: 'zoe.obrien@contoso-labs.com',
        domainPrefix: 'contosolabs',
        status: 'sent',
        updatedAt: '2026-01-03T10:00:00.000Z',
      }),
      'anna',
    );
    insertCustomer(
      db,
      sampleCustomer({
        id: 'fourth',
        kind: 'direct',
        companyName: 'Fourth Coffee',
        contactName: 'Ben Carter',
        contactEmail: 'ben@fourthcoffee.com',
        domainPrefix: 'fourthcoffee',
        resellerMpnId: null,
        resellerName: null,
        billingAddress: null,
        status: 'checked-out',
        orderReference: 'PO-1',
        updatedAt: '2026-01-02T10:00:00.000Z',
      }),
      'ben',
    );
    insertCustomer(
      db,
      sampleCustomer({ id: 'old', companyName: 'Archived AND Gone', domainPrefix: 'gone', status: 'archived' }),
      'ben',
    );
  });

  it('round-trips every field', () => {
    const verification = {
      outcome: 'partial' as const,
      defaultDomain: 'litware.com',
      customerTenantId: 't-1',
      checks: [{ id: 'delegated-admin' as const, label: 'DAP', state: 'failed' as const, message: 'missing' }],
      checkedAt: '2026-01-05T00:00:00.000Z',
    };
    const changed = sampleCustomer({
      id: 'litware',
      defaultDomain: 'litware.com',
      status: 'needs-attention',
      authorizationLink: 'https://admin.microsoft.com/x?DAP=true',
      lastVerification: verification,
      includeDelegatedAdmin: false,
      updatedAt: '2026-01-05T00:00:00.000Z',
    });
    updateCustomer(db, changed);
    expect(getCustomer(db, 'litware')).toEqual(changed);
    expect(getCustomer(db, 'missing')).toBeNull();
  });

  it('filters by status: all, open, or one status; newest first', () => {
    // Same updated_at: the one created later comes first.
    expect(listCustomers(db).map((customer) => customer.id)).toEqual(['contoso', 'fourth', 'old', 'litware']);
    expect(ids(listCustomers(db, { status: 'open' }))).toEqual(['contoso', 'litware']);
    expect(ids(listCustomers(db, { status: 'checked-out' }))).toEqual(['fourth']);
    expect(listCustomers(db, { status: 'authorized' })).toEqual([]);
  });

  it('searches by prefix on each word across company, contact, email and domain', () => {
    expect(ids(listCustomers(db, { search: 'conto' }))).toEqual(['contoso']);
    expect(ids(listCustomers(db, { search: 'zoe' }))).toEqual(['contoso']);
    expect(ids(listCustomers(db, { search: 'fourthcof' }))).toEqual(['fourth']);
    expect(ids(listCustomers(db, { search: 'anna bell' }))).toEqual(['litware', 'old']);
    expect(ids(listCustomers(db, { search: 'anna coffee' }))).toEqual([]);
    expect(ids(listCustomers(db, { search: 'anna', status: 'open' }))).toEqual(['litware']);
  });

  it('treats quotes, dashes, operators and stars as text, never as syntax', () => {
    const odd = [
      '"',
      '"Labs',
      'Labs"',
      "O'Brien",
      'O’Brien',
      'contoso-labs',
      'AND',
      'OR NOT',
      'NEAR(',
      '*',
      'lab*',
      '^',
      ':',
      'company_name:x',
      '(',
      ')',
      '\\',
      '%',
      '--',
      ';DROP TABLE customers;',
      '\u0000',
      '🙂',
      'zoë@contoso-labs.com',
    ];
    for (const search of odd) {
      expect(() => listCustomers(db, { search }), search).not.toThrow();
    }
    expect(ids(listCustomers(db, { search: '"Labs' }))).toEqual(['contoso']);
    expect(ids(listCustomers(db, { search: 'contoso-labs' }))).toEqual(['contoso']);
    expect(ids(listCustomers(db, { search: 'zoe.obrien@contoso-labs.com' }))).toEqual(['contoso']);
    expect(ids(listCustomers(db, { search: 'AND' }))).toEqual(['old']);
    // Nothing searchable typed: the filter is not applied rather than matching nothing.
    expect(listCustomers(db, { search: '"*-' })).toHaveLength(4);
    expect(listCustomers(db, { search: ';DROP TABLE customers;' })).toEqual([]);
    expect(listCustomers(db)).toHaveLength(4);
  });

  it('keeps the search index in step with updates', () => {
    updateCustomer(db, {
      ...getCustomer(db, 'litware')!,
      companyName: 'Northwind Traders',
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(ids(listCustomers(db, { search: 'litware inc' }))).toEqual([]);
    expect(ids(listCustomers(db, { search: 'northw' }))).toEqual(['litware']);
    updateCustomer(db, { ...getCustomer(db, 'litware')!, defaultDomain: 'northwindtraders.com' });
    expect(ids(listCustomers(db, { search: 'northwindtraders.com' }))).toEqual(['litware']);
  });

  it('builds quoted prefix terms', () => {
    expect(ftsPrefixQuery('  ')).toBeNull();
    expect(ftsPrefixQuery('a"b OR c*')).toBe('"a"* "b"* "OR"* "c"*');
    expect(ftsPrefixQuery('anna@contoso.com')).toBe('"anna"* "contoso"* "com"*');
  });
});
