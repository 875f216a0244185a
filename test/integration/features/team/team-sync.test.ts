// Two desktops (two data folders, two service instances) sharing one team through a real PostgreSQL: create and
// join, every change arriving on the other desktop, concurrent edits of one field converging the same way on
// both with a timeline line for the one whose value lost, edits made while cut off from the database merging on
// reconnect, existing data uploaded once on joining, and the errors a user can act on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TeamConnection } from '../../../../shared/domain/team';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { startTcpProxy, type TcpProxy } from '../../../support/tcp-proxy';
import { startTeamDatabaseServer, type TeamDatabaseServer } from '../../../support/team-database';
import { teamReplica } from '../../../support/team-replica';
import { startTestApp, type TestApp } from '../../../support/test-app';

describe('Team workspace over PostgreSQL', () => {
  let server: TeamDatabaseServer;
  let connection: TeamConnection;
  const apps: TestApp[] = [];
  const proxies: TcpProxy[] = [];

  const desktop = async () => {
    const app = await startTestApp();
    apps.push(app);
    await call(app, 'savePartnerProfile', distributorProfile);
    return app;
  };
  const join = (app: TestApp, displayName: string, via: TeamConnection = connection) =>
    call(app, 'joinTeam', { connection: via, password: server.password, displayName });
  const sync = async (...desktops: TestApp[]) => {
    for (const app of desktops) await call(app, 'syncTeamNow', {});
  };
  const newCustomer = async (app: TestApp, overrides: Parameters<typeof indirectDetails>[0] = {}) => {
    const { detail } = await call(app, 'createCustomer', indirectDetails(overrides));
    return detail.customer.id;
  };

  beforeAll(async () => {
    server = await startTeamDatabaseServer();
  });
  afterAll(async () => {
    await server.stop();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const proxy of proxies.splice(0)) await proxy.close();
  });

  const twoDesktops = async () => {
    connection = await server.createDatabase();
    const anna = await desktop();
    const ben = await desktop();
    const created = await call(anna, 'createTeam', {
      connection,
      password: server.password,
      displayName: 'Anna',
      teamName: 'Contoso sales',
    });
    expect(created).toMatchObject({ configured: true, team: { name: 'Contoso sales' }, displayName: 'Anna' });
    const joined = await join(ben, 'Ben');
    expect(joined.team).toEqual(created.team);
    return { anna, ben };
  };

  it('creates a team, joins it, and shows every change of one desktop on the other', async () => {
    const { anna, ben } = await twoDesktops();
    const customerId = await newCustomer(anna);
    await call(anna, 'recordHandOff', { customerId, channel: 'copy-link' });
    await call(anna, 'updateCustomerTracking', {
      customerId,
      tracking: { owner: 'ben', nextFollowUp: '2026-12-10', notes: 'Call after the board meeting' },
    });
    await sync(anna, ben);

    const seen = await call(ben, 'getCustomer', { customerId });
    expect(seen.customer).toMatchObject({ companyName: 'Litware Inc', status: 'sent' });
    expect(await call(ben, 'getCustomerTracking', { customerId })).toEqual({
      owner: 'ben',
      nextFollowUp: '2026-12-10',
      notes: 'Call after the board meeting',
    });
    expect(seen.events.map((event) => event.type)).toEqual(
      (await call(anna, 'getCustomer', { customerId })).events.map((event) => event.type),
    );
    expect(ben.pushed.some((push) => push.event === 'customerChanged')).toBe(true);
    expect(teamReplica(ben.services.db)).toEqual(teamReplica(anna.services.db));

    const status = await call(ben, 'getTeamStatus', {});
    expect(status.sync).toMatchObject({ state: 'synced', waiting: 0, message: null });
    expect(status.members.map((member) => member.displayName).sort()).toEqual(['Anna', 'Ben']);
  });

  it("shares a customer's GDAP relationship: requested on one desktop, followed on the other", async () => {
    const { anna, ben } = await twoDesktops();
    const customerId = await newCustomer(anna, { companyName: 'Adatum', domainPrefix: 'adatum' });
    const templates = await call(anna, 'listGdapTemplates', {});
    const helpdesk = templates.find((template) => template.name === 'Helpdesk');
    const requested = await call(anna, 'requestGdap', { customerId, templateId: helpdesk?.id ?? 0 });
    await sync(anna, ben);
    const seen = await call(ben, 'getGdapRelationship', { customerId });
    expect(seen.relationship).toMatchObject({
      relationshipId: requested.relationship?.relationshipId,
      displayName: 'Adatum GDAP',
      status: 'approvalPending',
      templateName: 'Helpdesk',
    });
    expect(teamReplica(ben.services.db)).toEqual(teamReplica(anna.services.db));
    expect(teamReplica(ben.services.db).gdap).toHaveLength(1);
  });

  it("shares the reseller list and the fetched links, so one desktop's call to Partner Center serves both", async () => {
    const { anna, ben } = await twoDesktops();
    const resellers = await call(anna, 'refreshResellers', {});
    const first = await newCustomer(anna, { companyName: 'Adatum', domainPrefix: 'adatum' });
    const annas = await call(anna, 'requestAuthorizationLink', { customerId: first });
    await sync(anna, ben);
    expect(await call(ben, 'listResellers', {})).toEqual(resellers);

    // Ben's own customer of the same reseller gets the link Anna's desktop fetched, with no call of Ben's.
    const callsBefore = (await ben.services.sandboxControl!.state()).requestCount;
    const second = await newCustomer(ben, { companyName: 'Fourth Coffee', domainPrefix: 'fourthcoffee' });
    const bens = await call(ben, 'requestAuthorizationLink', { customerId: second });
    expect(bens.customer.authorizationLink).toBe(annas.customer.authorizationLink);
    expect((await ben.services.sandboxControl!.state()).requestCount).toBe(callsBefore);
  });

  it('shares the views saved for the team, keeps personal ones personal, and removes a shared one for all', async () => {
    const { anna, ben } = await twoDesktops();
    const query = {
      filter: { ...(await call(anna, 'listSavedViews', {}))[0]!.query.filter, search: 'contoso' },
      sort: { column: 'company' as const, direction: 'asc' as const },
    };
    const shared = await call(anna, 'saveView', { name: 'Contoso deals', query, shared: true });
    expect(shared).toMatchObject({ shared: true, createdBy: 'tester' });
    await call(anna, 'saveView', { name: 'My scratch', query });
    await sync(anna, ben);

    const bensViews = await call(ben, 'listSavedViews', {});
    expect(bensViews.filter((view) => !view.builtIn).map((view) => [view.name, view.shared])).toEqual([
      ['Contoso deals', true],
    ]);
    expect(bensViews.find((view) => view.shared)?.query).toEqual(shared.query);
    expect(ben.pushed.some((push) => push.event === 'savedViewsChanged')).toBe(true);

    // Ben refines the team's view; Anna gets his query. Then Anna deletes it, for both.
    const refined = { ...query, sort: { column: 'company' as const, direction: 'desc' as const } };
    await call(ben, 'saveView', { name: 'Contoso deals', query: refined });
    await sync(ben, anna);
    const annasView = (await call(anna, 'listSavedViews', {})).find((view) => view.shared);
    expect(annasView?.query.sort).toEqual(refined.sort);
    await call(anna, 'deleteSavedView', { id: annasView?.id ?? 0 });
    await sync(anna, ben);
    expect((await call(ben, 'listSavedViews', {})).some((view) => view.shared)).toBe(false);
    expect((await call(anna, 'listSavedViews', {})).map((view) => view.name)).toContain('My scratch');
    expect(teamReplica(anna.services.db)).toEqual(teamReplica(ben.services.db));
  });

  it('refuses to share a view outside a team', async () => {
    const alone = await desktop();
    const [builtIn] = await call(alone, 'listSavedViews', {});
    const refused = await callError(alone, 'saveView', { name: 'Mine', query: builtIn!.query, shared: true });
    expect(refused.message).toBe('Join a team in Settings › Team to share a view with it.');
  });

  it('converges concurrent edits of one field, and tells the desktop whose value lost', async () => {
    const { anna, ben } = await twoDesktops();
    const customerId = await newCustomer(anna);
    await sync(anna, ben);
    const tracking = { owner: 'anna', nextFollowUp: null };
    // Both edit the notes before either has seen the other's. The later clock stamp wins; two edits within the
    // same millisecond are ordered by device id, so which one that is is not fixed here, only that both agree.
    await call(anna, 'updateCustomerTracking', {
      customerId,
      tracking: { ...tracking, notes: 'Anna: send the quote' },
    });
    await call(ben, 'updateCustomerTracking', { customerId, tracking: { ...tracking, notes: 'Ben: quote sent' } });
    await sync(anna, ben, anna);

    const annasNotes = (await call(anna, 'getCustomerTracking', { customerId })).notes;
    expect((await call(ben, 'getCustomerTracking', { customerId })).notes).toBe(annasNotes);
    expect(['Anna: send the quote', 'Ben: quote sent']).toContain(annasNotes);
    expect(teamReplica(anna.services.db)).toEqual(teamReplica(ben.services.db));
    const [loser, winner] = annasNotes === 'Ben: quote sent' ? [anna, ben] : [ben, anna];
    const lost = await call(loser, 'getCustomer', { customerId });
    const conflict = lost.events.find((event) => event.type === 'team-conflict');
    expect(conflict?.summary).toMatch(
      /^Notes changed by tester at \d\d:\d\d on another desktop; your value from \d\d:\d\d was replaced$/,
    );
    const won = await call(winner, 'getCustomer', { customerId });
    expect(won.events.some((event) => event.type === 'team-conflict')).toBe(false);
  });

  it('keeps working while the database is out of reach and merges on reconnect', async () => {
    connection = await server.createDatabase();
    const anna = await desktop();
    const ben = await desktop();
    await call(anna, 'createTeam', { connection, password: server.password, displayName: 'Anna', teamName: 'T' });
    const proxy = await startTcpProxy({ host: server.host, port: server.port });
    proxies.push(proxy);
    await join(ben, 'Ben', { ...connection, port: proxy.port });
    const shared = await newCustomer(anna, { companyName: 'Fabrikam', domainPrefix: 'fabrikam' });
    await sync(anna, ben);

    await proxy.cut();
    const offlineCustomer = await newCustomer(ben, { companyName: 'Northwind', domainPrefix: 'northwind' });
    await call(ben, 'updateCustomerTracking', {
      customerId: shared,
      tracking: { owner: 'ben', nextFollowUp: null, notes: 'Ben took this over' },
    });
    await call(anna, 'archiveCustomers', {
      selection: { kind: 'customers', customerIds: [shared] },
      operationId: 'archive-fabrikam',
    });
    const cutOff = await call(ben, 'syncTeamNow', {});
    expect(cutOff.state).toBe('offline');
    expect(cutOff.offlineSince).not.toBeNull();
    expect(cutOff.waiting).toBeGreaterThan(0);
    expect(cutOff.message).toContain('cannot be reached');
    // Everything still works on the desktop's own SQLite.
    expect((await call(ben, 'getCustomer', { customerId: offlineCustomer })).customer.companyName).toBe('Northwind');

    await proxy.restore();
    await sync(anna, ben, anna);
    expect((await call(ben, 'getTeamStatus', {})).sync).toMatchObject({ state: 'synced', waiting: 0 });
    expect(teamReplica(anna.services.db)).toEqual(teamReplica(ben.services.db));
    expect((await call(anna, 'getCustomer', { customerId: shared })).customer.status).toBe('archived');
    expect(await call(anna, 'getCustomerTracking', { customerId: shared })).toMatchObject({
      owner: 'ben',
      notes: 'Ben took this over',
    });
    expect((await call(anna, 'getCustomer', { customerId: offlineCustomer })).customer.companyName).toBe('Northwind');
  });

  it('uploads what a desktop already holds when it joins, once', async () => {
    connection = await server.createDatabase();
    const anna = await desktop();
    await call(anna, 'createTeam', { connection, password: server.password, displayName: 'Anna', teamName: 'T' });
    const ben = await desktop();
    const before = await newCustomer(ben, { companyName: 'Tailspin', domainPrefix: 'tailspin' });
    await call(ben, 'recordHandOff', { customerId: before, channel: 'copy-link' });
    await join(ben, 'Ben');
    await sync(ben, anna);
    // A sync again sends nothing twice.
    await sync(ben, anna);
    expect((await call(anna, 'getCustomer', { customerId: before })).customer.companyName).toBe('Tailspin');
    expect(teamReplica(anna.services.db)).toEqual(teamReplica(ben.services.db));
    const inspect = await server.client(connection.database);
    try {
      const { rows } = await inspect.query<{ n: string }>(
        "SELECT count(*) AS n FROM team_changes WHERE entity = 'customers' AND row_id = $1 AND fields ? 'kind'",
        [before],
      );
      expect(Number(rows[0]?.n)).toBe(1);
    } finally {
      await inspect.end();
    }
  });

  const customersWithPrefix = (app: TestApp, prefix: string) =>
    app.services.db
      .prepare('SELECT id, company_name AS companyName FROM customers WHERE lower(domain_prefix) = ? ORDER BY id')
      .all(prefix) as { id: string; companyName: string }[];

  it('makes the same customer added on both desktops before either saw the other one customer', async () => {
    const { anna, ben } = await twoDesktops();
    // Neither desktop has synced since: each adds Contoso (the same tenant, whatever the case of its prefix).
    const annas = await newCustomer(anna, { companyName: 'Contoso', domainPrefix: 'contoso' });
    await call(anna, 'recordHandOff', { customerId: annas, channel: 'copy-link' });
    const bens = await newCustomer(ben, { companyName: 'Contoso Ltd', domainPrefix: 'CONTOSO' });
    await call(ben, 'updateCustomerTracking', {
      customerId: bens,
      tracking: { owner: 'ben', nextFollowUp: '2026-12-14', notes: 'Met them at the fair' },
    });
    await sync(anna, ben, anna);

    // Anna's reached the team first: it remains, on both desktops, with both histories.
    for (const app of [anna, ben]) {
      expect(customersWithPrefix(app, 'contoso').map((customer) => customer.id)).toEqual([annas]);
      const { events } = await call(app, 'getCustomer', { customerId: annas });
      expect(events.filter((event) => event.type === 'created')).toHaveLength(2);
      expect(events.some((event) => event.type === 'link-copied')).toBe(true);
      expect(events.find((event) => event.type === 'team-merged')?.summary).toMatch(
        /^Added twice before either desktop had seen the other: by tester at \d\d:\d\d and by tester at \d\d:\d\d \(contoso\.onmicrosoft\.com\); now one customer with both histories$/,
      );
    }
    expect(teamReplica(anna.services.db)).toEqual(teamReplica(ben.services.db));
    // The values Ben's record was added with give way to Anna's customer; per field the later change wins:
    // Ben's link (status) and tracking came after Anna's hand-off.
    const merged = await call(anna, 'getCustomer', { customerId: annas });
    expect(merged.customer).toMatchObject({ companyName: 'Contoso', status: 'link-ready' });
    expect(await call(anna, 'getCustomerTracking', { customerId: annas })).toMatchObject({
      owner: 'ben',
      notes: 'Met them at the fair',
    });
    // Ben's window may still hold his id: it finds the merged customer, and what he does lands on it.
    expect((await call(ben, 'getCustomer', { customerId: bens })).customer.id).toBe(annas);
    await call(ben, 'recordHandOff', { customerId: bens, channel: 'copy-instructions' });
    await sync(ben, anna);
    const handedOff = await call(anna, 'getCustomer', { customerId: annas });
    expect(handedOff.events.some((event) => event.type === 'instructions-copied')).toBe(true);

    // A desktop built from PostgreSQL alone comes to the same.
    const chloe = await desktop();
    await join(chloe, 'Chloe');
    expect(teamReplica(chloe.services.db)).toEqual(teamReplica(anna.services.db));
  });

  it('keeps a second customer with the same domain apart when its author already had the first', async () => {
    const { anna, ben } = await twoDesktops();
    await newCustomer(anna, { companyName: 'Contoso', domainPrefix: 'contoso' });
    await sync(anna, ben);
    await newCustomer(ben, { companyName: 'Contoso (second order)', domainPrefix: 'contoso' });
    await sync(ben, anna);
    for (const app of [anna, ben]) {
      expect(
        customersWithPrefix(app, 'contoso')
          .map((customer) => customer.companyName)
          .sort(),
      ).toEqual(['Contoso', 'Contoso (second order)']);
    }
    expect(teamReplica(anna.services.db)).toEqual(teamReplica(ben.services.db));
  });

  it("merges a joining desktop's customers into the team's by domain", async () => {
    connection = await server.createDatabase();
    const anna = await desktop();
    await call(anna, 'createTeam', { connection, password: server.password, displayName: 'Anna', teamName: 'T' });
    const teams = await newCustomer(anna, { companyName: 'Tailspin Toys', domainPrefix: 'tailspin' });
    await call(anna, 'syncTeamNow', {});
    const ben = await desktop();
    const own = await newCustomer(ben, { companyName: 'Tailspin', domainPrefix: 'tailspin' });
    await call(ben, 'recordHandOff', { customerId: own, channel: 'copy-link' });
    await join(ben, 'Ben');
    await sync(ben, anna);
    for (const app of [anna, ben]) {
      expect(customersWithPrefix(app, 'tailspin').map((customer) => customer.id)).toEqual([teams]);
      const { events } = await call(app, 'getCustomer', { customerId: teams });
      expect(events.some((event) => event.type === 'link-copied')).toBe(true);
    }
    expect(teamReplica(anna.services.db)).toEqual(teamReplica(ben.services.db));
  });

  it('says what is wrong: wrong password, no such database, no team yet, a newer team schema', async () => {
    connection = await server.createDatabase();
    const anna = await desktop();
    const wrongPassword = await callError(anna, 'joinTeam', { connection, password: 'nope', displayName: 'Anna' });
    expect(wrongPassword).toMatchObject({ code: 'team-database' });
    expect(wrongPassword.message).toContain('check the user name and password');
    const noDatabase = await callError(anna, 'joinTeam', {
      connection: { ...connection, database: 'no_such_db' },
      password: server.password,
      displayName: 'Anna',
    });
    expect(noDatabase.message).toBe(`There is no database named no_such_db on ${server.host}:${server.port}.`);
    const noTeam = await callError(anna, 'joinTeam', { connection, password: server.password, displayName: 'Anna' });
    expect(noTeam.message).toContain('There is no AuthDesk team in database');
    const plaintext = await callError(anna, 'joinTeam', {
      connection: { ...connection, host: 'db.contoso.com' },
      password: server.password,
      displayName: 'Anna',
    });
    expect(plaintext).toMatchObject({ code: 'invalid-request' });
    expect(plaintext.fieldErrors?.['connection.tls']).toContain('needs TLS');

    await call(anna, 'createTeam', { connection, password: server.password, displayName: 'Anna', teamName: 'T' });
    const inspect = await server.client(connection.database);
    await inspect.query('INSERT INTO authdesk_team_schema (version) VALUES (99)');
    await inspect.end();
    const ben = await desktop();
    const newer = await callError(ben, 'joinTeam', { connection, password: server.password, displayName: 'Ben' });
    expect(newer.message).toContain('set up by a newer AuthDesk (team schema 99');
    expect((await call(ben, 'getTeamStatus', {})).configured).toBe(false);
    // Nothing of the password reached the desktop's database.
    const settings = JSON.stringify(anna.services.db.prepare('SELECT * FROM settings').all());
    expect(settings).not.toContain(server.password);
  });
});
