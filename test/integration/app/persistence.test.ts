// Everything lives in SQLite: after a restart on the same data dir the customers, their history, the
// profile and the resellers are all still there.
import { afterEach, describe, expect, it } from 'vitest';
import { distributorProfile, indirectDetails } from '../../support/customer-fixtures';
import { call } from '../../support/ipc-call';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('persistence across restarts', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('shows the same customers and events after a restart', async () => {
    app = await startTestApp();
    await call(app, 'savePartnerProfile', distributorProfile);
    const first = (await call(app, 'createCustomer', indirectDetails())).detail.customer.id;
    const second = (
      await call(
        app,
        'createCustomer',
        indirectDetails({ companyName: 'Adatum', domainPrefix: 'adatum', resellerMpnId: '' }),
      )
    ).detail.customer.id;
    await call(app, 'recordHandOff', { customerId: first, channel: 'copy-instructions' });
    await call(app, 'verifyAuthorization', { customerId: first, defaultDomain: 'litware.onmicrosoft.com' });
    const customersBefore = await call(app, 'listCustomers', {});
    const detailsBefore = [
      await call(app, 'getCustomer', { customerId: first }),
      await call(app, 'getCustomer', { customerId: second }),
    ];
    const resellersBefore = await call(app, 'listResellers', {});

    await app.restart();

    expect(await call(app, 'getPartnerProfile', {})).toEqual({ profile: distributorProfile });
    expect(await call(app, 'listCustomers', {})).toEqual(customersBefore);
    expect([
      await call(app, 'getCustomer', { customerId: first }),
      await call(app, 'getCustomer', { customerId: second }),
    ]).toEqual(detailsBefore);
    expect(detailsBefore[0]!.events.map((event) => event.type)).toEqual([
      'created',
      'link-generated',
      'instructions-copied',
      'verification-failed',
    ]);
    expect(await call(app, 'listResellers', {})).toEqual(resellersBefore);
    // And the restarted services still work with Microsoft (the simulator was restarted with them).
    expect((await call(app, 'requestAuthorizationLink', { customerId: second })).customer.authorizationLink).toMatch(
      /^https:\/\/admin\.microsoft\.com\//,
    );
  });
});
