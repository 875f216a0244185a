// npm run test:team-chaos: 20 desktops of one team, each its own process on its own SQLite, share one
// PostgreSQL and one simulator limited to the tenant's 500 requests a minute. All bulk-email, then bulk-verify,
// selections that overlap (each customer is in four), while a seeded schedule cuts desktops off the database
// and off the simulator, SIGKILLs desktops and starts them again, and makes the simulator answer bursts of 429s,
// 5xx and dropped connections. Afterwards: the simulator never saw more than its limit in any sliding minute,
// every customer has exactly one verification and one invitation (one Message-ID), every desktop uploaded all
// it committed, and all replicas are equal. CHAOS_SEED replays a run; the seed is printed first.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { expect, it } from 'vitest';
import { createServices, databaseFileName, type Services } from '../../main/app/create-services';
import { insertCustomer } from '../../main/features/customers/customers-repository';
import { onMicrosoftDomain } from '../../shared/domain/validation';
import { defaultPartner, startSimulator } from '../../sandbox/start-simulator';
import { bundleChild, repositoryRoot } from '../support/child-bundle';
import { loopbackEmailSettings } from '../support/loopback-email-settings';
import { createMemoryCredentialStore } from '../support/memory-credential-store';
import { pendingTeamCustomer, teamReseller } from '../support/pending-team-customer';
import { startSmtpTestServer } from '../support/smtp-test-server';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startTeamDatabaseServer } from '../support/team-database';
import { teamReplica } from '../support/team-replica';
import { makeTempDir } from '../support/temp-dir';
import type { ChaosDesktopArguments } from './team-chaos-desktop';

const seed = Number(process.env.CHAOS_SEED ?? 20261204);
const desktopCount = Number(process.env.CHAOS_DESKTOPS ?? 20);
const customerCount = Number(process.env.CHAOS_CUSTOMERS ?? 160);
// Each desktop's selection starts this far after the previous one's and wraps around: every customer is in
// selectionSize / stride selections.
const selectionSize = Number(process.env.CHAOS_SELECTION ?? 32);
const stride = Math.max(1, Math.floor(customerCount / desktopCount));
const limitPerMinute = 500;
const verificationTypes = ['verification-passed', 'verification-partial', 'verification-failed'];

interface Desktop {
  index: number;
  dataDir: string;
  database: TcpProxy;
  simulator: TcpProxy;
  selection: string[];
  process: ChildProcess | null;
  // Since its last start.
  emailed: boolean;
  verified: boolean;
  restarting: boolean;
  killedByUs: boolean;
  synced: number | null;
  recorded: Set<string>;
  errors: string[];
  starts: number;
}

it('20 desktops verify and email overlapping customers once, within the limit, through cuts, kills and faults', async () => {
  console.log(`team chaos: seed ${seed} (CHAOS_SEED=${seed} npm run test:team-chaos replays this schedule)`);
  const random = xoroshiro128plus(seed);
  const between = (from: number, to: number) => uniformInt(random, from, to);
  const temp = makeTempDir('authdesk-chaos-');
  const database = await startTeamDatabaseServer();
  const smtp = await startSmtpTestServer();
  const simulator = await startSimulator();
  const desktops: Desktop[] = [];
  let bundle = '';
  const counts = { databaseCuts: 0, simulatorCuts: 0, kills: 0, bursts429: 0, bursts5xx: 0, drops: 0 };
  try {
    bundle = await bundleChild(
      path.join(temp.dir, 'team-chaos-desktop.cjs'),
      path.join(__dirname, 'team-chaos-desktop.ts'),
    );
    const connection = await database.createDatabase();
    const simulatorPort = Number(new URL(simulator.url).port);

    // Set-up in this process: every desktop in the team with the customers, its profile and its mail server.
    let first: Services | null = null;
    const opened: Services[] = [];
    for (let index = 0; index < desktopCount; index += 1) {
      const dataDir = path.join(temp.dir, `desktop${index}`);
      const databaseProxy = await startTcpProxy({ host: connection.host, port: connection.port });
      const simulatorProxy = await startTcpProxy({ host: '127.0.0.1', port: simulatorPort });
      const services = await createServices(
        {
          dataDir,
          partnerCenterUrl: null,
          simulatorUrl: `http://127.0.0.1:${simulatorProxy.port}`,
          actor: `desktop${index}`,
          version: '0.0.0-chaos',
        },
        { credentials: createMemoryCredentialStore(), workers: false },
      );
      opened.push(services);
      services.partnerProfile.save({
        role: 'indirect-provider',
        organizationName: defaultPartner.name,
        partnerTenantId: defaultPartner.tenantId,
        requireBillingAddress: false,
      });
      await services.resellers.refresh();
      await services.email.settings.save(loopbackEmailSettings(smtp.port, { messagesPerMinute: 10_000 }), null);
      const join = {
        connection: { ...connection, port: databaseProxy.port },
        password: database.password,
        displayName: `Desktop ${index}`,
      };
      if (index === 0) {
        first = services;
        const now = new Date().toISOString();
        services.db.transaction(() => {
          for (let number = 0; number < customerCount; number += 1) {
            insertCustomer(services.db, pendingTeamCustomer(number, now), 'chaos');
          }
        })();
        await services.team.create({ ...join, teamName: 'Chaos team' });
      } else {
        await services.team.join(join);
      }
      desktops.push({
        index,
        dataDir,
        database: databaseProxy,
        simulator: simulatorProxy,
        selection: [],
        process: null,
        emailed: false,
        verified: false,
        restarting: false,
        killedByUs: false,
        synced: null,
        recorded: new Set(),
        errors: [],
        starts: 0,
      });
    }
    const customers = (first as Services).customers.list({ status: 'sent' });
    const pool = customers.map((customer) => customer.id);
    const contacts = customers.map((customer) => customer.contactEmail);
    expect(pool).toHaveLength(customerCount);
    for (const desktop of desktops) {
      desktop.selection = Array.from(
        { length: selectionSize },
        (_, offset) => pool[(desktop.index * stride + offset) % pool.length] as string,
      );
    }
    for (const services of opened) await services.close();
    await simulator.control.addScenarios(
      customers.map((customer) => ({
        domain: onMicrosoftDomain(customer.domainPrefix),
        resellerMpnId: teamReseller.mpnId,
      })),
    );
    await simulator.control.setRateLimit(limitPerMinute);

    let phase: 'email' | 'verify' | 'settle' = 'email';
    const start = (desktop: Desktop) => {
      const input: ChaosDesktopArguments = {
        dataDir: desktop.dataDir,
        simulatorUrl: `http://127.0.0.1:${desktop.simulator.port}`,
        password: database.password,
        actor: `desktop${desktop.index}`,
        selection: desktop.selection,
        verifyAtOnce: phase !== 'email',
      };
      const child = spawn(process.execPath, [bundle, JSON.stringify(input)], {
        env: { ...process.env, NODE_PATH: path.join(repositoryRoot, 'node_modules') },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      Object.assign(desktop, { process: child, emailed: false, verified: false, killedByUs: false, synced: null });
      desktop.starts += 1;
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line === 'emailed') desktop.emailed = true;
        else if (line === 'verified') desktop.verified = true;
        else if (line.startsWith('recorded ')) desktop.recorded.add(line.slice('recorded '.length));
        else if (line.startsWith('synced ')) desktop.synced = Number(line.slice('synced '.length));
        changed();
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code, signal) => {
        if (!(desktop.killedByUs && signal === 'SIGKILL') && code !== 0) {
          desktop.errors.push(`desktop${desktop.index} exited (${code ?? signal}): ${stderr}`);
        }
        if (desktop.process === child) desktop.process = null;
        changed();
      });
    };
    // Resolves the waits below whenever a desktop says something or exits.
    let waiters: (() => void)[] = [];
    const changed = () => {
      const woken = waiters;
      waiters = [];
      woken.forEach((wake) => wake());
    };
    const until = async (condition: () => boolean) => {
      while (!condition()) {
        const failed = desktops.flatMap((desktop) => desktop.errors);
        if (failed.length > 0) throw new Error(failed.join('\n'));
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    };
    const send = (desktop: Desktop, command: string) => desktop.process?.stdin?.write(`${command}\n`);
    for (const desktop of desktops) start(desktop);

    // The schedule: one disturbance every 0.3-0.9 s until both phases are done and enough has happened.
    const restores: Promise<void>[] = [];
    const later = (ms: number, work: () => Promise<void> | void) =>
      restores.push(new Promise<void>((resolve) => setTimeout(resolve, ms)).then(work));
    let events = 0;
    const disturb = async () => {
      events += 1;
      changed();
      const desktop = desktops[between(0, desktops.length - 1)] as Desktop;
      const kind = between(0, 9);
      const lasting = between(1_000, 4_000);
      if (kind <= 2) {
        counts.databaseCuts += 1;
        await desktop.database.cut();
        later(lasting, () => desktop.database.restore().catch(() => undefined));
      } else if (kind <= 4) {
        counts.simulatorCuts += 1;
        await desktop.simulator.cut();
        later(lasting, () => desktop.simulator.restore().catch(() => undefined));
      } else if (kind <= 6) {
        if (!desktop.process || desktop.restarting) return;
        counts.kills += 1;
        desktop.killedByUs = true;
        desktop.restarting = true;
        desktop.process.kill('SIGKILL');
        later(between(200, 1_500), async () => {
          await until(() => desktop.process === null);
          desktop.restarting = false;
          start(desktop);
        });
      } else if (kind === 7) {
        counts.bursts429 += 1;
        await simulator.control.addFault({
          path: '/v1/',
          times: between(5, 20),
          status: 429,
          retryAfterSeconds: 1,
          first: true,
        });
      } else if (kind === 8) {
        counts.bursts5xx += 1;
        await simulator.control.addFault({ path: '/v1/', times: between(3, 10), status: 503, first: true });
      } else {
        counts.drops += 1;
        await simulator.control.addFault({ path: '/v1/', times: between(2, 6), dropConnection: true, first: true });
      }
    };
    let chaos = true;
    const schedule = (async () => {
      while (chaos) {
        await disturb();
        await new Promise((resolve) => setTimeout(resolve, between(300, 900)));
      }
    })();
    const settled = () => desktops.every((desktop) => desktop.process !== null && !desktop.restarting);

    const emailEvents = events;
    await until(() => settled() && desktops.every((desktop) => desktop.emailed) && events >= emailEvents + 10);
    phase = 'verify';
    for (const desktop of desktops) send(desktop, 'verify');
    const verifyEvents = events;
    await until(() => settled() && desktops.every((desktop) => desktop.verified) && events >= verifyEvents + 40);
    chaos = false;
    await schedule;
    phase = 'settle';
    await Promise.all(restores);
    for (const desktop of desktops) {
      await desktop.database.restore().catch(() => undefined);
      await desktop.simulator.restore().catch(() => undefined);
    }
    // Killed at the very end: started again, they verify at once (and find everything done).
    await until(() => settled() && desktops.every((desktop) => desktop.emailed && desktop.verified));

    // Two rounds: after the first, everything is uploaded; after the second, everyone has downloaded it all.
    for (let round = 0; round < 2; round += 1) {
      for (const desktop of desktops) desktop.synced = null;
      for (const desktop of desktops) send(desktop, 'sync');
      await until(() => desktops.every((desktop) => desktop.synced !== null));
    }
    for (const desktop of desktops) send(desktop, 'exit');
    await until(() => desktops.every((desktop) => desktop.process === null));

    const rateLimit = (await simulator.control.state()).rateLimit;
    const replicas = desktops.map((desktop) => {
      const db = new Database(path.join(desktop.dataDir, databaseFileName), { readonly: true });
      try {
        const waiting = (db.prepare('SELECT count(*) AS n FROM team_outbox').get() as { n: number }).n;
        return { waiting, replica: teamReplica(db) };
      } finally {
        db.close();
      }
    });
    const verifications = new Map<string, number>();
    for (const event of replicas[0]?.replica.events as { customer_id: string; type: string }[]) {
      if (verificationTypes.includes(event.type)) {
        verifications.set(event.customer_id, (verifications.get(event.customer_id) ?? 0) + 1);
      }
    }
    const messageIds = new Map<string, Set<string>>();
    smtp.messages.forEach((message, index) => {
      const to = (smtp.recipients[index] ?? [])[0] ?? '';
      messageIds.set(to, (messageIds.get(to) ?? new Set()).add(message.messageId ?? `missing ${index}`));
    });
    const duplicateVerifications = [...verifications.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
    console.log(
      [
        `team chaos: ${desktopCount} desktops (each its own process), ${customerCount} customers, selections of ${selectionSize} (each customer in ${Math.round(selectionSize / stride)})`,
        `disturbances: ${events} (${counts.databaseCuts} database cuts, ${counts.simulatorCuts} simulator cuts, ${counts.kills} SIGKILLs, ${counts.bursts429} 429 bursts, ${counts.bursts5xx} 5xx bursts, ${counts.drops} dropped-connection bursts); starts ${desktops.reduce((sum, desktop) => sum + desktop.starts, 0)}`,
        `simulator: peak ${rateLimit?.peakPerMinute} calls in a sliding minute (limit ${limitPerMinute}), ${rateLimit?.throttled} throttled by its limit, ${(await simulator.control.state()).requestCount} calls in all`,
        `verifications: ${verifications.size} customers, duplicates ${duplicateVerifications}; emails: ${smtp.messages.length} delivered, ${messageIds.size} recipients, ${smtp.messages.length - [...messageIds.values()].reduce((sum, ids) => sum + ids.size, 0)} resent after a kill with the same Message-ID`,
      ].join('\n'),
    );

    expect(rateLimit?.peakPerMinute).toBeLessThanOrEqual(limitPerMinute);
    for (const customerId of pool) expect(verifications.get(customerId), customerId).toBe(1);
    for (const contact of contacts) expect(messageIds.get(contact)?.size, contact).toBe(1);
    expect(messageIds.size).toBe(customerCount);
    for (const desktop of desktops)
      for (const customerId of desktop.recorded) expect(verifications.has(customerId)).toBe(true);
    for (const { waiting } of replicas) expect(waiting).toBe(0);
    const expected = JSON.stringify(replicas[0]?.replica);
    for (const [index, { replica }] of replicas.entries())
      expect(JSON.stringify(replica), `desktop${index}`).toBe(expected);
  } finally {
    for (const desktop of desktops) {
      desktop.killedByUs = true;
      desktop.process?.kill('SIGKILL');
      await desktop.database.close();
      await desktop.simulator.close();
    }
    await smtp.close();
    await simulator.stop();
    await database.stop();
    temp.remove();
  }
}, 1_200_000);
