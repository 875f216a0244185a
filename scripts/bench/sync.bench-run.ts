// npm run bench:sync: the team exchange on a real PostgreSQL (embedded, or AUTHDESK_TEST_DATABASE_URL).
// 1. Five desktops each make BENCH_SYNC_CHANGES edits (default 20,000) and upload them: upload rate.
// 2. With every desktop's sync loop running, single edits on one desktop: propagation to another (commit to
//    applied there), p50 / p95 / max.
// 3. A partition: two desktops edit apart (BENCH_PARTITION_CHANGES each), then reconnect: time to converge.
// 4. A new desktop joins a team of BENCH_JOIN_CUSTOMERS customers (100,000) and BENCH_JOIN_EVENTS events
//    (1,000,000) written straight into team_changes: time and peak memory.
// Figures only: nothing here asserts a timing.
import { performance } from 'node:perf_hooks';
import { it } from 'vitest';
import { createServices, type Services } from '../../main/app/create-services';
import { createHandlers } from '../../main/app/handlers';
import { directDetails, directProfile } from '../../test/support/customer-fixtures';
import { call } from '../../test/support/ipc-call';
import { createMemoryCredentialStore } from '../../test/support/memory-credential-store';
import { startTeamDatabaseServer } from '../../test/support/team-database';
import { makeTempDir } from '../../test/support/temp-dir';
import { teamReplica } from '../../test/support/team-replica';
import { waitingChanges } from '../../main/features/team/team-exchange';
import type { TestApp } from '../../test/support/test-app';
import type { TeamConnection } from '../../shared/domain/team';

const changesPerDesktop = Number(process.env.BENCH_SYNC_CHANGES ?? 20_000);
const partitionChanges = Number(process.env.BENCH_PARTITION_CHANGES ?? 5_000);
const joinCustomers = Number(process.env.BENCH_JOIN_CUSTOMERS ?? 100_000);
const joinEvents = Number(process.env.BENCH_JOIN_EVENTS ?? 1_000_000);
const propagationSamples = Number(process.env.BENCH_PROPAGATION_SAMPLES ?? 100);

const temp = makeTempDir('authdesk-bench-sync-');
let opened = 0;

async function openDesktop(
  timing: { checkEveryMs: number },
  onCustomerChanged: (customerId: string) => void = () => undefined,
): Promise<{ services: Services; app: TestApp }> {
  opened += 1;
  const services = await createServices(
    {
      dataDir: `${temp.dir}/desktop-${opened}`,
      partnerCenterUrl: null,
      simulatorUrl: null,
      actor: `bench${opened}`,
      version: '0.0.0-bench',
    },
    {
      credentials: createMemoryCredentialStore(),
      team: timing,
      offline: { background: false },
      emit: (event, payload) => {
        if (event === 'customerChanged') onCustomerChanged((payload as { customerId: string }).customerId);
      },
    },
  );
  return { services, app: { services, handlers: createHandlers(services) } as TestApp };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const ms = (value: number) => `${value.toFixed(0)} ms`;

// Edits in transactions of 100, through the capture triggers, as a busy desktop makes them.
function makeEdits(services: Services, count: number, label: string): void {
  const ids = (services.db.prepare('SELECT id FROM customers ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const update = services.db.prepare('UPDATE customers SET notes = ?, updated_at = ? WHERE id = ?');
  for (let start = 0; start < count; start += 100) {
    services.db.transaction(() => {
      for (let index = start; index < Math.min(count, start + 100); index += 1) {
        update.run(`${label} ${index}`, new Date().toISOString(), ids[index % ids.length] as string);
      }
    })();
  }
}

it('measures the team sync', async () => {
  const server = await startTeamDatabaseServer();
  try {
    const connection: TeamConnection = await server.createDatabase();
    const join = { connection, password: server.password };
    const quiet = { checkEveryMs: 3_600_000 };
    const desktops: { services: Services; app: TestApp }[] = [];
    for (let index = 0; index < 5; index += 1) desktops.push(await openDesktop(quiet));
    const first = desktops[0] as (typeof desktops)[number];
    await call(first.app, 'savePartnerProfile', directProfile);
    for (let index = 0; index < 50; index += 1) {
      await call(first.app, 'createCustomer', directDetails({ domainPrefix: `benchsync${index}` }));
    }
    await call(first.app, 'createTeam', { ...join, displayName: 'Desktop 1', teamName: 'Bench' });
    for (const [index, desktop] of desktops.slice(1).entries()) {
      await call(desktop.app, 'joinTeam', { ...join, displayName: `Desktop ${index + 2}` });
    }

    // 1. Upload rate.
    for (const [index, desktop] of desktops.entries()) makeEdits(desktop.services, changesPerDesktop, `d${index}`);
    const uploadStart = performance.now();
    const waitingBefore = desktops.map((desktop) => waitingChanges(desktop.services.db));
    for (const desktop of desktops) {
      const sync = await desktop.services.team.syncNow();
      if (sync.state !== 'synced') console.log(`  a desktop's sync ended ${sync.state}: ${sync.message ?? ''}`);
    }
    console.log(`  waiting before: ${waitingBefore.join(', ')}`);
    const uploadMs = performance.now() - uploadStart;
    console.log(`upload: 5 desktops x ${changesPerDesktop.toLocaleString('en')} changes in ${ms(uploadMs)}`);
    // Each upload's NOTIFY wakes the other desktops, which then upload theirs in the background: only the total
    // means something.
    console.log(`  ${Math.round((5 * changesPerDesktop) / (uploadMs / 1000)).toLocaleString('en')} changes/s overall`);
    for (const desktop of desktops) await desktop.services.team.syncNow();
    const replicas = desktops.map((desktop) => JSON.stringify(teamReplica(desktop.services.db)));
    console.log(
      `  after one more round, all five replicas equal: ${replicas.every((r) => r === replicas[0]) ? 'yes' : 'NO'}`,
    );

    // 2. Propagation with the loops running at the app's own beat (500 ms checks, LISTEN/NOTIFY).
    for (const desktop of desktops) await desktop.services.close();
    const writer = await openDesktop({ checkEveryMs: 500 });
    let arrived: (customerId: string) => void = () => undefined;
    const reader = await openDesktop({ checkEveryMs: 500 }, (customerId) => arrived(customerId));
    await call(writer.app, 'joinTeam', { ...join, displayName: 'Writer' });
    await call(reader.app, 'joinTeam', { ...join, displayName: 'Reader' });
    const ids = (writer.services.db.prepare('SELECT id FROM customers ORDER BY id').all() as { id: string }[]).map(
      (row) => row.id,
    );
    const samples: number[] = [];
    const noteOf = reader.services.db.prepare<[string], { notes: string }>('SELECT notes FROM customers WHERE id = ?');
    for (let sample = 0; sample < propagationSamples; sample += 1) {
      const id = ids[sample % ids.length] as string;
      const text = `propagate ${sample}`;
      // The reader's own loop applies it (woken by NOTIFY) and says so with customerChanged.
      const applied = new Promise<void>((resolve) => {
        arrived = (customerId) => {
          if (customerId === id && noteOf.get(id)?.notes === text) resolve();
        };
      });
      const committed = performance.now();
      writer.services.db.prepare('UPDATE customers SET notes = ? WHERE id = ?').run(text, id);
      await applied;
      samples.push(performance.now() - committed);
    }
    samples.sort((a, b) => a - b);
    console.log(
      `propagation (${propagationSamples} single edits, commit on one desktop to applied on another): p50 ${ms(percentile(samples, 0.5))}, p95 ${ms(percentile(samples, 0.95))}, max ${ms(samples.at(-1) ?? 0)}`,
    );

    // 3. Partition: both edit apart, then reconnect.
    await writer.services.close();
    await reader.services.close();
    const left = await openDesktop(quiet);
    const right = await openDesktop(quiet);
    await call(left.app, 'joinTeam', { ...join, displayName: 'Left' });
    await call(right.app, 'joinTeam', { ...join, displayName: 'Right' });
    makeEdits(left.services, partitionChanges, 'left');
    makeEdits(right.services, partitionChanges, 'right');
    const convergeStart = performance.now();
    await left.services.team.syncNow();
    await right.services.team.syncNow();
    await left.services.team.syncNow();
    console.log(
      `partition: ${partitionChanges.toLocaleString('en')} edits on each side, converged in ${ms(performance.now() - convergeStart)} after reconnecting`,
    );
    await left.services.close();
    await right.services.close();

    // 4. Join a large team.
    const big = await server.createDatabase();
    const seeding = await openDesktop(quiet);
    await call(seeding.app, 'createTeam', {
      connection: big,
      password: server.password,
      displayName: 'Seed',
      teamName: 'Large',
    });
    await seeding.services.close();
    const admin = await server.client(big.database);
    const seedStart = performance.now();
    await admin.query(
      `INSERT INTO team_changes (id, entity, row_id, fields, bases, hlc, device_id, actor)
       SELECT 'c' || n, 'customers', 'customer-' || n,
         jsonb_build_object('kind', 'direct', 'company_name', 'Company ' || n, 'contact_name', 'Contact ' || n,
           'contact_email', 'contact' || n || '@example.com', 'domain_prefix', 'company' || n,
           'default_domain', NULL, 'reseller_mpn_id', NULL, 'reseller_name', NULL, 'include_delegated_admin', 1,
           'billing_address', NULL, 'status', 'sent', 'authorization_link', NULL, 'last_verification', NULL,
           'order_reference', NULL, 'owner', 'manager' || (n % 20), 'created_at', '2026-01-01T00:00:00.000Z',
           'updated_at', '2026-01-01T00:00:00.000Z', 'notes', '', 'next_follow_up', NULL, 'email_language', NULL),
         '{}'::jsonb, lpad(n::text, 15, '0') || ':000000:seed', 'seed', 'seed'
       FROM generate_series(1, $1::int) AS n`,
      [joinCustomers],
    );
    await admin.query(
      `INSERT INTO team_changes (id, entity, row_id, fields, bases, hlc, device_id, actor)
       SELECT 'e' || n, 'customer_events', 'seed:' || n,
         jsonb_build_object('customer_id', 'customer-' || (1 + n % $2::int), 'type', 'link-copied',
           'at', '2026-01-02T00:00:00.000Z', 'actor', 'seed', 'summary', 'Link copied', 'data', '{}'),
         '{}'::jsonb, lpad(($2::int + n)::text, 15, '0') || ':000000:seed', 'seed', 'seed'
       FROM generate_series(1, $1::int) AS n`,
      [joinEvents, joinCustomers],
    );
    await admin.end();
    console.log(
      `large team: ${joinCustomers.toLocaleString('en')} customers and ${joinEvents.toLocaleString('en')} events written to PostgreSQL in ${ms(performance.now() - seedStart)}`,
    );
    const joiner = await openDesktop(quiet);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const joinStart = performance.now();
    await call(joiner.app, 'joinTeam', { connection: big, password: server.password, displayName: 'New' });
    const joinMs = performance.now() - joinStart;
    clearInterval(sampler);
    const counts = joiner.services.db
      .prepare('SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM customer_events) AS events')
      .get() as { customers: number; events: number };
    console.log(
      `join: ${counts.customers.toLocaleString('en')} customers and ${counts.events.toLocaleString('en')} events applied in ${ms(joinMs)}; peak RSS ${(peak / 1024 / 1024).toFixed(0)} MiB`,
    );
    await joiner.services.close();
  } finally {
    await server.stop();
    temp.remove();
  }
});
