// Verify many against a misbehaving Partner Center: with 20% 5xx, 429 bursts and dropped connections in the
// simulator, verify-all over 200 customers completes every verification exactly once (counted in SQLite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBulkOperation } from '../../../../main/features/verification/bulk-operations-repository';
import { seedResellers, startSimulator, type Simulator } from '../../../../sandbox/start-simulator';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { startTestApp, type TestApp } from '../../../support/test-app';

const customerCount = 200;
const fabrikam = seedResellers[0]!;

describe('verify many', () => {
  let simulator: Simulator;
  let app: TestApp;
  const ids: string[] = [];
  // Run once when verify-all reports half its customers done (then cleared).
  let atHalfway: (() => void) | null = null;

  beforeAll(async () => {
    simulator = await startSimulator();
    // Fast enough for a test; the pacing itself is the bench's and the rate limiter's business.
    app = await startTestApp({
      simulatorUrl: simulator.url,
      requestsPerMinute: 60_000,
      onPush: (event, payload) => {
        if (event !== 'operationProgress' || (payload as { done: number }).done < customerCount / 2) return;
        const act = atHalfway;
        atHalfway = null;
        act?.();
      },
    });
    await call(app, 'savePartnerProfile', distributorProfile);
    for (let index = 0; index < customerCount; index += 1) {
      const prefix = `bulk${String(index).padStart(3, '0')}`;
      const created = await call(
        app,
        'createCustomer',
        indirectDetails({ companyName: `Bulk ${index}`, domainPrefix: prefix }),
      );
      expect(created.linkError).toBeNull();
      await call(app, 'recordHandOff', { customerId: created.detail.customer.id, channel: 'copy-link' });
      ids.push(created.detail.customer.id);
    }
    // Every customer accepts fully, except one in twenty scripted to accept only after five checks: this run
    // records those as a normal "not yet".
    await simulator.control.addScenarios(
      ids.map((_, index) => ({
        domain: `bulk${String(index).padStart(3, '0')}.onmicrosoft.com`,
        resellerMpnId: fabrikam.mpnId,
        acceptAfterChecks: index % 20 === 0 ? 5 : 0,
      })),
    );
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await simulator.stop();
  });

  it('refuses an empty request with a clear message', async () => {
    const error = await callError(app, 'verifyCustomers', {});
    expect(error.code).toBe('invalid-request');
    expect(error.fieldErrors?.customerIds).toBe('Choose the customers to verify, or verify all.');
  });

  it('completes every verification exactly once through 5xx, 429 bursts and dropped connections', async () => {
    await simulator.control.clearRequestLog();
    const faults = [
      { path: '/v1/', times: 10, status: 429, retryAfterSeconds: 1 },
      { path: '/v1/', times: 25, dropConnection: true, probability: 0.05 },
      { path: '/v1/', times: 1_000_000, status: 503, probability: 0.2 },
    ];
    for (const fault of faults) await simulator.control.addFault(fault);
    // A second throttling burst in the middle of the run: when half the customers are done, not after 1.5 s.
    let burst: Promise<unknown> | null = null;
    atHalfway = () => {
      burst = simulator.control.addFault({ path: '/v1/', times: 15, status: 429, retryAfterSeconds: 1, first: true });
    };
    const pushedBefore = app.pushed.length;
    const { operationId, results } = await call(app, 'verifyCustomers', { all: true });
    atHalfway = null;
    await burst;
    await simulator.control.clearFaults();

    expect(results).toHaveLength(customerCount);
    expect(new Set(results.map((result) => result.customerId))).toEqual(new Set(ids));
    const errors = results.filter((result) => 'error' in result);
    expect(errors).toEqual([]);
    const outcomes = results.map((result) => ('outcome' in result ? result.outcome : 'error'));
    // 190 accept at once; the ten scripted to accept after five checks are "not yet". A check that kept
    // failing through every retry is reported as unknown, never lost.
    const outcomeOf = new Map(
      results.map((result) => [result.customerId, 'outcome' in result ? result.outcome : 'error']),
    );
    const scripted = ids.filter((_, index) => index % 20 === 0);
    const atOnce = ids.filter((_, index) => index % 20 !== 0);
    for (const id of scripted) expect(['not-authorized', 'unknown']).toContain(outcomeOf.get(id));
    for (const id of atOnce) expect(['authorized', 'unknown']).toContain(outcomeOf.get(id));
    expect(outcomes.filter((outcome) => outcome === 'not-authorized').length).toBeGreaterThan(7);
    expect(outcomes.filter((outcome) => outcome === 'authorized').length).toBeGreaterThan(180);

    // Exactly one verification event per customer in SQLite.
    const counts = app.services.db
      .prepare(
        `SELECT customer_id AS customerId, COUNT(*) AS count FROM customer_events
         WHERE type LIKE 'verification-%' GROUP BY customer_id`,
      )
      .all() as { customerId: string; count: number }[];
    expect(counts).toHaveLength(customerCount);
    expect(counts.every((row) => row.count === 1)).toBe(true);

    // The faults really happened.
    const { requestCount: statuses } = await simulator.control.requestLog();
    expect(statuses).toBeGreaterThan(customerCount * 3);

    const progress = app.pushed
      .slice(pushedBefore)
      .filter((push) => push.event === 'operationProgress')
      .map((push) => push.payload as { operationId: string; done: number; total: number; failed: number });
    expect(progress.every((event) => event.operationId === operationId)).toBe(true);
    expect(progress.at(0)).toMatchObject({ done: 0, total: customerCount });
    expect(progress.at(-1)).toMatchObject({ done: customerCount, total: customerCount, failed: 0 });
    expect(progress).toHaveLength(customerCount + 1);

    // The run left its trace.
    expect(getBulkOperation(app.services.db, operationId)).toMatchObject({
      kind: 'verify',
      actor: 'tester',
      total: customerCount,
      done: customerCount,
      failed: 0,
    });
    expect(getBulkOperation(app.services.db, operationId)?.finishedAt).not.toBeNull();

    const authorized = await call(app, 'listCustomers', { status: 'authorized' });
    expect(authorized.length).toBe(outcomes.filter((outcome) => outcome === 'authorized').length);
  }, 240_000);

  it('verifies chosen customers only, and reports an unknown id without stopping the rest', async () => {
    const chosen = ids.slice(0, 3);
    const { results } = await call(app, 'verifyCustomers', { customerIds: [...chosen, 'no-such-customer'] });
    expect(results.slice(0, 3).every((result) => 'outcome' in result)).toBe(true);
    expect(results[3]).toEqual({
      customerId: 'no-such-customer',
      error: { code: 'not-found', message: 'This customer does not exist (it may have been removed).' },
    });
  });
});
