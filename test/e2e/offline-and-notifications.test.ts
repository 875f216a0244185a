// Offline-first as a user sees it: with Partner Center (the simulator) stopped, Verify answers "Queued" at
// once, the header shows the offline indicator and "1 action waiting for a connection" with Retry and Cancel,
// and the customer says what is waiting; when the simulator returns on the same port it all clears by itself.
// Then the customer accepts, background re-verification finds it, and main shows a desktop notification
// (recorded by the harness's stand-in for Electron's), with the header badge, the window title's count and the
// icon's badge count; clicking the notification opens the customer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../sandbox/start-simulator';
import { restartSimulator } from '../support/restart-simulator';
import { directDetails } from '../support/customer-fixtures';
import { launchApp, type AppHarness } from './harness/launch-app';
import { saveProfile, directPartner } from './support/flows';

let simulator: Simulator;
let app: AppHarness;

beforeEach(async () => {
  // No client secret: the app's own sandbox secret (from the keychain) is accepted, as with an in-process simulator.
  simulator = await startSimulator();
  app = await launchApp({
    env: { AUTHDESK_SIMULATOR_URL: simulator.url },
    offline: {
      offlineProbeMs: 300,
      // Background re-verification at test speed: every second.
      schedule: { firstHourEveryMs: 1_000, firstDayEveryMs: 1_000, laterEveryMs: 1_000, jitter: 0 },
    },
  });
});
afterEach(async () => {
  await app.close();
  await simulator.stop().catch(() => undefined);
});

describe('offline and notifications', () => {
  it('queues Verify while Partner Center is unreachable, clears when it returns, and notifies when the customer authorizes', async () => {
    const { page } = app;
    await saveProfile(page, directPartner);
    const { detail } = await app.invoke('createCustomer', directDetails());
    await app.invoke('recordHandOff', { customerId: detail.customer.id, channel: 'copy-link' });
    await page.getByRole('row', { name: /Fourth Coffee/ }).click();
    await page.getByRole('heading', { name: 'Fourth Coffee' }).waitFor();

    await simulator.stop();
    await page.getByRole('button', { name: 'Verify authorization' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verify authorization' });
    await dialog.getByRole('button', { name: /^Verify/ }).click();
    await dialog.getByText('Queued: will run when Partner Center is reachable.').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    const offlinePill = page.getByText('Offline: Partner Center unreachable');
    const waitingButton = page.getByRole('button', { name: '1 action waiting for a connection' });
    await offlinePill.waitFor();
    await waitingButton.waitFor();
    await page.getByText(/Queued:.*Verify Fourth Coffee \(fourthcoffee\.onmicrosoft\.com\)/).waitFor();
    // A second action, a link never fetched before (no delegated admin), waits too; the user cancels it.
    await app.invoke(
      'createCustomer',
      directDetails({ companyName: 'Cancel Me', domainPrefix: 'cancelme', includeDelegatedAdmin: false }),
    );
    await page.getByRole('button', { name: '2 actions waiting for a connection' }).click();
    const list = page.getByRole('region', { name: 'Actions waiting' });
    const cancelMe = list.getByRole('listitem').filter({ hasText: 'Get the authorization link for Cancel Me' });
    await cancelMe.getByRole('button', { name: 'Cancel' }).click();
    await cancelMe.waitFor({ state: 'detached' });
    await waitingButton.waitFor();
    await list.getByText('Will run when Partner Center is reachable').waitFor();
    expect(await list.getByRole('button', { name: 'Retry' }).isEnabled()).toBe(true);
    expect(await list.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true);
    await app.screenshot('offline-waiting-actions');
    await page.getByRole('heading', { name: 'Fourth Coffee' }).scrollIntoViewIfNeeded();
    await page.locator('.customer-waiting').waitFor();
    await app.screenshot('customer-verification-queued');

    simulator = await restartSimulator(simulator);
    await offlinePill.waitFor({ state: 'detached' });
    await waitingButton.waitFor({ state: 'detached' });
    await page.locator('.customer-waiting').waitFor({ state: 'detached' });
    // The queued verification ran once: the customer has not accepted yet.
    await expect
      .poll(async () => (await app.timeline()).filter((line) => /not complete|not accepted/i.test(line)).length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);

    // Play the customer accepting; the background re-verification finds it within its (test-speed) schedule.
    await app.invoke('sandboxAcceptInvitation', {
      customerId: detail.customer.id,
      grantDelegatedAdmin: true,
      associateReseller: false,
      customDefaultDomain: null,
    });
    await page.getByRole('button', { name: '1 authorized' }).waitFor({ timeout: 30_000 });
    expect(app.notifications.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Fourth Coffee authorized you', body: 'The customer accepted the invitation. Checkout is open.' },
    ]);
    expect(await page.title()).toBe('(1) AuthDesk');
    await expect.poll(() => app.badgeCounts.at(-1)).toBe(1);
    expect(await app.statusText()).toMatch(/Authorized/i);
    await app.screenshot('customer-authorized-badge');

    // Clicking the notification opens the customer and clears the badge.
    await page.getByRole('button', { name: 'Queue' }).click();
    app.notifications[0]?.click();
    await page.getByRole('heading', { name: 'Fourth Coffee' }).waitFor();
    await page.getByRole('button', { name: '1 authorized' }).waitFor({ state: 'detached' });
    expect(await page.title()).toBe('AuthDesk');
    await expect.poll(() => app.badgeCounts.at(-1)).toBe(0);
  });

  it('lists the oldest waiting actions and counts the rest, and a customer past the list still shows its own', async () => {
    const { page } = app;
    await saveProfile(page, directPartner);
    await simulator.stop();
    // A link never fetched before (no delegated admin) waits for Partner Center: one action per customer.
    const total = 56;
    for (let n = 1; n <= total; n += 1) {
      await app.invoke(
        'createCustomer',
        directDetails({ companyName: `Waiting ${n}`, domainPrefix: `waiting${n}`, includeDelegatedAdmin: false }),
      );
    }
    await page.getByRole('button', { name: `${total} actions waiting for a connection` }).click();
    const list = page.getByRole('region', { name: 'Actions waiting' });
    await list.getByText('…and 6 more (oldest first)').waitFor();
    expect(await list.getByRole('listitem').count()).toBe(50);
    await list.getByText('Get the authorization link for Waiting 1', { exact: true }).waitFor();
    expect(await list.getByText('Get the authorization link for Waiting 56', { exact: true }).count()).toBe(0);
    await list.getByText('…and 6 more (oldest first)').scrollIntoViewIfNeeded();
    await app.screenshot('offline-waiting-actions-more');
    await list.getByRole('button', { name: 'Close' }).click();

    // The newest customer's action is not in the header's list, yet its view says what waits for it.
    await page.getByLabel('Search customers').fill('Waiting 56');
    await page.getByRole('row', { name: /Waiting 56/ }).click();
    await page.getByRole('heading', { name: 'Waiting 56' }).waitFor();
    await page
      .locator('.customer-waiting')
      .getByText(/Get the authorization link for Waiting 56/)
      .waitFor();
  });
});
