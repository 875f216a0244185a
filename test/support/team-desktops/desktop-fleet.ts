// A team of desktops, each its own process (desktop-process.ts) on its own data folder, for the team chaos run
// and the team bench: set up in this process (profile, mail server, the team joined through a proxy to
// PostgreSQL, the customers shared), then started, told what to do over stdin, waited on through what they
// print, killed and started again. Each desktop reaches PostgreSQL and the simulator through a proxy of its own,
// so a test can cut one desktop off either.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { createServices, databaseFileName, type Services } from '../../../main/app/create-services';
import { insertCustomer } from '../../../main/features/customers/customers-repository';
import { onMicrosoftDomain } from '../../../shared/domain/validation';
import { defaultPartner } from '../../../sandbox/start-simulator';
import type { SandboxControlClient } from '../simulator-control';
import { bundleChild, repositoryRoot } from '../child-bundle';
import { loopbackEmailSettings } from '../loopback-email-settings';
import { createMemoryCredentialStore } from '../memory-credential-store';
import { pendingTeamCustomer, teamReseller } from '../pending-team-customer';
import { startTcpProxy, type TcpProxy } from '../tcp-proxy';
import type { TeamDatabaseServer } from '../team-database';
import { teamReplica } from '../team-replica';
import type { DesktopProcessArguments } from './desktop-process';

export interface FleetOptions {
  dir: string;
  database: TeamDatabaseServer;
  simulator: { url: string; control: SandboxControlClient };
  smtpPort: number;
  desktops: number;
  customers: number;
  // Each desktop's selection: this many customers, starting `stride` after the previous desktop's, wrapping.
  selectionSize: number;
  stride: number;
  // The tenant's limit as the desktops pace it (the bench scales time by raising it).
  requestsPerMinute?: number;
}

export interface FleetDesktop {
  index: number;
  dataDir: string;
  database: TcpProxy;
  simulator: TcpProxy;
  selection: string[];
  process: ChildProcess | null;
  // What it said since its last start.
  emailed: boolean;
  verified: boolean;
  synced: number | null;
  // Customers whose verification it recorded (or found recorded), over all its starts.
  recorded: Set<string>;
  starts: number;
  killed: boolean;
}

export interface Fleet {
  desktops: FleetDesktop[];
  // The customers' ids and their contacts' addresses, in the same order.
  pool: string[];
  contacts: string[];
  // Starts a desktop's process; verifyAtOnce: without waiting to be told.
  start(desktop: FleetDesktop, verifyAtOnce: boolean): void;
  send(desktop: FleetDesktop, command: 'verify' | 'sync' | 'exit'): void;
  kill(desktop: FleetDesktop): Promise<void>;
  // Resolves once the condition holds, checked whenever a desktop says something, exits, or wake() is called;
  // fails as soon as a desktop exits on its own with an error.
  until(condition: () => boolean): Promise<void>;
  wake(): void;
  // Two rounds of sync on every desktop: after the first everything is uploaded, after the second everyone
  // has downloaded it all.
  syncAll(): Promise<void>;
  exitAll(): Promise<void>;
  // Read once every desktop has exited: what each holds of the team's data, and its changes not yet uploaded.
  replicas(): { waiting: number; replica: ReturnType<typeof teamReplica> }[];
  close(): Promise<void>;
}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const bundle = await bundleChild(
    path.join(options.dir, 'desktop-process.cjs'),
    path.join(__dirname, 'desktop-process.ts'),
  );
  const connection = await options.database.createDatabase();
  const simulatorPort = Number(new URL(options.simulator.url).port);
  const desktops: FleetDesktop[] = [];
  const opened: Services[] = [];
  let customers: { id: string; contactEmail: string; domainPrefix: string }[] = [];
  for (let index = 0; index < options.desktops; index += 1) {
    const dataDir = path.join(options.dir, `desktop${index}`);
    const database = await startTcpProxy({ host: connection.host, port: connection.port });
    const simulator = await startTcpProxy({ host: '127.0.0.1', port: simulatorPort });
    const services = await createServices(
      {
        dataDir,
        partnerCenterUrl: null,
        simulatorUrl: `http://127.0.0.1:${simulator.port}`,
        actor: `desktop${index}`,
        version: '0.0.0-fleet',
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
    await services.email.settings.save(loopbackEmailSettings(options.smtpPort, { messagesPerMinute: 10_000 }), null);
    const join = {
      connection: { ...connection, port: database.port },
      password: options.database.password,
      displayName: `Desktop ${index}`,
    };
    if (index === 0) {
      const now = new Date().toISOString();
      services.db.transaction(() => {
        for (let number = 0; number < options.customers; number += 1) {
          insertCustomer(services.db, pendingTeamCustomer(number, now), 'fleet');
        }
      })();
      customers = services.customers.list({ status: 'sent' });
      await services.team.create({ ...join, teamName: 'Fleet' });
    } else {
      await services.team.join(join);
    }
    desktops.push({
      index,
      dataDir,
      database,
      simulator,
      selection: Array.from(
        { length: options.selectionSize },
        (_, offset) => customers[(index * options.stride + offset) % customers.length]?.id as string,
      ),
      process: null,
      emailed: false,
      verified: false,
      synced: null,
      recorded: new Set(),
      starts: 0,
      killed: false,
    });
  }
  for (const services of opened) await services.close();
  // Every customer authorizes their reseller: the first verification of each passes.
  await options.simulator.control.addScenarios(
    customers.map((customer) => ({
      domain: onMicrosoftDomain(customer.domainPrefix),
      resellerMpnId: teamReseller.mpnId,
    })),
  );

  let waiters: (() => void)[] = [];
  const failures: string[] = [];
  const wake = () => {
    const woken = waiters;
    waiters = [];
    woken.forEach((resolve) => resolve());
  };
  const until = async (condition: () => boolean) => {
    while (!condition()) {
      if (failures.length > 0) throw new Error(failures.join('\n'));
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const start = (desktop: FleetDesktop, verifyAtOnce: boolean) => {
    const input: DesktopProcessArguments = {
      dataDir: desktop.dataDir,
      simulatorUrl: `http://127.0.0.1:${desktop.simulator.port}`,
      password: options.database.password,
      actor: `desktop${desktop.index}`,
      selection: desktop.selection,
      verifyAtOnce,
      ...(options.requestsPerMinute ? { requestsPerMinute: options.requestsPerMinute } : {}),
    };
    const child = spawn(process.execPath, [bundle, JSON.stringify(input)], {
      env: { ...process.env, NODE_PATH: path.join(repositoryRoot, 'node_modules') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    Object.assign(desktop, { process: child, emailed: false, verified: false, synced: null, killed: false });
    desktop.starts += 1;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'emailed') desktop.emailed = true;
      else if (line === 'verified') desktop.verified = true;
      else if (line.startsWith('recorded ')) desktop.recorded.add(line.slice('recorded '.length));
      else if (line.startsWith('synced ')) desktop.synced = Number(line.slice('synced '.length));
      wake();
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (!(desktop.killed && signal === 'SIGKILL') && code !== 0) {
        failures.push(`desktop${desktop.index} exited (${code ?? signal}): ${stderr}`);
      }
      if (desktop.process === child) desktop.process = null;
      wake();
    });
  };
  const send = (desktop: FleetDesktop, command: string) => desktop.process?.stdin?.write(`${command}\n`);

  return {
    desktops,
    pool: customers.map((customer) => customer.id),
    contacts: customers.map((customer) => customer.contactEmail),
    start,
    send,
    async kill(desktop) {
      const running = desktop.process;
      if (!running) return;
      desktop.killed = true;
      running.kill('SIGKILL');
      await until(() => desktop.process !== running);
    },
    until,
    wake,
    async syncAll() {
      for (let round = 0; round < 2; round += 1) {
        for (const desktop of desktops) desktop.synced = null;
        for (const desktop of desktops) send(desktop, 'sync');
        await until(() => desktops.every((desktop) => desktop.synced !== null));
      }
    },
    async exitAll() {
      for (const desktop of desktops) send(desktop, 'exit');
      await until(() => desktops.every((desktop) => desktop.process === null));
    },
    replicas: () =>
      desktops.map((desktop) => {
        const db = new Database(path.join(desktop.dataDir, databaseFileName), { readonly: true });
        try {
          const waiting = (db.prepare('SELECT count(*) AS n FROM team_outbox').get() as { n: number }).n;
          return { waiting, replica: teamReplica(db) };
        } finally {
          db.close();
        }
      }),
    async close() {
      for (const desktop of desktops) {
        desktop.killed = true;
        desktop.process?.kill('SIGKILL');
        await desktop.database.close();
        await desktop.simulator.close();
      }
    },
  };
}

const verificationTypes = new Set(['verification-passed', 'verification-partial', 'verification-failed']);

// Verifications recorded per customer in a replica's history.
export function verificationsPerCustomer(replica: ReturnType<typeof teamReplica>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of replica.events as { customer_id: string; type: string }[]) {
    if (verificationTypes.has(event.type)) counts.set(event.customer_id, (counts.get(event.customer_id) ?? 0) + 1);
  }
  return counts;
}
