// A Partner Center answer that arrives after the user changed the customer never undoes that change: the
// simulator holds the call in flight (a named hold, released by the test) while the user edits or archives.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdNamed } from '../../../../sandbox/simulator-holds';
import type { Simulator } from '../../../../sandbox/start-simulator';
import { closeAppAndSimulator, startAppWithOwnSimulator } from '../../../support/app-with-own-simulator';
import { directDetails, directProfile } from '../../../support/customer-fixtures';
import { call } from '../../../support/ipc-call';
import type { TestApp } from '../../../support/test-app';

let simulator: Simulator;
let app: TestApp;

beforeEach(async () => {
  ({ simulator, app } = await startAppWithOwnSimulator('late-results-secret'));
  await call(app, 'savePartnerProfile', directProfile);
});
afterEach(() => closeAppAndSimulator(app, simulator));

async function acceptedCustomer() {
  const { detail } = await call(app, 'createCustomer', directDetails());
  const customerId = detail.customer.id;
  await call(app, 'recordHandOff', { customerId, channel: 'copy-link' });
  await call(app, 'sandboxAcceptInvitation', {
    customerId,
    grantDelegatedAdmin: true,
    associateReseller: false,
    customDefaultDomain: null,
  });
  return customerId;
}

// Starts the call, waits until the simulator holds it, runs the user's change, then lets the answer through.
async function whileInFlight<T>(path: string, start: () => Promise<T>, change: () => Promise<unknown>): Promise<T> {
  await simulator.control.addFault({ path, hold: 'in-flight' });
  const pending = start();
  const finishedFirst = pending.then(() => {
    throw new Error(`The call finished without reaching ${path}.`);
  });
  await Promise.race([holdNamed(simulator.state.holds, 'in-flight').arrived, finishedFirst]);
  await change();
  await simulator.control.releaseHold('in-flight');
  return pending;
}

describe('late Partner Center answers', () => {
  it('a verification keeps the edit made while it ran, and still records what it found', async () => {
    const customerId = await acceptedCustomer();
    await whileInFlight(
      '/v1/customers',
      () => call(app, 'verifyAuthorization', { customerId, defaultDomain: 'fourthcoffee.onmicrosoft.com' }),
      () =>
        call(app, 'updateCustomer', {
          customerId,
          details: directDetails({ contactName: 'Edited While Checking', companyName: 'Fourth Coffee Ltd' }),
        }),
    );
    const { customer, events } = await call(app, 'getCustomer', { customerId });
    expect(customer).toMatchObject({
      contactName: 'Edited While Checking',
      companyName: 'Fourth Coffee Ltd',
      status: 'authorized',
    });
    expect(customer.lastVerification?.outcome).toBe('authorized');
    expect(events.at(-1)?.type).toBe('verification-passed');
  });

  it('a verification does not reopen a customer archived while it ran', async () => {
    const customerId = await acceptedCustomer();
    await whileInFlight(
      '/v1/customers',
      () => call(app, 'verifyAuthorization', { customerId, defaultDomain: 'fourthcoffee.onmicrosoft.com' }),
      () =>
        call(app, 'archiveCustomers', {
          selection: { kind: 'customers', customerIds: [customerId] },
          operationId: 'archive-late-1',
        }),
    );
    const { customer, events } = await call(app, 'getCustomer', { customerId });
    expect(customer.status).toBe('archived');
    expect(customer.lastVerification).toBeNull();
    expect(events.map((event) => event.type)).toContain('verification-passed');
  });

  it('a link fetched for a customer archived meanwhile is not stored', async () => {
    let archivedId = '';
    const { detail } = await whileInFlight(
      '/v1/customers/relationshiprequests',
      () => call(app, 'createCustomer', directDetails({ domainPrefix: 'latelink' })),
      async () => {
        // The customer is saved before its link is asked for: archive it while the link is on its way.
        const [saved] = await call(app, 'listCustomers', { status: 'all' });
        archivedId = saved!.id;
        await call(app, 'archiveCustomers', {
          selection: { kind: 'customers', customerIds: [archivedId] },
          operationId: 'archive-late-2',
        });
      },
    );
    expect(detail.customer.id).toBe(archivedId);
    const { customer, events } = await call(app, 'getCustomer', { customerId: archivedId });
    expect(customer).toMatchObject({ status: 'archived', authorizationLink: null });
    expect(events.map((event) => event.type)).not.toContain('link-generated');
  });
});
