// The generic outbox worker on a real SQLite database with a hand-driven clock: only registered kinds are
// claimed, unreachable work waits with backoff and resumes when the connection returns, a crash's half-done
// items are recovered, each action completes once, and waiting actions can be retried or cancelled; a kind
// may bring its own retry schedule, cancel an item it no longer wants, stay off the waiting list, and one item
// can be run at once for a user who waits on its outcome (runNow).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../../main/platform/db/connection';
import { enqueueOutbox, claimNextOutbox, getOutbox } from '../../../../main/platform/outbox/outbox-repository';
import {
  createConnectivityMonitor,
  type ConnectivityMonitor,
} from '../../../../main/platform/connectivity/connectivity-monitor';
import {
  createOutboxWorker,
  type OutboxHandler,
  type OutboxWorker,
} from '../../../../main/platform/outbox/outbox-worker';
import { PartnerCenterError } from '../../../../main/microsoft/partner-center/partner-center-error';
import { AppError } from '../../../../shared/ipc/ipc-error';
import { waitingWindowLimit } from '../../../../shared/domain/waiting-action';
import { makeTempDir } from '../../../support/temp-dir';
import { manualClock, type ManualClock } from '../../../support/manual-clock';

const offlineError = () =>
  new PartnerCenterError({ kind: 'network', status: null, code: null, description: null, requestId: 'r' });

describe('outbox worker', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database;
  let clock: ManualClock;
  let reachable: boolean;
  let connectivity: ConnectivityMonitor;
  let worker: OutboxWorker;
  let runs: string[];
  let failNext: (() => Error) | null;
  let attemptWaiters: (() => void)[];

  // Resolves when the worker has recorded the outcome of its next attempt (it announces outboxChanged then):
  // create it before the work starts, await it after.
  const attemptRecorded = () => new Promise<void>((resolve) => attemptWaiters.push(resolve));

  const handler: OutboxHandler = {
    kind: 'test-call',
    needsPartnerCenter: true,
    describe: (item) => ({ customerId: null, label: `Call ${String((item.payload as { n: number }).n)}` }),
    async run({ item, complete }) {
      if (failNext) throw failNext();
      // The effect and the completion in one transaction, as the Partner Center actions do.
      db.transaction(() => {
        runs.push(item.idempotencyKey);
        complete();
      })();
    },
  };

  const enqueue = (n: number) =>
    enqueueOutbox(db, { idempotencyKey: `k${n}`, kind: 'test-call', payload: { n } }, clock.now());

  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(`${temp.dir}/outbox.db`);
    clock = manualClock();
    reachable = true;
    runs = [];
    failNext = null;
    attemptWaiters = [];
    connectivity = createConnectivityMonitor({
      probe: async () => reachable,
      timers: clock.timers,
      onlineProbeMs: 60_000,
      offlineProbeMs: 5_000,
    });
    worker = createOutboxWorker({
      db,
      now: clock.now,
      connectivity,
      timers: clock.timers,
      random: () => 0.5,
      emit: (event) => {
        if (event !== 'outboxChanged') return;
        const waiters = attemptWaiters;
        attemptWaiters = [];
        waiters.forEach((resolve) => resolve());
      },
    });
    worker.register(handler);
  });
  afterEach(async () => {
    connectivity.stop();
    await worker.stop();
    db.close();
    temp.remove();
  });

  it('runs each enqueued action once, and a repeated key lands on the same row', async () => {
    enqueue(1);
    enqueue(2);
    enqueue(1);
    connectivity.start();
    worker.start();
    await worker.idle();
    expect(runs.sort()).toEqual(['k1', 'k2']);
    expect(worker.waiting()).toEqual([]);
  });

  it('leaves kinds it has no handler for to their own worker', async () => {
    enqueueOutbox(db, { idempotencyKey: 'mail-1', kind: 'email', payload: {} }, clock.now());
    enqueue(1);
    worker.start();
    await worker.idle();
    expect(runs).toEqual(['k1']);
    expect(getOutbox(db, 1)?.status).toBe('pending');
  });

  it('waits while Partner Center is unreachable and resumes by itself when it returns', async () => {
    connectivity.start();
    worker.start();
    failNext = offlineError;
    reachable = false;
    enqueue(1);
    const attempted = attemptRecorded();
    worker.wake();
    await attempted;
    expect(connectivity.online).toBe(false);
    expect(worker.waiting()).toMatchObject([{ status: 'waiting', attempts: 1, label: 'Call 1' }]);
    // More work asked for while offline is not even tried: it waits for the connection.
    enqueue(2);
    worker.wake();
    // A minute of failed probes (each awaited by the clock); idle() then says no attempt is under way.
    await clock.advance(60_000);
    await worker.idle();
    expect(worker.waiting().map((action) => action.attempts)).toEqual([1, 0]);
    failNext = null;
    reachable = true;
    // The offline probe notices within its beat; everything waiting goes at once, backoff or not.
    await clock.advance(5_000);
    expect(connectivity.online).toBe(true);
    await worker.idle();
    expect(runs.sort()).toEqual(['k1', 'k2']);
  });

  it('backs off exponentially while the failure may pass by itself', async () => {
    worker.start();
    failNext = () =>
      new PartnerCenterError({ kind: 'server', status: 503, code: null, description: null, requestId: 'r' });
    enqueue(1);
    const attempted = attemptRecorded();
    worker.wake();
    await attempted;
    const first = worker.waiting()[0];
    expect(first?.attempts).toBe(1);
    expect(Date.parse(first?.nextAttemptAt ?? '') - clock.now().getTime()).toBe(5_000);
    const retried = attemptRecorded();
    await clock.advance(5_000);
    await retried;
    const second = worker.waiting()[0];
    expect(second?.attempts).toBe(2);
    expect(Date.parse(second?.nextAttemptAt ?? '') - clock.now().getTime()).toBe(10_000);
  });

  it('fails an action that needs a person, and Retry puts it back in line', async () => {
    worker.start();
    failNext = () => new AppError('partner-center', 'Partner Center refused this call.');
    enqueue(1);
    const attempted = attemptRecorded();
    worker.wake();
    await attempted;
    expect(worker.waiting()).toMatchObject([{ status: 'failed', lastError: 'Partner Center refused this call.' }]);
    // An hour later the worker has nothing due: idle() proves no attempt is under way, and none ran.
    await clock.advance(3_600_000);
    await worker.idle();
    expect(runs).toEqual([]);
    failNext = null;
    const [failed] = worker.waiting();
    worker.retry(failed?.id ?? 0);
    await worker.idle();
    expect(runs).toEqual(['k1']);
  });

  it("lists the oldest waiting actions in a window and counts them all; one customer's and one by id apart", async () => {
    connectivity.start();
    reachable = false;
    await connectivity.probe();
    worker.start();
    const total = waitingWindowLimit + 25;
    for (let n = 1; n <= total; n += 1) enqueue(n);
    const mine = enqueueOutbox(
      db,
      { idempotencyKey: 'mine', kind: 'test-call', payload: { n: 0, customerId: 'customer-7' } },
      clock.now(),
    );
    const window = worker.waiting();
    expect(window).toHaveLength(waitingWindowLimit);
    expect(window.map((action) => action.label).slice(0, 3)).toEqual(['Call 1', 'Call 2', 'Call 3']);
    expect(worker.waitingCount()).toBe(total + 1);
    // The customer's action is past the window, yet its view finds it; an id finds its action until it is done.
    expect(window.some((action) => action.id === mine.id)).toBe(false);
    expect(worker.waitingFor('customer-7').map((action) => action.id)).toEqual([mine.id]);
    expect(worker.waitingFor('customer-8')).toEqual([]);
    expect(worker.waitingAction(mine.id)).toMatchObject({ id: mine.id, status: 'waiting' });
    const cancelled = worker.cancel(mine.id);
    expect(cancelled.waitingCount).toBe(total);
    expect(cancelled.waiting).toHaveLength(waitingWindowLimit);
    expect(worker.waitingAction(mine.id)).toBeNull();
    expect(worker.waitingFor('customer-7')).toEqual([]);
  });

  it('cancels a waiting action so it never runs', async () => {
    connectivity.start();
    reachable = false;
    await connectivity.probe();
    worker.start();
    const item = enqueue(1);
    expect(worker.cancel(item.id)).toEqual({ waiting: [], waitingCount: 0 });
    reachable = true;
    await clock.advance(5_000);
    await worker.idle();
    expect(runs).toEqual([]);
    expect(getOutbox(db, item.id)?.status).toBe('cancelled');
  });

  it('runs a kind registered after start, recovering its half-done items', async () => {
    worker.start();
    enqueueOutbox(db, { idempotencyKey: 'late-1', kind: 'late', payload: {} }, clock.now());
    claimNextOutbox(db, clock.now());
    const ran: string[] = [];
    worker.register({
      kind: 'late',
      needsPartnerCenter: false,
      describe: () => ({ customerId: null, label: 'Late' }),
      run: async ({ item }) => {
        ran.push(item.idempotencyKey);
      },
    });
    await worker.idle();
    expect(ran).toEqual(['late-1']);
  });

  it('recovers an action left running by a crash at the next start, and runs it once', async () => {
    enqueue(1);
    // A previous process claimed it and died before finishing.
    expect(claimNextOutbox(db, clock.now())?.status).toBe('running');
    worker.start();
    await worker.idle();
    expect(runs).toEqual(['k1']);
    expect(getOutbox(db, 1)).toMatchObject({ status: 'done', attempts: 2 });
  });

  describe('a kind with its own rules (as email has)', () => {
    let attempts: string[];
    let failWith: (() => Error) | null;
    let wanted: boolean;
    const slowError = () => Object.assign(new Error('Mailbox busy'), { slow: true });

    beforeEach(() => {
      attempts = [];
      failWith = null;
      wanted = true;
      worker.register({
        kind: 'slow-call',
        needsPartnerCenter: false,
        listedAsWaiting: false,
        retry: {
          schedule: { delaysMs: [60_000, 600_000], jitter: 0, maxAttempts: 3 },
          isTransient: (error) => error instanceof Error && 'slow' in error,
        },
        describe: () => ({ customerId: null, label: 'Slow call' }),
        async run({ item, cancel }) {
          attempts.push(item.idempotencyKey);
          if (!wanted) {
            cancel();
            return;
          }
          if (failWith) throw failWith();
        },
      });
    });
    const enqueueSlow = (key: string) =>
      enqueueOutbox(db, { idempotencyKey: key, kind: 'slow-call', payload: {} }, clock.now());

    it('retries on its own schedule and gives up after its last attempt', async () => {
      worker.start();
      failWith = slowError;
      const item = enqueueSlow('s1');
      expect((await worker.runNow(item.id)).item).toMatchObject({ status: 'pending', attempts: 1 });
      expect(Date.parse(getOutbox(db, item.id)?.nextAttemptAt ?? '') - clock.now().getTime()).toBe(60_000);
      await clock.advance(60_000);
      expect(getOutbox(db, item.id)).toMatchObject({ status: 'pending', attempts: 2 });
      expect(Date.parse(getOutbox(db, item.id)?.nextAttemptAt ?? '') - clock.now().getTime()).toBe(600_000);
      await clock.advance(600_000);
      expect(getOutbox(db, item.id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'Mailbox busy' });
      expect(attempts).toEqual(['s1', 's1', 's1']);
    });

    it('runs an item now, ahead of its backoff, and answers with the attempt it ran', async () => {
      worker.start();
      failWith = slowError;
      const item = enqueueSlow('s2');
      await worker.runNow(item.id);
      failWith = null;
      // Waiting out its minute; the user asks again: it goes now and the answer is this attempt's.
      const outcome = await worker.runNow(item.id);
      expect(outcome).toMatchObject({ ran: true, item: { status: 'done', attempts: 2 } });
      // Finished: nothing runs twice.
      expect(await worker.runNow(item.id)).toMatchObject({ ran: false, item: { status: 'done' } });
      expect(attempts).toEqual(['s2', 's2']);
      await expect(worker.runNow(9_999)).rejects.toMatchObject({ code: 'not-found' });
    });

    it('tells a second caller that the item is already running', async () => {
      worker.start();
      const item = enqueueSlow('s3');
      const first = worker.runNow(item.id);
      expect(await worker.runNow(item.id)).toMatchObject({ ran: false, item: { status: 'running' } });
      expect(await first).toMatchObject({ ran: true, item: { status: 'done' } });
    });

    it('ends an item the handler no longer wants as cancelled, not done', async () => {
      worker.start();
      wanted = false;
      const item = enqueueSlow('s4');
      expect(await worker.runNow(item.id)).toMatchObject({ ran: true, item: { status: 'cancelled' } });
    });

    it('keeps its items off the "waiting for a connection" list, and its backoff when Partner Center returns', async () => {
      connectivity.start();
      worker.start();
      failWith = slowError;
      const item = enqueueSlow('s5');
      await worker.runNow(item.id);
      enqueue(1);
      failNext = offlineError;
      reachable = false;
      worker.wake();
      await clock.advance(0);
      expect(worker.waiting().map((action) => action.kind)).toEqual(['test-call']);
      failNext = null;
      reachable = true;
      await clock.advance(5_000);
      expect(runs).toEqual(['k1']);
      expect(getOutbox(db, item.id)).toMatchObject({ status: 'pending', attempts: 1 });
    });

    it('refuses to run an item once stopped', async () => {
      const item = enqueueSlow('s6');
      await expect(worker.runNow(item.id)).rejects.toBeInstanceOf(AppError);
      expect(attempts).toEqual([]);
    });
  });
});
