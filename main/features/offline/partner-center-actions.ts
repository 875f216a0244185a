// The outbox actions that need Partner Center: get a customer's authorization link, and verify a customer.
// Asked for while Partner Center is unreachable, each is recorded in the outbox in the same transaction as a
// 'link-queued' / 'verification-queued' event, answered at once ("Queued: will run when Partner Center is
// reachable"), and run by the outbox worker when the connection returns, completing its outbox item in the
// same transaction as its result.
import { z } from 'zod';
import type { VerificationResult } from '../../../shared/domain/verification';
import type { WaitingAction } from '../../../shared/domain/waiting-action';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/ipc-error';
import { customersWithStatus, findCustomer, lastEventId } from '../customers/customer-records';
import { verificationDomain, verifyAllStatuses } from '../verification/bulk-verification-service';
import {
  activeOutboxForCustomer,
  enqueueOutbox,
  findOutboxByKey,
  getOutbox,
  type OutboxItem,
} from '../../platform/outbox/outbox-repository';
import type { ConnectivityMonitor } from '../../platform/connectivity/connectivity-monitor';
import type { AuthorizationLinkService } from '../links/authorization-link-service';
import { customerDetail, recordChange, requireCustomer, requireEditable } from '../customers/customer-records';
import type { ServiceContext } from '../../platform/service-context';
import type { VerificationService } from '../verification/verification-service';
import { checkResource, type CheckLeases } from '../verification/team-check-leases';
import { announceIfAuthorized } from '../verification/background-verification-service';
import type { OutboxHandler, OutboxWorker } from '../../platform/outbox/outbox-worker';

export const linkActionKind = 'partner-center-link';
export const verifyActionKind = 'partner-center-verify';
// In a team, a queued Verify of a customer the team verified this recently is done without a call.
const queuedVerifyFreshMs = 5 * 60_000;
const queuedVerifyLeaseMs = 5 * 60_000;

const linkPayloadSchema = z.object({ customerId: z.string() });
const verifyPayloadSchema = z.object({ customerId: z.string(), defaultDomain: z.string() });

export interface PartnerCenterActions {
  // For the link service's LinkQueue.
  queueLink(customerId: string): CustomerDetail;
  queueVerification(customerId: string, defaultDomain: string): { detail: CustomerDetail; queued: OutboxItem };
  // "Verify all when reachable": one verification per customer in Sent or Needs attention, all recorded in one
  // transaction under keys of this batch, so asking again with the same batch queues nothing twice.
  queueVerifyAll(batch: string): number;
  // "Verify" from the dialog: the result now when reachable, else queued.
  verifyOrQueue(
    customerId: string,
    defaultDomain: string,
  ): Promise<{ detail: CustomerDetail; result: VerificationResult | null; queued: WaitingAction | null }>;
  handlers(): OutboxHandler[];
}

const companyOf = (context: ServiceContext, customerId: string): string =>
  findCustomer(context, customerId)?.companyName ?? 'a removed customer';

export function createPartnerCenterActions(
  context: ServiceContext,
  dependencies: {
    worker: OutboxWorker;
    connectivity: ConnectivityMonitor;
    // Late-bound: the link service itself queues through these actions.
    links: () => AuthorizationLinkService;
    verification: VerificationService;
    // In a team: a queued Verify takes the customer's lease first, so Verify queued on two desktops runs once.
    leases?: CheckLeases;
  },
): PartnerCenterActions {
  const { worker, connectivity } = dependencies;

  // The key is the customer's latest event: a double click (nothing changed in between) lands on the same
  // row, and an action already waiting for this customer is reused instead of queued twice.
  function queue(
    kind: string,
    customerId: string,
    payload: unknown,
    summary: string,
    type: 'link-queued' | 'verification-queued',
  ) {
    const item = context.db.transaction(() => {
      const active = activeOutboxForCustomer(context.db, kind, customerId);
      if (active) return active;
      const lastEvent = lastEventId(context, customerId);
      const queued = enqueueOutbox(
        context.db,
        { idempotencyKey: `${kind}:${customerId}:${lastEvent}`, kind, payload },
        context.now(),
      );
      recordChange(context, null, customerId, { type, summary, data: { outboxId: queued.id, ...(payload as object) } });
      return queued;
    })();
    worker.wake();
    context.emit('outboxChanged', { waiting: worker.waitingCount() });
    return item;
  }

  function queueVerification(customerId: string, defaultDomain: string) {
    const customer = requireCustomer(context, customerId);
    requireEditable(customer);
    if (customer.authorizationLink === null) {
      throw new AppError('conflict', 'Get the authorization link and send it to the customer before verifying.');
    }
    const domain = defaultDomain.trim().toLowerCase();
    const queued = queue(
      verifyActionKind,
      customerId,
      { customerId, defaultDomain: domain },
      `Verification of ${domain} queued: will run when Partner Center is reachable`,
      'verification-queued',
    );
    return { detail: customerDetail(context, customerId), queued };
  }

  const waitingOf = (item: OutboxItem): WaitingAction => {
    const found = worker.waitingAction(item.id);
    if (!found) throw new Error(`Outbox item ${item.id} is not waiting.`);
    return found;
  };

  return {
    queueLink(customerId) {
      queue(
        linkActionKind,
        customerId,
        { customerId },
        'Authorization link queued: will be fetched when Partner Center is reachable',
        'link-queued',
      );
      return customerDetail(context, customerId);
    },
    queueVerification,
    queueVerifyAll(batch) {
      const queued = context.db.transaction(() => {
        let count = 0;
        for (const status of verifyAllStatuses) {
          for (const customer of customersWithStatus(context, status)) {
            const idempotencyKey = `${verifyActionKind}:${batch}:${customer.id}`;
            if (findOutboxByKey(context.db, idempotencyKey)) continue;
            const defaultDomain = verificationDomain(customer);
            const item = enqueueOutbox(
              context.db,
              { idempotencyKey, kind: verifyActionKind, payload: { customerId: customer.id, defaultDomain } },
              context.now(),
            );
            recordChange(context, null, customer.id, {
              type: 'verification-queued',
              summary: `Verification of ${defaultDomain} queued with "verify all"`,
              data: { outboxId: item.id, batch },
            });
            count += 1;
          }
        }
        return count;
      })();
      worker.wake();
      context.emit('outboxChanged', { waiting: worker.waitingCount() });
      return queued;
    },
    async verifyOrQueue(customerId, defaultDomain) {
      if (!connectivity.online) {
        const { detail, queued } = queueVerification(customerId, defaultDomain);
        return { detail, result: null, queued: waitingOf(queued) };
      }
      try {
        const { detail, result } = await dependencies.verification.verify(customerId, defaultDomain);
        connectivity.reportSuccess();
        return { detail, result, queued: null };
      } catch (error) {
        connectivity.reportFailure(error);
        if (!(error instanceof AppError) || error.code !== 'offline') throw error;
        const { detail, queued } = queueVerification(customerId, defaultDomain);
        return { detail, result: null, queued: waitingOf(queued) };
      }
    },
    handlers: () => [
      {
        kind: linkActionKind,
        needsPartnerCenter: true,
        describe: (item) => {
          const { customerId } = linkPayloadSchema.parse(item.payload);
          return { customerId, label: `Get the authorization link for ${companyOf(context, customerId)}` };
        },
        async run({ item, complete }) {
          const { customerId } = linkPayloadSchema.parse(item.payload);
          const customer = findCustomer(context, customerId);
          // Archived or already linked meanwhile: nothing left to do.
          if (!customer || customer.authorizationLink !== null || customer.status === 'archived') return;
          await dependencies.links().requestAuthorizationLink(customerId, { completeInTransaction: complete });
        },
      },
      {
        kind: verifyActionKind,
        needsPartnerCenter: true,
        describe: (item) => {
          const { customerId, defaultDomain } = verifyPayloadSchema.parse(item.payload);
          return { customerId, label: `Verify ${companyOf(context, customerId)} (${defaultDomain})` };
        },
        async run({ item, complete }) {
          const { customerId, defaultDomain } = verifyPayloadSchema.parse(item.payload);
          const customer = findCustomer(context, customerId);
          if (!customer || customer.status === 'archived' || customer.status === 'checked-out') return;
          const leases = dependencies.leases?.inTeam() ? dependencies.leases : null;
          const resource = checkResource(customerId);
          // Cut off from the team database, the Verify someone asked for still runs (on this desktop alone).
          const grant = leases
            ? await leases
                .take([{ resource, freshForMs: queuedVerifyFreshMs }], { leaseMs: queuedVerifyLeaseMs, limit: 1 })
                .catch(() => null)
            : null;
          const refusal = grant?.taken.length === 0 ? grant.refused[0] : undefined;
          if (refusal) {
            complete(
              refusal.reason === 'done'
                ? `Verified for the team by ${refusal.by ?? 'another desktop'} at ${refusal.at?.slice(11, 16) ?? ''} UTC; not verified again here.`
                : `Being verified by ${refusal.by ?? 'another desktop'} on another desktop of the team; its result comes with the sync.`,
            );
            return;
          }
          try {
            await dependencies.verification.verify(customerId, defaultDomain, { completeInTransaction: complete });
          } finally {
            if (leases && grant?.taken.length) {
              const done = getOutbox(context.db, item.id)?.status === 'done';
              await leases.release(resource, done).catch(() => undefined);
            }
          }
          announceIfAuthorized(context, customerId, customer.status === 'authorized');
        },
      },
    ],
  };
}
