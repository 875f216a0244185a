// Offline-first against the real simulator over HTTP: with Partner Center stopped, 100 verifications are queued
// (answered at once, nothing fails for good), and once it is back on the same port every one completes, none
// twice; a cached relationship link is handed out offline and an uncached one is queued and fetched later.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../../sandbox/start-simulator';
import { closeAppAndSimulator, startAppWithOwnSimulator } from '../../../support/app-with-own-simulator';
import { countOutboxByStatus } from '../../../../main/platform/outbox/outbox-repository';
import { linkActionKind, verifyActionKind } from '../../../../main/features/offline/partner-center-actions';
import { directDetails, directProfile } from '../../../support/customer-fixtures';
import { call } from '../../../support/ipc-call';
import { manualClock, type ManualClock } from '../../../support/manual-clock';
import { restartSimulator } from '../../../support/restart-simulator';
import type { TestApp } from '../../../support/test-app';
import { waitingWindowLimit } from '../../../../shared/domain/waiting-action';

const secret = 'offline-test-secret';
const customerCount = 100;

// The offline probe's beat while Partner Center is unreachable; the test moves the clock by it.
const offlineProbeMs = 5_000;

describe('offline queue', () => {
  let simulator: Simulator;
  let app: TestApp;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = manualClock();
    ({ simulator, app } = await startAppWithOwnSimulator(secret, {
      requestsPerMinute: 100_000,
      now: clock.now,
      offline: { offlineProbeMs, timers: clock.timers, background: false },
    }));
    await call(app, 'savePartnerProfile', directProfile);
  });
  afterEach(() => closeAppAndSimulator(app, simulator));

  it('queues 100 verifications while Partner Center is down and completes each exactly once when it returns', async () => {
    const ids: string[] = [];
    for (let index = 0; index < customerCount; index += 1) {
      const { detail, linkError } = await call(
        app,
        'createCustomer',
        directDetails({
          companyName: `Offline ${index}`,
          domainPrefix: `offline${index}`,
          contactEmail: `it@o${index}.com`,
        }),
      );
      expect(linkError).toBeNull();
      await call(app, 'recordHandOff', { customerId: detail.customer.id, channel: 'copy-link' });
      ids.push(detail.customer.id);
    }
    // The link is per partner: Partner Center was asked once for 100 customers.
    expect(
      simulator.state.requests.filter((request) => request.path.startsWith('/v1/customers/relationshiprequests')),
    ).toHaveLength(1);
    const accepted = ids.filter((_, index) => index % 3 === 0);
    for (const customerId of accepted) {
      await call(app, 'sandboxAcceptInvitation', {
        customerId,
        grantDelegatedAdmin: true,
        associateReseller: false,
        customDefaultDomain: null,
      });
    }

    await simulator.stop();
    for (const [index, customerId] of ids.entries()) {
      const answer = await call(app, 'requestVerification', {
        customerId,
        defaultDomain: `offline${index}.onmicrosoft.com`,
      });
      expect(answer.result).toBeNull();
      expect(answer.queued).toMatchObject({ customerId, status: 'waiting' });
      expect(answer.detail.events.at(-1)?.type).toBe('verification-queued');
    }
    // Asking again (a double click) queues nothing more.
    await call(app, 'requestVerification', { customerId: ids[0] as string, defaultDomain: 'offline0.onmicrosoft.com' });
    const offline = await call(app, 'getConnectivity', {});
    expect(offline.online).toBe(false);
    // The window holds the oldest of them; the count is all of them.
    expect(offline.waitingCount).toBe(customerCount);
    expect(offline.waiting).toHaveLength(waitingWindowLimit);
    expect(offline.waiting[0]?.customerId).toBe(ids[0]);
    expect(app.pushed).toContainEqual({ event: 'connectivityChanged', payload: { online: false } });
    // Down for a while (every probe on the way awaited), and no attempt under way: nothing gave up.
    await clock.advance(5 * 60_000);
    await app.services.offline.outbox.idle();
    expect(countOutboxByStatus(app.services.db, [verifyActionKind]).failed).toBe(0);
    const last = ids.at(-1) as string;
    expect(await call(app, 'listCustomerWaitingActions', { customerId: last })).toMatchObject([
      { customerId: last, status: 'waiting' },
    ]);

    simulator = await restartSimulator(simulator);
    // The next offline probe finds it back; the worker then runs everything waiting, and idle() awaits that.
    await clock.advance(offlineProbeMs);
    await app.services.offline.outbox.idle();
    expect(await call(app, 'getConnectivity', {})).toMatchObject({ waiting: [], waitingCount: 0 });
    expect(await call(app, 'listCustomerWaitingActions', { customerId: last })).toEqual([]);

    expect((await call(app, 'getConnectivity', {})).online).toBe(true);
    expect(countOutboxByStatus(app.services.db, [verifyActionKind])).toMatchObject({
      done: customerCount,
      failed: 0,
      pending: 0,
      running: 0,
    });
    for (const customerId of ids) {
      const { customer, events } = await call(app, 'getCustomer', { customerId });
      const verifications = events.filter(
        (event) => event.type.startsWith('verification-') && event.type !== 'verification-queued',
      );
      expect(verifications).toHaveLength(1);
      expect(customer.status).toBe(accepted.includes(customerId) ? 'authorized' : 'sent');
    }
    const notified = app.pushed.filter((push) => push.event === 'customerAuthorized');
    expect(notified).toHaveLength(accepted.length);
  });

  it('hands out a cached link offline and queues a link it has never fetched', async () => {
    const first = await call(app, 'createCustomer', directDetails());
    expect(first.detail.customer.status).toBe('link-ready');
    await simulator.stop();

    // Same partner, same delegated-admin choice: the cached link, no connection needed.
    const cached = await call(
      app,
      'createCustomer',
      directDetails({ companyName: 'Cached Co', domainPrefix: 'cachedco' }),
    );
    expect(cached.detail.customer.authorizationLink).toBe(first.detail.customer.authorizationLink);
    const copied = await call(app, 'recordHandOff', { customerId: cached.detail.customer.id, channel: 'copy-link' });
    expect(copied.customer.status).toBe('sent');

    // Without delegated admin it is another link, never fetched: queued, and the customer says so.
    const queued = await call(
      app,
      'createCustomer',
      directDetails({ companyName: 'No DAP Co', domainPrefix: 'nodapco', includeDelegatedAdmin: false }),
    );
    const customerId = queued.detail.customer.id;
    expect(queued.linkError).toBeNull();
    expect(queued.detail.customer).toMatchObject({ status: 'draft', authorizationLink: null });
    expect(queued.detail.events.at(-1)).toMatchObject({ type: 'link-queued' });
    expect((await call(app, 'getConnectivity', {})).waiting).toMatchObject([
      // Running already when the worker's own try is under way; either way nothing was lost.
      {
        kind: linkActionKind,
        customerId,
        label: 'Get the authorization link for No DAP Co',
        status: expect.stringMatching(/^(waiting|running)$/),
      },
    ]);
    // Editing and search do not wait on the connection.
    const found = await call(app, 'listCustomers', { search: 'No DAP' });
    expect(found.map((customer) => customer.id)).toEqual([customerId]);

    simulator = await restartSimulator(simulator);
    // The worker's own try (if still under way) ends first; the next offline probe finds Partner Center back,
    // and the worker fetches the link.
    await app.services.offline.outbox.idle();
    await clock.advance(offlineProbeMs);
    await app.services.offline.outbox.idle();
    expect((await call(app, 'getCustomer', { customerId })).customer.status).toBe('link-ready');
    const after = await call(app, 'getCustomer', { customerId });
    expect(after.customer.authorizationLink).toMatch(/DAP=false/);
    expect(after.events.filter((event) => event.type === 'link-generated')).toHaveLength(1);
  });
});
