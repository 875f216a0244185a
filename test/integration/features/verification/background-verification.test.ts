// Background re-verification against the simulator over HTTP, with a hand-driven clock: customers in Sent are
// checked on the polite schedule, a customer who accepts is found, moved to Authorized and announced once
// (customerAuthorized, for the desktop notification), and nothing runs while Partner Center is unreachable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../../sandbox/start-simulator';
import { closeAppAndSimulator, startAppWithOwnSimulator } from '../../../support/app-with-own-simulator';
import { directDetails, directProfile } from '../../../support/customer-fixtures';
import { call } from '../../../support/ipc-call';
import { manualClock, type ManualClock } from '../../../support/manual-clock';
import { restartSimulator } from '../../../support/restart-simulator';
import type { TestApp } from '../../../support/test-app';

const secret = 'background-test-secret';
const minute = 60_000;

describe('background re-verification', () => {
  let simulator: Simulator;
  let app: TestApp;
  let clock: ManualClock;
  // A stand-in for Electron's Notification and badge: what main showed, and the OS's click.
  let desktop: { notifications: { title: string; body: string; onClick: () => void }[]; focused: number };
  beforeEach(async () => {
    clock = manualClock();
    desktop = { notifications: [], focused: 0 };
    ({ simulator, app } = await startAppWithOwnSimulator(secret, {
      now: clock.now,
      offline: { timers: clock.timers, random: () => 0.5 },
      desktop: {
        showNotification: (notification) => desktop.notifications.push(notification),
        setBadgeCount: () => undefined,
        focusWindow: () => (desktop.focused += 1),
      },
    }));
    await call(app, 'savePartnerProfile', directProfile);
  });
  afterEach(() => closeAppAndSimulator(app, simulator));

  async function sentCustomer(index: number): Promise<string> {
    const { detail } = await call(
      app,
      'createCustomer',
      directDetails({ companyName: `Background ${index}`, domainPrefix: `background${index}` }),
    );
    await call(app, 'recordHandOff', { customerId: detail.customer.id, channel: 'copy-link' });
    return detail.customer.id;
  }

  const verificationEvents = async (customerId: string) =>
    (await call(app, 'getCustomer', { customerId })).events.filter((event) => event.type.startsWith('verification-'));

  it('checks customers in Sent on the schedule and announces the one who authorized, once', async () => {
    const waiting = await sentCustomer(1);
    const accepting = await sentCustomer(2);
    const background = app.services.offline.background;
    // Nothing is due right after sending.
    expect(await background.runDue()).toBe(0);

    await call(app, 'sandboxAcceptInvitation', {
      customerId: accepting,
      grantDelegatedAdmin: true,
      associateReseller: false,
      customDefaultDomain: null,
    });
    // The service's own timer runs the first check 10 minutes after sending.
    await clock.advance(10 * minute);
    await background.runDue();
    const accepted = await call(app, 'getCustomer', { customerId: accepting });
    expect(accepted.customer.status).toBe('authorized');
    expect(accepted.events.at(-1)).toMatchObject({ type: 'verification-passed', actor: 'tester (background check)' });
    expect(app.pushed.filter((push) => push.event === 'customerAuthorized')).toEqual([
      { event: 'customerAuthorized', payload: { customerId: accepting, companyName: 'Background 2' } },
    ]);
    expect(await verificationEvents(waiting)).toHaveLength(1);
    // Main shows the desktop notification; clicking it brings the window forward and opens the customer.
    expect(desktop.notifications.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Background 2 authorized you', body: 'The customer accepted the invitation. Checkout is open.' },
    ]);
    desktop.notifications[0]!.onClick();
    expect(desktop.focused).toBe(1);
    expect(app.pushed.filter((push) => push.event === 'openCustomerRequested')).toEqual([
      { event: 'openCustomerRequested', payload: { customerId: accepting } },
    ]);

    // Every 10 minutes in the first hour: five more checks by minute 59, none for the authorized customer.
    for (let step = 0; step < 5; step += 1) await clock.advance(10 * minute);
    expect(await verificationEvents(waiting)).toHaveLength(6);
    expect(await verificationEvents(accepting)).toHaveLength(1);
    // Then hourly: one check in the next 60 minutes.
    await clock.advance(60 * minute);
    expect(await verificationEvents(waiting)).toHaveLength(7);
    expect(app.pushed.filter((push) => push.event === 'customerAuthorized')).toHaveLength(1);
    expect(desktop.notifications).toHaveLength(1);
  });

  it('waits while Partner Center is unreachable and picks up when it returns', async () => {
    const customerId = await sentCustomer(3);
    await simulator.stop();
    await clock.advance(10 * minute);
    expect(app.services.offline.connectivity.online).toBe(false);
    expect(await verificationEvents(customerId)).toHaveLength(0);
    await clock.advance(60 * minute);
    expect(await verificationEvents(customerId)).toHaveLength(0);

    simulator = await restartSimulator(simulator);
    // The offline probe (every 5 s) notices; the due check runs.
    await clock.advance(5_000);
    expect(app.services.offline.connectivity.online).toBe(true);
    await app.services.offline.background.runDue();
    expect(await verificationEvents(customerId)).toHaveLength(1);
  });
});
