// What verification makes of partial acceptance and of customers whose default domain is a custom one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { startTestApp, type TestApp } from '../../../support/test-app';

describe('verification outcomes', () => {
  let app: TestApp;
  let id: string;
  beforeEach(async () => {
    app = await startTestApp();
    await call(app, 'savePartnerProfile', distributorProfile);
    id = (await call(app, 'createCustomer', indirectDetails())).detail.customer.id;
  });
  afterEach(() => app.close());

  it('marks a customer that accepted without delegated admin as needing attention, then authorizes it', async () => {
    await call(app, 'sandboxAcceptInvitation', {
      customerId: id,
      grantDelegatedAdmin: false,
      associateReseller: true,
      customDefaultDomain: null,
    });
    const partial = await call(app, 'verifyAuthorization', {
      customerId: id,
      defaultDomain: 'litware.onmicrosoft.com',
    });
    expect(partial.result.outcome).toBe('partial');
    expect(partial.detail.customer.status).toBe('needs-attention');
    expect(partial.detail.events.at(-1)).toMatchObject({
      type: 'verification-partial',
      summary: 'Verification: reseller relationship accepted, reseller associated, delegated admin missing',
    });
    expect(partial.detail.events.at(-1)?.data.checks).toEqual(partial.result.checks);
    expect((await callError(app, 'checkOut', { customerId: id, orderReference: 'PO-1' })).code).toBe('conflict');

    await call(app, 'sandboxAcceptInvitation', {
      customerId: id,
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: null,
    });
    const full = await call(app, 'verifyAuthorization', { customerId: id, defaultDomain: 'litware.onmicrosoft.com' });
    expect(full.detail.customer.status).toBe('authorized');
  });

  it('reports a reseller that was not associated', async () => {
    await call(app, 'sandboxAcceptInvitation', {
      customerId: id,
      grantDelegatedAdmin: true,
      associateReseller: false,
      customDefaultDomain: null,
    });
    const partial = await call(app, 'verifyAuthorization', {
      customerId: id,
      defaultDomain: 'litware.onmicrosoft.com',
    });
    expect(partial.result.outcome).toBe('partial');
    expect(partial.result.checks.find((check) => check.id === 'reseller-associated')).toMatchObject({
      state: 'failed',
    });
    expect(partial.detail.events.at(-1)?.summary).toBe(
      'Verification: reseller relationship accepted, reseller not associated, delegated admin granted',
    );
  });

  it('finds a customer with a custom default domain only by that domain, and remembers it', async () => {
    await call(app, 'sandboxAcceptInvitation', {
      customerId: id,
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: 'litware.com',
    });
    const byInitial = await call(app, 'verifyAuthorization', {
      customerId: id,
      defaultDomain: 'litware.onmicrosoft.com',
    });
    expect(byInitial.result.outcome).toBe('not-authorized');
    expect(byInitial.detail.customer.defaultDomain).toBeNull();

    const byCustom = await call(app, 'verifyAuthorization', { customerId: id, defaultDomain: 'Litware.com' });
    expect(byCustom.result.outcome).toBe('authorized');
    expect(byCustom.detail.customer).toMatchObject({ status: 'authorized', defaultDomain: 'litware.com' });
    // The instructions now name the domain the customer really uses.
    expect((await call(app, 'getInstructions', { customerId: id })).body).toContain('(litware.com)');
  });

  it('takes an authorized customer back to needs attention when the relationship is gone', async () => {
    await call(app, 'sandboxAcceptInvitation', {
      customerId: id,
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: null,
    });
    await call(app, 'verifyAuthorization', { customerId: id, defaultDomain: 'litware.onmicrosoft.com' });
    // The simulator forgets the acceptance, as if the customer removed us.
    await app.services.sandboxControl!.reset();
    const again = await call(app, 'verifyAuthorization', { customerId: id, defaultDomain: 'litware.onmicrosoft.com' });
    expect(again.result.outcome).toBe('not-authorized');
    expect(again.detail.customer.status).toBe('needs-attention');
  });

  it('refuses to verify before a link exists', async () => {
    const draft = await call(app, 'updateCustomer', {
      customerId: id,
      details: indirectDetails({ resellerMpnId: '5123456' }),
    });
    // Changing the reseller withdraws the link that named the old one.
    expect(draft.customer).toMatchObject({ status: 'draft', authorizationLink: null, resellerName: 'Northwind Cloud' });
    const error = await callError(app, 'verifyAuthorization', {
      customerId: id,
      defaultDomain: 'litware.onmicrosoft.com',
    });
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/authorization link/) });
  });
});
