// The authorization link and its hand-off: fetch the reseller relationship link from Partner Center (with
// the customer's delegated-admin choice applied), build the customer's instructions, and record every way the
// link left AuthDesk (copied, instructions copied, mail client), which moves the customer to "Sent".
import { customerInstructions, mailtoLengthLimit, mailtoUrl } from '../../../shared/domain/customer-instructions';
import type { Customer } from '../../../shared/domain/customer';
import { isReadOnly } from '../../../shared/domain/customer-status';
import {
  isAdminCenterUrl,
  isIndirectLink,
  parseRelationshipLink,
  withDelegatedAdmin,
} from '../../../shared/domain/relationship-link';
import type { CustomerDetail, HandOffChannel, Instructions } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/ipc-error';
import type { PartnerCenterClient } from '../../microsoft/partner-center/partner-center-client';
import { openExternalSafely, type OpenExternal } from '../../platform/security/external-url-policy';
import {
  customerDetail,
  recordChange,
  requireCustomer,
  requireEditable,
  requireProfile,
} from '../customers/customer-records';
import { partnerCenterFailure } from '../../microsoft/partner-center/partner-center-failure';
import type { ResellerService } from '../resellers/reseller-service';
import { cacheRelationshipLink, cachedRelationshipLink } from './link-cache';
import type { ServiceContext } from '../../platform/service-context';

// Offline-first (main/features/offline/partner-center-actions.ts): how a link that cannot be fetched now is queued.
export interface LinkQueue {
  online(): boolean;
  // Records the request in the outbox (with a 'link-queued' event) and answers the customer as it stands.
  queueLink(customerId: string): CustomerDetail;
}

export interface LinkRequestOptions {
  // Set when the outbox runs the request: marks its item done in the same transaction as the link.
  completeInTransaction?: () => void;
}

export interface AuthorizationLinkService {
  requestAuthorizationLink(customerId: string, options?: LinkRequestOptions): Promise<CustomerDetail>;
  // For "create and get the link at once": a link that could not be fetched is reported, not thrown,
  // because the customer itself was saved and the user can retry the link later.
  requestAuthorizationLinkOrReason(customerId: string): Promise<{ detail: CustomerDetail; linkError: string | null }>;
  getInstructions(customerId: string): Instructions;
  recordHandOff(customerId: string, channel: HandOffChannel): CustomerDetail;
  openMailClient(customerId: string): Promise<{ detail: CustomerDetail; opened: boolean }>;
}

const handOffEvents = {
  'copy-link': { type: 'link-copied', summary: 'Authorization link copied' },
  'copy-instructions': { type: 'instructions-copied', summary: 'Instructions for the customer copied' },
  'mail-client': { type: 'mail-client-opened', summary: 'Email to the customer opened in the mail client' },
} as const;

export function createAuthorizationLinkService(
  context: ServiceContext,
  dependencies: {
    partnerCenter: () => Promise<PartnerCenterClient>;
    resellers: ResellerService;
    openExternal: OpenExternal;
    queue?: LinkQueue;
  },
): AuthorizationLinkService {
  const requireLink = (customer: Customer): string => {
    if (customer.authorizationLink === null) {
      throw new AppError('conflict', 'Get the authorization link for this customer first.');
    }
    return customer.authorizationLink;
  };

  async function fetchLink(customer: Customer): Promise<string> {
    const profile = requireProfile(context);
    // A distributor's direct customer gets the distributor's own reseller link (no indirectResellerId).
    if (customer.kind === 'indirect' && profile.role !== 'indirect-provider') {
      throw new AppError('conflict', 'Indirect customers need the partner role "Indirect provider" in Settings.');
    }
    if (customer.kind === 'indirect' && profile.requireBillingAddress && customer.billingAddress === null) {
      throw new AppError(
        'invalid-request',
        `${profile.organizationName} requires the billing address of indirect customers before a link is issued.`,
        {
          billingAddress: 'Enter the customer’s billing address first.',
        },
      );
    }
    // The distributor asks for the link on the reseller's behalf by the reseller's tenant ID.
    const reseller =
      customer.kind === 'indirect' && customer.resellerMpnId !== null
        ? await dependencies.resellers.resolve(customer.resellerMpnId)
        : null;
    // The link is per partner, not per customer: one fetched for the same combination is reused, even offline.
    const cacheKey = {
      partnerTenantId: profile.partnerTenantId,
      resellerTenantId: reseller?.tenantId ?? null,
      delegatedAdmin: customer.includeDelegatedAdmin,
    };
    const cached = cachedRelationshipLink(context.db, cacheKey);
    if (cached !== null) return cached;
    // Known to be unreachable: answer at once (the caller queues) instead of waiting for a timeout.
    if (dependencies.queue && !dependencies.queue.online()) {
      throw new AppError('offline', 'Partner Center could not be reached. Check the connection.');
    }
    const client = await dependencies.partnerCenter();
    const url = await client.getRelationshipRequestUrl(reseller ? { indirectResellerId: reseller.tenantId } : {});
    // The link goes to customers and to the OS browser: only a Microsoft 365 admin center link will do.
    if (!isAdminCenterUrl(url)) {
      throw new AppError(
        'partner-center',
        'Partner Center returned a link that is not a Microsoft 365 admin center link; it was not used.',
      );
    }
    const link = withDelegatedAdmin(url, customer.includeDelegatedAdmin);
    cacheRelationshipLink(context.db, cacheKey, link, context.now());
    return link;
  }

  async function requestAuthorizationLink(
    customerId: string,
    options: LinkRequestOptions = {},
  ): Promise<CustomerDetail> {
    const customer = requireCustomer(context, customerId);
    requireEditable(customer);
    const { queue } = dependencies;
    const fromOutbox = options.completeInTransaction !== undefined;
    let link: string;
    try {
      link = await fetchLink(customer);
    } catch (error) {
      const failure = partnerCenterFailure(error);
      // Unreachable: the request waits in the outbox instead of failing (the outbox's own tries just wait longer).
      if (failure?.code === 'offline' && queue && !fromOutbox) return queue.queueLink(customerId);
      if (failure?.code === 'offline' && fromOutbox) throw failure;
      // Only Microsoft's failures belong in the history; a refused request (wrong role, no address) changed nothing.
      if (failure && (failure.code === 'offline' || failure.code === 'partner-center')) {
        recordChange(context, null, customerId, {
          type: 'link-failed',
          summary:
            failure.code === 'offline'
              ? 'Authorization link not generated: offline'
              : 'Authorization link not generated',
          data: { code: failure.code, message: failure.message },
        });
      }
      throw failure ?? error;
    }
    const parts = parseRelationshipLink(link);
    return context.db.transaction(() => {
      // The call took a while: a customer archived or checked out meanwhile keeps its record, and one whose
      // kind or reseller changed needs another link than the one fetched for the old values.
      const current = requireCustomer(context, customerId);
      if (
        isReadOnly(current.status) ||
        current.kind !== customer.kind ||
        current.resellerMpnId !== customer.resellerMpnId
      ) {
        options.completeInTransaction?.();
        return customerDetail(context, customerId);
      }
      const detail = recordChange(
        context,
        { ...current, authorizationLink: link, status: current.status === 'draft' ? 'link-ready' : current.status },
        customerId,
        {
          type: 'link-generated',
          summary: 'Authorization link generated',
          data: { link, indirect: isIndirectLink(parts), ...parts },
        },
      );
      options.completeInTransaction?.();
      return detail;
    })();
  }

  function getInstructions(customerId: string): Instructions {
    const customer = requireCustomer(context, customerId);
    const link = requireLink(customer);
    const instructions = customerInstructions(customer, requireProfile(context), link);
    return {
      link,
      ...instructions,
      mailtoTooLong: mailtoUrl(customer.contactEmail, instructions).length > mailtoLengthLimit,
    };
  }

  function recordHandOff(customerId: string, channel: HandOffChannel): CustomerDetail {
    const customer = requireCustomer(context, customerId);
    requireEditable(customer);
    requireLink(customer);
    const event = handOffEvents[channel];
    // The first hand-off is when the customer can act: from then on the next step is to verify.
    const firstHandOff = customer.status === 'link-ready';
    return recordChange(context, firstHandOff ? { ...customer, status: 'sent' } : null, customerId, {
      type: event.type,
      summary: firstHandOff ? `${event.summary}; marked as sent` : event.summary,
      data: { channel },
    });
  }

  return {
    requestAuthorizationLink,
    async requestAuthorizationLinkOrReason(customerId) {
      try {
        return { detail: await requestAuthorizationLink(customerId), linkError: null };
      } catch (error) {
        if (error instanceof AppError && error.code !== 'internal') {
          return { detail: customerDetail(context, customerId), linkError: error.message };
        }
        throw error;
      }
    },
    getInstructions,
    recordHandOff,
    async openMailClient(customerId) {
      const customer = requireCustomer(context, customerId);
      requireEditable(customer);
      const instructions = getInstructions(customerId);
      // A cut-off mailto: would send a broken link; the user copies the instructions instead.
      if (instructions.mailtoTooLong) return { detail: customerDetail(context, customerId), opened: false };
      await openExternalSafely(dependencies.openExternal, mailtoUrl(customer.contactEmail, instructions));
      return { detail: recordHandOff(customerId, 'mail-client'), opened: true };
    },
  };
}
