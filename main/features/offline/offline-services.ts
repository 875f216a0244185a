// Offline-first work built together on one context: connectivity (call outcomes plus a light probe of the
// Partner Center base URL), the one durable outbox worker with the Partner Center actions registered (email
// registers its sends on the same worker), and the background re-verification of customers in Sent.
// create-services.ts builds it, starts it once everything else exists, and stops it before the database closes.
import type { ConnectivityState } from '../../../shared/domain/waiting-action';
import {
  createConnectivityMonitor,
  httpProbe,
  type ConnectivityMonitor,
} from '../../platform/connectivity/connectivity-monitor';
import type { Timers } from '../../platform/clock/timers';
import type { AuthorizationLinkService, LinkQueue } from '../links/authorization-link-service';
import {
  createBackgroundVerificationService,
  type BackgroundVerificationService,
} from '../verification/background-verification-service';
import type { BackgroundSchedule } from '../verification/background-verification-schedule';
import type { CheckLeases } from '../verification/team-check-leases';
import type { ServiceContext } from '../../platform/service-context';
import type { VerificationService } from '../verification/verification-service';
import { createOutboxWorker, type OutboxHandler, type OutboxWorker } from '../../platform/outbox/outbox-worker';
import { createPartnerCenterActions, type PartnerCenterActions } from './partner-center-actions';

// What tests and the browser harness may change; production uses real timers and the polite schedule.
export interface OfflineOptions {
  timers?: Timers;
  random?: () => number;
  schedule?: BackgroundSchedule;
  probe?: () => Promise<boolean>;
  onlineProbeMs?: number;
  offlineProbeMs?: number;
  // false: no background re-verification (the CLI runs one pass by hand instead).
  background?: boolean;
  outboxConcurrency?: number;
}

export interface OfflineServices {
  connectivity: ConnectivityMonitor;
  outbox: OutboxWorker;
  actions: PartnerCenterActions;
  background: BackgroundVerificationService;
  linkQueue: LinkQueue;
  // Other features register their own outbox kinds (email's SMTP sends) before start().
  register(handler: OutboxHandler): void;
  state(): ConnectivityState;
  start(): void;
  stop(): Promise<void>;
}

export function createOfflineServices(
  context: ServiceContext,
  dependencies: {
    // Read at each probe: signing in switches between the sandbox and Microsoft.
    partnerCenterUrl: () => Promise<string>;
    verification: VerificationService;
    // A verification service whose events say the background did it (actor "… (background check)").
    backgroundVerification: VerificationService;
    links: () => AuthorizationLinkService;
    // In a team: background checks are leased per customer in the team database.
    leases?: CheckLeases;
  },
  options: OfflineOptions = {},
): OfflineServices {
  const connectivity = createConnectivityMonitor({
    probe: options.probe ?? httpProbe(dependencies.partnerCenterUrl),
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.onlineProbeMs ? { onlineProbeMs: options.onlineProbeMs } : {}),
    ...(options.offlineProbeMs ? { offlineProbeMs: options.offlineProbeMs } : {}),
    emit: (online) => context.emit('connectivityChanged', { online }),
  });
  const outbox = createOutboxWorker({
    db: context.db,
    now: context.now,
    connectivity,
    emit: context.emit,
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.outboxConcurrency ? { concurrency: options.outboxConcurrency } : {}),
  });
  const actions = createPartnerCenterActions(context, {
    worker: outbox,
    connectivity,
    links: dependencies.links,
    verification: dependencies.verification,
    ...(dependencies.leases ? { leases: dependencies.leases } : {}),
  });
  for (const handler of actions.handlers()) outbox.register(handler);
  const background = createBackgroundVerificationService(
    context,
    {
      verification: dependencies.backgroundVerification,
      connectivity,
      ...(dependencies.leases ? { leases: dependencies.leases } : {}),
    },
    {
      ...(options.timers ? { timers: options.timers } : {}),
      ...(options.random ? { random: options.random } : {}),
      ...(options.schedule ? { schedule: options.schedule } : {}),
    },
  );
  return {
    connectivity,
    outbox,
    actions,
    background,
    linkQueue: { online: () => connectivity.online, queueLink: (customerId) => actions.queueLink(customerId) },
    register: (handler) => outbox.register(handler),
    state: () => ({ online: connectivity.online, waiting: outbox.waiting(), waitingCount: outbox.waitingCount() }),
    start() {
      connectivity.start();
      outbox.start();
      if (options.background !== false) background.start();
    },
    async stop() {
      connectivity.stop();
      await Promise.all([outbox.stop(), background.stop()]);
    },
  };
}
