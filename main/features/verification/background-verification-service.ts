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
  postponeScheduledCheck,
  recordScheduledCheck,
  syncSchedule,
  type ScheduledCheck,
} from './background-verification-repository';
import { checkResource, customerOfResource, type CheckLeases } from './team-check-leases';
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
  // How long a customer's lease lasts in a team (a desktop that dies loses it after this).
  leaseMs?: number;
}

// A customer who authorized tells the user once, whoever found it (a background check or a queued Verify).
export function announceIfAuthorized(context: ServiceContext, customerId: string, wasAuthorized: boolean): void {
  const customer = findCustomer(context, customerId);
  if (!customer || wasAuthorized || customer.status !== 'authorized') return;
  context.emit('customerAuthorized', { customerId, companyName: customer.companyName });
}

export function createBackgroundVerificationService(
  context: ServiceContext,
  dependencies: {
    verification: VerificationService;
    connectivity: ConnectivityMonitor;
    // In a team, each customer is leased before it is checked, so the team checks it once per interval.
    leases?: CheckLeases;
  },
  options: BackgroundVerificationOptions = {},
): BackgroundVerificationService {
  const schedule = options.schedule ?? politeSchedule;
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const idleLookMs = options.idleLookMs ?? Math.min(60_000, schedule.firstHourEveryMs);
  const leaseMs = options.leaseMs ?? 120_000;
  let timer: TimerHandle | null = null;
  let running: Promise<number> | null = null;
  let started = false;
  // Set by stop(): a pass in a team ends after the checks in flight.
  let halted = false;
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

  // The interval a customer is on, less its jitter: the team does not check it again sooner than this.
  const freshForMs = (check: ScheduledCheck, at: Date): number => {
    const every = nextCheckDelayMs(new Date(check.sentAt), at, { ...schedule, jitter: 0 });
    return Math.max(1, Math.round(every * (1 - schedule.jitter)));
  };

  // In a team: the due checks this desktop may run now. Those the team did within their interval wait for the
  // next one from then; those another desktop holds wait a lease's length; a desktop cut off from the team
  // database runs none (they stay due until it is back).
  async function leased(due: ScheduledCheck[], leases: CheckLeases): Promise<ScheduledCheck[]> {
    const at = context.now();
    const byResource = new Map(due.map((check) => [checkResource(check.customerId), check]));
    let grant;
    try {
      grant = await leases.take(
        due.map((check) => ({ resource: checkResource(check.customerId), freshForMs: freshForMs(check, at) })),
        { leaseMs, limit: concurrency * 2 },
      );
    } catch {
      return [];
    }
    for (const refusal of grant.refused) {
      const check = byResource.get(refusal.resource);
      if (!check) continue;
      const from = refusal.at ? new Date(refusal.at) : at;
      const next =
        refusal.reason === 'done'
          ? new Date(from.getTime() + nextCheckDelayMs(new Date(check.sentAt), from, schedule, random))
          : new Date(at.getTime() + leaseMs);
      // The team's clock says when; never earlier than a pause from now on ours.
      postponeScheduledCheck(
        context.db,
        customerOfResource(refusal.resource),
        new Date(Math.max(next.getTime(), at.getTime() + minimumPauseMs)),
      );
    }
    return grant.taken.map((resource) => byResource.get(resource)).filter((check) => check !== undefined);
  }

  // Runs the given checks a few at a time; in a team, gives each lease back once its check ended.
  async function runChecks(
    due: ScheduledCheck[],
    leases: CheckLeases | null,
  ): Promise<{ checked: number; offline: boolean }> {
    let next = 0;
    let checked = 0;
    let offline = false;
    const worker = async () => {
      while (!offline && next < due.length) {
        const check = due[next] as ScheduledCheck;
        next += 1;
        const outcome = await checkOne(check.customerId, new Date(check.sentAt));
        if (outcome === 'offline') offline = true;
        else checked += 1;
        await leases?.release(checkResource(check.customerId), outcome === 'checked').catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    // Leases taken but not reached (Partner Center went away): given back for another desktop.
    for (const check of leases ? due.slice(next) : []) {
      await leases?.release(checkResource(check.customerId), false).catch(() => undefined);
    }
    return { checked, offline };
  }

  async function runDueNow(): Promise<number> {
    syncSchedule(context.db, schedule.firstHourEveryMs);
    if (!dependencies.connectivity.online) return 0;
    const leases = dependencies.leases?.inTeam() ? dependencies.leases : null;
    if (!leases) return (await runChecks(dueChecks(context.db, context.now(), 500), null)).checked;
    // In a team, a few leases at a time, so the desktops online share what is due between them.
    let checked = 0;
    for (;;) {
      const due = await leased(dueChecks(context.db, context.now(), 500), leases);
      if (due.length === 0) return checked;
      const outcome = await runChecks(due, leases);
      checked += outcome.checked;
      if (outcome.offline || halted) return checked;
    }
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
      halted = true;
      timer?.cancel();
      timer = null;
      unsubscribe?.();
      await running?.catch(() => 0);
    },
    runDue,
  };
}
