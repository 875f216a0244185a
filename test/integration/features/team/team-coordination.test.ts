// Desktops of one team acting as one client of Partner Center, on a real PostgreSQL: they draw from one budget
// (never more than the bucket allows by the database's clock), a desktop cut off from the database falls back to
// a conservative share and says so, background checks are leased per customer so the team checks each once, a
// lease left by a dead desktop is taken over only once it has expired by the database's clock (whatever the
// clocks of the desktops say), and reminders and bulk emails go out once for the team, naming who sent them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TeamConnection } from '../../../../shared/domain/team';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call } from '../../../support/ipc-call';
import { loopbackEmailSettings } from '../../../support/loopback-email-settings';
import { startSmtpTestServer, type SmtpTestServer } from '../../../support/smtp-test-server';
import { startTcpProxy, type TcpProxy } from '../../../support/tcp-proxy';
import { startTeamDatabaseServer, type TeamDatabaseServer } from '../../../support/team-database';
import { startTestApp, type TestApp, type TestAppOptions } from '../../../support/test-app';

const minute = 60_000;
const verificationTypes = new Set(['verification-passed', 'verification-partial', 'verification-failed']);

describe('Team coordination over PostgreSQL', () => {
  let server: TeamDatabaseServer;
  let connection: TeamConnection;
  const apps: TestApp[] = [];
  const proxies: TcpProxy[] = [];
  let smtp: SmtpTestServer | null = null;

  beforeAll(async () => {
    server = await startTeamDatabaseServer();
  });
  afterAll(async () => {
    await server.stop();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const proxy of proxies.splice(0)) await proxy.close();
    await smtp?.close();
    smtp = null;
  });

  const desktop = async (options: TestAppOptions = {}) => {
    const app = await startTestApp({ offline: { background: false }, ...options });
    apps.push(app);
    await call(app, 'savePartnerProfile', distributorProfile);
    return app;
  };
  // The first desktop creates the team, the others join it (through `via` when given: a proxy to cut).
  const team = async (names: string[], options: (name: string) => TestAppOptions = () => ({})) => {
    connection = await server.createDatabase();
    const desktops: TestApp[] = [];
    for (const [index, displayName] of names.entries()) {
      const app = await desktop(options(displayName));
      if (index === 0) {
        await call(app, 'createTeam', { connection, password: server.password, displayName, teamName: 'Sales' });
      } else {
        await call(app, 'joinTeam', { connection, password: server.password, displayName });
      }
      desktops.push(app);
    }
    return desktops;
  };
  const sync = async (...desktops: TestApp[]) => {
    for (const app of desktops) await call(app, 'syncTeamNow', {});
  };
  const databaseNow = async (): Promise<number> => {
    const inspect = await server.client(connection.database);
    try {
      const { rows } = await inspect.query<{ now: Date }>('SELECT clock_timestamp() AS now');
      return (rows[0] as { now: Date }).now.getTime();
    } finally {
      await inspect.end();
    }
  };
  const verificationsPerCustomer = (app: TestApp): Map<string, number> => {
    const counts = new Map<string, number>();
    const rows = app.services.db.prepare('SELECT customer_id AS id, type FROM customer_events').all() as {
      id: string;
      type: string;
    }[];
    for (const row of rows) {
      if (verificationTypes.has(row.type)) counts.set(row.id, (counts.get(row.id) ?? 0) + 1);
    }
    return counts;
  };

  it('has every desktop draw from one budget, never more than the bucket refills by the database clock', async () => {
    const perMinute = 600;
    const desktops = await team(['Anna', 'Ben', 'Cleo', 'Dan'], () => ({ requestsPerMinute: perMinute }));
    const tenant = distributorProfile.partnerTenantId;
    for (const app of desktops) await app.services.teamCoordination.heartbeat();
    const startedAt = await databaseNow();
    const perDesktop = 15;
    await Promise.all(
      desktops.map(async (app) => {
        const limiter = app.services.teamCoordination.budget.limiterFor(tenant);
        await Promise.all(Array.from({ length: perDesktop }, () => limiter.acquire()));
      }),
    );
    const elapsedSeconds = ((await databaseNow()) - startedAt) / 1000;
    const burst = perMinute / 60;
    const granted = desktops.length * perDesktop;
    // Whatever the speed of this machine: no more than the burst plus the refill over the time it took.
    expect(granted).toBeLessThanOrEqual(burst + (elapsedSeconds * (perMinute - burst)) / 60 + 1e-6);
    for (const app of desktops) expect(app.services.teamCoordination.budget.use().mode).toBe('team');
    const state = await call(desktops[0] as TestApp, 'getTeamCoordination', {});
    expect(state.budget).toMatchObject({ mode: 'team', requestsPerMinute: perMinute, liveMembers: 4 });
    expect(state.desktops.filter((row) => row.online).map((row) => row.displayName)).toEqual([
      'Anna',
      'Ben',
      'Cleo',
      'Dan',
    ]);
    expect(state.desktops.find((row) => row.thisDesktop)?.callsLastMinute).toBe(perDesktop);
  });

  it('falls back to a conservative share while cut off from the team database, and says so', async () => {
    const proxy = await startTcpProxy({ host: server.host, port: server.port });
    proxies.push(proxy);
    const [anna] = await team(['Anna']);
    const ben = await desktop({ requestsPerMinute: 600 });
    await call(ben, 'joinTeam', {
      connection: { ...connection, port: proxy.port },
      password: server.password,
      displayName: 'Ben',
    });
    const limiter = ben.services.teamCoordination.budget.limiterFor(distributorProfile.partnerTenantId);
    await ben.services.teamCoordination.heartbeat();
    await anna?.services.teamCoordination.heartbeat();
    await limiter.acquire();
    expect(ben.services.teamCoordination.budget.use()).toMatchObject({ mode: 'team', liveMembers: 2 });

    await proxy.cut();
    await limiter.acquire();
    const cutOff = await call(ben, 'getTeamCoordination', {});
    // The reserve (5 % of 600 a minute) shared by the two members Ben last saw live.
    expect(cutOff.budget).toMatchObject({ mode: 'fallback', fallbackPerMinute: 15 });
    expect(cutOff.problem).toMatch(/cannot be reached.*conservative share/);
    expect(cutOff.lastErrors.length).toBeGreaterThan(0);

    await proxy.restore();
    // Back as soon as the database answers (the connection's short backoff has passed).
    const deadline = Date.now() + 20_000;
    while (ben.services.teamCoordination.budget.use().mode !== 'team' && Date.now() < deadline) {
      await limiter.acquire();
    }
    expect(ben.services.teamCoordination.budget.use().mode).toBe('team');
    expect((await call(ben, 'getTeamCoordination', {})).problem).toBeNull();
  });

  it('leases background checks per customer, so the team checks each customer once per interval', async () => {
    let now = new Date('2026-03-02T09:00:00.000Z');
    const desktops = await team(['Anna', 'Ben', 'Cleo'], () => ({ now: () => now }));
    const [anna] = desktops as [TestApp, TestApp, TestApp];
    const ids: string[] = [];
    for (let index = 0; index < 9; index++) {
      const { detail } = await call(
        anna,
        'createCustomer',
        indirectDetails({ companyName: `Customer ${index}`, domainPrefix: `customer${index}` }),
      );
      await call(anna, 'recordHandOff', { customerId: detail.customer.id, channel: 'copy-link' });
      ids.push(detail.customer.id);
    }
    await sync(...desktops);
    now = new Date(now.getTime() + 11 * minute);
    const checked = await Promise.all(desktops.map((app) => app.services.offline.background.runDue()));
    expect(checked.reduce((sum, count) => sum + count, 0)).toBe(ids.length);
    await sync(...desktops, ...desktops);
    for (const app of desktops) {
      const counts = verificationsPerCustomer(app);
      expect(ids.map((id) => counts.get(id) ?? 0)).toEqual(ids.map(() => 1));
    }
    // A minute later nothing is due for the team: each desktop moved its own schedule to the team's.
    now = new Date(now.getTime() + minute);
    expect(await Promise.all(desktops.map((app) => app.services.offline.background.runDue()))).toEqual([0, 0, 0]);
  });

  it('verifies each customer once when two desktops bulk-verify overlapping selections, naming who did', async () => {
    const [anna, ben] = (await team(['Anna', 'Ben'])) as [TestApp, TestApp];
    const ids: string[] = [];
    for (let index = 0; index < 12; index++) {
      const { detail } = await call(
        anna,
        'createCustomer',
        indirectDetails({ companyName: `Customer ${index}`, domainPrefix: `customer${index}` }),
      );
      await call(anna, 'recordHandOff', { customerId: detail.customer.id, channel: 'copy-link' });
      ids.push(detail.customer.id);
    }
    await sync(anna, ben);
    const annas = await call(anna, 'verifyCustomers', {
      selection: { kind: 'customers', customerIds: ids.slice(0, 4) },
    });
    expect(annas).toMatchObject({ total: 4, failed: 0 });
    const bens = await call(ben, 'verifyCustomers', { selection: { kind: 'customers', customerIds: ids.slice(2, 6) } });
    // The two Anna verified are refused (in the order given); the other two are verified here.
    expect(bens).toMatchObject({ total: 4, failed: 2 });
    const refused = bens.notAuthorized.filter((item) => 'error' in item);
    expect(refused.map((item) => [item.customerId, 'error' in item ? item.error.code : ''])).toEqual([
      [ids[2], 'conflict'],
      [ids[3], 'conflict'],
    ]);
    const refusal = refused[0];
    expect(refusal && 'error' in refusal ? refusal.error.message : '').toMatch(
      /^Already verified for the team by Anna at \d\d:\d\d UTC/,
    );
    // At the same moment, over the same six others: each is verified by one of them.
    await Promise.all([
      call(anna, 'verifyCustomers', { selection: { kind: 'customers', customerIds: ids.slice(6) } }),
      call(ben, 'verifyCustomers', { selection: { kind: 'customers', customerIds: [...ids.slice(6)].reverse() } }),
    ]);
    await sync(anna, ben, anna);
    for (const app of [anna, ben]) {
      const counts = verificationsPerCustomer(app);
      expect(ids.map((id) => counts.get(id) ?? 0)).toEqual(ids.map(() => 1));
    }
  });

  it('runs a Verify queued on two desktops for the same customer once, the second saying who did it', async () => {
    const [anna, ben] = (await team(['Anna', 'Ben'])) as [TestApp, TestApp];
    const { detail } = await call(anna, 'createCustomer', indirectDetails({ domainPrefix: 'queuedtwice' }));
    const customerId = detail.customer.id;
    await call(anna, 'recordHandOff', { customerId, channel: 'copy-link' });
    await sync(anna, ben);
    const domain = 'queuedtwice.onmicrosoft.com';
    anna.services.offline.actions.queueVerification(customerId, domain);
    await anna.services.offline.outbox.idle();
    const { queued } = ben.services.offline.actions.queueVerification(customerId, domain);
    await ben.services.offline.outbox.idle();
    const row = ben.services.db
      .prepare('SELECT status, last_error AS note FROM outbox WHERE id = ?')
      .get(queued.id) as {
      status: string;
      note: string | null;
    };
    expect(row.status).toBe('done');
    expect(row.note).toMatch(/^Verified for the team by Anna at \d\d:\d\d UTC; not verified again here\.$/);
    await sync(ben, anna, ben);
    for (const app of [anna, ben]) expect(verificationsPerCustomer(app).get(customerId)).toBe(1);
  });

  it("takes over a dead desktop's lease only once it expired by the database's clock, even with clocks 10 minutes off", async () => {
    const skew = 10 * minute;
    const [anna, ben] = (await team(['Anna', 'Ben'], (name) =>
      // Ben's clock runs 10 minutes ahead: by it, Anna's lease would look expired at once.
      name === 'Ben' ? { now: () => new Date(Date.now() + skew) } : {},
    )) as [TestApp, TestApp];
    const resource = 'verify:customer-x';
    const leaseMs = 3_000;
    const taken = await anna.services.teamCoordination.leases.take([{ resource, freshForMs: 1 }], {
      leaseMs,
      limit: 1,
    });
    expect(taken.taken).toEqual([resource]);
    const inspect = await server.client(connection.database);
    const expiresAt = (
      await inspect.query<{ expires_at: Date }>('SELECT expires_at FROM team_leases WHERE resource = $1', [resource])
    ).rows[0]?.expires_at as Date;
    await inspect.end();
    // Anna dies holding it (never released).
    await anna.close();
    apps.splice(apps.indexOf(anna), 1);

    const refused = await ben.services.teamCoordination.leases.take([{ resource, freshForMs: 1 }], {
      leaseMs,
      limit: 1,
    });
    expect(refused).toMatchObject({ taken: [], refused: [{ resource, reason: 'held', by: 'Anna' }] });

    const deadline = Date.now() + 30_000;
    let takenOver: string[] = [];
    while (takenOver.length === 0 && Date.now() < deadline) {
      takenOver = (
        await ben.services.teamCoordination.leases.take([{ resource, freshForMs: 1 }], { leaseMs, limit: 1 })
      ).taken;
    }
    expect(takenOver).toEqual([resource]);
    expect(await databaseNow()).toBeGreaterThanOrEqual(expiresAt.getTime());
  });

  it('follows a GDAP relationship awaiting approval on one desktop per interval for the team', async () => {
    const [anna, ben] = (await team(['Anna', 'Ben'])) as [TestApp, TestApp];
    const { detail } = await call(
      anna,
      'createCustomer',
      indirectDetails({ companyName: 'Adatum', domainPrefix: 'adatum' }),
    );
    const templates = await call(anna, 'listGdapTemplates', {});
    const helpdesk = templates.find((template) => template.name === 'Helpdesk');
    await call(anna, 'requestGdap', { customerId: detail.customer.id, templateId: helpdesk?.id ?? 0 });
    await sync(anna, ben);
    // Both desktops' turns come round: the first reads it from Graph, the second leaves it to the team.
    expect(await anna.services.gdap.followAwaiting()).toBe(1);
    expect(await ben.services.gdap.followAwaiting()).toBe(0);
    expect(await anna.services.gdap.followAwaiting()).toBe(0);
  });

  it("notifies only the owner's desktop of a customer who authorized; every desktop gets it on the badge", async () => {
    let now = new Date('2026-03-02T09:00:00.000Z');
    const shown: Record<string, string[]> = { Anna: [], Ben: [] };
    const [anna, ben] = (await team(['Anna', 'Ben'], (name) => ({
      now: () => now,
      desktop: {
        showNotification: (notification) => shown[name]?.push(notification.title),
        setBadgeCount: () => undefined,
        focusWindow: () => undefined,
      },
    }))) as [TestApp, TestApp];
    const customer = async (domainPrefix: string, owner: string) => {
      const { detail } = await call(
        ben,
        'createCustomer',
        indirectDetails({ companyName: domainPrefix, domainPrefix }),
      );
      const customerId = detail.customer.id;
      await call(ben, 'recordHandOff', { customerId, channel: 'copy-link' });
      const tracking = await call(ben, 'getCustomerTracking', { customerId });
      await call(ben, 'updateCustomerTracking', { customerId, tracking: { ...tracking, owner } });
      await call(ben, 'sandboxAcceptInvitation', {
        customerId,
        grantDelegatedAdmin: true,
        associateReseller: true,
        customDefaultDomain: null,
      });
      return customerId;
    };
    const annas = await customer('ownedbyanna', 'anna');
    const bens = await customer('ownedbyben', 'Ben');
    await sync(ben, anna);
    // Ben's desktop finds both authorized in its background checks.
    now = new Date(now.getTime() + 11 * minute);
    expect(await ben.services.offline.background.runDue()).toBe(2);
    await sync(ben, anna);

    const authorizedPushes = (app: TestApp) =>
      app.pushed
        .filter((push) => push.event === 'customerAuthorized')
        .map((push) => (push.payload as { customerId: string }).customerId)
        .sort();
    // The badge and the timeline everywhere...
    expect(authorizedPushes(ben)).toEqual([annas, bens].sort());
    expect(authorizedPushes(anna)).toEqual([annas, bens].sort());
    for (const customerId of [annas, bens]) {
      expect((await call(anna, 'getCustomer', { customerId })).customer.status).toBe('authorized');
    }
    // ...the notification on the owner's desktop only, whichever desktop verified it.
    expect(shown.Anna).toEqual(['ownedbyanna authorized you']);
    expect(shown.Ben).toEqual(['ownedbyben authorized you']);
  });

  it('sends a bulk email and a reminder once for the team, and tells the second sender who sent it', async () => {
    smtp = await startSmtpTestServer();
    let now = new Date('2026-03-02T09:00:00.000Z');
    const [anna, ben] = (await team(['Anna', 'Ben'], () => ({ now: () => now }))) as [TestApp, TestApp];
    for (const app of [anna, ben]) {
      await call(app, 'saveEmailSettings', { settings: loopbackEmailSettings(smtp.port) });
    }
    const ids: string[] = [];
    for (let index = 0; index < 6; index++) {
      const { detail } = await call(
        anna,
        'createCustomer',
        indirectDetails({
          companyName: `Customer ${index}`,
          domainPrefix: `customer${index}`,
          contactEmail: `admin${index}@customer${index}.example`,
        }),
      );
      ids.push(detail.customer.id);
    }
    await sync(anna, ben);

    // Overlapping selections: customers 2 and 3 are in both.
    const annas = await call(anna, 'sendBulkEmail', {
      operationId: 'anna-click',
      recipients: { kind: 'customers', customerIds: ids.slice(0, 4) },
      template: 'invitation',
    });
    expect(annas.results.map((result) => result.outcome)).toEqual(['sent', 'sent', 'sent', 'sent']);
    const bens = await call(ben, 'sendBulkEmail', {
      operationId: 'ben-click',
      recipients: { kind: 'customers', customerIds: ids.slice(2) },
      template: 'invitation',
    });
    expect(bens.results.map((result) => result.outcome)).toEqual(['already-sent', 'already-sent', 'sent', 'sent']);
    expect(bens.results[0]?.message).toMatch(
      /^Already sent by Anna at .* \(another desktop of the team\); not sent again\.$/,
    );
    await smtp.waitForMessages(6);
    expect(smtp.recipients.flat().sort()).toEqual(ids.map((_, index) => `admin${index}@customer${index}.example`));

    // Reminder 1 falls due on both desktops at once; both send what is due at the same moment.
    await sync(anna, ben, anna);
    now = new Date(now.getTime() + 3 * 24 * 60 * minute + minute);
    const [annaReminders, benReminders] = await Promise.all([
      call(anna, 'sendDueReminders', { operationId: 'anna-reminders', customerIds: null }),
      call(ben, 'sendDueReminders', { operationId: 'ben-reminders', customerIds: null }),
    ]);
    const sent = [...annaReminders.results, ...benReminders.results].filter((result) => result.outcome === 'sent');
    expect(sent.map((result) => result.customerId).sort()).toEqual([...ids].sort());
    await smtp.waitForMessages(12);
    const reminders = smtp.recipients.slice(6).flat().sort();
    expect(reminders).toEqual(ids.map((_, index) => `admin${index}@customer${index}.example`));
    // Neither desktop lists them as due any more.
    expect((await call(anna, 'listDueReminders', { offset: 0, limit: 50 })).total).toBe(0);
    expect((await call(ben, 'listDueReminders', { offset: 0, limit: 50 })).total).toBe(0);
  });
});
