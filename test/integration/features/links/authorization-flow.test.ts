// The whole existing-tenant flow against the real services, SQLite and the Partner Center simulator over HTTP:
// create -> link -> verify before acceptance (fails, naming what is missing) -> customer accepts ->
// verify passes -> checkout -> read-only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRelationshipLink } from '../../../../shared/domain/relationship-link';
import { summarizeVerification } from '../../../../shared/domain/verification';
import { defaultPartner, seedResellers } from '../../../../sandbox/start-simulator';
import { directDetails, directProfile, distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { startTestApp, type TestApp } from '../../../support/test-app';

const fabrikam = seedResellers[0]!;

describe('authorization flow (indirect provider)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
    await call(app, 'savePartnerProfile', distributorProfile);
  });
  afterEach(() => app.close());

  it('runs from service details to checkout', async () => {
    const { detail, linkError } = await call(app, 'createCustomer', indirectDetails());
    expect(linkError).toBeNull();
    const id = detail.customer.id;
    expect(detail.customer).toMatchObject({
      status: 'link-ready',
      resellerMpnId: '4391507',
      resellerName: fabrikam.name,
    });
    expect(detail.events.map((event) => event.type)).toEqual(['created', 'link-generated']);
    expect(detail.events.every((event) => event.actor === 'tester')).toBe(true);

    // The indirect link carries its three parts: reseller by MPN ID, DAP, the distributor as indirect CSP.
    const parts = parseRelationshipLink(detail.customer.authorizationLink!);
    expect(parts).toMatchObject({
      mpnId: fabrikam.mpnId,
      delegatedAdmin: true,
      indirectCspId: defaultPartner.tenantId,
      partnerId: fabrikam.tenantId,
    });
    expect(app.pushed).toContainEqual({ event: 'customerChanged', payload: { customerId: id } });

    const instructions = await call(app, 'getInstructions', { customerId: id });
    expect(instructions.link).toBe(detail.customer.authorizationLink);
    expect(instructions.body).toContain(detail.customer.authorizationLink!);
    expect(instructions.body).toContain('Global administrator');
    expect(instructions.mailtoTooLong).toBe(false);

    const opened = await call(app, 'openMailClient', { customerId: id });
    expect(opened.opened).toBe(true);
    expect(app.opened).toHaveLength(1);
    expect(app.opened[0]).toMatch(/^mailto:anna%40litware\.com\?subject=/);
    expect(opened.detail.customer.status).toBe('sent');
    expect(opened.detail.events.at(-1)).toMatchObject({ type: 'mail-client-opened' });

    // Before the customer accepts: not authorized, and the message says what is missing.
    const early = await call(app, 'verifyAuthorization', { customerId: id, defaultDomain: 'litware.onmicrosoft.com' });
    expect(early.result.outcome).toBe('not-authorized');
    expect(summarizeVerification(early.result)).toMatch(/litware\.onmicrosoft\.com has not accepted the invitation/);
    expect(early.result.checks.find((check) => check.id === 'customer-relationship')).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/^No customer with the default domain litware\.onmicrosoft\.com has accepted/),
    });
    expect(early.detail.customer.status).toBe('sent');
    expect(early.detail.events.at(-1)).toMatchObject({
      type: 'verification-failed',
      summary: 'Verification: litware.onmicrosoft.com has not accepted the invitation yet',
    });

    expect(await callError(app, 'checkOut', { customerId: id, orderReference: 'PO-1' })).toEqual({
      code: 'conflict',
      message: 'Checkout opens once the authorization is verified.',
    });

    // The in-process simulator's controls answer the app, not another program on this machine.
    const { partnerCenterUrl } = await call(app, 'getAppInfo', {});
    const outsider = await fetch(`${partnerCenterUrl}/sandbox/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ invitationUrl: 'x', domainPrefix: 'litware', companyName: 'Litware' }),
    });
    expect(outsider.status).toBe(401);

    const accepted = await call(app, 'sandboxAcceptInvitation', {
      customerId: id,
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: null,
    });
    expect(accepted.events.at(-1)).toMatchObject({ type: 'sandbox-accepted' });

    const verified = await call(app, 'verifyAuthorization', {
      customerId: id,
      defaultDomain: 'LITWARE.onmicrosoft.com',
    });
    expect(verified.result.outcome).toBe('authorized');
    expect(verified.result.checks.map((check) => [check.id, check.state])).toEqual([
      ['customer-relationship', 'passed'],
      ['reseller-associated', 'passed'],
      ['delegated-admin', 'passed'],
    ]);
    expect(verified.detail.customer).toMatchObject({ status: 'authorized', defaultDomain: null });
    expect(verified.detail.customer.lastVerification?.outcome).toBe('authorized');
    expect(verified.detail.events.at(-1)).toMatchObject({ type: 'verification-passed' });

    const checkedOut = await call(app, 'checkOut', { customerId: id, orderReference: '  PO-4711 ' });
    expect(checkedOut.customer).toMatchObject({ status: 'checked-out', orderReference: 'PO-4711' });
    expect(checkedOut.events.map((event) => event.type)).toEqual([
      'created',
      'link-generated',
      'mail-client-opened',
      'verification-failed',
      'sandbox-accepted',
      'verification-passed',
      'checked-out',
    ]);

    // From now on the record is history.
    for (const error of [
      await callError(app, 'updateCustomer', { customerId: id, details: indirectDetails({ companyName: 'Changed' }) }),
      await callError(app, 'verifyAuthorization', { customerId: id, defaultDomain: 'litware.onmicrosoft.com' }),
      await callError(app, 'requestAuthorizationLink', { customerId: id }),
      await callError(app, 'recordHandOff', { customerId: id, channel: 'copy-link' }),
      await callError(app, 'checkOut', { customerId: id, orderReference: 'PO-2' }),
    ]) {
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(/checked out/);
    }
    const archive = await call(app, 'archiveCustomers', {
      selection: { kind: 'customers', customerIds: [id] },
      operationId: 'archive-checked-out',
    });
    expect(archive).toMatchObject({ total: 1, notDoneCount: 1, notDone: [{ customerId: id }] });
    expect(archive.notDone[0]?.message).toMatch(/checked out/);
    const after = await call(app, 'getCustomer', { customerId: id });
    expect(after).toEqual(checkedOut);
  });

  it('links a customer without a reseller MPN ID as the distributor alone', async () => {
    const { detail } = await call(
      app,
      'createCustomer',
      indirectDetails({ resellerMpnId: '', includeDelegatedAdmin: false }),
    );
    expect(detail.customer).toMatchObject({ resellerMpnId: null, resellerName: null, status: 'link-ready' });
    const parts = parseRelationshipLink(detail.customer.authorizationLink!);
    expect(parts).toMatchObject({ partnerId: defaultPartner.tenantId, mpnId: null, delegatedAdmin: false });
  });
});

describe('authorization flow (direct partner)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
    await call(app, 'savePartnerProfile', directProfile);
  });
  afterEach(() => app.close());

  it('issues a two-part link for the partner itself and verifies it', async () => {
    const { detail, linkError } = await call(app, 'createCustomer', directDetails());
    expect(linkError).toBeNull();
    const parts = parseRelationshipLink(detail.customer.authorizationLink!);
    // Two parts: the partner as direct CSP, and DAP.
    expect(parts).toMatchObject({
      partnerId: directProfile.partnerTenantId,
      delegatedAdmin: true,
      mpnId: null,
      indirectCspId: null,
    });
    const id = detail.customer.id;
    await call(app, 'recordHandOff', { customerId: id, channel: 'copy-link' });
    await call(app, 'sandboxAcceptInvitation', {
      customerId: id,
      grantDelegatedAdmin: true,
      associateReseller: false,
      customDefaultDomain: null,
    });
    const verified = await call(app, 'verifyAuthorization', {
      customerId: id,
      defaultDomain: 'fourthcoffee.onmicrosoft.com',
    });
    expect(verified.result.outcome).toBe('authorized');
    expect(verified.result.checks.find((check) => check.id === 'reseller-associated')?.state).toBe('not-required');
    expect((await call(app, 'checkOut', { customerId: id, orderReference: 'D-1' })).customer.status).toBe(
      'checked-out',
    );
  });

  it('refuses the distributor resellers to a direct partner', async () => {
    expect((await callError(app, 'refreshResellers', {})).code).toBe('conflict');
  });
});
