// What the customer's Global administrator does in the Microsoft 365 admin center when accepting a
// reseller relationship link, played against the simulator's state (sandbox mode and tests).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isAdminCenterUrl, isIndirectLink, parseRelationshipLink } from '../shared/domain/relationship-link';
import { domainNameSchema, domainPrefixSchema, onMicrosoftDomain } from '../shared/domain/validation';
import type { SimulatedReseller, SimulatedTenant, SimulatorState } from './simulator-state';

export const acceptInvitationSchema = z.object({
  invitationUrl: z.string().min(1),
  domainPrefix: domainPrefixSchema,
  companyName: z.string().trim().min(1).max(200),
  grantDelegatedAdmin: z.boolean(),
  associateReseller: z.boolean(),
  customDefaultDomain: domainNameSchema.nullable(),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export class AcceptInvitationError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AcceptInvitationError';
  }
}

export function acceptInvitation(state: SimulatorState, input: AcceptInvitationInput): SimulatedTenant {
  if (!isAdminCenterUrl(input.invitationUrl)) {
    throw new AcceptInvitationError('The invitation link is not a Microsoft 365 admin center link.', 400);
  }
  const link = parseRelationshipLink(input.invitationUrl);
  const partnerTenantId = state.partner.tenantId.toLowerCase();
  let reseller: SimulatedReseller | null = null;
  if (isIndirectLink(link)) {
    // In an indirect link the provider is indirectCSPId and partnerId is the reseller.
    if (link.indirectCspId?.toLowerCase() !== partnerTenantId) {
      throw new AcceptInvitationError(
        'This link was issued for another indirect provider than the simulated partner.',
        400,
      );
    }
    reseller =
      state.resellers.find((candidate) => candidate.tenantId.toLowerCase() === link.partnerId?.toLowerCase()) ??
      state.resellers.find((candidate) => candidate.mpnId === link.mpnId) ??
      null;
    if (reseller === null)
      throw new AcceptInvitationError('The link names a reseller the simulated partner does not have.', 400);
  } else if (link.partnerId?.toLowerCase() !== partnerTenantId) {
    throw new AcceptInvitationError('This link was issued for another partner than the simulated partner.', 400);
  }

  return applyAcceptance(state, {
    domain: onMicrosoftDomain(input.domainPrefix),
    companyName: input.companyName,
    grantDelegatedAdmin: link.delegatedAdmin === true && input.grantDelegatedAdmin,
    associateResellerId: reseller !== null && input.associateReseller ? reseller.tenantId : null,
    customDefaultDomain: input.customDefaultDomain,
  });
}

export interface Acceptance {
  // The tenant's onmicrosoft.com domain.
  domain: string;
  companyName: string;
  grantDelegatedAdmin: boolean;
  associateResellerId: string | null;
  customDefaultDomain: string | null;
}

// The tenant's side of accepting: it becomes our customer, with what it granted. Shared by the sandbox's
// "accept" and by scripted scenarios that accept after a number of checks.
export function applyAcceptance(state: SimulatorState, acceptance: Acceptance): SimulatedTenant {
  const domain = acceptance.domain.toLowerCase();
  const customDefault = acceptance.customDefaultDomain;
  if (
    customDefault !== null &&
    state.tenants.some(
      (tenant) =>
        tenant.onMicrosoftDomain !== domain &&
        (tenant.defaultDomain === customDefault || tenant.customDomains.includes(customDefault)),
    )
  ) {
    throw new AcceptInvitationError(`The domain ${customDefault} already belongs to another tenant.`, 409);
  }

  let tenant = state.tenants.find((candidate) => candidate.onMicrosoftDomain === domain);
  if (!tenant) {
    tenant = {
      id: randomUUID(),
      companyName: acceptance.companyName.trim(),
      onMicrosoftDomain: domain,
      defaultDomain: domain,
      customDomains: [],
      relationshipToPartner: 'none',
      allowDelegatedAccess: false,
      associatedResellerIds: [],
    };
    state.tenants.push(tenant);
  }
  if (customDefault !== null) {
    // From now on Partner Center's Domain filter finds the customer only by this default domain.
    tenant.defaultDomain = customDefault;
    if (!tenant.customDomains.includes(customDefault)) tenant.customDomains.push(customDefault);
  }
  tenant.relationshipToPartner = 'reseller';
  tenant.allowDelegatedAccess = acceptance.grantDelegatedAdmin;
  const resellerId = acceptance.associateResellerId;
  if (resellerId !== null && !tenant.associatedResellerIds.includes(resellerId)) {
    tenant.associatedResellerIds.push(resellerId);
  }
  return tenant;
}
