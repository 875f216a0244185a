// npm run bench:verify: 1,000 pending customers verified against the simulator under a configured rate limit.
// Prints the achieved throughput as a fraction of the limit's ceiling, the Partner Center calls per customer
// (with delegated admin to confirm, and again without) and what 10,000 customers take at Partner Center's real
// 500 requests a minute, failed and lost verifications, and the time of a one-at-a-time baseline over the same
// customers in the same run. Figures only: no assertion
// on timings (run through vitest because main's code imports its SQL migrations with Vite's ?raw).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { it } from 'vitest';
import type { Customer } from '../../shared/domain/customer';
import { onMicrosoftDomain } from '../../shared/domain/validation';
import { insertCustomer } from '../../main/features/customers/customers-repository';
import { indirectInvitationUrl } from '../../sandbox/partner-center-routes';
import { defaultPartner, seedResellers } from '../../sandbox/start-simulator';
import { createServices } from '../../main/app/create-services';
import { createMemoryCredentialStore } from '../../test/support/memory-credential-store';
import { simulatorControl } from '../../test/support/simulator-control';
import { makeTempDir } from '../../test/support/temp-dir';

const customerCount = Number(process.env.BENCH_CUSTOMERS ?? 1000);
// 6,000 a minute (100 a second): 3,000 calls take 30 s at the ceiling, so the whole run stays under ~2 minutes.
const requestsPerMinute = Number(process.env.BENCH_REQUESTS_PER_MINUTE ?? 6000);
// Round-trip time of each simulated Partner Center call (a real one is slower still).
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
// The one-at-a-time baseline verifies this many of the same customers again (all 1,000 one by one would take
// longer than the rest of the bench together); its time is also given scaled to the whole set.
const baselineCount = Math.min(customerCount, Number(process.env.BENCH_BASELINE_CUSTOMERS ?? 250));
// Partner Center's own limit on the customer resources, per partner tenant.
const partnerCenterPerMinute = 500;
const minutesFor10000 = (callsPerCustomer: number) => ((callsPerCustomer * 10_000) / partnerCenterPerMinute).toFixed(1);

const reseller = seedResellers[0]!;

function pendingCustomer(index: number, now: string): Customer {
  const prefix = `bench${String(index).padStart(4, '0')}`;
  return {
    id: randomUUID(),
    kind: 'indirect',
    companyName: `Bench ${index}`,
    contactName: 'Bench Contact',
    contactEmail: `it@${prefix}.example`,
    domainPrefix: prefix,
    defaultDomain: null,
    resellerMpnId: reseller.mpnId,
    resellerName: reseller.name,
    includeDelegatedAdmin: true,
    billingAddress: { addressLine1: '1 Main Street', city: 'Reading', postalCode: 'RG1 1AA', country: 'GB' },
    status: 'sent',
    authorizationLink: indirectInvitationUrl(reseller, defaultPartner.tenantId),
    lastVerification: null,
    orderReference: null,
    createdAt: now,
    updatedAt: now,
  };
}

// The simulator in its own process (as `npm run sandbox` runs it), as Partner Center is: its work does not
// eat into the app's time, and the two use the machine's two cores.
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

it('bench: verify 1,000 pending customers under a rate limit', async () => {
  const simulator = await startSimulatorProcess();
  const control = simulatorControl(simulator.url);
  const temp = makeTempDir();
  const services = await createServices(
    {
      dataDir: temp.dir,
      partnerCenterUrl: null,
      simulatorUrl: simulator.url,
      actor: 'bench',
      version: '0.0.0-bench',
      requestsPerMinute,
    },
    { credentials: createMemoryCredentialStore() },
  );
  try {
    const now = new Date().toISOString();
    services.partnerProfile.save({
      role: 'indirect-provider',
      organizationName: defaultPartner.name,
      partnerTenantId: defaultPartner.tenantId,
      requireBillingAddress: false,
    });
    services.db.transaction(() => {
      for (let index = 0; index < customerCount; index += 1) {
        insertCustomer(services.db, pendingCustomer(index, now), 'bench');
      }
    })();
    // The reseller list must be cached so verification can match the reseller's tenant id.
    await services.resellers.refresh();
    // Every customer has accepted everything by the time it is verified.
    await control.addScenarios(
      services.customers.list({ status: 'sent' }).map((customer) => ({
        domain: onMicrosoftDomain(customer.domainPrefix),
        resellerMpnId: reseller.mpnId,
      })),
    );
    // The simulator enforces the same limit (429 + Retry-After past it) and answers after latencyMs.
    await control.addFault({ path: '/v1/', times: 1_000_000_000, delayMs: latencyMs });
    await control.setRateLimit(requestsPerMinute);
    // requestCount counts every request, however few of them the simulator's log still holds.
    const callsBefore = (await control.state()).requestCount;

    const started = performance.now();
    const { results } = await services.bulkVerification.verifyMany({ all: true });
    const elapsedSeconds = (performance.now() - started) / 1000;
    const counters = await control.state();
    const calls = counters.requestCount - callsBefore;
    const throttled = counters.rateLimit?.throttled ?? 0;

    const failed = results.filter((result) => !('outcome' in result) || result.outcome !== 'authorized').length;
    const counts = services.db
      .prepare(`SELECT COUNT(*) AS count FROM customer_events WHERE type LIKE 'verification-%' GROUP BY customer_id`)
      .all() as { count: number }[];
    const verifiedOnce = counts.filter((row) => row.count === 1).length;
    const duplicated = counts.filter((row) => row.count > 1).length;
    const lost = customerCount - counts.length;

    const callsPerCustomer = calls / results.length;
    // The same customers again without delegated admin to confirm: no customer by id, only the listings.
    services.db.prepare('UPDATE customers SET include_delegated_admin = 0').run();
    const withoutDapBefore = (await control.state()).requestCount;
    await services.bulkVerification.verifyMany({ customerIds: results.map((result) => result.customerId) });
    const callsPerCustomerWithoutDap = ((await control.state()).requestCount - withoutDapBefore) / results.length;
    services.db.prepare('UPDATE customers SET include_delegated_admin = 1').run();

    const ceilingCallsPerSecond = requestsPerMinute / 60;
    // The client's token bucket starts full with one second's worth (see rate-limiter.ts).
    const burst = Math.max(1, Math.floor(ceilingCallsPerSecond));
    const achievedCallsPerSecond = calls / elapsedSeconds;
    const ceilingVerificationsPerSecond = ceilingCallsPerSecond / callsPerCustomer;
    const achievedVerificationsPerSecond = results.length / elapsedSeconds;

    // The baseline: the same customers verified one at a time, through the same limiter.
    const baselineStarted = performance.now();
    for (const result of results.slice(0, baselineCount)) {
      const customer = services.customers.get(result.customerId).customer;
      await services.verification.verify(
        customer.id,
        customer.defaultDomain ?? onMicrosoftDomain(customer.domainPrefix),
      );
    }
    const baselineSeconds = (performance.now() - baselineStarted) / 1000;

    const lines = [
      `verify-many bench: ${customerCount} pending indirect customers (reseller + delegated admin)`,
      `calls per customer: ${callsPerCustomer.toFixed(3)} (one by one: 3); without delegated admin: ${callsPerCustomerWithoutDap.toFixed(3)}`,
      `10,000 customers at Partner Center's ${partnerCenterPerMinute} requests/minute: ${minutesFor10000(callsPerCustomer)} min (one by one: ${minutesFor10000(3)} min); without delegated admin: ${minutesFor10000(callsPerCustomerWithoutDap)} min`,
      `rate limit: ${requestsPerMinute} requests/minute (ceiling ${ceilingCallsPerSecond.toFixed(1)} calls/s = ${ceilingVerificationsPerSecond.toFixed(1)} verifications/s); simulated latency ${latencyMs} ms`,
      `bulk: ${elapsedSeconds.toFixed(1)} s, ${calls} calls, ${achievedCallsPerSecond.toFixed(1)} calls/s, ${achievedVerificationsPerSecond.toFixed(1)} verifications/s`,
      `throughput: ${(achievedCallsPerSecond / ceilingCallsPerSecond).toFixed(3)} of the sustained ceiling; ${(calls / (burst + ceilingCallsPerSecond * elapsedSeconds)).toFixed(3)} of the most the limit allows in ${elapsedSeconds.toFixed(1)} s (its one-second burst included)`,
      `throttled by the simulator (429): ${throttled}`,
      `failed: ${failed}, lost: ${lost}, recorded more than once: ${duplicated}, recorded exactly once: ${verifiedOnce}`,
      `one-at-a-time baseline: ${baselineSeconds.toFixed(1)} s for ${baselineCount} customers (${(baselineCount / baselineSeconds).toFixed(1)} verifications/s), ${((baselineSeconds * customerCount) / baselineCount).toFixed(1)} s for all ${customerCount} at that pace; bulk is ${((baselineSeconds * customerCount) / baselineCount / elapsedSeconds).toFixed(1)}x faster`,
    ];
    console.log(`\n${lines.join('\n')}\n`);
  } finally {
    await services.close();
    simulator.stop();
    temp.remove();
  }
}, 300_000);
