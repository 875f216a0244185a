// Sample partner profiles and service details for tests, matching the simulator's seeded partner and resellers.
import type { ServiceDetails } from '../../shared/domain/customer';
import type { PartnerProfile } from '../../shared/domain/partner-profile';
import { defaultPartner } from '../../sandbox/start-simulator';

export const distributorProfile: PartnerProfile = {
  role: 'indirect-provider',
  organizationName: defaultPartner.name,
  partnerTenantId: defaultPartner.tenantId,
  requireBillingAddress: true,
};

export const directProfile: PartnerProfile = {
  role: 'direct',
  organizationName: 'Proseware Cloud',
  partnerTenantId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  requireBillingAddress: false,
};

export const billingAddress = { addressLine1: '1 Main Street', city: 'Reading', postalCode: 'RG1 1AA', country: 'GB' };

export function indirectDetails(overrides: Partial<ServiceDetails> = {}): ServiceDetails {
  return {
    kind: 'indirect',
    companyName: 'Litware Inc',
    contactName: 'Anna Bell',
    contactEmail: 'anna@litware.com',
    domainPrefix: 'litware',
    ownsExistingTenant: true,
    resellerMpnId: '4391507',
    includeDelegatedAdmin: true,
    billingAddress,
    ...overrides,
  };
}

export function directDetails(overrides: Partial<ServiceDetails> = {}): ServiceDetails {
  return {
    kind: 'direct',
    companyName: 'Fourth Coffee',
    contactName: 'Ben Carter',
    contactEmail: 'ben@fourthcoffee.com',
    domainPrefix: 'fourthcoffee',
    ownsExistingTenant: true,
    resellerMpnId: '',
    includeDelegatedAdmin: true,
    billingAddress: null,
    ...overrides,
  };
}
