// "Verify Authorization": asks Partner Center, for the default domain the user gives, whether the customer
// accepted every part of the link, stores the result and moves the customer on (authorized, or needs
// attention when only part was accepted).
import type { Customer } from '../../../shared/domain/customer';
import type { CustomerEventType } from '../../../shared/domain/customer-event';
import { isReadOnly, type CustomerStatus } from '../../../shared/domain/customer-status';
import { onMicrosoftDomain } from '../../../shared/domain/validation';
import type { VerificationResult } from '../../../shared/domain/verification';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/ipc-error';
import { resellerTenantId } from '../resellers/reseller-service';
import type { PartnerCenterClient } from '../../microsoft/partner-center/partner-center-client';
import type { TenantDirectory } from '../../microsoft/partner-center/tenant-directory';
import { verifyAuthorization } from './verify-authorization';
import { recordChange, requireCustomer, requireEditable, requireProfile } from '../customers/customer-records';
import { callPartnerCenter } from '../../microsoft/partner-center/partner-center-failure';
import type { ServiceContext } from '../../platform/service-context';
import { verificationEventSummary } from './verification-summary';
import { withGdapRelationship } from '../gdap/gdap-verification';

export interface VerificationService {
  verify(
    customerId: string,
    defaultDomain: string,
    options?: VerifyOptions,
  ): Promise<{ detail: CustomerDetail; result: VerificationResult }>;
}

export interface VerifyOptions {
  // Set when the outbox runs the verification: marks its item done in the same transaction as the
  // result, so a crash can neither lose the result nor record it twice.
  completeInTransaction?: () => void;
  // A bulk run's client, which answers from what the batch already learnt (verification-batch-plan.ts).
  partnerCenter?: PartnerCenterClient;
}

const eventTypeByOutcome: Record<VerificationResult['outcome'], CustomerEventType> = {
  authorized: 'verification-passed',
  partial: 'verification-partial',
  'not-authorized': 'verification-failed',
  unknown: 'verification-failed',
};

function nextStatus(current: CustomerStatus, result: VerificationResult): CustomerStatus {
  if (result.outcome === 'authorized') return 'authorized';
  if (result.outcome === 'partial') return 'needs-attention';
  // A customer verified before that no longer checks out (relationship removed) must not keep an open
  // checkout; anything else that could not be confirmed stays where it was.
  if (current === 'authorized' && result.outcome === 'not-authorized') return 'needs-attention';
  return current;
}

export function createVerificationService(
  context: ServiceContext,
  partnerCenter: () => Promise<PartnerCenterClient>,
  tenantDirectory?: TenantDirectory,
  // GDAP: brings the customer's GDAP relationship up to date before its check is decided.
  followGdap?: (customerId: string) => Promise<void>,
): VerificationService {
  return {
    async verify(customerId, defaultDomain, options = {}) {
      const customer = requireCustomer(context, customerId);
      requireEditable(customer);
      if (customer.authorizationLink === null) {
        throw new AppError('conflict', 'Get the authorization link and send it to the customer before verifying.');
      }
      const profile = requireProfile(context);
      const domain = defaultDomain.trim().toLowerCase();
      // The reseller's tenant ID makes the match exact; the MPN ID alone still works when it is not synced.
      const reseller =
        customer.kind === 'indirect' && customer.resellerMpnId !== null
          ? {
              tenantId: resellerTenantId(context, customer.resellerMpnId),
              mpnId: customer.resellerMpnId,
            }
          : null;
      await followGdap?.(customerId);
      const checked = await callPartnerCenter(async () =>
        verifyAuthorization(options.partnerCenter ?? (await partnerCenter()), {
          defaultDomain: domain,
          kind: customer.kind,
          reseller,
          delegatedAdminRequested: customer.includeDelegatedAdmin,
          partnerName: profile.organizationName,
          now: context.now,
          ...(tenantDirectory ? { tenantDirectory } : {}),
        }),
      );
      // GDAP: an active GDAP relationship is delegated administration granted.
      const result = withGdapRelationship(context.db, customerId, checked);
      // Only a domain other than the initial one is worth remembering: it is what the next verification needs.
      const learntDomain = domain === onMicrosoftDomain(customer.domainPrefix) ? customer.defaultDomain : domain;
      const detail = context.db.transaction(() => {
        // The check took a while: the user may have edited, archived or checked out the customer meanwhile.
        // Their change stands; what the check learnt is applied onto the customer as it is now, and to an
        // archived or checked-out one not at all (the check still goes into the history).
        const current = requireCustomer(context, customerId);
        const updated: Customer | null = isReadOnly(current.status)
          ? null
          : {
              ...current,
              defaultDomain: current.defaultDomain === customer.defaultDomain ? learntDomain : current.defaultDomain,
              lastVerification: result,
              status: nextStatus(current.status, result),
            };
        const recorded = recordChange(context, updated, customerId, {
          type: eventTypeByOutcome[result.outcome],
          summary: verificationEventSummary(result),
          data: {
            outcome: result.outcome,
            defaultDomain: domain,
            customerTenantId: result.customerTenantId,
            checks: result.checks,
          },
        });
        options.completeInTransaction?.();
        return recorded;
      })();
      return { detail, result };
    },
  };
}
