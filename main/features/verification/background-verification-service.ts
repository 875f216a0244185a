// Background re-verification of customers in Sent: on the polite schedule (background-verification-schedule.ts),
// a couple at a time (the Partner Center client's rate limiter paces every call on top of that), and only
// while Partner Center is reachable. When a check finds a customer authorized, the notification decision is
// made here: main pushes `customerAuthorized`, and the window shows a desktop notification and the badge.
import { AppError } from '../../../shared/ipc/ipc-error';
import type { ConnectivityMonitor } from '../../platform/connectivity/connectivity-monitor';
import { realTimers, type TimerHandle, type Timers } from '../../platform/clock/timers';
import { findCustomer } from '../customers/customer-records';
import {
  dueChecks,
  nextScheduledCheckAt,
  recordScheduledCheck,
  syncSchedule,
} from './background-verification-repository';
import { nextCheckDelayMs, politeSchedule, type BackgroundSchedule } from './background-verification-schedule';
import { verificationDomain } from './bulk-verification-service';
import type { ServiceContext } from '../../platform/service-context';
import type { VerificationService } from './verification-service';

// Never look again sooner than this: a check that keeps failing cannot turn into a busy loop.
const minimumPauseMs = 1_000;

export interface BackgroundVerificationService {
  start(): void;
  stop(): Promise<void>;
  // Runs every check that is due now; resolves with how many ran (tests and the CLI call it directly).
  runDue(): Promise<number>;
}

export interface BackgroundVerificationOptions {
  schedule?: BackgroundSchedule;
  timers?: Timers;
  random?: () => number;
  // Verifications in flight at once; small on purpose (Microsoft asks partners not to poll hard).
  concurrency?: number;
  // How often to look for newly sent customers at most, even when nothing is due.
  idleLookMs?: number;
}

// A customer who authorized tells the user once, whoever found it (a background check or a queued Verify).
export function announceIfAuthorized(context: ServiceContext, customerId: string, wasAuthorized: boolean): void {
  const customer = findCustomer(context, customerId);
  if (!customer || wasAuthorized || customer.status !== 'authorized') return;
  context.emit('customerAuthorized', { customerId, companyName: customer.companyName });
}

export function createBackgroundVerificationService(
  context: ServiceContext,
  dependencies: { verification: VerificationService; connectivity: ConnectivityMonitor },
  options: BackgroundVerificationOptions = {},
): BackgroundVerificationService {
  const schedule = options.schedule ?? politeSchedule;
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const idleLookMs = options.idleLookMs ?? Math.min(60_000, schedule.firstHourEveryMs);
  let timer: TimerHandle | null = null;
  let running: Promise<number> | null = null;
  let started = false;
  let unsubscribe: (() => void) | null = null;

  async function checkOne(customerId: string, sentAt: Date): Promise<'checked' | 'offline'> {
    const customer = findCustomer(context, customerId);
    if (!customer || customer.status !== 'sent') return 'checked';
    const at = context.now();
    try {
      await dependencies.verification.verify(customerId, verificationDomain(customer));
      dependencies.connectivity.reportSuccess();
    } catch (error) {
      dependencies.connectivity.reportFailure(error);
      // Unreachable: leave the check due; it runs when the connection returns.
      if (error instanceof AppError && error.code === 'offline') return 'offline';
      // Anything else (Microsoft refused, the customer changed) waits for its next turn like a normal check.
    }
    recordScheduledCheck(
      context.db,
      customerId,
      at,
      new Date(at.getTime() + nextCheckDelayMs(sentAt, at, schedule, random)),
    );
    announceIfAuthorized(context, customerId, false);
    return 'checked';
  }

  async function runDueNow(): Promise<number> {
    syncSchedule(context.db, schedule.firstHourEveryMs);
    if (!dependencies.connectivity.online) return 0;
    const due = dueChecks(context.db, context.now(), 500);
    let next = 0;
    let checked = 0;
    let offline = false;
    const worker = async () => {
      while (!offline && next < due.length) {
        const check = due[next] as (typeof due)[number];
        next += 1;
        const outcome = await checkOne(check.customerId, new Date(check.sentAt));
        if (outcome === 'offline') offline = true;
        else checked += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    return checked;
  }

  function runDue(): Promise<number> {
    // One pass at a time: a slow pass is never overlapped by the next tick.
    running ??= runDueNow().finally(() => {
      running = null;
    });
    return running;
  }

  function scheduleNext(): void {
    timer?.cancel();
    timer = null;
    // Offline: nothing to do until the connection returns (onChange starts the beat again).
    if (!started || !dependencies.connectivity.online) return;
    const due = nextScheduledCheckAt(context.db);
    const untilDue = due === null ? idleLookMs : due.getTime() - context.now().getTime();
    // The pass's promise goes back to the timers: a hand-driven clock awaits it (real timers ignore it).
    timer = timers.after(Math.min(idleLookMs, Math.max(minimumPauseMs, untilDue)), () =>
      runDue()
        .catch(() => 0)
        .finally(scheduleNext),
    );
  }

  return {
    start() {
      if (started) return;
      started = true;
      unsubscribe = dependencies.connectivity.onChange((online) => {
        if (online) scheduleNext();
      });
      scheduleNext();
    },
    async stop() {
      started = false;
      timer?.cancel();
      timer = null;
      unsubscribe?.();
      await running?.catch(() => 0);
    },
    runDue,
  };
}
