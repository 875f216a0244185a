// npm run bench:team: 10 desktops of one team (10 service instances in this process, each with its own SQLite,
// on one embedded PostgreSQL) each bulk-email and then bulk-verify 1,000 of 1,450 customers, their selections
// overlapping, against one simulator (its own process) limited to the tenant's rate. Time is scaled: the limit
// is 500 requests per scaled minute, a scaled minute being 60 s / BENCH_TEAM_SCALE (10 by default: 6 s, so 5,000
// requests per real minute). Prints the combined throughput as a fraction of the limit, the peak rate over any
// scaled minute (the simulator's request count sampled every 100 ms), duplicate verifications and emails, and
// the time until every replica is equal. Figures only, no assertion; the last line is for scripts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { it } from 'vitest';
import { onMicrosoftDomain } from '../../shared/domain/validation';
import { insertCustomer } from '../../main/features/customers/customers-repository';
import { defaultPartner } from '../../sandbox/start-simulator';
import { pendingTeamCustomer, teamReseller } from '../../test/support/pending-team-customer';
import { createServices, type Services } from '../../main/app/create-services';
import { createMemoryCredentialStore } from '../../test/support/memory-credential-store';
import { simulatorControl } from '../../test/support/simulator-control';
import { makeTempDir } from '../../test/support/temp-dir';
import { startTeamDatabaseServer } from '../../test/support/team-database';
import { teamReplica } from '../../test/support/team-replica';
import { loopbackEmailSettings } from '../../test/support/loopback-email-settings';
import { startSmtpTestServer } from '../../test/support/smtp-test-server';

const desktopCount = Number(process.env.BENCH_TEAM_DESKTOPS ?? 10);
const perDesktop = Number(process.env.BENCH_TEAM_CUSTOMERS ?? 1000);
// Each desktop's selection starts this far after the previous one's, so the selections overlap.
const offset = Number(process.env.BENCH_TEAM_OFFSET ?? 50);
const scale = Number(process.env.BENCH_TEAM_SCALE ?? 10);
const limitPerMinute = 500;
const realPerMinute = limitPerMinute * scale;
const windowMs = 60_000 / scale;
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
const poolSize = perDesktop + offset * (desktopCount - 1);
const reseller = teamReseller;

async function startSimulatorProcess(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`The simulator exited (${code}): ${output}`)));
  });
  return { url, stop: () => child.kill() };
}

const equalReplicas = (desktops: Services[]) => {
  const first = JSON.stringify(teamReplica((desktops[0] as Services).db));
  return desktops.every((services) => JSON.stringify(teamReplica(services.db)) === first);
};

it('bench: a team of desktops verifying and emailing overlapping customers under one rate limit', async () => {
  const simulator = await startSimulatorProcess();
  const control = simulatorControl(simulator.url);
  const database = await startTeamDatabaseServer();
  const smtp = await startSmtpTestServer();
  const temps: { remove(): void }[] = [];
  const desktops: Services[] = [];
  try {
    const connection = await database.createDatabase();
    for (let index = 0; index < desktopCount; index += 1) {
      const temp = makeTempDir();
      temps.push(temp);
      const services = await createServices(
        {
          dataDir: temp.dir,
          partnerCenterUrl: null,
          simulatorUrl: simulator.url,
          actor: `member${index}`,
          version: '0.0.0-bench',
          requestsPerMinute: realPerMinute,
        },
        { credentials: createMemoryCredentialStore(), offline: { background: false } },
      );
      desktops.push(services);
      services.partnerProfile.save({
        role: 'indirect-provider',
        organizationName: defaultPartner.name,
        partnerTenantId: defaultPartner.tenantId,
        requireBillingAddress: false,
      });
      const join = { connection, password: database.password, displayName: `Member ${index}` };
      if (index === 0) await services.team.create({ ...join, teamName: 'Bench team' });
      else await services.team.join(join);
      await services.resellers.refresh();
      await services.email.settings.save(loopbackEmailSettings(smtp.port, { messagesPerMinute: 10_000 }), null);
    }
    const first = desktops[0] as Services;
    const now = new Date().toISOString();
    first.db.transaction(() => {
      for (let index = 0; index < poolSize; index += 1)
        insertCustomer(first.db, pendingTeamCustomer(index, now), 'bench');
    })();
    const pool = first.customers.list({ status: 'sent' }).map((customer) => customer.id);
    const syncStarted = performance.now();
    for (let round = 0; round < 3; round += 1) for (const services of desktops) await services.team.syncNow();
    const sharedSeconds = (performance.now() - syncStarted) / 1000;
    for (const services of desktops) await services.teamCoordination.heartbeat();

    await control.addScenarios(
      first.customers.list({ status: 'sent' }).map((customer) => ({
        domain: onMicrosoftDomain(customer.domainPrefix),
        resellerMpnId: reseller.mpnId,
      })),
    );
    await control.addFault({ path: '/v1/', times: 1_000_000_000, delayMs: latencyMs });
    await control.setRateLimit(realPerMinute);
    const selection = (index: number) => pool.slice(index * offset, index * offset + perDesktop);

    // Emails first (verification would authorize the customers, and they would need no invitation).
    const emailsStarted = performance.now();
    await Promise.all(
      desktops.map((services, index) =>
        services.email.send.sendBulk(
          `bench-email-${index}`,
          selection(index).map((customerId) => ({
            customerId,
            template: 'invitation' as const,
            step: `bench-${index}`,
          })),
          'send-email',
        ),
      ),
    );
    const emailSeconds = (performance.now() - emailsStarted) / 1000;

    // Verification, sampled: the simulator's running count of Partner Center calls every 100 ms.
    const samples: { at: number; count: number }[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        samples.push({ at: performance.now(), count: (await control.state()).requestCount });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const verifyStarted = performance.now();
    const results = await Promise.all(
      desktops.map((services, index) => services.bulkVerification.verifyMany({ customerIds: selection(index) })),
    );
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    sampling = false;
    await sampler;
    samples.push({ at: performance.now(), count: (await control.state()).requestCount });
    const calls = (samples.at(-1)?.count ?? 0) - (samples[0]?.count ?? 0);
    let peak = 0;
    for (const [index, sample] of samples.entries()) {
      for (const later of samples.slice(index + 1)) {
        if (later.at - sample.at > windowMs) break;
        peak = Math.max(peak, later.count - sample.count);
      }
    }
    const throttled = (await control.state()).rateLimit?.throttled ?? 0;

    const convergeStarted = performance.now();
    const deadline = convergeStarted + 120_000;
    let converged = false;
    while (!converged && performance.now() < deadline) {
      for (const services of desktops) await services.team.syncNow();
      converged = equalReplicas(desktops);
    }
    const convergeSeconds = (performance.now() - convergeStarted) / 1000;

    const verifications = first.db
      .prepare(
        `SELECT customer_id AS id, COUNT(*) AS count FROM customer_events
         WHERE type IN ('verification-passed', 'verification-partial', 'verification-failed') GROUP BY customer_id`,
      )
      .all() as { id: string; count: number }[];
    const duplicateVerifications = verifications.reduce((sum, row) => sum + Math.max(0, row.count - 1), 0);
    const unverified = pool.length - verifications.length;
    const recipients = smtp.recipients.flat();
    const duplicateEmails = recipients.length - new Set(recipients).size;
    const skippedForTeam = results
      .flatMap((result) => result.results)
      .filter((item) => 'error' in item && item.error.code === 'conflict').length;
    const throughput = (calls / (verifySeconds * 1000)) * (60_000 / realPerMinute);
    const peakPerScaledMinute = peak;

    const lines = [
      `team bench: ${desktopCount} desktops, each ${perDesktop} of ${pool.length} customers (selections ${offset} apart), one embedded PostgreSQL, simulator in its own process (${latencyMs} ms latency)`,
      `time scale: ${scale}x (the tenant's ${limitPerMinute} requests a minute = ${realPerMinute} per real minute; a scaled minute is ${(windowMs / 1000).toFixed(1)} s)`,
      `shared the customers to every desktop: ${sharedSeconds.toFixed(1)} s`,
      `bulk email: ${emailSeconds.toFixed(1)} s, ${recipients.length} messages for ${pool.length} customers, duplicates ${duplicateEmails}`,
      `bulk verification: ${verifySeconds.toFixed(1)} s, ${calls} Partner Center calls, ${(calls / verifySeconds).toFixed(1)} calls/s (limit ${(realPerMinute / 60).toFixed(1)}/s), throttled (429) ${throttled}`,
      `verified ${verifications.length} customers, unverified ${unverified}, duplicates ${duplicateVerifications}; ${skippedForTeam} selections left to the desktop that had them`,
      `throughput ${throughput.toFixed(3)} of the limit; peak ${peakPerScaledMinute} calls in a scaled minute (limit ${limitPerMinute})`,
      `converged (every replica equal) ${converged ? `after ${convergeSeconds.toFixed(1)} s` : 'not within 120 s'}`,
      `bench:team: ${desktopCount} desktops, peak ${peakPerScaledMinute} calls/min (limit ${limitPerMinute}), throughput ${throughput.toFixed(2)} of limit, duplicate verifications ${duplicateVerifications}, duplicate emails ${duplicateEmails}, converged ${converged ? 'yes' : 'no'}`,
    ];
    console.log(`\n${lines.join('\n')}`);
  } finally {
    for (const services of desktops) await services.close().catch(() => undefined);
    await smtp.close();
    await database.stop();
    simulator.stop();
    for (const temp of temps) temp.remove();
  }
}, 900_000);
