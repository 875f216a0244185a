// When Microsoft cannot be reached or refuses: the customer is still saved, the history says what happened,
// and the user reads an 'offline' or 'partner-center' error with a message they can act on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../../sandbox/start-simulator';
import { sandboxClientSecretName } from '../../../../main/microsoft/partner-center-connection';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { createMemoryCredentialStore } from '../../../support/memory-credential-store';
import { startTestApp, type TestApp } from '../../../support/test-app';

const secret = 'sandbox-secret-for-tests';

describe('Partner Center failures', () => {
  let simulator: Simulator;
  let app: TestApp;
  beforeEach(async () => {
    simulator = await startSimulator({ clientSecret: secret });
    app = await startTestApp({
      simulatorUrl: simulator.url,
      credentials: createMemoryCredentialStore({ [sandboxClientSecretName]: secret }),
    });
    await call(app, 'savePartnerProfile', distributorProfile);
  });
  afterEach(async () => {
    await app.close();
    await simulator.stop().catch(() => undefined);
  });

  it('keeps the customer and reports the refusal when Partner Center refuses the link', async () => {
    await call(app, 'refreshResellers', {});
    await simulator.control.addFault({
      path: '/v1/customers/relationshiprequests',
      times: 1,
      status: 403,
      body: { code: 1002, description: 'Authorization Failed' },
    });
    const { detail, linkError } = await call(app, 'createCustomer', indirectDetails());
    expect(linkError).toMatch(/^Partner Center refused this call \(1002 Authorization Failed\)/);
    expect(detail.customer).toMatchObject({ status: 'draft', authorizationLink: null });
    expect(detail.events.map((event) => [event.type, event.summary])).toEqual([
      ['created', 'Customer created (indirect)'],
      ['link-failed', 'Authorization link not generated'],
    ]);
    expect(detail.events[1]?.data).toMatchObject({ code: 'partner-center' });
    // Retrying once Microsoft answers again works.
    const retried = await call(app, 'requestAuthorizationLink', { customerId: detail.customer.id });
    expect(retried.customer.status).toBe('link-ready');
  });

  it('says offline when Partner Center cannot be reached: the link comes from the cache, verification reports it', async () => {
    const { detail } = await call(app, 'createCustomer', indirectDetails());
    await simulator.stop();
    // The relationship link is per partner: once fetched it is handed out again without a connection.
    const relinked = await call(app, 'requestAuthorizationLink', { customerId: detail.customer.id });
    expect(relinked.customer.authorizationLink).toBe(detail.customer.authorizationLink);
    // The direct verification call says offline; the dialog's requestVerification queues instead (offline tests).
    const verifyError = await callError(app, 'verifyAuthorization', {
      customerId: detail.customer.id,
      defaultDomain: 'litware.onmicrosoft.com',
    });
    expect(verifyError).toEqual({
      code: 'offline',
      message: 'Partner Center could not be reached. Check the connection.',
    });
    const after = await call(app, 'getCustomer', { customerId: detail.customer.id });
    expect(after.customer.status).toBe('link-ready');
    expect(after.events.at(-1)).toMatchObject({ type: 'link-generated' });
  });

  it('signs in to the sandbox with the client secret from the credential store', async () => {
    await simulator.control.setClientSecret('rotated-elsewhere');
    const error = await callError(app, 'refreshResellers', {});
    expect(error.code).toBe('partner-center');
    expect(error.message).toMatch(/sign-in/);
  });
});
