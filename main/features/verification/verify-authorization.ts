// "Verify Authorization": asks Partner Center whether the customer accepted us, check by check, so the
// user sees exactly what is still missing and what to ask the customer for.
import { outcomeOf, type VerificationCheck, type VerificationResult } from '../../../shared/domain/verification';
import type { PartnerCenterClient } from '../../microsoft/partner-center/partner-center-client';
import { PartnerCenterError } from '../../microsoft/partner-center/partner-center-error';
import { isOfflineError } from '../../platform/http/microsoft-http-error';
import type { PartnerCenterCustomer, PartnerRelationship } from '../../microsoft/partner-center/partner-center-types';
import type { TenantDirectory } from '../../microsoft/partner-center/tenant-directory';

export interface VerificationRequest {
  defaultDomain: string;
  kind: 'direct' | 'indirect';
  // null when the reseller's MPN ID was left blank: nothing to check for the reseller then.
  reseller: { tenantId: string | null; mpnId: string } | null;
  delegatedAdminRequested: boolean;
  // Our organisation name for the labels and messages ("Customer accepted Contoso as reseller").
  partnerName?: string;
  now?: () => Date;
  // Asked only when no customer is found: does the domain belong to a Microsoft 365 tenant at all?
  tenantDirectory?: TenantDirectory;
}

const waitingForCustomer = {
  state: 'unknown',
  message: 'Checked once the customer is found',
  messageKey: 'waitingForCustomer',
} as const;

export async function verifyAuthorization(
  client: PartnerCenterClient,
  request: VerificationRequest,
): Promise<VerificationResult> {
  const domain = request.defaultDomain.trim().toLowerCase();
  const us = request.partnerName?.trim() || 'us';
  const now = request.now ?? (() => new Date());

  const relationship = await checkCustomerRelationship(client, domain, us, request.kind, request.tenantDirectory);
  const customer = relationship.customer;
  const checks: VerificationCheck[] = [
    relationship.check,
    await checkResellerAssociated(client, request, customer),
    await checkDelegatedAdmin(client, request, customer),
  ];
  return {
    outcome: outcomeOf(checks),
    defaultDomain: domain,
    customerTenantId: relationship.found?.id ?? null,
    checks,
    ...(relationship.noTenant ? { domainIsTenant: false } : {}),
    checkedAt: now().toISOString(),
  };
}

interface RelationshipCheck {
  check: VerificationCheck;
  // The customer found by its exact domain (even if not ours), and set only when it accepted us.
  found: PartnerCenterCustomer | null;
  customer: PartnerCenterCustomer | null;
  // Set when the sign-in service says no Microsoft 365 organisation has the domain.
  noTenant?: boolean;
}

async function checkCustomerRelationship(
  client: PartnerCenterClient,
  domain: string,
  us: string,
  kind: VerificationRequest['kind'],
  tenantDirectory: TenantDirectory | undefined,
): Promise<RelationshipCheck> {
  // Partner Center calls both relationships "reseller"; a distributor is the customer's indirect provider
  // (its reseller is checked next), so say it as the customer accepted it.
  const role = kind === 'indirect' ? 'indirect provider' : 'reseller';
  const roleKey = kind === 'indirect' ? 'Indirect' : 'Direct';
  const base = {
    id: 'customer-relationship',
    label: `Customer accepted ${us} as ${role}`,
    labelKey: `relationship${roleKey}`,
    params: { partner: us },
  } as const;
  let candidates: PartnerCenterCustomer[];
  try {
    candidates = await client.findCustomersByDomain(domain);
  } catch (error) {
    const unknown = unknownUnlessNotFound(error);
    if (unknown) return { check: { ...base, ...unknown }, found: null, customer: null };
    candidates = [];
  }
  // starts_with also returns look-alikes (contosolabs for contoso): only the exact default domain counts.
  const matches = candidates.filter((candidate) => candidate.companyProfile.domain.trim().toLowerCase() === domain);
  const found = matches.find((candidate) => isReseller(candidate)) ?? matches[0] ?? null;
  if (found === null) {
    const lookup = tenantDirectory ? await tenantDirectory.lookup(domain) : null;
    if (lookup?.exists === false) {
      return {
        check: {
          ...base,
          state: 'failed',
          message: `${domain} is not a Microsoft 365 tenant: Microsoft's sign-in service knows no organisation with this domain. Check the spelling, or ask the customer for its default domain (often the ….onmicrosoft.com one).`,
          messageKey: 'notTenant',
          params: { domain, partner: us },
        },
        found: null,
        customer: null,
        noTenant: true,
      };
    }
    return {
      check: {
        ...base,
        state: 'failed',
        message: `No customer with the default domain ${domain} has accepted the invitation yet. If the customer's default domain is not ${domain}, verify with that domain.`,
        messageKey: 'notFound',
        params: { domain, partner: us },
      },
      found: null,
      customer: null,
    };
  }
  const name = found.companyProfile.companyName || domain;
  if (!isReseller(found)) {
    return {
      check: {
        ...base,
        state: 'failed',
        message: `${name} (${domain}) is known to Partner Center but has not accepted ${us} as its ${role} (relationship: ${found.relationshipToPartner}). Ask a Global administrator of ${name} to open the link and accept it.`,
        messageKey: `notAccepted${roleKey}`,
        params: { name, domain, partner: us, relationship: found.relationshipToPartner },
      },
      found,
      customer: null,
    };
  }
  return {
    check: {
      ...base,
      state: 'passed',
      message: `${name} (${domain}) accepted ${us} as its ${role}.`,
      messageKey: `accepted${roleKey}`,
      params: { name, domain, partner: us },
    },
    found,
    customer: found,
  };
}

async function checkResellerAssociated(
  client: PartnerCenterClient,
  request: VerificationRequest,
  customer: PartnerCenterCustomer | null,
): Promise<VerificationCheck> {
  const base = {
    id: 'reseller-associated',
    label: 'Reseller associated with the customer',
    labelKey: 'resellerAssociated',
  } as const;
  if (request.kind !== 'indirect') {
    return {
      ...base,
      state: 'not-required',
      message: 'Only indirect customers are associated with a reseller.',
      messageKey: 'resellerOnlyIndirect',
    };
  }
  const reseller = request.reseller;
  if (reseller === null) {
    return {
      ...base,
      state: 'not-required',
      message: 'No reseller MPN ID was given, so no reseller association is checked.',
      messageKey: 'resellerNoMpnId',
    };
  }
  if (customer === null) return { ...base, ...waitingForCustomer };
  const missing: VerificationCheck = {
    ...base,
    state: 'failed',
    message: `The reseller with MPN ID ${reseller.mpnId} is not associated with this customer yet. Ask the customer to accept the reseller link for MPN ID ${reseller.mpnId} (it names both the reseller and the indirect provider).`,
    messageKey: 'resellerMissing',
    params: { mpnId: reseller.mpnId },
  };
  let relationships: PartnerRelationship[];
  try {
    relationships = await client.getCustomerRelationships(customer.id);
  } catch (error) {
    const unknown = unknownUnlessNotFound(error);
    return unknown ? { ...base, ...unknown } : missing;
  }
  const tenantId = reseller.tenantId?.toLowerCase() ?? null;
  const match = relationships.find(
    (relationship) =>
      (tenantId !== null && relationship.id.toLowerCase() === tenantId) ||
      relationship.mpnId.trim() === reseller.mpnId.trim(),
  );
  // associatedPartnerId is the provider's own record of the reseller, a second source for the same fact.
  const associated =
    match !== undefined || (tenantId !== null && customer.associatedPartnerId?.toLowerCase() === tenantId);
  if (!associated) return missing;
  if (match) {
    return {
      ...base,
      state: 'passed',
      message: `${match.name} (MPN ID ${match.mpnId}) is associated with the customer.`,
      messageKey: 'resellerAssociatedNamed',
      params: { reseller: match.name, mpnId: match.mpnId },
    };
  }
  return {
    ...base,
    state: 'passed',
    message: `The reseller with MPN ID ${reseller.mpnId} is associated with the customer.`,
    messageKey: 'resellerAssociatedMpnId',
    params: { mpnId: reseller.mpnId },
  };
}

async function checkDelegatedAdmin(
  client: PartnerCenterClient,
  request: VerificationRequest,
  customer: PartnerCenterCustomer | null,
): Promise<VerificationCheck> {
  const base = {
    id: 'delegated-admin',
    label: 'Delegated administration granted',
    labelKey: 'delegatedAdmin',
  } as const;
  if (!request.delegatedAdminRequested) {
    return {
      ...base,
      state: 'not-required',
      message: 'Delegated administration was not requested.',
      messageKey: 'delegatedAdminNotRequested',
    };
  }
  if (customer === null) return { ...base, ...waitingForCustomer };
  const notGranted: VerificationCheck = {
    ...base,
    state: 'failed',
    message:
      'The customer accepted without delegated administration privileges. Ask the customer to accept again with delegated admin, or set up admin rights through GDAP (Microsoft now grants admin rights to new customers through GDAP).',
    messageKey: 'delegatedAdminNotGranted',
  };
  let detailed: PartnerCenterCustomer;
  try {
    // Only get-by-id carries allowDelegatedAccess; the list leaves it out.
    detailed = await client.getCustomer(customer.id);
  } catch (error) {
    const unknown = unknownUnlessNotFound(error);
    return unknown ? { ...base, ...unknown } : notGranted;
  }
  if (detailed.allowDelegatedAccess === true) {
    return {
      ...base,
      state: 'passed',
      message: 'The customer granted delegated administration privileges.',
      messageKey: 'delegatedAdminGranted',
    };
  }
  return notGranted;
}

function isReseller(customer: PartnerCenterCustomer): boolean {
  return customer.relationshipToPartner.toLowerCase() === 'reseller';
}

// A Partner Center error makes the check 'unknown' (with its message) unless it means "not found", which the
// caller turns into a plain failure. Offline errors and bugs are rethrown: the caller queues or reports them.
function unknownUnlessNotFound(error: unknown): { state: 'unknown'; message: string } | null {
  if (isOfflineError(error)) throw error;
  if (!(error instanceof PartnerCenterError)) throw error;
  if (error.isNotFound) return null;
  return { state: 'unknown', message: error.message };
}
