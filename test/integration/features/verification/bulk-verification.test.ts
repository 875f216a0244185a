// Verify many against a misbehaving Partner Center: with 20% 5xx, 429 bursts and dropped connections in the
// simulator, verify-all over 200 customers completes every verification exactly once (counted in SQLite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBulkOperation } from '../../../../main/features/verification/bulk-operations-repository';
import { seedResellers, startSimulator, type Simulator } from '../../../../sandbox/start-simulator';
import { defaultQueueFilter } from '../../../../shared/domain/queue-query';
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
    expect(error.fieldErrors?.selection).toBe('Choose the customers to verify, or verify all.');
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
    const answer = await call(app, 'verifyCustomers', { all: true });
    const { operationId } = answer;
    atHalfway = null;
    await burst;
    await simulator.control.clearFaults();

    // The window is told the counts and the customers not authorized (with their names); the rest authorized.
    expect(answer).toMatchObject({ total: customerCount, failed: 0 });
    expect(answer.authorized + answer.notAuthorized.length).toBe(customerCount);
    const outcomeOf = new Map<string, string>(ids.map((id) => [id, 'authorized']));
    for (const item of answer.notAuthorized) {
      expect(item.companyName).toMatch(/^Bulk \d+$/);
      outcomeOf.set(item.customerId, 'outcome' in item ? item.outcome : 'error');
    }
    expect(outcomeOf.size).toBe(customerCount);
    const outcomes = [...outcomeOf.values()];
    expect(outcomes).not.toContain('error');
    // 190 accept at once; the ten scripted to accept after five checks are "not yet". A check that kept
    // failing through every retry is reported as unknown, never lost.
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
    expect(authorized.length).toBe(answer.authorized);
  }, 240_000);

  it('verifies chosen customers only, and reports an unknown id without stopping the rest', async () => {
    const chosen = ids.slice(0, 3);
    const answer = await call(app, 'verifyCustomers', {
      selection: { kind: 'customers', customerIds: [...chosen, 'no-such-customer'] },
    });
    expect(answer).toMatchObject({ total: 4, failed: 1 });
    expect(answer.notAuthorized.find((item) => item.customerId === 'no-such-customer')).toEqual({
      customerId: 'no-such-customer',
      companyName: 'no-such-customer',
      error: { code: 'not-found', message: 'This customer does not exist (it may have been removed).' },
    });
  });

  it('verifies every customer a queue filter matches, less the ones unticked, resolved in main', async () => {
    const verifications = (customerId: string) =>
      app.services.db
        .prepare(`SELECT count(*) FROM customer_events WHERE customer_id = ? AND type LIKE 'verification-%'`)
        .pluck()
        .get(customerId) as number;
    const before = ids.slice(0, 12).map(verifications);
    const pushedBefore = app.pushed.length;
    // bulk000 to bulk009, less bulk002.
    const answer = await call(app, 'verifyCustomers', {
      selection: {
        kind: 'filter',
        filter: { ...defaultQueueFilter, status: 'all', search: 'bulk00' },
        except: [ids[2] ?? ''],
      },
    });
    expect(answer.total).toBe(9);
    const progress = app.pushed
      .slice(pushedBefore)
      .filter((push) => push.event === 'operationProgress')
      .map((push) => push.payload as { total: number });
    expect(progress.at(-1)?.total).toBe(9);
    const added = ids.slice(0, 12).map((id, index) => verifications(id) - (before[index] ?? 0));
    expect(added).toEqual([1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
  });
});
