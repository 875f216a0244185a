// npm run test:team-chaos: 20 desktops of one team, each its own process on its own SQLite, share one
// PostgreSQL and one simulator limited to the tenant's 500 requests a minute. All bulk-email, then bulk-verify,
// selections that overlap (each customer is in four), while a seeded schedule cuts desktops off the database
// and off the simulator, SIGKILLs desktops and starts them again, and makes the simulator answer bursts of 429s,
// 5xx and dropped connections. Afterwards: the simulator never saw more than its limit in any sliding minute,
// every customer has exactly one verification and one invitation (one Message-ID), every desktop uploaded all
// it committed, and all replicas are equal. CHAOS_SEED replays a run's schedule; the seed is printed first.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { expect, it } from 'vitest';
import { startSimulator } from '../../sandbox/start-simulator';
import { startSmtpTestServer } from '../support/smtp-test-server';
import {
  startFleet,
  verificationsPerCustomer,
  type Fleet,
  type FleetDesktop,
} from '../support/team-desktops/desktop-fleet';
import { startTeamDatabaseServer } from '../support/team-database';
import { makeTempDir } from '../support/temp-dir';

const seed = Number(process.env.CHAOS_SEED ?? 20261204);
const desktopCount = Number(process.env.CHAOS_DESKTOPS ?? 20);
const customerCount = Number(process.env.CHAOS_CUSTOMERS ?? 160);
const selectionSize = Number(process.env.CHAOS_SELECTION ?? 32);
const stride = Math.max(1, Math.floor(customerCount / desktopCount));
const limitPerMinute = 500;

it('20 desktops verify and email overlapping customers once, within the limit, through cuts, kills and faults', async () => {
  console.log(`team chaos: seed ${seed} (CHAOS_SEED=${seed} npm run test:team-chaos replays this schedule)`);
  const random = xoroshiro128plus(seed);
  const between = (from: number, to: number) => uniformInt(random, from, to);
  const temp = makeTempDir('authdesk-chaos-');
  const database = await startTeamDatabaseServer();
  const smtp = await startSmtpTestServer();
  const simulator = await startSimulator();
  let fleet: Fleet | null = null;
  const counts = { databaseCuts: 0, simulatorCuts: 0, kills: 0, bursts429: 0, bursts5xx: 0, drops: 0 };
  try {
    const team = await startFleet({
      dir: temp.dir,
      database,
      simulator,
      smtpPort: smtp.port,
      desktops: desktopCount,
      customers: customerCount,
      selectionSize,
      stride,
    });
    fleet = team;
    await simulator.control.setRateLimit(limitPerMinute);
    let phase: 'email' | 'verify' = 'email';
    for (const desktop of team.desktops) team.start(desktop, false);

    // The schedule: one disturbance every 0.3-0.9 s until both phases are done and enough has happened.
    const restores: Promise<void>[] = [];
    const restarting = new Set<FleetDesktop>();
    const later = (ms: number, work: () => Promise<void>) =>
      restores.push(new Promise<void>((resolve) => setTimeout(resolve, ms)).then(work));
    let events = 0;
    const disturb = async () => {
      events += 1;
      team.wake();
      const desktop = team.desktops[between(0, team.desktops.length - 1)] as FleetDesktop;
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
        if (!desktop.process || restarting.has(desktop)) return;
        counts.kills += 1;
        restarting.add(desktop);
        await team.kill(desktop);
        later(between(200, 1_500), async () => {
          restarting.delete(desktop);
          team.start(desktop, phase === 'verify');
        });
      } else if (kind === 7) {
        counts.bursts429 += 1;
        const times = between(5, 20);
        await simulator.control.addFault({ path: '/v1/', times, status: 429, retryAfterSeconds: 1, first: true });
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
    const running = () => team.desktops.every((desktop) => desktop.process !== null && !restarting.has(desktop));

    const emailEvents = events;
    await team.until(
      () => running() && team.desktops.every((desktop) => desktop.emailed) && events >= emailEvents + 10,
    );
    phase = 'verify';
    for (const desktop of team.desktops) team.send(desktop, 'verify');
    const verifyEvents = events;
    await team.until(
      () => running() && team.desktops.every((desktop) => desktop.verified) && events >= verifyEvents + 40,
    );
    chaos = false;
    await schedule;
    await Promise.all(restores);
    for (const desktop of team.desktops) {
      await desktop.database.restore().catch(() => undefined);
      await desktop.simulator.restore().catch(() => undefined);
    }
    // Killed at the very end: started again, they verify at once (and find everything done).
    await team.until(() => running() && team.desktops.every((desktop) => desktop.emailed && desktop.verified));
    await team.syncAll();
    await team.exitAll();

    const state = await simulator.control.state();
    const replicas = team.replicas();
    const verifications = verificationsPerCustomer((replicas[0] as (typeof replicas)[number]).replica);
    const messageIds = new Map<string, Set<string>>();
    smtp.messages.forEach((message, index) => {
      const to = smtp.recipients[index]?.[0] ?? '';
      messageIds.set(to, (messageIds.get(to) ?? new Set()).add(message.messageId ?? `none ${index}`));
    });
    const distinctMessages = [...messageIds.values()].reduce((sum, ids) => sum + ids.size, 0);
    const duplicates = [...verifications.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
    const starts = team.desktops.reduce((sum, desktop) => sum + desktop.starts, 0);
    console.log(
      [
        `team chaos: ${desktopCount} desktops (each its own process), ${customerCount} customers, selections of ${selectionSize} (each customer in ${Math.round(selectionSize / stride)})`,
        `disturbances: ${events} (${counts.databaseCuts} database cuts, ${counts.simulatorCuts} simulator cuts, ${counts.kills} SIGKILLs, ${counts.bursts429} 429 bursts, ${counts.bursts5xx} 5xx bursts, ${counts.drops} dropped-connection bursts); ${starts} desktop starts`,
        `simulator: peak ${state.rateLimit?.peakPerMinute} calls in a sliding minute (limit ${limitPerMinute}), ${state.rateLimit?.throttled} throttled by its limit, ${state.requestCount} calls in all`,
        `verifications: ${verifications.size} customers, duplicates ${duplicates}; emails: ${smtp.messages.length} delivered to ${messageIds.size} customers, ${distinctMessages} distinct Message-IDs (${smtp.messages.length - distinctMessages} resent after a kill between the server's "accepted" and its record)`,
      ].join('\n'),
    );

    expect(state.rateLimit?.peakPerMinute).toBeLessThanOrEqual(limitPerMinute);
    for (const customerId of team.pool) expect(verifications.get(customerId), customerId).toBe(1);
    expect(messageIds.size).toBe(customerCount);
    for (const contact of team.contacts) expect(messageIds.get(contact)?.size, contact).toBe(1);
    for (const desktop of team.desktops) {
      for (const customerId of desktop.recorded) expect(verifications.has(customerId), customerId).toBe(true);
    }
    for (const { waiting } of replicas) expect(waiting).toBe(0);
    const expected = JSON.stringify(replicas[0]?.replica);
    for (const [index, { replica }] of replicas.entries()) {
      expect(JSON.stringify(replica), `desktop${index}`).toBe(expected);
    }
  } finally {
    await fleet?.close();
    await smtp.close();
    await simulator.stop();
    await database.stop();
    temp.remove();
  }
}, 1_200_000);
