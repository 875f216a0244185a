// The generic durable outbox worker: actions recorded in the outbox table (get a link, verify, and whatever
// other features register, such as SMTP sends) are claimed and run here, a few at a time, or one at once when a
// user waits on it (runNow). An action whose call could not reach its service waits out its kind's retry
// schedule (outbox-backoff.ts), and a Partner Center one goes again at once when connectivity returns; one that
// needs a person (refused, invalid, out of attempts) fails and waits for "Retry" or "Cancel".
// Handlers complete their item inside the same transaction as their effect, so a crash either loses the
// whole attempt (the item is recovered to pending at the next start) or keeps it whole: each runs once. Each
// item being run is leased to this worker (outbox-lease.ts), so another process (the CLI beside the app)
// never takes back an item this one is still running.
import type { Database } from 'better-sqlite3';
import type { PushEvent, PushPayloadOf } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/ipc-error';
import { MicrosoftHttpError } from '../http/microsoft-http-error';
import {
  cancelClaimedOutbox,
  cancelOutbox,
  claimNextOutboxOfKinds,
  claimOutboxById,
  completeOutbox,
  failOutbox,
  getOutbox,
  countUnfinishedOutbox,
  listUnfinishedOutbox,
  unfinishedOutboxForCustomer,
  nextDueOutboxAt,
  recoverRunningOutbox,
  renewOutboxLeases,
  retryOutboxNow,
  wakePendingOutbox,
  type OutboxItem,
} from './outbox-repository';
import type { ConnectivityMonitor } from '../connectivity/connectivity-monitor';
import { meansOffline } from '../connectivity/connectivity-monitor';
import { realTimers, type TimerHandle, type Timers } from '../clock/timers';
import { backoffDelay, defaultRetrySchedule, mayRetry, type RetrySchedule } from './outbox-backoff';
import { createLeaseOwner, isAbandoned } from './outbox-lease';
import { waitingWindowLimit, type WaitingAction, type WaitingWindow } from '../../../shared/domain/waiting-action';

export interface OutboxRunContext {
  item: OutboxItem;
  // Marks the item done; call it inside the transaction that records the action's effect. A note says how it
  // was done when this desktop did not do it itself (another desktop of the team had already).
  complete(note?: string): void;
  // The action is no longer wanted and nothing was done (an invitation to a customer who has authorized since):
  // the item ends cancelled instead of done.
  cancel(): void;
}

export interface OutboxHandler {
  kind: string;
  // Actions that call Partner Center wait while it is unreachable instead of failing one by one.
  needsPartnerCenter: boolean;
  describe(item: OutboxItem): { customerId: string | null; label: string };
  run(context: OutboxRunContext): Promise<void>;
  // Which failures may pass by themselves, and on what schedule they are tried again; by default isTransient
  // below and the Partner Center schedule.
  retry?: {
    schedule: RetrySchedule;
    isTransient(error: unknown): boolean;
    // A failure that waits on something else than the handler's usual trouble (email waiting for the team
    // database rather than for a mail server): its own schedule.
    scheduleFor?(error: unknown): RetrySchedule | null;
  };
  // false: kept out of the "waiting for a connection" list, for a kind with a list and Retry of its own (email).
  listedAsWaiting?: boolean;
}

// What runNow found: ran false means the item was not waiting (already running, finished or cancelled).
export interface OutboxRunNowOutcome {
  ran: boolean;
  // The item as it stands once the attempt ended.
  item: OutboxItem;
}

export interface OutboxWorker {
  register(handler: OutboxHandler): void;
  start(): void;
  stop(): Promise<void>;
  // Something was enqueued or changed: look for due work now.
  wake(): void;
  // Runs one waiting item at once, ahead of its turn and its backoff, and resolves when that attempt has ended:
  // for a user who waits on the outcome ("Send"). Recovery, retries and shutdown treat it like any other run.
  runNow(id: number): Promise<OutboxRunNowOutcome>;
  // The oldest waiting actions (at most waitingWindowLimit) and how many wait in all.
  waiting(): WaitingAction[];
  waitingCount(): number;
  // One customer's waiting actions, and one action by id (null once it no longer waits).
  waitingFor(customerId: string): WaitingAction[];
  waitingAction(id: number): WaitingAction | null;
  retry(id: number): WaitingWindow;
  cancel(id: number): WaitingWindow;
  // Resolves once nothing is running and nothing is due (tests and the CLI use it).
  idle(): Promise<void>;
}

export interface OutboxWorkerOptions {
  db: Database;
  now: () => Date;
  connectivity: ConnectivityMonitor;
  emit?: <E extends PushEvent>(event: E, payload: PushPayloadOf<E>) => void;
  timers?: Timers;
  concurrency?: number;
  random?: () => number;
  // How long a claimed item stays this worker's without renewal (renewed every third of it while it runs).
  leaseMs?: number;
}

// Failures worth another try by themselves: unreachable, throttled, Microsoft's own trouble.
export function isTransient(error: unknown): boolean {
  if (meansOffline(error)) return true;
  return error instanceof MicrosoftHttpError && (error.kind === 'throttled' || error.kind === 'server');
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, now, connectivity } = options;
  const timers = options.timers ?? realTimers;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const random = options.random ?? Math.random;
  const handlers = new Map<string, OutboxHandler>();
  const inFlight = new Set<Promise<void>>();
  let timer: TimerHandle | null = null;
  let started = false;
  let idleWaiters: (() => void)[] = [];
  let unsubscribe: (() => void) | null = null;
  const leaseMs = options.leaseMs ?? 60_000;
  const owner = createLeaseOwner();
  const lease = () => ({ owner: owner.id, until: new Date(now().getTime() + leaseMs) });
  let renewal: TimerHandle | null = null;
  const recover = (kinds: readonly string[]) =>
    recoverRunningOutbox(db, kinds, now(), (held) => isAbandoned(held, now()));
  // While anything runs, its leases are renewed; with nothing in flight there is nothing to renew.
  function renewWhileRunning(): void {
    if (renewal !== null || !started) return;
    renewal = timers.after(leaseMs / 3, () => {
      renewal = null;
      if (inFlight.size === 0) return;
      renewOutboxLeases(db, lease());
      renewWhileRunning();
    });
  }

  // While Partner Center is unreachable its actions stay put; other kinds (SMTP) still run.
  const runnableKinds = (): string[] =>
    [...handlers.values()].filter((h) => connectivity.online || !h.needsPartnerCenter).map((h) => h.kind);
  const allKinds = (): string[] => [...handlers.keys()];
  const partnerCenterKinds = (): string[] =>
    [...handlers.values()].filter((h) => h.needsPartnerCenter).map((h) => h.kind);
  const listedKinds = (): string[] =>
    [...handlers.values()].filter((h) => h.listedAsWaiting !== false).map((h) => h.kind);
  const listWaiting = (): WaitingAction[] => listUnfinishedOutbox(db, listedKinds(), waitingWindowLimit).map(toWaiting);
  const countWaiting = (): number => countUnfinishedOutbox(db, listedKinds()).total;
  const waitingWindow = (): WaitingWindow => ({ waiting: listWaiting(), waitingCount: countWaiting() });

  function toWaiting(item: OutboxItem): WaitingAction {
    const handler = handlers.get(item.kind);
    const described = handler?.describe(item) ?? { customerId: null, label: item.kind };
    return {
      id: item.id,
      kind: item.kind,
      customerId: described.customerId,
      label: described.label,
      status: item.status === 'failed' ? 'failed' : item.status === 'running' ? 'running' : 'waiting',
      attempts: item.attempts,
      lastError: item.lastError,
      nextAttemptAt: item.nextAttemptAt,
      createdAt: item.createdAt,
    };
  }

  function announce(item: OutboxItem): void {
    const described = handlers.get(item.kind)?.describe(item);
    if (described?.customerId) options.emit?.('customerChanged', { customerId: described.customerId });
    options.emit?.('outboxChanged', { waiting: countWaiting() });
  }

  async function runOne(item: OutboxItem): Promise<void> {
    const handler = handlers.get(item.kind);
    if (!handler) return;
    let finished = false;
    try {
      await handler.run({
        item,
        complete: (note) => {
          completeOutbox(db, item.id, now(), note ?? null);
          finished = true;
        },
        cancel: () => {
          cancelClaimedOutbox(db, item.id, now());
          finished = true;
        },
      });
      if (!finished) completeOutbox(db, item.id, now());
      if (handler.needsPartnerCenter) connectivity.reportSuccess();
    } catch (error) {
      if (handler.needsPartnerCenter) connectivity.reportFailure(error);
      const schedule = handler.retry?.scheduleFor?.(error) ?? handler.retry?.schedule ?? defaultRetrySchedule;
      const transient = (handler.retry?.isTransient ?? isTransient)(error) && mayRetry(item.attempts, schedule);
      const at = now();
      const retryAt = transient ? new Date(at.getTime() + backoffDelay(item.attempts, random, schedule)) : null;
      failOutbox(db, item.id, messageOf(error), retryAt, at);
    }
    const after = getOutbox(db, item.id);
    if (after) announce(after);
  }

  // Every run is tracked, so stop() and idle() wait for it, and its end looks for the next due work.
  function track(item: OutboxItem): Promise<void> {
    const running = runOne(item).finally(() => {
      inFlight.delete(running);
      pump();
    });
    inFlight.add(running);
    renewWhileRunning();
    return running;
  }

  function pump(): void {
    if (!started) return;
    timer?.cancel();
    timer = null;
    const kinds = runnableKinds();
    while (inFlight.size < concurrency && kinds.length > 0) {
      const item = claimNextOutboxOfKinds(db, kinds, now(), lease());
      if (!item) break;
      void track(item);
    }
    if (inFlight.size > 0) return;
    const due = kinds.length > 0 ? nextDueOutboxAt(db, kinds) : null;
    if (due === null) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((resolve) => resolve());
      return;
    }
    timer = timers.after(Math.max(0, due.getTime() - now().getTime()), pump);
  }

  return {
    register(handler) {
      handlers.set(handler.kind, handler);
      // Registered after start (a feature built later): recover its half-done items as start would have.
      if (started) {
        recover([handler.kind]);
        pump();
      }
    },
    start() {
      if (started) return;
      started = true;
      owner.start();
      // Startup recovery of half-done work left by a process that ended (or a lease nobody renewed).
      recover(allKinds());
      unsubscribe = connectivity.onChange((online) => {
        // Only what waited for Partner Center: an email deferred by its server keeps its own schedule.
        if (online) wakePendingOutbox(db, partnerCenterKinds(), now());
        pump();
      });
      pump();
    },
    async stop() {
      started = false;
      timer?.cancel();
      timer = null;
      unsubscribe?.();
      await Promise.allSettled([...inFlight]);
      renewal?.cancel();
      renewal = null;
      owner.stop();
    },
    wake: () => pump(),
    async runNow(id) {
      const found = getOutbox(db, id);
      if (!found || !handlers.has(found.kind)) throw new AppError('not-found', 'This action is no longer waiting.');
      if (!started) throw new AppError('conflict', 'AuthDesk is not running its queue right now: try again.');
      // Claimed in the same turn as the check, so the worker's own runs can never take it twice; the user waits,
      // so it does not queue behind the concurrency limit.
      const claimed = claimOutboxById(db, id, [found.kind], now(), lease());
      if (!claimed) return { ran: false, item: found };
      await track(claimed);
      return { ran: true, item: getOutbox(db, id) ?? claimed };
    },
    waiting: listWaiting,
    waitingCount: countWaiting,
    waitingFor: (customerId) => unfinishedOutboxForCustomer(db, listedKinds(), customerId).map(toWaiting),
    waitingAction(id) {
      const item = getOutbox(db, id);
      const listed = item !== null && listedKinds().includes(item.kind);
      return listed && ['pending', 'running', 'failed'].includes(item.status) ? toWaiting(item) : null;
    },
    retry(id) {
      const item = getOutbox(db, id);
      if (!item || !handlers.has(item.kind)) throw new AppError('not-found', 'This action is no longer waiting.');
      if (item.status === 'running') throw new AppError('conflict', 'This action is running right now.');
      const retried = retryOutboxNow(db, id, now());
      announce(retried);
      // The user asked: find out whether Partner Center is back instead of waiting for the next probe.
      if (!connectivity.online) void connectivity.probe();
      pump();
      return waitingWindow();
    },
    cancel(id) {
      const item = getOutbox(db, id);
      if (!item || !handlers.has(item.kind)) throw new AppError('not-found', 'This action is no longer waiting.');
      if (item.status === 'running') {
        throw new AppError('conflict', 'This action is already running and may have reached Microsoft.');
      }
      // A failed item is finished too: cancelling it just takes it off the list.
      if (item.status === 'failed') retryOutboxNow(db, id, now());
      announce(cancelOutbox(db, id, now()));
      return waitingWindow();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        pump();
      });
    },
  };
}
