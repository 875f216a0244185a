// A randomized model test (fast-check): five desktops on one team database make random edits, each syncing
// only when the sequence says so (the others are cut off meanwhile); some add a customer another desktop may
// also have added (the same domain), which the team merges into one. After everyone syncs, every replica equals
// every other, and a desktop that joins afterwards, built from PostgreSQL alone, equals them too. The seed is
// printed so a failure can be replayed (AUTHDESK_MODEL_SEED=<seed>).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call } from '../../../support/ipc-call';
import { startTeamDatabaseServer, type TeamDatabaseServer } from '../../../support/team-database';
import { teamReplica } from '../../../support/team-replica';
import { startTestApp, type TestApp } from '../../../support/test-app';

const desktops = 5;
type Operation =
  | { kind: 'create'; desktop: number; domain: string | null }
  | { kind: 'notes'; desktop: number; pick: number; text: string }
  | { kind: 'owner'; desktop: number; pick: number; owner: string }
  | { kind: 'archive'; desktop: number; pick: number }
  | { kind: 'sync'; desktop: number };

const desktop = fc.integer({ min: 0, max: desktops - 1 });
const pick = fc.nat({ max: 50 });
const create = fc.record({
  kind: fc.constant('create' as const),
  desktop,
  // A shared domain (the same tenant, maybe added elsewhere too) or one of its own.
  domain: fc.option(fc.constantFrom('alpha', 'beta', 'gamma'), { nil: null }),
});
const operation: fc.Arbitrary<Operation> = fc.oneof(
  create,
  create,
  fc.record({ kind: fc.constant('notes' as const), desktop, pick, text: fc.constantFrom('call', 'quote', 'wait') }),
  fc.record({ kind: fc.constant('owner' as const), desktop, pick, owner: fc.constantFrom('anna', 'ben', 'chloe') }),
  fc.record({ kind: fc.constant('archive' as const), desktop, pick }),
  fc.record({ kind: fc.constant('sync' as const), desktop }),
  fc.record({ kind: fc.constant('sync' as const), desktop }),
);

describe('Team replicas converge under random edits and partitions', () => {
  let server: TeamDatabaseServer;
  beforeAll(async () => {
    server = await startTeamDatabaseServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('ends with every replica equal to every other and to one built from PostgreSQL alone', async () => {
    const seed = Number(process.env.AUTHDESK_MODEL_SEED ?? Date.now() % 2_147_483_647);
    console.log(`team model test seed: ${seed} (replay with AUTHDESK_MODEL_SEED=${seed})`);
    let created = 0;
    let merged = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 10, maxLength: 40 }), async (operations) => {
        const connection = await server.createDatabase();
        const apps: TestApp[] = [];
        try {
          for (let index = 0; index < desktops; index += 1) {
            const app = await startTestApp();
            apps.push(app);
            await call(app, 'savePartnerProfile', distributorProfile);
            const input = { connection, password: server.password, displayName: `Desktop ${index}` };
            if (index === 0) await call(app, 'createTeam', { ...input, teamName: 'Model' });
            else await call(app, 'joinTeam', input);
          }
          const customersOf = (app: TestApp) =>
            (
              app.services.db.prepare('SELECT id, status FROM customers ORDER BY id').all() as {
                id: string;
                status: string;
              }[]
            ).filter((customer) => customer.status !== 'archived' && customer.status !== 'checked-out');
          for (const step of operations) {
            const app = apps[step.desktop] as TestApp;
            if (step.kind === 'sync') {
              await call(app, 'syncTeamNow', {});
              continue;
            }
            if (step.kind === 'create') {
              created += 1;
              await call(app, 'createCustomer', indirectDetails({ domainPrefix: step.domain ?? `model${created}` }));
              continue;
            }
            const open = customersOf(app);
            const target = open[step.pick % Math.max(open.length, 1)];
            if (!target) continue;
            if (step.kind === 'archive') {
              await call(app, 'archiveCustomers', {
                selection: { kind: 'customers', customerIds: [target.id] },
                operationId: `archive-${created}`,
              });
              continue;
            }
            const tracking = await call(app, 'getCustomerTracking', { customerId: target.id });
            await call(app, 'updateCustomerTracking', {
              customerId: target.id,
              tracking: step.kind === 'notes' ? { ...tracking, notes: step.text } : { ...tracking, owner: step.owner },
            });
          }
          // Everyone reconnects: two rounds bring every change to every desktop.
          for (let round = 0; round < 2; round += 1) {
            for (const app of apps) await call(app, 'syncTeamNow', {});
          }
          const fresh = await startTestApp();
          apps.push(fresh);
          await call(fresh, 'joinTeam', { connection, password: server.password, displayName: 'Fresh' });
          const expected = teamReplica(fresh.services.db);
          merged += (
            fresh.services.db.prepare('SELECT count(*) AS n FROM team_customer_aliases').get() as { n: number }
          ).n;
          for (const app of apps) expect(teamReplica(app.services.db)).toEqual(expected);
        } finally {
          for (const app of apps) await app.close();
        }
      }),
      { seed, numRuns: 8 },
    );
    console.log(`team model test: ${created} customers added, ${merged} merged as the same customer`);
  });
});
