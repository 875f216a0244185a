// The service-details rules main enforces whatever the renderer sent: profile first, existing tenants only,
// billing address, reseller known to Partner Center, role matching the customer kind; update and archive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directDetails, distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { startTestApp, type TestApp } from '../../../support/test-app';

describe('customer rules', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(() => app.close());

  it('needs the partner profile first', async () => {
    expect(await call(app, 'getPartnerProfile', {})).toEqual({ profile: null });
    expect(await callError(app, 'createCustomer', indirectDetails())).toEqual({
      code: 'not-configured',
      message: 'Set up your partner profile in Settings first.',
    });
    expect(await call(app, 'listCustomers', {})).toEqual([]);
  });

  describe('with a distributor profile', () => {
    beforeEach(async () => {
      await call(app, 'savePartnerProfile', distributorProfile);
    });

    it('handles existing tenants only', async () => {
      const error = await callError(app, 'createCustomer', indirectDetails({ ownsExistingTenant: false }));
      expect(error.code).toBe('invalid-request');
      expect(error.fieldErrors?.ownsExistingTenant).toMatch(/already have a Microsoft 365 tenant/);
    });

    it('requires the billing address of indirect customers when the profile says so', async () => {
      const error = await callError(app, 'createCustomer', indirectDetails({ billingAddress: null }));
      expect(error.fieldErrors?.billingAddress).toMatch(/requires the billing address/);
      const blankCity = await callError(
        app,
        'createCustomer',
        indirectDetails({
          billingAddress: { addressLine1: '1 Main St', city: ' ', postalCode: 'X1', country: 'gb' },
        }),
      );
      expect(blankCity.fieldErrors).toEqual({ 'billingAddress.city': 'Enter the city.' });
      await call(app, 'savePartnerProfile', { ...distributorProfile, requireBillingAddress: false });
      const { detail } = await call(app, 'createCustomer', indirectDetails({ billingAddress: null }));
      expect(detail.customer.billingAddress).toBeNull();
    });

    it('adds a direct customer for a distributor too, with its own reseller link', async () => {
      const { detail, linkError } = await call(app, 'createCustomer', directDetails());
      expect(linkError).toBeNull();
      expect(detail.customer).toMatchObject({ kind: 'direct', resellerMpnId: null, status: 'link-ready' });
      expect(detail.customer.authorizationLink).not.toContain('IndirectResellerRelationship');
    });

    it('names an MPN ID that is no reseller of ours, and who it belongs to', async () => {
      const notOurs = await callError(app, 'createCustomer', indirectDetails({ resellerMpnId: '7345678' }));
      expect(notOurs.code).toBe('invalid-request');
      expect(notOurs.fieldErrors?.resellerMpnId).toMatch(
        /^No indirect reseller with MPN ID 7345678 works with Contoso Distribution\. 7345678 belongs to Litware Consulting/,
      );
      const unknown = await callError(app, 'createCustomer', indirectDetails({ resellerMpnId: '9999999' }));
      // Partner Center's MPN profile answers 404 code 3000: no such partner at all.
      expect(unknown.fieldErrors?.resellerMpnId).toBe(
        'No partner with MPN ID 9999999 exists in Partner Center. Check the number with the reseller, or leave it blank.',
      );
      expect(await call(app, 'listCustomers', {})).toEqual([]);
    });

    it('refreshes the resellers from Partner Center once when an MPN ID is not known locally', async () => {
      expect(await call(app, 'listResellers', {})).toEqual([]);
      await call(app, 'createCustomer', indirectDetails({ resellerMpnId: '6234567' }));
      const resellers = await call(app, 'listResellers', {});
      expect(resellers.map((reseller) => reseller.mpnId)).toEqual(['4391507', '5123456', '6234567']);
      expect(resellers[0]).toMatchObject({ name: 'Fabrikam IT Services', state: 'Active' });
    });

    it('updates details until checkout, keeping the link when nothing in it changed', async () => {
      const { detail } = await call(app, 'createCustomer', indirectDetails());
      const id = detail.customer.id;
      const renamed = await call(app, 'updateCustomer', {
        customerId: id,
        details: indirectDetails({ companyName: 'Litware Group', contactEmail: 'it@litware.com' }),
      });
      expect(renamed.customer).toMatchObject({
        companyName: 'Litware Group',
        contactEmail: 'it@litware.com',
        status: 'link-ready',
        authorizationLink: detail.customer.authorizationLink,
      });
      expect(renamed.events.at(-1)).toMatchObject({
        type: 'updated',
        data: { changed: ['companyName', 'contactEmail'] },
      });
      // The same details again change nothing and record nothing.
      const same = await call(app, 'updateCustomer', {
        customerId: id,
        details: indirectDetails({ companyName: 'Litware Group', contactEmail: 'it@litware.com' }),
      });
      expect(same.events).toHaveLength(renamed.events.length);
      // Search sees the new name.
      expect((await call(app, 'listCustomers', { search: 'litware gro' })).map((customer) => customer.id)).toEqual([
        id,
      ]);
    });

    it('archives, after which the record is read-only and out of the open queue', async () => {
      const { detail } = await call(app, 'createCustomer', indirectDetails());
      const outcome = await call(app, 'archiveCustomers', {
        selection: { kind: 'customers', customerIds: [detail.customer.id] },
        operationId: 'archive-1',
      });
      expect(outcome).toEqual({ total: 1, notDoneCount: 0, notDone: [] });
      const archived = await call(app, 'getCustomer', { customerId: detail.customer.id });
      expect(archived.customer.status).toBe('archived');
      expect(archived.events.at(-1)).toMatchObject({
        type: 'archived',
        summary: 'Archived',
        data: { previousStatus: 'link-ready' },
      });
      expect(await call(app, 'listCustomers', { status: 'open' })).toEqual([]);
      expect(await call(app, 'listCustomers', { status: 'archived' })).toHaveLength(1);
      expect((await callError(app, 'requestAuthorizationLink', { customerId: detail.customer.id })).message).toMatch(
        /archived/,
      );
    });

    it('answers not-found for an unknown customer', async () => {
      expect((await callError(app, 'getCustomer', { customerId: 'no-such-customer' })).code).toBe('not-found');
    });
  });
});
