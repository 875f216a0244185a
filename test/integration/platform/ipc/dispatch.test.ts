// Every contract method refuses a malformed payload (wrong types, extra keys, missing fields, huge strings)
// with invalid-request, and such a request changes nothing in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../main/platform/ipc/dispatch';
import { contract, methods, type Method } from '../../../../shared/ipc/contract';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { dumpDatabase } from '../../../support/database-dump';
import { call } from '../../../support/ipc-call';
import { startTestApp, type TestApp } from '../../../support/test-app';

const huge = 'x'.repeat(100_000);
const queueFilter = {
  search: 'litware',
  status: 'open',
  reseller: null,
  owner: null,
  minAgeDays: null,
  idleDays: null,
  followUp: 'any',
};

// A valid request per method, so each malformed variant differs from something that would be accepted.
function validRequests(customerId: string): Record<Method, Record<string, unknown>> {
  const details = indirectDetails();
  return {
    getAppInfo: {},
    getPartnerProfile: {},
    savePartnerProfile: { ...distributorProfile },
    getUiPreferences: {},
    saveUiPreferences: { language: 'el' },
    listResellers: {},
    refreshResellers: {},
    listCustomers: { search: 'litware', status: 'open' },
    getCustomer: { customerId },
    createCustomer: { ...details },
    updateCustomer: { customerId, details: { ...details } },
    requestAuthorizationLink: { customerId },
    getInstructions: { customerId },
    recordHandOff: { customerId, channel: 'copy-link' },
    openMailClient: { customerId },
    verifyAuthorization: { customerId, defaultDomain: 'litware.onmicrosoft.com' },
    checkOut: { customerId, orderReference: 'PO-1' },
    verifyCustomers: { selection: { kind: 'customers', customerIds: [customerId] } },
    getSignInStatus: {},
    saveSignInSettings: {
      clientId: '11111111-2222-4333-8444-555555555555',
      tenantId: distributorProfile.partnerTenantId,
    },
    signIn: {},
    signOut: {},
    testConnection: {},
    queryQueue: { filter: { ...queueFilter }, sort: { column: 'company', direction: 'asc' }, offset: 0, limit: 50 },
    queryQueueIds: { filter: { ...queueFilter }, sort: { column: 'company', direction: 'asc' }, offset: 0, limit: 10 },
    getQueueFacets: {},
    listSavedViews: {},
    saveView: { name: 'Mine', query: { filter: { ...queueFilter }, sort: { column: 'age', direction: 'desc' } } },
    deleteSavedView: { id: 999 },
    getCustomerTracking: { customerId },
    updateCustomerTracking: { customerId, tracking: { owner: 'anna', nextFollowUp: '2026-03-01', notes: '' } },
    changeCustomersTracking: {
      selection: { kind: 'customers', customerIds: [customerId] },
      operationId: 'op-1',
      change: { owner: 'ben' },
    },
    archiveCustomers: { selection: { kind: 'customers', customerIds: [customerId] }, operationId: 'op-2' },
    prepareLinksCopy: { selection: { kind: 'customers', customerIds: [customerId] }, operationId: 'op-3' },
    recordLinksCopied: { operationId: 'op-3' },
    // Offline-first.
    getConnectivity: {},
    retryWaitingAction: { id: 999 },
    cancelWaitingAction: { id: 999 },
    listCustomerWaitingActions: { customerId },
    requestVerification: { customerId, defaultDomain: 'litware.onmicrosoft.com' },
    // GDAP.
    listGdapTemplates: {},
    saveGdapTemplate: {
      id: 999,
      template: {
        name: 'Helpdesk',
        roleDefinitionIds: ['729827e3-9c14-49f7-bb1b-9608f156bbb8'],
        durationDays: 730,
        autoExtend: true,
      },
    },
    deleteGdapTemplate: { id: 999 },
    listGdapSecurityGroups: {},
    getGdapRelationship: { customerId },
    requestGdap: { customerId, templateId: 1 },
    refreshGdapStatus: { customerId },
    recordGdapLinkCopied: { customerId },
    sandboxGdapAction: { customerId, action: 'approve' },
    // Email.
    getEmailSettings: {},
    saveEmailSettings: {
      settings: {
        smtp: {
          host: 'smtp.example.com',
          port: 587,
          tlsMode: 'starttls',
          user: 'me',
          fromAddress: 'me@example.com',
          fromName: 'Me',
        },
        defaultLanguage: 'en',
        reminderDays: [3, 7],
        messagesPerMinute: 30,
      },
      password: 'secret',
    },
    sendTestEmail: { to: 'me@example.com' },
    listEmailTemplates: {},
    saveEmailTemplate: { kind: 'invitation', language: 'de', subject: 'Hallo', body: 'Hallo {{contactName}}' },
    resetEmailTemplate: { kind: 'invitation', language: 'de' },
    listEmailLanguages: {},
    addEmailLanguage: { code: 'sv', name: 'Svenska' },
    removeEmailLanguage: { code: 'sv' },
    previewEmail: { customerId, template: 'invitation', language: 'en' },
    sendEmail: { customerId, template: 'invitation', language: 'en', requestId: 'request-0001' },
    openEmailInMailClient: { customerId, template: 'invitation', language: 'en' },
    recordEmailCopied: { customerId, template: 'invitation', language: 'en' },
    previewBulkEmail: { recipients: { kind: 'customers', customerIds: [customerId] } },
    sendBulkEmail: {
      operationId: 'operation-0001',
      recipients: { kind: 'customers', customerIds: [customerId] },
      template: 'invitation',
    },
    exportMailMergeCsv: { recipients: { kind: 'filter', filter: { ...queueFilter } }, operationId: 'op-merge-1' },
    getCustomerEmail: { customerId },
    setCustomerEmailPreferences: { customerId, language: 'de', reminderDays: [2, 5] },
    snoozeReminders: { customerId, days: 2 },
    listDueReminders: { offset: 0, limit: 50 },
    sendDueReminders: { operationId: 'operation-0002', customerIds: [customerId] },
    listUnsentEmails: {},
    retryFailedEmails: {},
    // Conversion reports, CSV export and import.
    getConversionReport: { from: '2026-01-01', to: '2026-01-31', stalledDays: 7 },
    exportCsvFile: { kind: 'history', filter: null, operationId: 'export-0001' },
    cancelCsvExport: { operationId: 'export-0001' },
    previewCustomerImport: { text: 'Company name,Contact email\r\nLitware,it@litware.com\r\n', mapping: null },
    importCustomers: {
      text: 'Company name,Contact name,Contact email,Domain prefix\r\n',
      mapping: {
        companyName: 0,
        contactName: 1,
        contactEmail: 2,
        domain: 3,
        resellerMpnId: null,
        includeDelegatedAdmin: null,
        addressLine1: null,
        city: null,
        postalCode: null,
        country: null,
      },
      onDuplicate: 'skip',
      requestLinks: false,
      ownsExistingTenant: true,
      operationId: 'operation-0003',
    },
    sandboxAcceptInvitation: {
      customerId,
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: null,
    },
    getDiagnostics: {},
    openLogsFolder: {},
    setAttentionCount: { count: 2 },
    getUpdateStatus: {},
    restartToUpdate: {},
    getTeamStatus: {},
    createTeam: {
      connection: { host: '127.0.0.1', port: 5432, database: 'authdesk', user: 'authdesk', tls: 'off' },
      password: 'secret',
      displayName: 'Anna',
      teamName: 'Contoso sales',
    },
    joinTeam: {
      connection: { host: 'db.contoso.com', port: 5432, database: 'authdesk', user: 'authdesk', tls: 'verify' },
      password: 'secret',
      displayName: 'Anna',
    },
    leaveTeam: { force: true },
    syncTeamNow: {},
    getTeamCoordination: {},
  };
}

// Variants of one object: each field missing, of the wrong type, a huge string; an extra key; recursing into
// nested objects (updateCustomer's details, the billing address).
function malformedVariants(
  valid: Record<string, unknown>,
  label = '',
): { label: string; value: Record<string, unknown> }[] {
  const variants: { label: string; value: Record<string, unknown> }[] = [
    { label: `${label}extra key`, value: { ...valid, isAdmin: true } },
  ];
  for (const [key, original] of Object.entries(valid)) {
    const without = { ...valid };
    delete without[key];
    variants.push(
      { label: `${label}${key} missing`, value: without },
      { label: `${label}${key} a number`, value: { ...valid, [key]: 12345 } },
      { label: `${label}${key} an array`, value: { ...valid, [key]: ['x'] } },
      { label: `${label}${key} huge`, value: { ...valid, [key]: huge } },
    );
    if (original !== null && typeof original === 'object' && !Array.isArray(original)) {
      for (const nested of malformedVariants(original as Record<string, unknown>, `${label}${key}.`)) {
        variants.push({ label: nested.label, value: { ...valid, [key]: nested.value } });
      }
    }
  }
  return variants;
}

// What is refused for every method, whatever its fields.
const hostilePayloads: { label: string; value: unknown }[] = [
  { label: 'undefined', value: undefined },
  { label: 'null', value: null },
  { label: 'a number', value: 42 },
  { label: 'a string', value: huge },
  { label: 'an array', value: [] },
  {
    label: 'prototype pollution',
    value: JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}'),
  },
];

describe('dispatch refuses malformed payloads for every method', () => {
  let app: TestApp;
  let customerId: string;
  let before: string;
  beforeAll(async () => {
    app = await startTestApp();
    await call(app, 'savePartnerProfile', distributorProfile);
    customerId = (await call(app, 'createCustomer', indirectDetails())).detail.customer.id;
    await call(app, 'recordHandOff', { customerId, channel: 'copy-link' });
    before = dumpDatabase(app.services.db);
  });
  afterAll(() => app.close());

  it('has a valid sample for every method (so the variants below are meaningful)', () => {
    const valid = validRequests(customerId);
    expect(Object.keys(valid).sort()).toEqual([...methods].sort());
    for (const method of methods) {
      expect(contract[method].request.safeParse(valid[method]).success, method).toBe(true);
    }
  });

  for (const method of methods) {
    it(`${method}: invalid-request and no change to the database`, async () => {
      const valid = validRequests(customerId)[method];
      const cases = [...hostilePayloads, ...malformedVariants(valid)].filter(
        // A variant can still be valid (an optional field left out); only refused payloads are tested here.
        (variant) => !contract[method].request.safeParse(variant.value).success,
      );
      expect(cases.length).toBeGreaterThan(hostilePayloads.length);
      for (const variant of cases) {
        const result = await dispatch(contract, app.handlers, method, variant.value, () => undefined);
        expect(result.ok, `${method} with ${variant.label}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code, `${method} with ${variant.label}`).toBe('invalid-request');
          expect(result.error.message.length).toBeLessThan(500);
          expect(JSON.stringify(result.error)).not.toContain(huge);
        }
      }
      expect(dumpDatabase(app.services.db)).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('names the offending fields by dotted path', async () => {
    const result = await dispatch(
      contract,
      app.handlers,
      'updateCustomer',
      {
        customerId,
        details: {
          ...indirectDetails(),
          billingAddress: { addressLine1: 'x', city: 7, postalCode: 'p', country: 'GB' },
        },
        extra: 1,
      },
      () => undefined,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-request',
        fieldErrors: { 'details.billingAddress.city': expect.any(String), extra: expect.any(String) },
      },
    });
    expect(dumpDatabase(app.services.db)).toBe(before);
  });

  it('refuses an unknown method', async () => {
    for (const method of ['nope', '__proto__', 'constructor', 'toString', '']) {
      expect(await dispatch(contract, app.handlers, method, {}, () => undefined)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
  });
});
