// "Verify many": verifies a list of customers, or every customer waiting in Sent / Needs attention, a few at a
// time. A batch is planned first (verification-batch-plan.ts: the customer list paged once instead of a search
// per customer). The Partner Center client's rate limiter paces the calls; this service keeps several
// verifications in flight so the limit, not the round trips, sets the speed. Each customer's verification is recorded
// exactly once: a verification that failed before recording anything (offline, Microsoft down after the
// client's own retries) is tried again, one that was recorded never is.
import { randomUUID } from 'node:crypto';
import type { Customer } from '../../../shared/domain/customer';
import { onMicrosoftDomain } from '../../../shared/domain/validation';
import type { VerificationOutcome } from '../../../shared/domain/verification';
import { AppError, type IpcErrorCode } from '../../../shared/ipc/ipc-error';
import { finishBulkOperation, startBulkOperation } from './bulk-operations-repository';
import { customersWithStatus, findCustomer } from '../customers/customer-records';
import type { ServiceContext } from '../../platform/service-context';
import type { PartnerCenterClient } from '../../microsoft/partner-center/partner-center-client';
import { syncedReseller } from '../resellers/reseller-service';
import type { VerificationService } from './verification-service';
import { planVerificationBatch, type BatchCustomer, type VerificationBatchPlan } from './verification-batch-plan';
import { checkResource, customerOfResource, type CheckLeaseRefusal, type CheckLeases } from './team-check-leases';

export interface BulkVerificationRequest {
  customerIds?: string[];
  all?: boolean;
}

export type BulkVerificationItem =
  | { customerId: string; outcome: VerificationOutcome }
  | { customerId: string; error: { code: IpcErrorCode; message: string } };

export interface BulkVerificationResult {
  operationId: string;
  results: BulkVerificationItem[];
}

export interface BulkVerificationOptions {
  // Verifications in flight at once; each makes one to three Partner Center calls.
  concurrency?: number;
  // Tries per customer for failures that recorded nothing and may pass later (offline, Microsoft trouble).
  attempts?: number;
  retryPauseMs?: number;
  sleep?: (ms: number) => Promise<void>;
  // The Partner Center client a batch is planned with; without it, every customer is checked on its own.
  partnerCenter?: () => Promise<PartnerCenterClient>;
  // In a team: each customer is leased before it is verified, so overlapping bulk runs on several desktops
  // verify it once.
  leases?: CheckLeases;
  // A customer the team verified this recently is not verified again by a bulk run (the result comes with the sync).
  teamFreshForMs?: number;
  leaseMs?: number;
}

export interface BulkVerificationService {
  verifyMany(request: BulkVerificationRequest): Promise<BulkVerificationResult>;
}

// The statuses "verify all" works through: links handed out, and customers who accepted only in part.
export const verifyAllStatuses = ['sent', 'needs-attention'] as const;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// Customers leased at once by each worker in a team: a few, so the desktops online share a selection.
const leaseChunkSize = 4;
const retryableCodes: ReadonlySet<IpcErrorCode> = new Set(['offline', 'partner-center']);

// The domain the customer is found by: the one learnt at an earlier verification, else the onmicrosoft.com one.
export function verificationDomain(customer: Customer): string {
  return customer.defaultDomain ?? onMicrosoftDomain(customer.domainPrefix);
}

export function createBulkVerificationService(
  context: ServiceContext,
  verification: VerificationService,
  options: BulkVerificationOptions = {},
): BulkVerificationService {
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const attempts = Math.max(1, options.attempts ?? 3);
  const retryPauseMs = options.retryPauseMs ?? 2_000;
  const sleep = options.sleep ?? defaultSleep;
  const teamFreshForMs = options.teamFreshForMs ?? 5 * 60_000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;

  function selectCustomers(request: BulkVerificationRequest): string[] {
    const ids = new Set<string>(request.customerIds ?? []);
    if (request.all) {
      for (const status of verifyAllStatuses) {
        for (const customer of customersWithStatus(context, status)) ids.add(customer.id);
      }
    }
    return [...ids];
  }

  function batchCustomer(customer: Customer): BatchCustomer {
    const reseller =
      customer.kind === 'indirect' && customer.resellerMpnId !== null
        ? syncedReseller(context, customer.resellerMpnId)
        : null;
    return {
      domain: verificationDomain(customer).trim().toLowerCase(),
      reseller: reseller && {
        tenantId: reseller.tenantId,
        // As Partner Center lists a customer's reseller among its relationships.
        relationship: {
          id: reseller.tenantId,
          name: reseller.name,
          relationshipType: 'is_indirect_cloud_solution_provider_of',
          mpnId: reseller.mpnId,
        },
      },
    };
  }

  // Each customer's client for the batch, by id; empty when there is no plan.
  async function plan(ids: readonly string[]): Promise<Map<string, PartnerCenterClient>> {
    const clients = new Map<string, PartnerCenterClient>();
    if (!options.partnerCenter) return clients;
    const customers = ids.map((id) => findCustomer(context, id)).filter((found) => found !== null);
    const batch = customers.map(batchCustomer);
    let planned: VerificationBatchPlan;
    try {
      planned = await planVerificationBatch(await options.partnerCenter(), batch);
    } catch {
      // Not signed in, offline: each customer's own verification says so (and queues it).
      return clients;
    }
    customers.forEach((customer, index) => clients.set(customer.id, planned.clientFor(batch[index] as BatchCustomer)));
    return clients;
  }

  async function verifyOne(
    customerId: string,
    clients: Map<string, PartnerCenterClient>,
  ): Promise<BulkVerificationItem> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const customer = findCustomer(context, customerId);
        if (!customer) throw new AppError('not-found', 'This customer does not exist (it may have been removed).');
        const { result } = await verification.verify(
          customerId,
          verificationDomain(customer),
          clients.has(customerId) ? { partnerCenter: clients.get(customerId) as PartnerCenterClient } : {},
        );
        return { customerId, outcome: result.outcome };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (!retryableCodes.has(error.code) || attempt >= attempts) {
          return { customerId, error: { code: error.code, message: error.message } };
        }
        await sleep(retryPauseMs * attempt);
      }
    }
  }

  const clockTime = (at: string | null) => (at ? new Date(at).toISOString().slice(11, 16) + ' UTC' : 'just now');
  const refusalMessage = (refusal: CheckLeaseRefusal): string =>
    refusal.reason === 'done'
      ? `Already verified for the team by ${refusal.by ?? 'another desktop'} at ${clockTime(refusal.at)}: not verified again so soon (every desktop gets the result with the team's sync).`
      : `Being verified by ${refusal.by ?? 'another desktop'} on another desktop of the team: not verified twice.`;

  // In a team: the leases of a few customers at once, in one statement. Those another desktop holds or the team
  // verified moments ago are answered at once; cut off from the team database, none is verified (another desktop
  // may be verifying it): tried again like an offline one, then reported.
  async function leaseChunk(
    chunk: string[],
    leases: CheckLeases,
  ): Promise<{ taken: Set<string>; answered: Map<string, BulkVerificationItem> }> {
    const requests = chunk.map((id) => ({ resource: checkResource(id), freshForMs: teamFreshForMs }));
    for (let attempt = 1; ; attempt += 1) {
      try {
        const grant = await leases.take(requests, { leaseMs, limit: chunk.length });
        const taken = new Set(grant.taken.map(customerOfResource));
        const refusals = new Map(grant.refused.map((refusal) => [customerOfResource(refusal.resource), refusal]));
        const answered = new Map<string, BulkVerificationItem>();
        for (const customerId of chunk.filter((id) => !taken.has(id))) {
          const refusal = refusals.get(customerId);
          answered.set(customerId, {
            customerId,
            error: {
              code: 'conflict',
              message: refusal ? refusalMessage(refusal) : 'Another desktop of the team has this customer.',
            },
          });
        }
        return { taken, answered };
      } catch {
        if (attempt >= attempts) {
          const message =
            'The team database cannot be reached: not verified, so that no two desktops verify it at once. Try again when it is back.';
          return {
            taken: new Set(),
            answered: new Map(
              chunk.map((customerId) => [customerId, { customerId, error: { code: 'offline', message } }]),
            ),
          };
        }
        await sleep(retryPauseMs * attempt);
      }
    }
  }

  // A customer whose lease we hold though its last verification (here, or synced from another desktop) is
  // within the team's interval: the lease was never marked done (the desktop was killed, or cut off from the
  // team database, between recording the result and releasing the lease). That result stands, and the lease
  // is now released as done.
  function verifiedHereJustNow(customerId: string): BulkVerificationItem | null {
    const last = findCustomer(context, customerId)?.lastVerification;
    if (!last) return null;
    const age = context.now().getTime() - new Date(last.checkedAt).getTime();
    return age >= 0 && age < teamFreshForMs ? { customerId, outcome: last.outcome } : null;
  }

  return {
    async verifyMany(request) {
      if (!request.all && (request.customerIds ?? []).length === 0) {
        throw new AppError('invalid-request', 'Choose the customers to verify, or verify all.');
      }
      const operationId = randomUUID();
      const ids = selectCustomers(request);
      // A trace of the run (a scheduled `authdesk verify --all` included), closed with its counts below.
      startBulkOperation(context.db, {
        id: operationId,
        kind: 'verify',
        actor: context.actor,
        startedAt: context.now().toISOString(),
        total: ids.length,
      });
      const results: BulkVerificationItem[] = new Array<BulkVerificationItem>(ids.length);
      let next = 0;
      let done = 0;
      let failed = 0;
      const progress = () =>
        context.emit('operationProgress', { operationId, kind: 'verify', done, total: ids.length, failed });
      progress();
      const clients = await plan(ids);
      // A fixed pool of workers, each taking the next customer: bounded concurrency without a library.
      const record = (index: number, item: BulkVerificationItem) => {
        results[index] = item;
        done += 1;
        if ('error' in item) failed += 1;
        progress();
      };
      const worker = async () => {
        while (next < ids.length) {
          const leases = options.leases?.inTeam() ? options.leases : null;
          if (!leases) {
            const index = next;
            next += 1;
            record(index, await verifyOne(ids[index] as string, clients));
            continue;
          }
          const first = next;
          const chunk = ids.slice(first, first + leaseChunkSize);
          next += chunk.length;
          const { taken, answered } = await leaseChunk(chunk, leases);
          for (const [position, customerId] of chunk.entries()) {
            const item =
              answered.get(customerId) ??
              (taken.has(customerId) ? verifiedHereJustNow(customerId) : null) ??
              (await verifyOne(customerId, clients));
            if (taken.has(customerId)) {
              await leases.release(checkResource(customerId), 'outcome' in item).catch(() => undefined);
            }
            record(first + position, item);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
      finishBulkOperation(context.db, { id: operationId, finishedAt: context.now().toISOString(), done, failed });
      return { operationId, results };
    },
  };
}
