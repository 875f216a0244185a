// npm run bench:team: 10 desktops of one team, each its own process on its own SQLite (as users run them), on
// one embedded PostgreSQL, each bulk-email and then bulk-verify 1,000 of 1,450 customers, their selections
// overlapping, against one simulator limited to the tenant's rate. Time is scaled: the desktops and the
// simulator run at BENCH_TEAM_SCALE times the tenant's 500 requests a minute (2 by default: 1,000 a real
// minute), and figures are given back per tenant minute. Prints the combined throughput as a fraction of the
// limit, the peak over any sliding minute (counted by the simulator), duplicate verifications and emails, and
// the time until every replica is equal. Figures only, no assertion; the last line is for scripts.
import { it } from 'vitest';
import { startSimulator } from '../../sandbox/start-simulator';
import { startSmtpTestServer } from '../../test/support/smtp-test-server';
import { startFleet, verificationsPerCustomer, type Fleet } from '../../test/support/team-desktops/desktop-fleet';
import { startTeamDatabaseServer } from '../../test/support/team-database';
import { makeTempDir } from '../../test/support/temp-dir';

const desktopCount = Number(process.env.BENCH_TEAM_DESKTOPS ?? 10);
const perDesktop = Number(process.env.BENCH_TEAM_CUSTOMERS ?? 1000);
// Each desktop's selection starts this far after the previous one's, so the selections overlap.
const offset = Number(process.env.BENCH_TEAM_OFFSET ?? 50);
const scale = Number(process.env.BENCH_TEAM_SCALE ?? 2);
const limitPerMinute = 500;
const realPerMinute = limitPerMinute * scale;
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
const poolSize = perDesktop + offset * (desktopCount - 1);

it('bench: a team of desktop processes verifying and emailing overlapping customers under one rate limit', async () => {
  const temp = makeTempDir('authdesk-team-bench-');
  const database = await startTeamDatabaseServer();
  const smtp = await startSmtpTestServer();
  const simulator = await startSimulator();
  let fleet: Fleet | null = null;
  try {
    const setUpStarted = performance.now();
    const team = await startFleet({
      dir: temp.dir,
      database,
      simulator,
      smtpPort: smtp.port,
      desktops: desktopCount,
      customers: poolSize,
      selectionSize: perDesktop,
      stride: offset,
      requestsPerMinute: realPerMinute,
    });
    fleet = team;
    const setUpSeconds = (performance.now() - setUpStarted) / 1000;
    await simulator.control.addFault({ path: '/v1/', times: 1_000_000_000, delayMs: latencyMs });
    await simulator.control.setRateLimit(realPerMinute);

    // Emails first (verification would authorize the customers, and they would need no invitation).
    const emailsStarted = performance.now();
    for (const desktop of team.desktops) team.start(desktop, false);
    await team.until(() => team.desktops.every((desktop) => desktop.emailed));
    const emailSeconds = (performance.now() - emailsStarted) / 1000;

    const callsBefore = (await simulator.control.state()).requestCount;
    const verifyStarted = performance.now();
    for (const desktop of team.desktops) team.send(desktop, 'verify');
    await team.until(() => team.desktops.every((desktop) => desktop.verified));
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    const state = await simulator.control.state();
    const calls = state.requestCount - callsBefore;

    const convergeStarted = performance.now();
    await team.syncAll();
    await team.exitAll();
    const convergeSeconds = (performance.now() - convergeStarted) / 1000;
    const replicas = team.replicas();
    const first = JSON.stringify(replicas[0]?.replica);
    const converged = replicas.every(({ waiting, replica }) => waiting === 0 && JSON.stringify(replica) === first);

    const verifications = verificationsPerCustomer((replicas[0] as (typeof replicas)[number]).replica);
    const duplicateVerifications = [...verifications.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
    const unverified = team.pool.filter((customerId) => !verifications.has(customerId)).length;
    const recipients = smtp.recipients.flat();
    const duplicateEmails = recipients.length - new Set(recipients).size;
    const throughput = calls / verifySeconds / (realPerMinute / 60);
    // Per tenant minute: the simulator's busiest sliding real minute, at the scaled rate, scaled back.
    const peak = Math.round((state.rateLimit?.peakPerMinute ?? 0) / scale);

    const lines = [
      `team bench: ${desktopCount} desktops (each its own process), each ${perDesktop} of ${poolSize} customers (selections ${offset} apart), one embedded PostgreSQL, the simulator at ${latencyMs} ms latency`,
      `time scale: ${scale}x (the tenant's ${limitPerMinute} requests a minute run as ${realPerMinute} a real minute; figures below are per tenant minute)`,
      `set-up (profiles, team joined, ${poolSize} customers shared to every desktop): ${setUpSeconds.toFixed(1)} s`,
      `bulk email: ${emailSeconds.toFixed(1)} s, ${recipients.length} messages for ${poolSize} customers, duplicates ${duplicateEmails}`,
      `bulk verification: ${verifySeconds.toFixed(1)} s, ${calls} Partner Center calls, ${(calls / verifySeconds).toFixed(1)} calls/s (limit ${(realPerMinute / 60).toFixed(1)}/s), throttled (429) ${state.rateLimit?.throttled ?? 0}`,
      `verified ${verifications.size} customers, unverified ${unverified}, duplicates ${duplicateVerifications}`,
      `throughput ${throughput.toFixed(3)} of the limit; peak ${peak} calls in a sliding tenant minute (limit ${limitPerMinute})`,
      `converged (two sync rounds, every replica equal) ${converged ? `in ${convergeSeconds.toFixed(1)} s` : 'no'}`,
      `bench:team: ${desktopCount} desktops, peak ${peak} calls/min (limit ${limitPerMinute}), throughput ${throughput.toFixed(2)} of limit, duplicate verifications ${duplicateVerifications}, duplicate emails ${duplicateEmails}, converged ${converged ? 'yes' : 'no'}`,
    ];
    console.log(`\n${lines.join('\n')}`);
  } finally {
    await fleet?.close();
    await smtp.close();
    await simulator.stop();
    await database.stop();
    temp.remove();
  }
}, 1_800_000);
